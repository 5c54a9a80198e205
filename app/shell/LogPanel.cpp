// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/LogPanel.h"

#include "app/shell/LogModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace periscope::app {

namespace {
// Keeps rows whose level is at least the chosen minimum.
class MinimumLevelFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMinimumLevel(int level)
    {
        m_minimum = level;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return sourceModel()->index(row, 0, parent).data(Qt::UserRole).toInt() >= m_minimum;
    }

private:
    int m_minimum = int(LogLevel::Info);
};
} // namespace

LogPanel::LogPanel(LogModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_filter(new MinimumLevelFilter(this)),
      m_view(new QTableView(this)), m_minimumLevel(new QComboBox(this))
{
    setObjectName(QStringLiteral("logPanel"));
    m_view->setObjectName(QStringLiteral("logView"));
    m_filter->setSourceModel(model);
    m_view->setModel(m_filter);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(LogModel::MessageColumn, QHeaderView::Stretch);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);

    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Error})
        m_minimumLevel->addItem(LogModel::levelName(level), int(level));
    m_minimumLevel->setCurrentIndex(int(LogLevel::Info));
    auto *clear = new QPushButton(tr("Clear"), this);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show from:"), this));
    controls->addWidget(m_minimumLevel);
    controls->addStretch();
    controls->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(m_view);

    connect(m_minimumLevel, &QComboBox::currentIndexChanged, this, [this](int) {
        static_cast<MinimumLevelFilter *>(m_filter)->setMinimumLevel(
            m_minimumLevel->currentData().toInt());
    });
    connect(clear, &QPushButton::clicked, model, &LogModel::clear);
    connect(model, &LogModel::rowsInserted, m_view, &QTableView::scrollToBottom);
}

} // namespace periscope::app
