// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/TrainingJob.h"

#include <QPointer>

namespace periscope::app {

TrainingJob::TrainingJob(JobManager *jobs, QObject *parent) : QObject(parent), m_slot(jobs) {}

bool TrainingJob::start(const QString &title, const QString &weightsPath, Work work)
{
    if (m_slot.isBusy())
        return false;
    m_weightsPath = weightsPath;
    const QPointer<TrainingJob> self(this);
    m_slot.start(
        title,
        [work = std::move(work), self](const JobControl &control) {
            const EpochReporter report = [self](const QVariant &epoch) {
                postToReceiver(self, [epoch](TrainingJob *job) { Q_EMIT job->epochEnded(epoch); });
            };
            return QVariant(work(control, report));
        },
        [this](const QVariant &summary) { Q_EMIT finished(m_weightsPath, summary.toString()); },
        [this](const QString &error) { Q_EMIT stopped(error); },
        [this] { Q_EMIT stopped(tr("Training cancelled; the weights of the last finished epoch are saved.")); });
    return true;
}

void TrainingJob::cancel()
{
    m_slot.cancel();
}

} // namespace periscope::app
