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
    // Two lines for the caption: a long one ("slot 3 · 2.9% · IoU 0.29") breaks after its first
    // part instead of losing its end to an ellipsis (#23).
    const QStringList lines = captionLines();
    const int captionHeight = fontMetrics().height() * 2 + 2;
    const QRect frame = rect().adjusted(2, 2, -2, -2 - captionHeight);
    const int side = std::min(frame.width(), frame.height());
    const QRect square(frame.left() + (frame.width() - side) / 2, frame.top(), side, side);
    if (!m_map.isNull())
        p.drawImage(square, m_map);
    p.setPen(QPen(m_frame, m_highlighted ? 4 : 2));
    p.drawRect(square.adjusted(1, 1, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    for (int i = 0; i < lines.size(); ++i)
        p.drawText(QRect(0, square.bottom() + 2 + i * fontMetrics().height(), width(), fontMetrics().height()), Qt::AlignCenter,
                   fontMetrics().elidedText(lines[i], Qt::ElideRight, width()));
}

QStringList MapTile::captionLines() const
{
    const QString separator = QStringLiteral(" · ");
    const int cut = m_caption.indexOf(separator);
    if (fontMetrics().horizontalAdvance(m_caption) <= width() || cut < 0)
        return {m_caption};
    return {m_caption.left(cut), m_caption.mid(cut + separator.size())};
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
