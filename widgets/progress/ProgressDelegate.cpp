// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/progress/ProgressDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace periscope::widgets {

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    bool ok = false;
    const double fraction = index.data(Qt::DisplayRole).toDouble(&ok);
    if (!ok) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    bar.maximum = fraction < 0 ? 0 : 1000; // min == max draws Qt's "busy" bar
    bar.progress = fraction < 0 ? 0 : int(qBound(0.0, fraction, 1.0) * 1000.0 + 0.5);
    bar.textVisible = fraction >= 0;
    bar.text = fraction >= 0 ? QStringLiteral("%1%").arg(int(fraction * 100.0 + 0.5)) : QString();
    bar.palette = option.palette;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), 120));
    return size;
}

} // namespace periscope::widgets
