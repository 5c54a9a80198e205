// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/JobManager.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <initializer_list>

namespace periscope::app {

// One kind of job a workspace model runs, at most one at a time: "scan the folder", "load the
// model", "analyse the scenes", "train". Starting a job while one runs supersedes it: the old one
// is cancelled and whatever it still delivers (result, error, cancellation) is dropped, so a stale
// answer never overwrites a newer one and never clears the newer job's state. The handlers run on
// the UI thread after the slot has forgotten the job, so a handler may start the next job at once.
// Destroying the slot (with its model) cancels its job and drops the handlers.
class JobSlot : public QObject {
    Q_OBJECT
public:
    explicit JobSlot(JobManager *jobs, QObject *parent = nullptr);
    ~JobSlot() override;

    // Starts `work` under `title` in the Jobs panel, cancelling the slot's running job first.
    void start(const QString &title, JobManager::Work work, JobManager::ResultHandler onResult,
               JobManager::ErrorHandler onError = {}, JobManager::CancelHandler onCancelled = {});
    void cancel(); // the cancellation handler runs once the worker has stopped
    bool isBusy() const { return m_id != 0; }
    quint64 jobId() const { return m_id; }
    JobManager *jobs() const { return m_jobs.data(); }

    // True while any of `list` runs.
    static bool anyBusy(std::initializer_list<const JobSlot *> list);

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void ended(quint64 id, const std::function<void()> &handler);

    QPointer<JobManager> m_jobs; // the manager may go first when the window closes
    quint64 m_id = 0;
};

} // namespace periscope::app
