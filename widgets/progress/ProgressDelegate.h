// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace periscope::widgets {

// Draws a progress bar in an item view cell. The cell's Qt::DisplayRole holds the fraction
// in [0, 1], or a negative number for "unknown" (drawn busy-style, without a percentage).
// Qt::ToolTipRole, when set, is shown as the bar's text instead of the percentage.
class ProgressDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace periscope::widgets
