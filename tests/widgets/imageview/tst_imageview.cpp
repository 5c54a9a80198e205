// SPDX-License-Identifier: GPL-3.0-or-later
// ImageView driven with real wheel, mouse and key events, checked by state and rendered pixels.
#include "tests/widgets/support/ImageCompare.h"
#include "widgets/imageview/ImageView.h"
#include "tests/widgets/support/TestLayers.h"
#include "widgets/layers/LayerModel.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace periscope::widgets;

namespace {
Layer solid(const QString &id, QColor color, QSize size = QSize(200, 100))
{
    return periscope::test::solidImageLayer(id, color, size);
}

void wheel(QWidget *viewport, QPoint at, int delta)
{
    QWheelEvent event(QPointF(at), viewport->mapToGlobal(QPointF(at)), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &event);
}

void drag(QWidget *viewport, QPoint from, QPoint to)
{
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(from), viewport->mapToGlobal(QPointF(from)), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &press);
    for (int step = 1; step <= 4; ++step) {
        const QPointF p = QPointF(from) + (QPointF(to) - QPointF(from)) * step / 4.0;
        QMouseEvent move(QEvent::MouseMove, p, viewport->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
    }
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(to), viewport->mapToGlobal(QPointF(to)), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &release);
}

void hover(QWidget *viewport, QPoint at)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(at), viewport->mapToGlobal(QPointF(at)), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
}
} // namespace

class TestImageView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void startsFittedAndKeysZoom();
    void wheelZoomsAboutTheCursor();
    void dragPans();
    void inspectorReportsEveryLayer();
    void linkedViewsStayInSync();
    void wipeSplitsTwoLayersAndDrags();
    void opacityChangesTheRenderedPixels();
    void vectorLayersDraw();
    void overlaysShowColorbarAndLegend();
    void colorbarTitleIsShownWhole();
    void clickSelectsVectorItems();

private:
    QTemporaryDir m_dir;
};

void TestImageView::startsFittedAndKeysZoom()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("photo"), Qt::red));
    ImageView view(&model);
    view.resize(420, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Fitted: the 200x100 image fills the width of the viewport.
    QVERIFY2(std::abs(view.zoom() * 200.0 - view.viewport()->width()) < 2.0, qPrintable(QString::number(view.zoom())));
    QTest::keyClick(&view, Qt::Key_1);
    QCOMPARE(view.zoom(), 1.0);
    QTest::keyClick(&view, Qt::Key_Plus);
    QCOMPARE(view.zoom(), 1.25);
    QTest::keyClick(&view, Qt::Key_Minus);
    QCOMPARE(view.zoom(), 1.0);
    QTest::keyClick(&view, Qt::Key_0);
    QVERIFY(std::abs(view.zoom() * 200.0 - view.viewport()->width()) < 2.0);
    view.setZoom(1000.0);
    QCOMPARE(view.zoom(), ImageView::kMaxZoom);
}

void TestImageView::wheelZoomsAboutTheCursor()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("photo"), Qt::red));
    ImageView view(&model);
    view.resize(420, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(2.0);
    const QPoint cursor(120, 90);
    const QPointF before = view.imagePointAt(cursor);
    QSignalSpy zoomed(&view, &ImageView::zoomChanged);
    wheel(view.viewport(), cursor, 120);
    QCOMPARE(view.zoom(), 2.5);
    QCOMPARE(zoomed.count(), 1);
    const QPointF after = view.imagePointAt(cursor);
    QVERIFY2(QLineF(before, after).length() < 0.5, qPrintable(QStringLiteral("%1,%2 -> %3,%4").arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
    wheel(view.viewport(), cursor, -240); // two notches back
    QVERIFY(std::abs(view.zoom() - 2.5 / 1.5625) < 1e-9);
}

void TestImageView::dragPans()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("photo"), Qt::red));
    ImageView view(&model);
    view.resize(420, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(4.0);
    view.centerOnImagePoint(QPointF(100, 50));
    const QPointF before = view.centerImagePoint();
    drag(view.viewport(), QPoint(200, 150), QPoint(160, 130)); // 40 and 20 screen pixels
    const QPointF after = view.centerImagePoint();
    QVERIFY2(std::abs((after.x() - before.x()) - 10.0) < 0.6 && std::abs((after.y() - before.y()) - 5.0) < 0.6,
             qPrintable(QStringLiteral("moved by %1,%2").arg(after.x() - before.x()).arg(after.y() - before.y())));
}

void TestImageView::inspectorReportsEveryLayer()
{
    LayerModel model;
    Layer photo = solid(QStringLiteral("photo"), QColor(10, 20, 30));
    photo.image.setPixelColor(50, 40, QColor(255, 0, 0));
    model.addLayer(photo);
    Layer map;
    map.id = QStringLiteral("map");
    map.name = QStringLiteral("error");
    map.kind = LayerKind::ScalarMap;
    map.values = periscope::Image(200, 100, 1, periscope::PixelFormat::Float32);
    map.values.setSample(50, 40, 0, 0.5f);
    map.opacity = 0.5;
    model.addLayer(map);
    ImageView view(&model);
    view.resize(420, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(4.0);
    view.centerOnImagePoint(QPointF(50.5, 40.5));
    QSignalSpy hovered(&view, &ImageView::pixelHovered);
    const QPoint at = view.mapFromScene(QPointF(50.5, 40.5));
    hover(view.viewport(), at);
    QCOMPARE(hovered.count(), 1);
    QCOMPARE(hovered.first().at(0).toPoint(), QPoint(50, 40));
    QCOMPARE(view.lastHoverValues(), (QStringList{QStringLiteral("photo: R 255 G 0 B 0"), QStringLiteral("error: 0.5")}));
    model.setVisible(1, false); // hidden layers are not inspected
    hover(view.viewport(), at);
    QCOMPARE(view.lastHoverValues().size(), 1);
}

void TestImageView::linkedViewsStayInSync()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("photo"), Qt::red));
    ImageView left(&model), right(&model);
    for (ImageView *v : {&left, &right}) {
        v->resize(300, 240);
        v->show();
        QVERIFY(QTest::qWaitForWindowExposed(v));
    }
    left.linkWith(&right);
    wheel(left.viewport(), QPoint(100, 80), 240);
    QCOMPARE(right.zoom(), left.zoom());
    drag(left.viewport(), QPoint(150, 120), QPoint(110, 100));
    QVERIFY(QLineF(left.centerImagePoint(), right.centerImagePoint()).length() < 0.01);
    QTest::keyClick(&right, Qt::Key_1); // either side drives
    QCOMPARE(left.zoom(), 1.0);
    left.unlink(&right);
    left.setZoom(3.0);
    QCOMPARE(right.zoom(), 1.0);
}

void TestImageView::wipeSplitsTwoLayersAndDrags()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("before"), Qt::red));
    model.addLayer(solid(QStringLiteral("after"), Qt::blue));
    ImageView view(&model);
    view.resize(420, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(2.0);
    view.centerOnImagePoint(QPointF(100, 50));
    view.setWipe(QStringLiteral("before"), QStringLiteral("after"));
    view.setWipePosition(0.25);
    QImage shot = view.viewport()->grab().toImage();
    const QPoint leftPart = view.mapFromScene(QPointF(20, 50)), rightPart = view.mapFromScene(QPointF(120, 50));
    QCOMPARE(QColor(shot.pixel(leftPart)), QColor(Qt::red));
    QCOMPARE(QColor(shot.pixel(rightPart)), QColor(Qt::blue));
    // Drag the line to three quarters.
    const QPoint line = view.mapFromScene(QPointF(50, 50));
    QSignalSpy moved(&view, &ImageView::wipeMoved);
    drag(view.viewport(), line, view.mapFromScene(QPointF(150, 50)));
    QVERIFY(moved.count() > 0);
    QVERIFY2(std::abs(view.wipePosition() - 0.75) < 0.01, qPrintable(QString::number(view.wipePosition())));
    shot = view.viewport()->grab().toImage();
    QCOMPARE(QColor(shot.pixel(rightPart)), QColor(Qt::red));
    view.clearWipe();
    shot = view.viewport()->grab().toImage();
    QCOMPARE(QColor(shot.pixel(leftPart)), QColor(Qt::blue)); // plain stacking again
}

void TestImageView::opacityChangesTheRenderedPixels()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("base"), Qt::black, QSize(64, 48)));
    model.addLayer(solid(QStringLiteral("overlay"), Qt::white, QSize(64, 48)));
    ImageView view(&model);
    view.resize(200, 160);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(2.0);
    view.centerOnImagePoint(QPointF(32, 24));
    const QRect imageArea = view.mapFromScene(QRectF(2, 2, 60, 44)).boundingRect();
    auto rendered = [&] { return view.viewport()->grab().toImage().copy(imageArea); };
    QImage expected(imageArea.size(), QImage::Format_ARGB32);
    expected.fill(Qt::white);
    QString report;
    QVERIFY2(periscope::test::fuzzyEqual(rendered(), expected, 2, 0, m_dir.path(), QStringLiteral("opaque"), &report), qPrintable(report));
    model.setOpacity(1, 0.5);
    expected.fill(QColor(128, 128, 128));
    QVERIFY2(periscope::test::fuzzyEqual(rendered(), expected, 3, 0, m_dir.path(), QStringLiteral("half"), &report), qPrintable(report));
    model.setVisible(1, false);
    expected.fill(Qt::black);
    QVERIFY2(periscope::test::fuzzyEqual(rendered(), expected, 2, 0, m_dir.path(), QStringLiteral("hidden"), &report), qPrintable(report));
}

void TestImageView::vectorLayersDraw()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("base"), Qt::black));
    Layer boxes;
    boxes.id = QStringLiteral("boxes");
    boxes.kind = LayerKind::Vector;
    VectorItem box;
    box.box = QRectF(20, 20, 60, 40);
    box.color = Qt::green;
    box.label = QStringLiteral("cube");
    VectorItem edge;
    edge.shape = VectorItem::Shape::Edge;
    edge.points = QPolygonF({QPointF(120, 30), QPointF(180, 80)});
    edge.color = Qt::yellow;
    edge.label = QStringLiteral("left of");
    boxes.items = {box, edge};
    model.addLayer(boxes);
    ImageView view(&model);
    view.resize(420, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(2.0);
    view.centerOnImagePoint(QPointF(100, 50));
    const QImage shot = view.viewport()->grab().toImage();
    // The box's edge is green; its inside is still the black image.
    QCOMPARE(QColor(shot.pixel(view.mapFromScene(QPointF(50, 20)))), QColor(Qt::green));
    QCOMPARE(QColor(shot.pixel(view.mapFromScene(QPointF(50, 40)))), QColor(Qt::black));
    int yellow = 0;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x)
            yellow += QColor(shot.pixel(x, y)) == QColor(Qt::yellow);
    QVERIFY2(yellow > 50, qPrintable(QString::number(yellow))); // the arrow and its label
}

void TestImageView::overlaysShowColorbarAndLegend()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("base"), Qt::black));
    Layer map;
    map.id = QStringLiteral("map");
    map.name = QStringLiteral("saliency");
    map.kind = LayerKind::ScalarMap;
    map.colormap = periscope::Colormap::Jet;
    map.opacity = 0.0; // only its colorbar shows
    map.values = periscope::Image(200, 100, 1, periscope::PixelFormat::Float32);
    model.addLayer(map);
    Layer labels;
    labels.id = QStringLiteral("objects");
    labels.kind = LayerKind::Labels;
    labels.values = periscope::Image(200, 100, 1, periscope::PixelFormat::UInt8);
    labels.labelNames = {QStringLiteral("background"), QStringLiteral("sphere")};
    labels.labelColors = {Qt::black, QColor(255, 0, 255)};
    model.addLayer(labels);
    ImageView view(&model);
    view.resize(420, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto count = [&](QColor color) {
        const QImage shot = view.viewport()->grab().toImage();
        int n = 0;
        for (int y = 0; y < shot.height(); ++y)
            for (int x = 0; x < shot.width(); ++x)
                n += shot.pixelColor(x, y) == color;
        return n;
    };
    const auto &jet = periscope::colormapTable(periscope::Colormap::Jet);
    const QColor jetTop(jet[255].r, jet[255].g, jet[255].b);
    QVERIFY(count(jetTop) > 0);                   // the colorbar's top end
    QVERIFY(count(QColor(255, 0, 255)) > 50);    // the legend's swatch
    // A label drawn faint (a background slot at alpha 50) keeps an opaque swatch: the legend
    // shows its hue, not black through it (#23 item 15).
    Layer faint = model.layer(model.rowOf(QStringLiteral("objects")));
    faint.labelColors = {Qt::black, QColor(240, 50, 230, 50)};
    model.replaceLayer(faint);
    QVERIFY(count(QColor(240, 50, 230)) > 50);
    view.setOverlaysVisible(false);
    QCOMPARE(count(QColor(240, 50, 230)), 0);
}

// The colour scale's title is the layer's name, whole (up to half the view) on a dark backing:
// it was cut to the bar's width ("kimu..." of a Swedish Grad-CAM title) and drawn bare (#23).
void TestImageView::colorbarTitleIsShownWhole()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("base"), Qt::white));
    Layer map;
    map.id = QStringLiteral("map");
    map.name = QStringLiteral("Grad-CAM (per frame, 0 to its maximum)");
    map.kind = LayerKind::ScalarMap;
    map.opacity = 0.0;
    map.values = periscope::Image(200, 100, 1, periscope::PixelFormat::Float32);
    model.addLayer(map);
    ImageView view(&model);
    view.resize(640, 360);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect panel = view.colorbarRect();
    QVERIFY(!panel.isEmpty());
    const QFontMetrics metrics(view.font());
    const int textWidth = metrics.horizontalAdvance(map.name);
    QVERIFY(textWidth < view.viewport()->width() / 2 - 30); // fits: it must be whole
    // The band above the bar: its dark backing reaches as far left as the whole name needs.
    const QImage shot = view.viewport()->grab().toImage();
    int leftmost = panel.right(), light = 0;
    for (int y = std::max(0, panel.top() - metrics.height() - 6); y < panel.top(); ++y)
        for (int x = 0; x <= panel.right(); ++x) {
            const QColor c = shot.pixelColor(x, y);
            if (c.lightness() < 140)
                leftmost = std::min(leftmost, x);
            else if (x >= leftmost && c.lightness() > 220)
                ++light;
        }
    QVERIFY2(panel.right() - leftmost >= textWidth, qPrintable(QStringLiteral("backing %1 px for a %2 px name").arg(panel.right() - leftmost).arg(textWidth)));
    QVERIFY2(light > 40, qPrintable(QString::number(light))); // the letters
}

void TestImageView::clickSelectsVectorItems()
{
    LayerModel model;
    model.addLayer(solid(QStringLiteral("base"), Qt::black));
    Layer vectors;
    vectors.id = QStringLiteral("relations");
    vectors.kind = LayerKind::Vector;
    VectorItem box;
    box.box = QRectF(20, 20, 40, 30);
    box.color = Qt::green;
    VectorItem edge;
    edge.shape = VectorItem::Shape::Edge;
    edge.points = QPolygonF({QPointF(100, 20), QPointF(180, 80)});
    edge.color = Qt::yellow;
    vectors.items = {box, edge};
    model.addLayer(vectors);
    ImageView view(&model);
    view.resize(420, 320);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(2.0);
    view.centerOnImagePoint(QPointF(100, 50));
    QSignalSpy selected(&view, &ImageView::vectorItemSelected);
    const QImage before = view.viewport()->grab().toImage();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(QPointF(40, 35))); // inside the box
    QCOMPARE(selected.count(), 1);
    QCOMPARE(view.selectedVectorLayer(), QStringLiteral("relations"));
    QCOMPARE(view.selectedVectorItem(), 0);
    QVERIFY(view.viewport()->grab().toImage() != before); // highlighted
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(QPointF(141, 51)) + QPoint(0, 2)); // near the edge
    QCOMPARE(view.selectedVectorItem(), 1);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(QPointF(150, 20))); // empty
    QCOMPARE(view.selectedVectorItem(), -1);
    QCOMPARE(selected.count(), 3);
    QCOMPARE(model.hitTest(QPointF(19, 20), 2.0).item, 0); // the outline's slack
    model.setVisible(1, false);
    QVERIFY(!model.hitTest(QPointF(40, 35), 1.0).isValid()); // hidden layers are not hit
}

QTEST_MAIN(TestImageView)
#include "tst_imageview.moc"
