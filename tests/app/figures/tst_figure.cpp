// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/Figure.h"
#include "app/figures/LabelFigure.h"
#include "app/shell/WidgetFigures.h"
#include "tests/support/PdfReadBack.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"

#include <QFile>
#include <QPainter>
#include <QImage>
#include <QLabel>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace periscope::widgets;
using namespace periscope::app;
using namespace periscope::test;

namespace {
QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestFigure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pngHasTheRequestedDpiAndSize();
    void svgKeepsVectorContentAndText();
    void pdfIsWritten();
    void gridHasPanelLetters();
    void refusesBadRequests();
    void captionsShrinkToFitTheirCell();
    void labelMapShowsLabelsAndOnlyTheirLegend();
    void smallMultiplesKeepTheImagesShape();

private:
    QTemporaryDir m_dir;
    LayerModel *m_model = nullptr;
    ImageView *m_view = nullptr;
};

void TestFigure::init()
{
    QVERIFY(m_dir.isValid());
    m_model = new LayerModel;
    Layer photo;
    photo.id = QStringLiteral("photo");
    photo.name = QStringLiteral("photo");
    photo.image = QImage(200, 100, QImage::Format_RGB32);
    photo.image.fill(QColor(0, 128, 0));
    m_model->addLayer(photo);
    Layer map;
    map.id = QStringLiteral("error");
    map.name = QStringLiteral("ΔE");
    map.kind = LayerKind::ScalarMap;
    map.values = periscope::Image(200, 100, 1, periscope::PixelFormat::Float32);
    map.opacity = 0.0; // in the figure's colorbar, not over the photo
    map.high = 20.0;
    m_model->addLayer(map);
    Layer boxes;
    boxes.id = QStringLiteral("boxes");
    boxes.kind = LayerKind::Vector;
    VectorItem box;
    box.box = QRectF(40, 20, 60, 40);
    box.color = Qt::red;
    box.label = QStringLiteral("cube");
    boxes.items = {box};
    m_model->addLayer(boxes);
    m_view = new ImageView(m_model);
    m_view->resize(420, 230);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->fitToView();
}

void TestFigure::cleanup()
{
    delete m_view;
    delete m_model;
}

void TestFigure::pngHasTheRequestedDpiAndSize()
{
    FigureOptions options;
    options.dpi = 150;
    options.widthInches = 4.0;
    options.caption = QStringLiteral("Colorization error");
    const auto panel = figurePanel(m_view, options);
    const QString path = m_dir.filePath(QStringLiteral("figure.png"));
    QString error;
    QVERIFY2(exportFigure({panel.get()}, 1, options, path, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.width(), 600); // 4 in x 150 dpi
    QCOMPARE(image.dotsPerMeterX(), int(std::lround(150 / 0.0254)));
    // The photo's green fills the image area's middle; the figure background is white.
    const QColor middle = image.pixelColor(image.width() / 3, image.height() / 3);
    QVERIFY2(middle.green() > 100 && middle.red() < 60, qPrintable(middle.name()));
    QCOMPARE(image.pixelColor(image.width() - 1, image.height() - 1), QColor(Qt::white));
}

void TestFigure::svgKeepsVectorContentAndText()
{
    FigureOptions options;
    options.caption = QStringLiteral("Explained relations");
    options.scaleBar = true;
    options.pixelsPerUnit = 10.0;
    options.unit = QStringLiteral("mm");
    const auto panel = figurePanel(m_view, options);
    const QString path = m_dir.filePath(QStringLiteral("figure.svg"));
    QString error;
    QVERIFY2(exportFigure({panel.get()}, 1, options, path, &error), qPrintable(error));
    QVERIFY(QSvgRenderer(path).isValid());
    const QByteArray svg = readAll(path);
    QVERIFY(svg.contains("Explained relations")); // text stays text
    QVERIFY(svg.contains("cube"));
    QVERIFY(svg.contains("mm"));
    QVERIFY(svg.contains("<image")); // the photo is a raster inside
    QVERIFY(svg.contains("#ff0000")); // the box is a vector stroke in its colour
}

void TestFigure::pdfIsWritten()
{
    FigureOptions options;
    const auto panel = figurePanel(m_view, options);
    const QString path = m_dir.filePath(QStringLiteral("figure.pdf"));
    QString error;
    QVERIFY2(exportFigure({panel.get()}, 1, options, path, &error), qPrintable(error));
    QVERIFY(readAll(path).startsWith("%PDF"));
    // Read back as a PDF reader shows it.
    if (!PdfReadBack::isAvailable())
        QSKIP(PdfReadBack::kMissing);
    // The page is the figure's width: 6 inches are 432 points.
    const QSizeF page = PdfReadBack::pageSize(path);
    QVERIFY2(std::abs(page.width() - 72.0 * options.widthInches) < 1.0, qPrintable(QString::number(page.width())));
    // Text stays text: the box's label can be searched and copied.
    QVERIFY(PdfReadBack::text(path).contains(QLatin1String("cube")));
    // Drawn as the PNG export draws it: at the same resolution the two pictures agree, the green
    // photo and the red box where they belong (anti-aliasing and font hinting differ at edges).
    options.dpi = 100.0;
    const QString png = m_dir.filePath(QStringLiteral("figure-100.png"));
    QVERIFY2(exportFigure({panel.get()}, 1, options, png, &error), qPrintable(error));
    const QImage fromPdf = PdfReadBack::page(path, 100);
    const QImage fromPng = QImage(png).convertToFormat(QImage::Format_RGB32);
    QVERIFY(!fromPdf.isNull() && !fromPng.isNull());
    QVERIFY2(std::abs(fromPdf.width() - fromPng.width()) <= 2 && std::abs(fromPdf.height() - fromPng.height()) <= 2,
             qPrintable(QStringLiteral("%1x%2 against %3x%4").arg(fromPdf.width()).arg(fromPdf.height()).arg(fromPng.width()).arg(fromPng.height())));
    const QSize common(std::min(fromPdf.width(), fromPng.width()), std::min(fromPdf.height(), fromPng.height()));
    int differing = 0, green = 0, red = 0;
    for (int y = 0; y < common.height(); ++y)
        for (int x = 0; x < common.width(); ++x) {
            const QColor a = fromPdf.pixelColor(x, y), b = fromPng.pixelColor(x, y);
            differing += std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) > 96 ? 1 : 0;
            green += a.green() > 100 && a.red() < 40 && a.blue() < 40 ? 1 : 0;
            red += a.red() > 200 && a.green() < 60 && a.blue() < 60 ? 1 : 0;
        }
    const int pixels = common.width() * common.height();
    QVERIFY2(differing < pixels / 50, qPrintable(QStringLiteral("%1 of %2 pixels differ from the PNG").arg(differing).arg(pixels)));
    QVERIFY2(green > pixels / 10 && red > 50, qPrintable(QStringLiteral("green %1, red %2 of %3").arg(green).arg(red).arg(pixels)));
}

void TestFigure::gridHasPanelLetters()
{
    PlotView plot;
    plot.resize(300, 200);
    plot.addLine(QStringLiteral("loss"), {0, 1, 2, 3}, {4, 2, 1, 0.5});
    FigureOptions options;
    const auto image = figurePanel(m_view, options);
    const auto curve = figurePanel(&plot);
    QLabel note(QStringLiteral("any widget"));
    note.resize(200, 60);
    const auto widget = figurePanel(&note);
    const QString path = m_dir.filePath(QStringLiteral("grid.svg"));
    QString error;
    QVERIFY2(exportFigure({image.get(), curve.get(), widget.get()}, 2, options, path, &error), qPrintable(error));
    const QByteArray svg = readAll(path);
    for (const char *letter : {"(a)", "(b)", "(c)"})
        QVERIFY2(svg.contains(letter), letter);
    QVERIFY(QSvgRenderer(path).isValid());
    const QString png = m_dir.filePath(QStringLiteral("grid.png"));
    QVERIFY2(exportFigure({image.get(), curve.get()}, 2, options, png, &error), qPrintable(error));
    QCOMPARE(QImage(png).width(), int(std::lround(6.0 * 300)));
}

void TestFigure::refusesBadRequests()
{
    FigureOptions options;
    const auto panel = figurePanel(m_view, options);
    QString error;
    QVERIFY(!exportFigure({panel.get()}, 1, options, m_dir.filePath(QStringLiteral("figure.gif")), &error));
    QVERIFY(error.contains(QStringLiteral("gif")));
    QVERIFY(!exportFigure({}, 1, options, m_dir.filePath(QStringLiteral("empty.png")), &error));
    options.dpi = 10;
    QVERIFY(!exportFigure({panel.get()}, 1, options, m_dir.filePath(QStringLiteral("low.png")), &error));
}

QTEST_MAIN(TestFigure)
void TestFigure::captionsShrinkToFitTheirCell()
{
    // As exportFigure paints a PNG: a 72-DPI image through a scale to 300 DPI, where the demo's
    // slot captions (3.5 points, a 34.3-point cell) overran their cells. After fitting, each text
    // is no wider than the cell as the painter lays it out; a text that fits keeps its size.
    QImage image(600, 200, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(2835); // 72 DPI
    image.setDotsPerMeterY(2835);
    QPainter painter(&image);
    painter.scale(300.0 / 72.0, 300.0 / 72.0);
    const QStringList captions{QStringLiteral("slot 10 · 3.0% · IoU 0.06"), QStringLiteral("slot 7 (background)")};
    const QFont start = figureFont(3.5);
    const double width = 25.0;
    const QFont fitted = fittedFont(start, captions, width, painter, 1.0);
    QVERIFY(fitted.pointSizeF() < start.pointSizeF());
    QVERIFY(fitted.pointSizeF() > 1.0); // fitted, not stopped at the floor
    painter.setFont(fitted);
    for (const QString &caption : captions) {
        const double drawn = painter.boundingRect(QRectF(0, 0, 1000, 100), Qt::AlignLeft | Qt::AlignTop, caption).width();
        QVERIFY2(drawn <= width, qPrintable(QStringLiteral("%1: %2 points").arg(caption).arg(drawn)));
    }
    painter.setFont(figureFont(20.0));
    QCOMPARE(fittedFont(start, {QStringLiteral("a")}, width, painter).pointSizeF(), start.pointSizeF());
    QCOMPARE(painter.font().pointSizeF(), 20.0); // the painter's font is left alone
    QCOMPARE(fittedFont(start, captions, 0.5, painter, 3.0).pointSizeF(), 3.0); // never below the floor
}

void TestFigure::labelMapShowsLabelsAndOnlyTheirLegend()
{
    // A white image, its left half labelled 1 (red at 60 %), label 2 (green) nowhere.
    QImage image(40, 20, QImage::Format_RGB888);
    image.fill(Qt::white);
    QImage labels(40, 20, QImage::Format_Grayscale8);
    labels.fill(0);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x)
            labels.scanLine(y)[x] = 1;
    QColor red(255, 0, 0, 153);
    const auto panel = labelMapPanel(image, labels, {{QStringLiteral("red things"), red, QColor(Qt::red)}, {QStringLiteral("green things"), QColor(0, 255, 0, 153), QColor(Qt::green)}});
    // One legend row under the image: the other label has no pixels, so no row of its own.
    QCOMPARE(panel->preferredSize(), QSizeF(40, 20 * 1.08));
    QImage drawn(400, 216, QImage::Format_RGB32);
    drawn.fill(Qt::white);
    {
        QPainter painter(&drawn);
        panel->draw(painter, QRectF(0, 0, 400, 216));
    }
    const QColor left = drawn.pixelColor(100, 100), right = drawn.pixelColor(300, 100);
    QCOMPARE(right, QColor(Qt::white));
    QVERIFY(left.red() == 255 && std::abs(left.green() - 102) <= 2 && std::abs(left.blue() - 102) <= 2); // 60 % red over white
    bool greenSwatch = false, redSwatch = false;
    for (int y = 200; y < 216; ++y)
        for (int x = 0; x < 400; ++x) {
            greenSwatch = greenSwatch || drawn.pixelColor(x, y) == QColor(Qt::green);
            redSwatch = redSwatch || drawn.pixelColor(x, y) == QColor(Qt::red);
        }
    QVERIFY(redSwatch);
    QVERIFY(!greenSwatch);
}

void TestFigure::smallMultiplesKeepTheImagesShape()
{
    QImage wide(60, 30, QImage::Format_RGB888);
    wide.fill(Qt::blue);
    const auto panel = smallMultiplesPanel({wide, wide, wide}, {QStringLiteral("a · 1"), QStringLiteral("b"), QStringLiteral("c")},
                                           {QColor(Qt::red), QColor(), QColor(Qt::green)}, 2);
    // Two columns, two rows of cells as wide as tall twice over, each with its caption band.
    const QSizeF size = panel->preferredSize();
    QCOMPARE(size.width(), 200.0);
    QVERIFY(std::abs(size.height() - 2 * (50.0 + 26.0)) < 1e-9);
}

#include "tst_figure.moc"
