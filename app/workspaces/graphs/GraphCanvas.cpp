// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/graphs/GraphCanvas.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace periscope::app {


GraphCanvas::GraphCanvas(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void GraphCanvas::setPicture(const GraphPicture &picture)
{
    m_picture = picture;
    update();
}

void GraphCanvas::setNodeTooltips(const QStringList &tooltips)
{
    m_tooltips = tooltips;
}

int GraphCanvas::nodeAt(const QPointF &position) const
{
    return GraphPictureGeometry(m_picture, QRectF(rect())).nodeAt(m_picture, position);
}

void GraphCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    paintGraphPicture(painter, QRectF(rect()), m_picture);
}

void GraphCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const int node = nodeAt(event->position());
        if (node >= 0)
            Q_EMIT nodeClicked(node);
    }
    QWidget::mouseReleaseEvent(event);
}

bool GraphCanvas::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int node = nodeAt(help->pos());
        if (node >= 0 && node < m_tooltips.size())
            QToolTip::showText(help->globalPos(), m_tooltips[node], this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace periscope::app
