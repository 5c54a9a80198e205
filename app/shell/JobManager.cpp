// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/JobManager.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QMetaObject>
#include <QRunnable>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <exception>

namespace periscope::app {

namespace {
enum Outcome { OutcomeFinished, OutcomeFailed, OutcomeCancelled };
// Progress from a tight loop must not flood the UI thread's queue: forward at most this often.
constexpr qint64 kProgressIntervalMs = 40;
} // namespace

QString toDisplayString(JobState state)
{
    switch (state) {
    case JobState::Running: return JobManager::tr("Running");
    case JobState::Cancelling: return JobManager::tr("Cancelling");
    case JobState::Finished: return JobManager::tr("Finished");
    case JobState::Failed: return JobManager::tr("Failed");
    case JobState::Cancelled: return JobManager::tr("Cancelled");
    }
    return {};
}

struct JobManager::Running {
    std::shared_ptr<periscope::CancelToken> token = std::make_shared<periscope::CancelToken>();
    QPointer<QObject> receiver;
    bool hasReceiver = false;
    ResultHandler onResult;
    ErrorHandler onError;
    CancelHandler onCancelled;
};

JobManager::JobManager(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
}

JobManager::~JobManager()
{
    cancelAll();
    // Workers may still be inside engine code; they hold only shared state and a QPointer to
    // us, and their queued calls die with this object. Waiting keeps teardown orderly.
    m_pool.waitForDone();
}

quint64 JobManager::start(const QString &name, Work work, QObject *receiver,
                          ResultHandler onResult, ErrorHandler onError, CancelHandler onCancelled)
{
    const quint64 id = m_nextId++;
    JobRecord record;
    record.id = id;
    record.name = name;
    record.clock.start();
    m_records.insert(id, record);
    m_order.append(id);

    auto running = std::make_shared<Running>();
    running->receiver = receiver;
    running->hasReceiver = receiver != nullptr;
    running->onResult = std::move(onResult);
    running->onError = std::move(onError);
    running->onCancelled = std::move(onCancelled);
    m_running.insert(id, running);
    Q_EMIT jobAdded(id);

    QPointer<JobManager> self(this);
    std::shared_ptr<const periscope::CancelToken> token = running->token;
    auto progressState = std::make_shared<QElapsedTimer>();
    periscope::ProgressCallback progress = [self, id, progressState](double fraction,
                                                                     const std::string &text) {
        if (progressState->isValid() && progressState->elapsed() < kProgressIntervalMs &&
            fraction < 1.0)
            return;
        progressState->start();
        const QString message = QString::fromStdString(text);
        QMetaObject::invokeMethod(
            self.data(), [self, id, fraction, message] {
                if (self)
                    self->onWorkerProgress(id, fraction, message);
            },
            Qt::QueuedConnection);
    };

    m_pool.start([self, id, work = std::move(work), token, progress] {
        periscope::JobControl control(token, progress);
        int outcome = OutcomeFinished;
        QVariant result;
        QString error;
        try {
            result = work(control);
            if (token->isCancelled())
                outcome = OutcomeCancelled;
        } catch (const periscope::CancelledError &) {
            outcome = OutcomeCancelled;
        } catch (const std::exception &e) {
            outcome = OutcomeFailed;
            error = QString::fromUtf8(e.what());
        } catch (...) {
            outcome = OutcomeFailed;
            error = QStringLiteral("unknown error");
        }
        QMetaObject::invokeMethod(
            self.data(), [self, id, outcome, result, error] {
                if (self)
                    self->onWorkerDone(id, outcome, result, error);
            },
            Qt::QueuedConnection);
    });
    return id;
}

void JobManager::onWorkerProgress(quint64 id, double fraction, const QString &message)
{
    auto it = m_records.find(id);
    if (it == m_records.end() || !it->isActive())
        return;
    it->progress = fraction;
    if (!message.isEmpty())
        it->message = message;
    it->elapsedMs = it->clock.elapsed();
    Q_EMIT jobChanged(id);
}

void JobManager::onWorkerDone(quint64 id, int outcome, const QVariant &result, const QString &error)
{
    const std::shared_ptr<Running> running = m_running.take(id);
    auto it = m_records.find(id);
    if (it == m_records.end() || !running)
        return;
    it->elapsedMs = it->clock.elapsed();
    switch (outcome) {
    case OutcomeFinished:
        it->state = JobState::Finished;
        it->progress = 1.0;
        break;
    case OutcomeCancelled:
        it->state = JobState::Cancelled;
        it->message = tr("Cancelled after %1 s").arg(double(it->elapsedMs) / 1000.0, 0, 'f', 1);
        break;
    default:
        it->state = JobState::Failed;
        it->message = error;
        break;
    }
    const JobState state = it->state;
    Q_EMIT jobChanged(id);
    Q_EMIT jobEnded(id, state);

    const bool receiverAlive = !running->hasReceiver || running->receiver;
    if (receiverAlive) {
        if (state == JobState::Finished && running->onResult)
            running->onResult(result);
        else if (state == JobState::Failed && running->onError)
            running->onError(error);
        else if (state == JobState::Cancelled && running->onCancelled)
            running->onCancelled();
    }
    if (activeCount() == 0)
        Q_EMIT idle();
}

void JobManager::cancel(quint64 id)
{
    auto running = m_running.value(id);
    auto it = m_records.find(id);
    if (!running || it == m_records.end() || it->state != JobState::Running)
        return;
    running->token->cancel();
    it->state = JobState::Cancelling;
    Q_EMIT jobChanged(id);
}

void JobManager::cancelAll()
{
    const QList<quint64> ids = m_running.keys();
    for (quint64 id : ids)
        cancel(id);
}

void JobManager::clearFinished()
{
    for (auto it = m_order.begin(); it != m_order.end();) {
        if (!m_records.value(*it).isActive()) {
            m_records.remove(*it);
            it = m_order.erase(it);
        } else {
            ++it;
        }
    }
    Q_EMIT jobsCleared();
}

const JobRecord *JobManager::record(quint64 id) const
{
    auto it = m_records.constFind(id);
    return it == m_records.constEnd() ? nullptr : &it.value();
}

int JobManager::activeCount() const
{
    return int(m_running.size());
}

bool JobManager::waitForIdle(int timeoutMs)
{
    if (activeCount() == 0)
        return true;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &JobManager::idle, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
    return activeCount() == 0;
}

} // namespace periscope::app
