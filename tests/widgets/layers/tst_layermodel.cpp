// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/widgets/support/TestLayers.h"
#include "widgets/layers/LayerModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace periscope::widgets;

namespace {
Layer imageLayer(const QString &id, QColor color, QSize size = QSize(4, 3))
{
    return periscope::test::solidImageLayer(id, color, size);
}

Layer scalarLayer(const QString &id)
{
    Layer layer;
    layer.id = id;
    layer.name = QStringLiteral("saliency");
    layer.kind = LayerKind::ScalarMap;
    layer.values = periscope::Image(4, 3, 1, periscope::PixelFormat::Float32);
    layer.values.setSample(1, 1, 0, 0.75f);
    layer.values.setSample(2, 2, 0, std::nanf(""));
    return layer;
}
} // namespace

class TestLayerModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void passesTheModelTester();
    void editsAreUndoable();
    void opacityDragsUndoAsOneStep();
    void rendersMapsThroughColormapsAndLabels();
    void reportsValuesUnderThePointer();
    void replacingDataKeepsTheUsersSettings();
};

void TestLayerModel::passesTheModelTester()
{
    LayerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QUndoStack undo;
    model.setUndoStack(&undo);
    model.addLayer(imageLayer(QStringLiteral("photo"), Qt::red));
    model.addLayer(scalarLayer(QStringLiteral("map")));
    model.addLayer(imageLayer(QStringLiteral("truth"), Qt::blue));
    QVERIFY(model.moveRows({}, 0, 1, {}, 3)); // bottom to top
    QCOMPARE(model.layer(2).id, QStringLiteral("photo"));
    QVERIFY(model.setData(model.index(0), QStringLiteral("Saliency map"), Qt::EditRole));
    QVERIFY(model.setData(model.index(1), Qt::Unchecked, Qt::CheckStateRole));
    undo.undo();
    undo.undo();
    undo.undo();
    QCOMPARE(model.layer(0).id, QStringLiteral("photo"));
    QVERIFY(model.removeLayer(QStringLiteral("map")));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestLayerModel::editsAreUndoable()
{
    LayerModel model;
    QUndoStack undo;
    model.setUndoStack(&undo);
    model.addLayer(imageLayer(QStringLiteral("photo"), Qt::red));
    model.addLayer(scalarLayer(QStringLiteral("map")));
    QSignalSpy changed(&model, &LayerModel::layersChanged);

    model.rename(1, QStringLiteral("Grad-CAM"));
    model.setVisible(0, false);
    model.setColormap(1, periscope::Colormap::Magma);
    model.setRange(1, -1.0, 1.0);
    model.moveLayer(0, 1);
    QCOMPARE(undo.count(), 5);
    QCOMPARE(model.layer(0).name, QStringLiteral("Grad-CAM"));
    QCOMPARE(model.layer(1).visible, false);
    QVERIFY(changed.count() >= 5);

    undo.undo(); // move
    QCOMPARE(model.layer(0).id, QStringLiteral("photo"));
    undo.undo(); // range
    QCOMPARE(model.layer(1).low, 0.0);
    undo.undo(); // colormap
    QCOMPARE(int(model.layer(1).colormap), int(periscope::Colormap::Viridis));
    undo.undo(); // visibility
    QVERIFY(model.layer(0).visible);
    undo.undo(); // name
    QCOMPARE(model.layer(1).name, QStringLiteral("saliency"));
    undo.redo();
    QCOMPARE(model.layer(1).name, QStringLiteral("Grad-CAM"));
    QCOMPARE(undo.undoText(), QStringLiteral("Rename Layer"));
    // No-op edits push nothing.
    model.rename(1, QStringLiteral("  Grad-CAM "));
    model.setRange(1, 1.0, 0.0);
    QCOMPARE(undo.index(), 1);
}

void TestLayerModel::opacityDragsUndoAsOneStep()
{
    LayerModel model;
    QUndoStack undo;
    model.setUndoStack(&undo);
    model.addLayer(imageLayer(QStringLiteral("photo"), Qt::red));
    for (double opacity : {0.9, 0.7, 0.5, 0.3})
        model.setOpacity(0, opacity);
    QCOMPARE(undo.count(), 1);
    QCOMPARE(model.layer(0).opacity, 0.3);
    undo.undo();
    QCOMPARE(model.layer(0).opacity, 1.0);
}

void TestLayerModel::rendersMapsThroughColormapsAndLabels()
{
    LayerModel model;
    model.addLayer(scalarLayer(QStringLiteral("map")));
    const auto &viridis = periscope::colormapTable(periscope::Colormap::Viridis);
    QImage rendered = model.rendered(0);
    QCOMPARE(QColor(rendered.pixel(0, 0)), QColor(viridis[0].r, viridis[0].g, viridis[0].b));
    QCOMPARE(QColor(rendered.pixel(1, 1)), QColor(viridis[191].r, viridis[191].g, viridis[191].b));
    QCOMPARE(qAlpha(rendered.pixel(2, 2)), 0); // NaN: transparent
    model.setColormap(0, periscope::Colormap::Jet); // the cache follows the edit
    rendered = model.rendered(0);
    const auto &jet = periscope::colormapTable(periscope::Colormap::Jet);
    QCOMPARE(QColor(rendered.pixel(0, 0)), QColor(jet[0].r, jet[0].g, jet[0].b));

    Layer labels;
    labels.id = QStringLiteral("labels");
    labels.kind = LayerKind::Labels;
    labels.values = periscope::Image(2, 1, 1, periscope::PixelFormat::UInt8);
    labels.values.setSample(1, 0, 0, 2);
    labels.labelColors = {Qt::black, Qt::red, Qt::green};
    model.addLayer(labels);
    const QImage colored = model.rendered(1);
    QCOMPARE(qAlpha(colored.pixel(0, 0)), 0); // background
    QCOMPARE(QColor(colored.pixel(1, 0)), QColor(Qt::green));
}

void TestLayerModel::reportsValuesUnderThePointer()
{
    LayerModel model;
    model.addLayer(imageLayer(QStringLiteral("photo"), QColor(12, 200, 3)));
    model.addLayer(scalarLayer(QStringLiteral("map")));
    Layer labels;
    labels.id = QStringLiteral("objects");
    labels.kind = LayerKind::Labels;
    labels.values = periscope::Image(4, 3, 1, periscope::PixelFormat::UInt8);
    labels.values.setSample(1, 1, 0, 1);
    labels.labelNames = {QStringLiteral("background"), QStringLiteral("cube")};
    model.addLayer(labels);
    QCOMPARE(model.valueAt(0, QPoint(1, 1)), QStringLiteral("R 12 G 200 B 3"));
    QCOMPARE(model.valueAt(1, QPoint(1, 1)), QStringLiteral("0.75"));
    QCOMPARE(model.valueAt(2, QPoint(1, 1)), QStringLiteral("1: cube"));
    QCOMPARE(model.valueAt(0, QPoint(4, 1)), QString()); // outside
}

void TestLayerModel::replacingDataKeepsTheUsersSettings()
{
    LayerModel model;
    model.addLayer(scalarLayer(QStringLiteral("map")));
    model.rename(0, QStringLiteral("mine"));
    model.setOpacity(0, 0.4);
    Layer fresh = scalarLayer(QStringLiteral("map"));
    fresh.values.setSample(0, 0, 0, 1.0f);
    model.replaceLayer(fresh);
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.layer(0).name, QStringLiteral("mine"));
    QCOMPARE(model.layer(0).opacity, 0.4);
    QCOMPARE(model.valueAt(0, QPoint(0, 0)), QStringLiteral("1"));
}

QTEST_MAIN(TestLayerModel)
#include "tst_layermodel.moc"
