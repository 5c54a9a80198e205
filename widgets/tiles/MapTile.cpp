// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/tiles/MapTile.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace periscope::widgets {

MapTile::MapTile(int item, const QColor &frame, QWidget *parent) : QWidget(parent), m_item(item), m_frame(frame)
{
    setMouseTracking(true);
    setMinimumSize(80, 96);
}

void MapTile::setMap(const QImage &map, const QString &caption)
{
    m_map = map;
    m_caption = caption;
    setToolTip(caption);
    update();
}

void MapTile::setHighlighted(bool on)
{
    if (on != m_highlighted) {
        m_highlighted = on;
        update();
    }
}

void MapTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int captionHeight = fontMetrics().height() + 2;
    const QRect frame = rect().adjusted(2, 2, -2, -2 - captionHeight);
    const int side = std::min(frame.width(), frame.height());
    const QRect square(frame.left() + (frame.width() - side) / 2, frame.top(), side, side);
    if (!m_map.isNull())
        p.drawImage(square, m_map);
    p.setPen(QPen(m_frame, m_highlighted ? 4 : 2));
    p.drawRect(square.adjusted(1, 1, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(0, square.bottom() + 2, width(), captionHeight), Qt::AlignCenter,
               fontMetrics().elidedText(m_caption, Qt::ElideRight, width()));
}

void MapTile::enterEvent(QEnterEvent *)
{
    Q_EMIT hovered(m_item);
}

void MapTile::leaveEvent(QEvent *)
{
    Q_EMIT hovered(-1);
}

void MapTile::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked(m_item);
}

} // namespace periscope::widgets
