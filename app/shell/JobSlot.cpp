// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/JobSlot.h"

#include <algorithm>

namespace periscope::app {

JobSlot::JobSlot(JobManager *jobs, QObject *parent) : QObject(parent), m_jobs(jobs)
{
    Q_ASSERT(jobs);
}

JobSlot::~JobSlot()
{
    cancel();
}

bool JobSlot::anyBusy(std::initializer_list<const JobSlot *> list)
{
    return std::any_of(list.begin(), list.end(), [](const JobSlot *slot) { return slot->isBusy(); });
}

void JobSlot::start(const QString &title, JobManager::Work work, JobManager::ResultHandler onResult, JobManager::ErrorHandler onError,
                    JobManager::CancelHandler onCancelled)
{
    if (!m_jobs)
        return; // the window is closing
    const bool wasBusy = isBusy();
    cancel(); // superseded: what it still delivers is dropped in ended()
    // The id is known only once start returns; the handlers run later, on the UI thread.
    auto id = std::make_shared<quint64>(0);
    *id = m_jobs->start(
        title, std::move(work), this,
        [this, id, onResult = std::move(onResult)](const QVariant &result) {
            ended(*id, [&] {
                if (onResult)
                    onResult(result);
            });
        },
        [this, id, onError = std::move(onError)](const QString &error) {
            ended(*id, [&] {
                if (onError)
                    onError(error);
            });
        },
        [this, id, onCancelled = std::move(onCancelled)] {
            ended(*id, [&] {
                if (onCancelled)
                    onCancelled();
            });
        });
    m_id = *id;
    if (!wasBusy)
        Q_EMIT busyChanged(true);
}

void JobSlot::ended(quint64 id, const std::function<void()> &handler)
{
    if (id != m_id)
        return; // superseded by a newer job of this slot
    m_id = 0;
    handler();
    if (!isBusy())
        Q_EMIT busyChanged(false);
}

void JobSlot::cancel()
{
    if (m_id && m_jobs)
        m_jobs->cancel(m_id);
}

} // namespace periscope::app
