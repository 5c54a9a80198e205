// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/jobs/JobControl.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QVariant>

#include <functional>
#include <memory>

namespace periscope::app {

enum class JobState { Running, Cancelling, Finished, Failed, Cancelled };

// What the Jobs panel shows of one job. Lives on the UI thread only.
struct JobRecord {
    quint64 id = 0;
    QString name;
    JobState state = JobState::Running;
    double progress = -1.0; // [0, 1], or negative while unknown
    QString message;        // the last progress message, or the error text when it failed
    QElapsedTimer clock;
    qint64 elapsedMs = 0;   // frozen when the job ends
    bool isActive() const { return state == JobState::Running || state == JobState::Cancelling; }
};

QString toDisplayString(JobState state);

// Runs work on worker threads, never on the UI thread. The work receives the engine's
// JobControl (cancel token + progress callback, no Qt), and its result or error comes back to
// the UI thread through queued calls. Each job's records stay for the Jobs panel until cleared.
class JobManager : public QObject {
    Q_OBJECT
public:
    // Runs on a worker thread. Returns the result handed to onResult; throws periscope::Error
    // (or any std::exception) to fail, CancelledError to acknowledge a cancel.
    using Work = std::function<QVariant(const periscope::JobControl &control)>;
    using ResultHandler = std::function<void(const QVariant &result)>;
    using ErrorHandler = std::function<void(const QString &error)>;
    using CancelHandler = std::function<void()>;

    explicit JobManager(QObject *parent = nullptr);
    ~JobManager() override;

    // Starts `work` now. The handlers run on the UI thread, and only while `receiver` (when
    // given) is alive, so a workspace closed mid-job never receives a dangling callback. Exactly
    // one of them runs when the job ends: its result, its error, or its cancellation.
    quint64 start(const QString &name, Work work, QObject *receiver = nullptr,
                  ResultHandler onResult = {}, ErrorHandler onError = {}, CancelHandler onCancelled = {});

    void cancel(quint64 id);
    void cancelAll();
    void clearFinished();

    const JobRecord *record(quint64 id) const;
    QList<quint64> jobIds() const { return m_order; }
    int activeCount() const;

    // Runs the event loop (the UI stays live) until no job is active or the timeout passes.
    // For --screenshot, the headless demo and tests; returns false on timeout.
    bool waitForIdle(int timeoutMs);

Q_SIGNALS:
    void jobAdded(quint64 id);
    void jobChanged(quint64 id);
    void jobEnded(quint64 id, periscope::app::JobState state);
    void jobsCleared();
    void idle(); // the last active job ended

private:
    struct Running; // per-job state shared with the worker
    void onWorkerDone(quint64 id, int outcome, const QVariant &result, const QString &error);
    void onWorkerProgress(quint64 id, double fraction, const QString &message);

    QThreadPool m_pool;
    QHash<quint64, JobRecord> m_records;
    QHash<quint64, std::shared_ptr<Running>> m_running;
    QList<quint64> m_order;
    quint64 m_nextId = 1;
};

// From a job's worker thread: runs `call(receiver)` on the receiver's thread soon, or not at all
// when the receiver is gone by then. For what a job hands over before it ends (a finished item of
// a batch, a training epoch), beyond the progress fraction.
template <typename Object, typename Call>
void postToReceiver(const QPointer<Object> &receiver, Call call)
{
    QMetaObject::invokeMethod(
        receiver.data(),
        [receiver, call = std::move(call)] {
            if (receiver)
                call(receiver.data());
        },
        Qt::QueuedConnection);
}

} // namespace periscope::app
