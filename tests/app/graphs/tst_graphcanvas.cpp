// SPDX-License-Identifier: GPL-3.0-or-later
// #23 item 5: graphs were drawn ~70 px tall in wide, short panels, with no way to zoom. The four
// method canvases are arranged for the largest drawing; the wheel zooms about the cursor, a drag
// pans, a double click fits, and the four keep one zoom. Driven by real mouse and wheel events.
#include "app/workspaces/graphs/GraphCanvas.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <cmath>

using namespace periscope::app;

class TestGraphCanvas : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gridArrangesForTheLargestDrawing();
    void wheelZoomsAboutTheCursor();
    void dragPansAndClickStillSelects();
    void fourCanvasesShareOneZoom();
};

namespace {
// A ring of `n` nodes in layout units, each joined to the next.
GraphPicture ring(int n)
{
    GraphPicture picture;
    picture.title = QStringLiteral("LRP");
    picture.subtitle = QStringLiteral("edge AUC 1.00");
    picture.colorbar = GraphColorbar{};
    for (int i = 0; i < n; ++i) {
        GraphPictureNode node;
        const double angle = 2.0 * M_PI * i / n;
        node.position = QPointF(std::cos(angle), std::sin(angle));
        node.label = QString::number(i);
        picture.nodes << node;
        picture.edges << GraphPictureEdge{i, (i + 1) % n};
    }
    return picture;
}

// Four canvases on the grid, as the four methods, each drawing a ring of 16.
QList<GraphCanvas *> addFourRings(GraphCanvasGrid &grid)
{
    QList<GraphCanvas *> canvases;
    for (int i = 0; i < 4; ++i) {
        canvases << new GraphCanvas;
        canvases.last()->setPicture(ring(16));
        grid.addCanvas(canvases.last());
    }
    return canvases;
}

void wheel(QWidget *widget, QPointF at, int notches)
{
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

// The drawn distance between two neighbouring nodes of the ring: how large the graph is.
double spacing(const GraphCanvas &canvas)
{
    const GraphPictureGeometry g = canvas.geometry();
    const QPointF d = g.map(canvas.picture().nodes[0].position) - g.map(canvas.picture().nodes[1].position);
    return std::hypot(d.x(), d.y());
}
} // namespace

void TestGraphCanvas::gridArrangesForTheLargestDrawing()
{
    GraphCanvasGrid grid;
    const QList<GraphCanvas *> canvases = addFourRings(grid);
    grid.show();
    // Wide and short (1280 x 720's graph area): one row of four, each drawn larger than in 2 x 2.
    grid.resize(1180, 420);
    QCOMPARE(grid.columns(), 4);
    const double inRow = canvases[0]->geometry().plotArea().height();
    QVERIFY2(inRow > 300, qPrintable(QString::number(inRow)));
    // 2 x 2 would leave (420 - 4) / 2 - title: under 180 px of height.
    QVERIFY(inRow > 1.6 * ((420 - 4) / 2.0 - 40));
    // Square: 2 x 2. Tall and narrow: a column.
    grid.resize(900, 900);
    QCOMPARE(grid.columns(), 2);
    grid.resize(360, 1400);
    QCOMPARE(grid.columns(), 1);
    for (GraphCanvas *canvas : canvases)
        QVERIFY(canvas->isVisible() && canvas->width() > 300);
}

void TestGraphCanvas::wheelZoomsAboutTheCursor()
{
    GraphCanvas canvas;
    canvas.setPicture(ring(16));
    canvas.resize(500, 400);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    const double fitted = spacing(canvas);
    const double radius = canvas.geometry().nodeRadius();
    // Two notches over node 4: the graph is 1.5625 times as large, node 4 stays under the cursor,
    // and the discs grow less than the spacing (crowded nodes come apart).
    const QPointF node4 = canvas.geometry().map(canvas.picture().nodes[4].position);
    wheel(&canvas, node4, 2);
    QCOMPARE(canvas.zoom().factor, 1.5625);
    QVERIFY(std::abs(spacing(canvas) / fitted - 1.5625) < 1e-9);
    const QPointF after = canvas.geometry().map(canvas.picture().nodes[4].position);
    QVERIFY2(std::hypot(after.x() - node4.x(), after.y() - node4.y()) < 1e-9, "the node under the cursor moved");
    QVERIFY(canvas.geometry().nodeRadius() > radius && canvas.geometry().nodeRadius() < radius * 1.5625);
    QCOMPARE(canvas.nodeAt(node4), 4); // hit testing follows the zoom
    // Bounded: never past 16x, never below the fit.
    for (int i = 0; i < 40; ++i)
        wheel(&canvas, node4, 1);
    QCOMPARE(canvas.zoom().factor, GraphCanvas::kMaxZoom);
    for (int i = 0; i < 60; ++i)
        wheel(&canvas, node4, -1);
    QCOMPARE(canvas.zoom().factor, 1.0);
    QVERIFY(canvas.zoom().pan.isNull());
    // Keys: + zooms about the centre, 0 fits.
    canvas.setFocus();
    QTest::keyClick(&canvas, Qt::Key_Plus);
    QCOMPARE(canvas.zoom().factor, 1.25);
    QTest::keyClick(&canvas, Qt::Key_0);
    QCOMPARE(canvas.zoom().factor, 1.0);
    // A new graph starts fitted; the same graph drawn again keeps its zoom.
    wheel(&canvas, node4, 3);
    GraphPicture again = ring(16);
    again.nodes[2].selected = true;
    canvas.setPicture(again);
    QVERIFY(canvas.zoom().factor > 1.0);
    canvas.setPicture(ring(9));
    QCOMPARE(canvas.zoom().factor, 1.0);
}

void TestGraphCanvas::dragPansAndClickStillSelects()
{
    GraphCanvas canvas;
    canvas.setPicture(ring(16));
    canvas.resize(500, 400);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QSignalSpy clicked(&canvas, &GraphCanvas::nodeClicked);
    const QPoint node0 = canvas.geometry().map(canvas.picture().nodes[0].position).toPoint();
    wheel(&canvas, node0, 4);
    const QPointF before = canvas.geometry().map(canvas.picture().nodes[0].position);
    // Drag from node 0 by (-60, 25): the drawing follows, and no node is "clicked".
    QTest::mousePress(&canvas, Qt::LeftButton, {}, node0);
    QTest::mouseMove(&canvas, node0 + QPoint(-30, 12));
    QTest::mouseMove(&canvas, node0 + QPoint(-60, 25));
    QTest::mouseRelease(&canvas, Qt::LeftButton, {}, node0 + QPoint(-60, 25));
    const QPointF moved = canvas.geometry().map(canvas.picture().nodes[0].position) - before;
    QVERIFY2(std::abs(moved.x() + 60) < 1.5 && std::abs(moved.y() - 25) < 1.5, qPrintable(QStringLiteral("%1, %2").arg(moved.x()).arg(moved.y())));
    QCOMPARE(clicked.count(), 0);
    // A click (no movement) on a node selects it, zoomed and panned.
    const QPoint node5 = canvas.geometry().map(canvas.picture().nodes[5].position).toPoint();
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, node5);
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.first().first().toInt(), 5);
    // A double click on empty space fits the graph again.
    QTest::mouseDClick(&canvas, Qt::LeftButton, {}, QPoint(8, canvas.height() - 8));
    QCOMPARE(canvas.zoom().factor, 1.0);
}

void TestGraphCanvas::fourCanvasesShareOneZoom()
{
    GraphCanvasGrid grid;
    const QList<GraphCanvas *> canvases = addFourRings(grid);
    grid.resize(1180, 420);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    wheel(canvases[2], QPointF(120, 200), 2);
    for (GraphCanvas *canvas : canvases) {
        QCOMPARE(canvas->zoom().factor, 1.5625);
        QCOMPARE(canvas->zoom().pan, canvases[2]->zoom().pan);
    }
    QTest::mouseDClick(canvases[0], Qt::LeftButton, {}, QPoint(4, canvases[0]->height() - 4));
    for (GraphCanvas *canvas : canvases)
        QCOMPARE(canvas->zoom().factor, 1.0);
}

QTEST_MAIN(TestGraphCanvas)
#include "tst_graphcanvas.moc"
