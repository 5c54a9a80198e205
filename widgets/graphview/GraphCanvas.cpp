// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/graphview/GraphCanvas.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace periscope::widgets {

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

namespace {
class GraphPicturePanel : public FigurePanel {
public:
    GraphPicturePanel(GraphPicture picture, QSizeF size)
        : m_picture(std::move(picture)), m_size(size)
    {
    }
    QSizeF preferredSize() const override { return m_size; }
    void draw(QPainter &painter, const QRectF &target) const override
    {
        // Draw at the preferred size, scaled into the target, so that fonts and line widths keep
        // their proportions whatever the export resolution.
        painter.save();
        painter.translate(target.topLeft());
        painter.scale(target.width() / m_size.width(), target.height() / m_size.height());
        painter.fillRect(QRectF(QPointF(0, 0), m_size), Qt::white);
        paintGraphPicture(painter, QRectF(QPointF(0, 0), m_size), m_picture);
        painter.restore();
    }

private:
    GraphPicture m_picture;
    QSizeF m_size;
};
} // namespace

std::unique_ptr<FigurePanel> figurePanel(const GraphPicture &picture, QSizeF size)
{
    return std::make_unique<GraphPicturePanel>(picture, size);
}

} // namespace periscope::widgets
