// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layout/FlowLayout.h"

#include <QHBoxLayout>
#include <QSpacerItem>
#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace periscope::widgets {

FlowLayout::FlowLayout(QWidget *parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent), m_horizontalSpacing(horizontalSpacing), m_verticalSpacing(verticalSpacing)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addWidget(QWidget *widget, int stretch)
{
    addChildWidget(widget);
    m_entries.append({new QWidgetItem(widget), std::max(0, stretch)});
    invalidate();
}

void FlowLayout::addGroup(std::initializer_list<QWidget *> widgets, int stretch)
{
    auto *group = new QWidget;
    auto *row = new QHBoxLayout(group);
    row->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets)
        row->addWidget(w, w->sizePolicy().horizontalPolicy() & QSizePolicy::ExpandFlag ? 1 : 0);
    addWidget(group, stretch);
}

void FlowLayout::addSpacing(int width)
{
    addItem(new QSpacerItem(width, 0, QSizePolicy::Fixed, QSizePolicy::Minimum));
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_entries.append({item, 0});
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_entries.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return index >= 0 && index < m_entries.size() ? m_entries[index].item : nullptr;
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_entries.size())
        return nullptr;
    QLayoutItem *item = m_entries.takeAt(index).item;
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return Qt::Horizontal;
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

// As narrow as its widest item: everything else wraps.
QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const Entry &e : m_entries)
        size = size.expandedTo(e.item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

// One row, when there is room for it.
QSize FlowLayout::sizeHint() const
{
    int width = 0, height = 0, visible = 0;
    for (const Entry &e : m_entries) {
        if (e.item->isEmpty())
            continue;
        const QSize hint = e.item->sizeHint();
        width += hint.width();
        height = std::max(height, hint.height());
        ++visible;
    }
    width += std::max(0, visible - 1) * horizontalSpacing();
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::horizontalSpacing() const
{
    return m_horizontalSpacing >= 0 ? m_horizontalSpacing : spacingFromStyle(true);
}

int FlowLayout::verticalSpacing() const
{
    return m_verticalSpacing >= 0 ? m_verticalSpacing : spacingFromStyle(false);
}

int FlowLayout::spacingFromStyle(bool horizontal) const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *owner = parentWidget();
    if (!owner)
        return 6;
    return owner->style()->pixelMetric(horizontal ? QStyle::PM_LayoutHorizontalSpacing : QStyle::PM_LayoutVerticalSpacing, nullptr, owner);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gapX = horizontalSpacing(), gapY = verticalSpacing();
    int y = area.y();
    // Rows are filled greedily; each row's spare width then goes to its stretching items.
    QList<const Entry *> row;
    int rowWidth = 0, rowHeight = 0;
    auto placeRow = [&]() {
        if (row.isEmpty())
            return;
        int spare = std::max(0, area.width() - rowWidth);
        int stretchSum = 0;
        for (const Entry *e : row)
            stretchSum += e->stretch;
        int x = area.x();
        for (const Entry *e : row) {
            QSize size = e->item->sizeHint().boundedTo(e->item->maximumSize()).expandedTo(e->item->minimumSize());
            if (stretchSum > 0 && e->stretch > 0) {
                const int extra = spare * e->stretch / stretchSum;
                spare -= extra;
                stretchSum -= e->stretch;
                size.setWidth(std::min(size.width() + extra, e->item->maximumSize().width()));
            }
            size.setWidth(std::min(size.width(), area.width()));
            if (apply) // centred in the row's height, as a QHBoxLayout places them
                e->item->setGeometry(QRect(QPoint(x, y + (rowHeight - size.height()) / 2), QSize(size.width(), std::min(size.height(), rowHeight))));
            x += size.width() + gapX;
        }
        y += rowHeight + gapY;
        row.clear();
        rowWidth = rowHeight = 0;
    };
    for (const Entry &e : m_entries) {
        if (e.item->isEmpty())
            continue;
        const QSize hint = e.item->sizeHint().boundedTo(e.item->maximumSize()).expandedTo(e.item->minimumSize());
        const int needed = row.isEmpty() ? hint.width() : rowWidth + gapX + hint.width();
        if (!row.isEmpty() && needed > area.width())
            placeRow();
        rowWidth = row.isEmpty() ? hint.width() : rowWidth + gapX + hint.width();
        rowHeight = std::max(rowHeight, hint.height());
        row.append(&e);
    }
    placeRow();
    const int used = y == area.y() ? 0 : y - gapY - area.y();
    const QMargins m = contentsMargins();
    return used + m.top() + m.bottom();
}

} // namespace periscope::widgets
