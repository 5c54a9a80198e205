// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/layers/LayerModel.h"
#include "widgets/layers/LayerPanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListView>
#include <QSlider>
#include <QTest>
#include <QToolButton>

using namespace periscope::widgets;

namespace {
Layer layer(const QString &id, LayerKind kind)
{
    Layer l;
    l.id = id;
    l.name = id;
    l.kind = kind;
    if (kind == LayerKind::Image) {
        l.image = QImage(4, 4, QImage::Format_RGB32);
        l.image.fill(Qt::gray);
    } else {
        l.values = periscope::Image(4, 4, 1, periscope::PixelFormat::Float32);
    }
    return l;
}
} // namespace

class TestLayerPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsTheTopLayerFirst();
    void keyboardTogglesVisibilityAndRenames();
    void controlsEditTheSelectedLayerUndoably();
    void arrowsReorder();
    void faintLabelsStayFaint();

private:
    LayerModel *m_model = nullptr;
    QUndoStack *m_undo = nullptr;
    LayerPanel *m_panel = nullptr;
};

void TestLayerPanel::init()
{
    m_model = new LayerModel;
    m_undo = new QUndoStack;
    m_model->setUndoStack(m_undo);
    m_model->addLayer(layer(QStringLiteral("photo"), LayerKind::Image));
    m_model->addLayer(layer(QStringLiteral("saliency"), LayerKind::ScalarMap));
    m_panel = new LayerPanel(m_model);
    m_panel->resize(260, 420);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestLayerPanel::cleanup()
{
    delete m_panel;
    delete m_undo;
    delete m_model;
}

void TestLayerPanel::listsTheTopLayerFirst()
{
    QAbstractItemModelTester tester(m_panel->list()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_panel->list()->model()->index(0, 0).data().toString(), QStringLiteral("saliency"));
    m_model->addLayer(layer(QStringLiteral("boxes"), LayerKind::Vector));
    QCOMPARE(m_panel->list()->model()->index(0, 0).data().toString(), QStringLiteral("boxes"));
    QCOMPARE(m_panel->list()->model()->index(2, 0).data().toString(), QStringLiteral("photo"));
    m_model->removeLayer(QStringLiteral("boxes"));
    QCOMPARE(m_panel->list()->model()->rowCount(), 2);
}

void TestLayerPanel::keyboardTogglesVisibilityAndRenames()
{
    m_panel->selectLayer(1); // "saliency", listed first
    m_panel->list()->setFocus();
    QTest::keyClick(m_panel->list(), Qt::Key_Space);
    QVERIFY(!m_model->layer(1).visible);
    QTest::keyClick(m_panel->list(), Qt::Key_F2);
    auto *editor = m_panel->list()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Grad-CAM"));
    QTest::keyClick(editor, Qt::Key_Return);
    // Qt's delegate commits on Return through a queued call.
    QTRY_COMPARE(m_model->layer(1).name, QStringLiteral("Grad-CAM"));
    m_undo->undo();
    m_undo->undo();
    QVERIFY(m_model->layer(1).visible);
    QCOMPARE(m_model->layer(1).name, QStringLiteral("saliency"));
}

void TestLayerPanel::controlsEditTheSelectedLayerUndoably()
{
    m_panel->selectLayer(0); // the photo: no colormap controls
    QVERIFY(!m_panel->colormapBox()->isEnabled());
    m_panel->selectLayer(1);
    QVERIFY(m_panel->colormapBox()->isEnabled());
    m_panel->opacitySlider()->setFocus();
    QTest::keyClick(m_panel->opacitySlider(), Qt::Key_PageDown);
    QTest::keyClick(m_panel->opacitySlider(), Qt::Key_PageDown);
    QCOMPARE(m_model->layer(1).opacity, 0.8);
    QCOMPARE(m_undo->count(), 1); // one merged opacity step
    m_panel->colormapBox()->setCurrentIndex(m_panel->colormapBox()->findData(QStringLiteral("coolwarm")));
    QCOMPARE(int(m_model->layer(1).colormap), int(periscope::Colormap::Coolwarm));
    m_panel->lowBox()->setValue(-1.0);
    QCOMPARE(m_model->layer(1).low, -1.0);
    m_panel->blendBox()->setCurrentIndex(1);
    QCOMPARE(m_model->layer(1).blendMode, QPainter::CompositionMode_Multiply);
    // Undo shows in the controls too.
    m_undo->undo();
    m_undo->undo();
    m_undo->undo();
    QCOMPARE(m_panel->colormapBox()->currentData().toString(), QStringLiteral("viridis"));
    m_undo->undo();
    QCOMPARE(m_panel->opacitySlider()->value(), 100);
}

void TestLayerPanel::arrowsReorder()
{
    m_panel->selectLayer(0);
    QVERIFY(!m_panel->lowerButton()->isEnabled());
    QTest::mouseClick(m_panel->raiseButton(), Qt::LeftButton);
    QCOMPARE(m_model->layer(1).id, QStringLiteral("photo"));
    QCOMPARE(m_panel->selectedLayerRow(), 1); // the selection follows the layer
    QCOMPARE(m_panel->list()->model()->index(0, 0).data().toString(), QStringLiteral("photo"));
    m_undo->undo();
    QCOMPARE(m_model->layer(0).id, QStringLiteral("photo"));
}

void TestLayerPanel::faintLabelsStayFaint()
{
    // A label colour with alpha (the Slots workspace's background slot) is drawn as that colour
    // at that alpha over what is below: the rendered layer is premultiplied, so it must be too.
    periscope::widgets::LayerModel model;
    periscope::widgets::Layer labels;
    labels.id = QStringLiteral("labels");
    labels.kind = periscope::widgets::LayerKind::Labels;
    labels.values = periscope::Image(4, 4, 1, periscope::PixelFormat::UInt8);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x)
            labels.values.setSample(x, y, 0, 1.0f);
    labels.labelColors = {QColor(Qt::transparent), QColor(240, 50, 230, 50)};
    model.addLayer(labels);
    const QImage out = model.rendered(model.rowOf(QStringLiteral("labels")));
    QCOMPARE(out.format(), QImage::Format_ARGB32_Premultiplied);
    const QRgb pixel = out.pixel(1, 1);
    QCOMPARE(qAlpha(pixel), 50);
    QVERIFY(qRed(pixel) <= qAlpha(pixel) && qGreen(pixel) <= qAlpha(pixel) && qBlue(pixel) <= qAlpha(pixel)); // a valid premultiplied pixel
    // Un-premultiplied it is the colour again, within 8-bit premultiplication's step at alpha 50.
    QVERIFY(std::abs(qRed(qUnpremultiply(pixel)) - 240) <= 255 / 50 + 1);
    QVERIFY(std::abs(qGreen(qUnpremultiply(pixel)) - 50) <= 255 / 50 + 1);
}

QTEST_MAIN(TestLayerPanel)
#include "tst_layerpanel.moc"
