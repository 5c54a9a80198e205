// SPDX-License-Identifier: GPL-3.0-or-later
// The node-link drawing: force layout, the painter's geometry (hit testing matches drawing),
// clicks, and figure panels that keep their colours on every paint device.
#include "app/figures/ForceLayout.h"
#include "app/workspaces/graphs/GraphCanvas.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::app;

namespace {
// Two triangles joined by one edge.
QVector<QPair<int, int>> twoTriangles()
{
    return {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}};
}

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

GraphPicture triangle()
{
    GraphPicture p;
    for (QPointF position : {QPointF(0, 0), QPointF(1, 0), QPointF(0.5, 1)}) {
        GraphPictureNode n;
        n.position = position;
        n.fill = QColor(20, 200, 20);
        p.nodes.append(n);
    }
    p.edges = {{0, 1}, {1, 2}, {2, 0}};
    return p;
}

bool reddish(QColor c)
{
    return c.red() > 150 && c.green() < 120 && c.blue() < 120;
}
} // namespace

class TestGraphView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layoutIsDeterministicAndFitsTheUnitSquare();
    void layoutKeepsNeighboursClose();
    void layoutHandlesDegenerateGraphs();
    void nodesAreDrawnWhereHitTestingFindsThem();
    void clickingANodeEmitsIt();
    void figurePanelKeepsTheColorbarColours();
    void moleculeStyleDrawsLabelsAndHalos();
    void divergingColoursAreCentred();
};

void TestGraphView::layoutIsDeterministicAndFitsTheUnitSquare()
{
    const QVector<QPointF> a = forceDirectedLayout(6, twoTriangles(), 3);
    const QVector<QPointF> b = forceDirectedLayout(6, twoTriangles(), 3);
    QCOMPARE(a, b);
    QVERIFY(forceDirectedLayout(6, twoTriangles(), 4) != a);
    for (const QPointF &p : a) {
        QVERIFY(p.x() >= 0.0 && p.x() <= 1.0);
        QVERIFY(p.y() >= 0.0 && p.y() <= 1.0);
    }
}

void TestGraphView::layoutKeepsNeighboursClose()
{
    const QVector<QPointF> p = forceDirectedLayout(6, twoTriangles(), 1);
    double linked = 0.0, unlinked = 0.0;
    int linkedCount = 0, unlinkedCount = 0;
    for (int i = 0; i < 6; ++i)
        for (int j = i + 1; j < 6; ++j) {
            const bool edge = twoTriangles().contains({i, j}) || twoTriangles().contains({j, i});
            (edge ? linked : unlinked) += distance(p[i], p[j]);
            ++(edge ? linkedCount : unlinkedCount);
        }
    QVERIFY(linked / linkedCount < 0.8 * unlinked / unlinkedCount);
    // No two nodes on top of each other.
    for (int i = 0; i < 6; ++i)
        for (int j = i + 1; j < 6; ++j)
            QVERIFY(distance(p[i], p[j]) > 0.05);
}

void TestGraphView::layoutHandlesDegenerateGraphs()
{
    QVERIFY(forceDirectedLayout(0, {}).isEmpty());
    QCOMPARE(forceDirectedLayout(1, {}), QVector<QPointF>{QPointF(0.5, 0.5)});
    // Self loops, duplicates and out-of-range edges are ignored, not a crash.
    const QVector<QPointF> p = forceDirectedLayout(3, {{0, 0}, {0, 1}, {1, 0}, {5, 1}, {-1, 2}}, 2);
    QCOMPARE(p.size(), 3);
    for (const QPointF &q : p)
        QVERIFY(std::isfinite(q.x()) && std::isfinite(q.y()));
}

void TestGraphView::nodesAreDrawnWhereHitTestingFindsThem()
{
    const GraphPicture picture = triangle();
    QImage image(300, 260, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    const QRectF target(0, 0, 300, 260);
    paintGraphPicture(painter, target, picture);
    painter.end();
    const GraphPictureGeometry geometry(picture, target);
    for (int i = 0; i < picture.nodes.size(); ++i) {
        const QPointF centre = geometry.map(picture.nodes[i].position);
        QVERIFY(target.contains(centre));
        QCOMPARE(QColor(image.pixel(centre.toPoint())), QColor(20, 200, 20)); // the disc's fill
        QCOMPARE(geometry.nodeAt(picture, centre), i);
    }
    QCOMPARE(geometry.nodeAt(picture, QPointF(2, 258)), -1);
}

void TestGraphView::clickingANodeEmitsIt()
{
    GraphCanvas canvas;
    canvas.resize(300, 260);
    canvas.setPicture(triangle());
    canvas.setNodeTooltips({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    QSignalSpy clicked(&canvas, &GraphCanvas::nodeClicked);
    const GraphPictureGeometry geometry(canvas.picture(), QRectF(canvas.rect()));
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, geometry.map(canvas.picture().nodes[2].position).toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.first().first().toInt(), 2);
    QTest::mouseClick(&canvas, Qt::LeftButton, {}, QPoint(2, 258)); // empty space: nothing
    QCOMPARE(clicked.count(), 1);
}

void TestGraphView::figurePanelKeepsTheColorbarColours()
{
    // A node with a grey fill is drawn last; the colorbar drawn after it must not take its brush.
    GraphPicture picture = triangle();
    picture.nodes[2].fill = QColor(128, 128, 128);
    picture.colorbar = GraphColorbar{Colormap::Coolwarm, -1.0, 1.0, QStringLiteral("relevance")};
    const auto panel = figurePanel(picture, QSizeF(300, 260));
    QImage image(600, 520, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    panel->draw(painter, QRectF(0, 0, 600, 520));
    painter.end();
    // Somewhere in the right-hand strip, the top of the colorbar is red and its bottom blue.
    int red = 0, blue = 0;
    for (int y = 0; y < 520; ++y)
        for (int x = 440; x < 600; ++x) {
            const QColor c(image.pixel(x, y));
            red += reddish(c) ? 1 : 0;
            blue += (c.blue() > 150 && c.red() < 120) ? 1 : 0;
        }
    QVERIFY2(red > 50 && blue > 50, qPrintable(QStringLiteral("red %1 blue %2").arg(red).arg(blue)));
}

void TestGraphView::moleculeStyleDrawsLabelsAndHalos()
{
    GraphPicture picture;
    picture.style = GraphPicture::Style::Molecule;
    for (auto [label, x] : {std::pair{"C", 0.0}, std::pair{"O", 1.5}}) {
        GraphPictureNode n;
        n.label = QString::fromLatin1(label);
        n.position = QPointF(x, 0);
        picture.nodes.append(n);
    }
    picture.nodes[1].halo = QColor(220, 20, 20);
    picture.nodes[1].haloSize = 1.0;
    GraphPictureEdge bond;
    bond.from = 0;
    bond.to = 1;
    bond.order = 2.0;
    bond.width = 2.0;
    bond.color = Qt::black;
    picture.edges = {bond};
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintGraphPicture(painter, QRectF(0, 0, 300, 200), picture);
    painter.end();
    const GraphPictureGeometry geometry(picture, QRectF(0, 0, 300, 200));
    const QPointF oxygen = geometry.map(picture.nodes[1].position);
    const QPointF carbon = geometry.map(picture.nodes[0].position);
    // A red halo around the oxygen; none around the carbon (whose label is not drawn either).
    QVERIFY(reddish(QColor(image.pixel((oxygen + QPointF(0, geometry.nodeRadius() * 1.6)).toPoint()))));
    QCOMPARE(QColor(image.pixel((carbon + QPointF(0, geometry.nodeRadius() * 1.6)).toPoint())), QColor(Qt::white));
    // The double bond: two dark lines across the column through its middle, light between them.
    const QPointF middle = (oxygen + carbon) / 2;
    QVERIFY(QColor(image.pixel(middle.toPoint())).lightness() > 180);
    int darkRuns = 0;
    bool inDark = false;
    for (int dy = -int(geometry.nodeRadius()); dy <= int(geometry.nodeRadius()); ++dy) {
        const bool dark = QColor(image.pixel(QPoint(int(middle.x()), int(middle.y()) + dy))).lightness() < 140;
        darkRuns += (dark && !inDark) ? 1 : 0;
        inDark = dark;
    }
    QCOMPARE(darkRuns, 2);
}

void TestGraphView::divergingColoursAreCentred()
{
    const QColor zero = divergingColor(0.0, 1.0);
    QVERIFY(std::abs(zero.red() - zero.blue()) < 40); // near-neutral in the middle
    QVERIFY(reddish(divergingColor(1.0, 1.0)));
    QVERIFY(divergingColor(-1.0, 1.0).blue() > 150);
    QCOMPARE(divergingColor(5.0, 0.0), zero); // no scale: neutral
}

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
