// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/JobModel.h"

#include "app/shell/JobManager.h"

#include <QApplication>
#include <QBrush>
#include <QPalette>
#include <QStyle>

namespace periscope::app {

namespace {
QString formatElapsed(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

JobModel::JobModel(JobManager *jobs, QObject *parent) : QAbstractTableModel(parent), m_jobs(jobs)
{
    m_rows = jobs->jobIds();
    connect(jobs, &JobManager::jobAdded, this, &JobModel::onJobAdded);
    connect(jobs, &JobManager::jobChanged, this, &JobModel::onJobChanged);
    connect(jobs, &JobManager::jobsCleared, this, [this] {
        beginResetModel();
        m_rows = m_jobs->jobIds();
        endResetModel();
    });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &JobModel::tickElapsed);
}

int JobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

quint64 JobModel::jobIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : 0;
}

int JobModel::rowOf(quint64 id) const
{
    return int(m_rows.indexOf(id));
}

QVariant JobModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const JobRecord *job = m_jobs->record(jobIdAt(index.row()));
    if (!job)
        return {};
    if (role == JobIdRole)
        return job->id;
    if (role == IsActiveRole)
        return job->isActive();
    const qint64 elapsed = job->isActive() ? job->clock.elapsed() : job->elapsedMs;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return job->name;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return toDisplayString(job->state);
        if (role == Qt::ForegroundRole && job->state == JobState::Failed)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        break;
    case ProgressColumn:
        if (role == Qt::DisplayRole)
            return job->progress;
        break;
    case ElapsedColumn:
        if (role == Qt::DisplayRole)
            return formatElapsed(elapsed);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return job->message;
        if (role == Qt::ForegroundRole && job->state == JobState::Failed)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        break;
    case CancelColumn:
        if (!job->isActive() || job->state == JobState::Cancelling)
            break;
        if (role == Qt::DecorationRole)
            return QApplication::style()->standardIcon(QStyle::SP_DialogCancelButton);
        if (role == Qt::ToolTipRole)
            return tr("Cancel this job");
        break;
    default:
        break;
    }
    return {};
}

QVariant JobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Job");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case ElapsedColumn: return tr("Elapsed");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

void JobModel::onJobAdded(quint64 id)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(id);
    endInsertRows();
    if (!m_tick.isActive())
        m_tick.start();
}

void JobModel::onJobChanged(quint64 id)
{
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobModel::tickElapsed()
{
    if (m_jobs->activeCount() == 0) {
        m_tick.stop();
        return;
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        const JobRecord *job = m_jobs->record(m_rows.at(row));
        if (job && job->isActive())
            Q_EMIT dataChanged(index(row, ElapsedColumn), index(row, ElapsedColumn));
    }
}

} // namespace periscope::app
