// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/JobsPanel.h"

#include "app/shell/JobManager.h"
#include "app/shell/JobModel.h"
#include "widgets/progress/ProgressDelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace periscope::app {

JobsPanel::JobsPanel(JobManager *jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_model(new JobModel(jobs, this)), m_view(new QTableView(this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_clearButton(new QPushButton(tr("Clear Finished"), this))
{
    setObjectName(QStringLiteral("jobsPanel"));
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(JobModel::ProgressColumn,
                                     new periscope::widgets::ProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(JobModel::MessageColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(JobModel::CancelColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->resizeSection(JobModel::NameColumn, 260); // "Colorize 81 photos", not "Colorize 81 p…"

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == JobModel::CancelColumn)
            m_jobs->cancel(m_model->jobIdAt(index.row()));
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &JobsPanel::cancelSelected);
    connect(m_clearButton, &QPushButton::clicked, m_jobs, &JobManager::clearFinished);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobsPanel::updateButtons);
    connect(m_model, &JobModel::dataChanged, this, &JobsPanel::updateButtons);
    connect(m_model, &JobModel::rowsInserted, this, [this] {
        m_view->scrollToBottom();
        updateButtons();
    });
    connect(m_model, &JobModel::modelReset, this, &JobsPanel::updateButtons);
    updateButtons();
}

void JobsPanel::cancelSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        m_jobs->cancel(m_model->jobIdAt(row.row()));
}

void JobsPanel::updateButtons()
{
    bool anySelectedActive = false;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        anySelectedActive |= row.data(JobModel::IsActiveRole).toBool();
    m_cancelButton->setEnabled(anySelectedActive);
    m_clearButton->setEnabled(m_model->rowCount() > m_jobs->activeCount());
}

} // namespace periscope::app
