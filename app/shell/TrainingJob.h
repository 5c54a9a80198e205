// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/JobSlot.h"

#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>

namespace periscope::app {

// The training a workspace model runs: at most one at a time, as a job in the Jobs panel; each
// epoch handed to the UI thread as it ends; the outcome either finished (the weights file and a
// summary line) or stopped (cancelled, with the last finished epoch's weights kept, or failed).
// The engine's trainers write the weights after every epoch; switching the workspace to them is
// the user's choice (TrainingPanel's "Use these weights"), never silent.
class TrainingJob : public QObject {
    Q_OBJECT
public:
    // Called on the worker thread with each finished epoch (the engine's epoch type, wrapped).
    using EpochReporter = std::function<void(const QVariant &epoch)>;
    // Runs on a worker thread: trains, reports epochs, returns the summary line. Throws to fail.
    using Work = std::function<QString(const JobControl &control, const EpochReporter &epochEnded)>;

    explicit TrainingJob(JobManager *jobs, QObject *parent = nullptr);

    // False (and nothing starts) while a training runs.
    bool start(const QString &title, const QString &weightsPath, Work work);
    void cancel();
    bool isRunning() const { return m_slot.isBusy(); }
    QString weightsPath() const { return m_weightsPath; }

Q_SIGNALS:
    void epochEnded(const QVariant &epoch);
    void finished(const QString &weightsPath, const QString &summary);
    void stopped(const QString &reason);

private:
    JobSlot m_slot;
    QString m_weightsPath;
};

} // namespace periscope::app
