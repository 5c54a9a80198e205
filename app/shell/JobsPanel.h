// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTableView;
class QPushButton;

namespace periscope::app {

class JobManager;
class JobModel;

// The Jobs dock: running and finished jobs with progress, elapsed time, a cancel button per
// running job and the error text of failed ones.
class JobsPanel : public QWidget {
    Q_OBJECT
public:
    explicit JobsPanel(JobManager *jobs, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    JobModel *model() const { return m_model; }

private:
    void cancelSelected();
    void updateButtons();

    JobManager *m_jobs;
    JobModel *m_model;
    QTableView *m_view;
    QPushButton *m_cancelButton;
    QPushButton *m_clearButton;
};

} // namespace periscope::app
