// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/figures/GraphPicture.h"

#include <QWidget>

namespace periscope::app {

// Shows a GraphPicture; a click on a node emits nodeClicked, hovering one shows its tooltip.
// The wheel zooms about the cursor (1.25x a notch, up to 16x), a drag pans, a double click or 0
// fits the graph again; + and - zoom about the centre. A new graph (another node count) starts
// fitted; the same graph drawn again (another node explained) keeps the zoom.
class GraphCanvas : public QWidget {
    Q_OBJECT
public:
    explicit GraphCanvas(QWidget *parent = nullptr);

    void setPicture(const GraphPicture &picture);
    const GraphPicture &picture() const { return m_picture; }
    // One tooltip line per node (same order as the picture's nodes).
    void setNodeTooltips(const QStringList &tooltips);
    int nodeAt(const QPointF &position) const;
    GraphPictureGeometry geometry() const { return GraphPictureGeometry(m_picture, QRectF(rect()), m_zoom); }

    GraphZoom zoom() const { return m_zoom; }
    void setZoom(const GraphZoom &zoom); // emits zoomChanged when it changes
    void zoomBy(double factor, const QPointF &anchor);
    void fitGraph() { setZoom({}); }

    QSize sizeHint() const override { return {360, 320}; }
    QSize minimumSizeHint() const override { return {160, 140}; }

    static constexpr double kMaxZoom = 16.0;

Q_SIGNALS:
    void nodeClicked(int node);
    void zoomChanged(const periscope::app::GraphZoom &zoom);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    GraphPicture m_picture;
    QStringList m_tooltips;
    GraphZoom m_zoom;
    QPointF m_pressPosition, m_lastDrag;
    bool m_pressed = false, m_dragging = false;
};

// The canvases of the four methods, side by side in whichever arrangement (4 x 1, 2 x 2, 1 x 4)
// draws the graphs largest in the room it has (#23: 2 x 2 drew them 70 px tall in wide, short
// panels), with one zoom for all: the same graph, compared method by method.
class GraphCanvasGrid : public QWidget {
    Q_OBJECT
public:
    explicit GraphCanvasGrid(QWidget *parent = nullptr);
    void addCanvas(GraphCanvas *canvas);
    int columns() const { return m_columns; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void arrange();

    QList<GraphCanvas *> m_canvases;
    int m_columns = 0;
    bool m_linking = false;
};

} // namespace periscope::app
