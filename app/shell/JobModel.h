// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QTimer>

namespace periscope::app {

class JobManager;

// The Jobs panel's table: one row a job, newest last. Elapsed times of running jobs tick once a
// second; every other change comes from JobManager's signals.
class JobModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, ProgressColumn, ElapsedColumn, MessageColumn, CancelColumn,
                  ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, IsActiveRole };

    explicit JobModel(JobManager *jobs, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    quint64 jobIdAt(int row) const;
    int rowOf(quint64 id) const;

private:
    void onJobAdded(quint64 id);
    void onJobChanged(quint64 id);
    void tickElapsed();

    JobManager *m_jobs;
    QList<quint64> m_rows;
    QTimer m_tick;
};

} // namespace periscope::app
