// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/graphs/GraphCanvas.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace periscope::app {

namespace {
// Movement below this many pixels between press and release is a click, not a drag.
constexpr double kClickSlop = 3.0;
} // namespace

GraphCanvas::GraphCanvas(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::ClickFocus);
    setToolTip(QString()); // node tooltips come from event()
}

void GraphCanvas::setPicture(const GraphPicture &picture)
{
    const bool sameGraph = picture.nodes.size() == m_picture.nodes.size();
    m_picture = picture;
    if (!sameGraph)
        m_zoom = {};
    update();
}

void GraphCanvas::setNodeTooltips(const QStringList &tooltips)
{
    m_tooltips = tooltips;
}

int GraphCanvas::nodeAt(const QPointF &position) const
{
    return geometry().nodeAt(m_picture, position);
}

void GraphCanvas::setZoom(const GraphZoom &zoom)
{
    GraphZoom bounded = zoom;
    bounded.factor = std::clamp(zoom.factor, 1.0, kMaxZoom);
    if (bounded.factor == 1.0)
        bounded.pan = {}; // fitted: nothing to pan to
    if (bounded.factor == m_zoom.factor && bounded.pan == m_zoom.pan)
        return;
    m_zoom = bounded;
    update();
    Q_EMIT zoomChanged(m_zoom);
}

void GraphCanvas::zoomBy(double factor, const QPointF &anchor)
{
    // Keep the point under `anchor` where it is: with c the plot area's centre, a fitted point u
    // shows at (u - c) f + c + pan, so the new pan is (q - c) - (q - c - pan) f'/f.
    const QPointF c = GraphPictureGeometry(m_picture, QRectF(rect())).plotArea().center();
    const double next = std::clamp(m_zoom.factor * factor, 1.0, kMaxZoom);
    GraphZoom zoom;
    zoom.factor = next;
    zoom.pan = (anchor - c) - (anchor - c - m_zoom.pan) * (next / m_zoom.factor);
    setZoom(zoom);
}

void GraphCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    paintGraphPicture(painter, QRectF(rect()), m_picture, m_zoom);
}

void GraphCanvas::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        event->ignore();
        return;
    }
    zoomBy(std::pow(1.25, notches), event->position());
    event->accept();
}

void GraphCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = true;
        m_dragging = false;
        m_pressPosition = m_lastDrag = event->position();
    }
    QWidget::mousePressEvent(event);
}

void GraphCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        const QPointF moved = event->position() - m_pressPosition;
        m_dragging = m_dragging || std::hypot(moved.x(), moved.y()) > kClickSlop;
        if (m_dragging && m_zoom.factor > 1.0) {
            GraphZoom zoom = m_zoom;
            zoom.pan += event->position() - m_lastDrag;
            setZoom(zoom);
            setCursor(Qt::ClosedHandCursor);
        }
        m_lastDrag = event->position();
    }
    QWidget::mouseMoveEvent(event);
}

void GraphCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (!m_dragging) {
            const int node = nodeAt(event->position());
            if (node >= 0)
                Q_EMIT nodeClicked(node);
        }
        m_pressed = m_dragging = false;
        unsetCursor();
    }
    QWidget::mouseReleaseEvent(event);
}

void GraphCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && nodeAt(event->position()) < 0)
        fitGraph();
    QWidget::mouseDoubleClickEvent(event);
}

void GraphCanvas::keyPressEvent(QKeyEvent *event)
{
    const QPointF centre = GraphPictureGeometry(m_picture, QRectF(rect())).plotArea().center();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25, centre);
        break;
    case Qt::Key_Minus:
        zoomBy(1.0 / 1.25, centre);
        break;
    case Qt::Key_0:
        fitGraph();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool GraphCanvas::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int node = nodeAt(help->pos());
        if (node >= 0 && node < m_tooltips.size())
            QToolTip::showText(help->globalPos(), m_tooltips[node], this);
        else if (node < 0)
            QToolTip::showText(help->globalPos(), tr("Wheel: zoom · drag: pan · double click: fit"), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

GraphCanvasGrid::GraphCanvasGrid(QWidget *parent) : QWidget(parent)
{
}

void GraphCanvasGrid::addCanvas(GraphCanvas *canvas)
{
    canvas->setParent(this);
    m_canvases.append(canvas);
    connect(canvas, &GraphCanvas::zoomChanged, this, [this, canvas](const GraphZoom &zoom) {
        if (m_linking)
            return;
        m_linking = true;
        for (GraphCanvas *other : std::as_const(m_canvases))
            if (other != canvas)
                other->setZoom(zoom);
        m_linking = false;
    });
    m_columns = 0;
    arrange();
}

void GraphCanvasGrid::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_columns = 0;
    arrange();
}

void GraphCanvasGrid::arrange()
{
    const int n = int(m_canvases.size());
    if (n == 0)
        return;
    constexpr int kSpacing = 4;
    // The side of the square a graph can be drawn in, for a cell of w x h: less the title above
    // and the colorbar beside (the painter's own margins).
    auto drawable = [](double w, double h) { return std::min(w - 68.0, h - 40.0); };
    int bestColumns = 1;
    double best = -1e9;
    for (int columns = 1; columns <= n; ++columns) {
        const int rows = (n + columns - 1) / columns;
        const double w = (width() - kSpacing * (columns - 1)) / double(columns);
        const double h = (height() - kSpacing * (rows - 1)) / double(rows);
        if (drawable(w, h) > best + 0.5) {
            best = drawable(w, h);
            bestColumns = columns;
        }
    }
    m_columns = bestColumns;
    const int rows = (n + bestColumns - 1) / bestColumns;
    const double w = (width() - kSpacing * (bestColumns - 1)) / double(bestColumns);
    const double h = (height() - kSpacing * (rows - 1)) / double(rows);
    for (int i = 0; i < n; ++i) {
        const int row = i / bestColumns, column = i % bestColumns;
        m_canvases[i]->setGeometry(QRectF(column * (w + kSpacing), row * (h + kSpacing), w, h).toRect());
        m_canvases[i]->show();
    }
}

} // namespace periscope::app
