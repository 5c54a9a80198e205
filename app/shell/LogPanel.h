// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QSortFilterProxyModel;
class QTableView;

namespace periscope::app {

class LogModel;

// The Log dock: messages with time, level and source, filtered by a minimum level.
class LogPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogPanel(LogModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }

private:
    LogModel *m_model;
    QSortFilterProxyModel *m_filter;
    QTableView *m_view;
    QComboBox *m_minimumLevel;
};

} // namespace periscope::app
