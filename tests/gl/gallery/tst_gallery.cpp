// SPDX-License-Identifier: GPL-3.0-or-later
// The widget gallery: every widget with real data (opencv-doc's photo and video, VTK shapes,
// plots), rendered on a real X server and written as screenshots to build/gallery (or
// $PERISCOPE_GALLERY_DIR), so a person can look at what the widgets show. Each must show what it
// was given: the annotations in their colours, the wipe's colour and gray sides, both curves, the
// video's frames, each 3-D shape in its colour (not only "more than 20 colours", #24).
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoReader.h"
#include "app/shell/WidgetFigures.h"
#include "widgets/imageview/ImageView.h"
#include "app/figures/ImageConversion.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/layers/LayerPanel.h"
#include "widgets/plotview/PlotView.h"
#include "widgets/timeline/Timeline.h"
#include "widgets/vtkview/VtkView.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <vtkActor.h>
#include <vtkConeSource.h>
#include <vtkCubeSource.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>

#include <cmath>

using namespace periscope::widgets;
using namespace periscope::app;

namespace {
const QString kData = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/");

QString galleryFolder()
{
    const QString folder = qEnvironmentVariableIsSet("PERISCOPE_GALLERY_DIR") ? qEnvironmentVariable("PERISCOPE_GALLERY_DIR")
                                                                              : QStringLiteral(PERISCOPE_BIN_DIR "/../gallery");
    QDir().mkpath(folder);
    return folder;
}

bool looksReal(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return colours.size() > 20;
}

// Pixels within `tolerance` (per channel) of `colour`.
int countNear(const QImage &image, const QColor &colour, int tolerance = 12)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance &&
                         std::abs(c.blue() - colour.blue()) <= tolerance
                     ? 1
                     : 0;
        }
    return n;
}

// Pixels of `rect` whose colour is saturated (a photo's colour, not gray).
int countSaturated(const QImage &image, const QRect &rect, int saturation = 60)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += image.rect().contains(x, y) && image.pixelColor(x, y).hsvSaturation() > saturation && image.pixelColor(x, y).value() > 40 ? 1 : 0;
    return n;
}

// Pixels whose hue lies within 20 degrees of `hue` (shaded: any brightness, some saturation).
int countHue(const QImage &image, int hue)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int d = std::abs(c.hsvHue() - hue);
            n += c.hsvSaturation() > 80 && c.value() > 40 && std::min(d, 360 - d) <= 20 ? 1 : 0;
        }
    return n;
}

void addActor(vtkRenderer *renderer, vtkAlgorithm *source, double r, double g, double b, double x)
{
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(source->GetOutputPort());
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(r, g, b);
    actor->GetProperty()->SetSpecular(0.4);
    actor->SetPosition(x, 0, 0);
    renderer->AddActor(actor);
}
} // namespace

class TestGallery : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void imageViewWithLayers();
    void plots();
    void timelineWithVideoThumbnails();
    void vtkScene();

private:
    QImage save(QWidget *widget, const QString &name);
    QString m_folder;
};

void TestGallery::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("needs an X server: CTest runs this suite under xvfb-run");
    if (!QFile::exists(kData + QStringLiteral("baboon.jpg")))
        QSKIP("opencv-doc's data is not installed (scripts/install-deps.sh installs it)");
    m_folder = galleryFolder();
}

QImage TestGallery::save(QWidget *widget, const QString &name)
{
    const QImage shot = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (!looksReal(shot) || !shot.save(QDir(m_folder).filePath(name + QStringLiteral(".png"))))
        return {};
    return shot;
}

void TestGallery::imageViewWithLayers()
{
    const periscope::media::ImageFile baboon = periscope::media::readImage((kData + QStringLiteral("baboon.jpg")).toStdString());
    LayerModel model;
    Layer photo;
    photo.id = QStringLiteral("photo");
    photo.name = QStringLiteral("baboon.jpg");
    photo.image = toQImage(baboon.pixels);
    model.addLayer(photo);
    // A real scalar map: local contrast (gradient magnitude of the luminance).
    Layer contrast;
    contrast.id = QStringLiteral("contrast");
    contrast.name = QStringLiteral("gradient magnitude");
    contrast.kind = LayerKind::ScalarMap;
    contrast.colormap = periscope::Colormap::Magma;
    contrast.opacity = 0.55;
    contrast.values = periscope::Image(baboon.pixels.width(), baboon.pixels.height(), 1, periscope::PixelFormat::Float32);
    auto luminance = [&](int x, int y) {
        x = std::clamp(x, 0, baboon.pixels.width() - 1);
        y = std::clamp(y, 0, baboon.pixels.height() - 1);
        return 0.299f * baboon.pixels.sample(x, y, 0) + 0.587f * baboon.pixels.sample(x, y, 1) + 0.114f * baboon.pixels.sample(x, y, 2);
    };
    for (int y = 0; y < baboon.pixels.height(); ++y)
        for (int x = 0; x < baboon.pixels.width(); ++x)
            contrast.values.setSample(x, y, 0, std::hypot(luminance(x + 1, y) - luminance(x - 1, y), luminance(x, y + 1) - luminance(x, y - 1)) / 255.0f);
    model.addLayer(contrast);
    Layer boxes;
    boxes.id = QStringLiteral("boxes");
    boxes.name = QStringLiteral("regions");
    boxes.kind = LayerKind::Vector;
    VectorItem eye;
    eye.box = QRectF(95, 50, 95, 80);
    eye.label = QStringLiteral("left eye");
    eye.color = QColor(80, 220, 255);
    VectorItem nose;
    nose.shape = VectorItem::Shape::Edge;
    nose.points = QPolygonF({QPointF(140, 130), QPointF(250, 300)});
    nose.label = QStringLiteral("toward the nose");
    nose.color = Qt::yellow;
    boxes.items = {eye, nose};
    model.addLayer(boxes);

    ImageView view(&model);
    view.resize(640, 480);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage layered = save(&view, QStringLiteral("imageview-layers"));
    QVERIFY(!layered.isNull());
    // The eye's box and the nose's arrow in their colours, the magma scale's bright end.
    QVERIFY2(countNear(layered, eye.color) > 150, qPrintable(QString::number(countNear(layered, eye.color))));
    QVERIFY2(countNear(layered, Qt::yellow, 30) > 60, qPrintable(QString::number(countNear(layered, Qt::yellow, 30))));
    const auto &magma = periscope::colormapTable(periscope::Colormap::Magma);
    QVERIFY(countNear(layered, QColor(magma[255].r, magma[255].g, magma[255].b), 8) > 0);
    LayerPanel layers(&model);
    layers.resize(280, 420);
    layers.selectLayer(1);
    layers.show();
    QVERIFY(QTest::qWaitForWindowExposed(&layers));
    QVERIFY(!save(&layers, QStringLiteral("layer-panel")).isNull());
    // Side by side with a wipe.
    LayerModel second;
    Layer gray = photo;
    gray.id = QStringLiteral("gray");
    gray.image = photo.image.convertToFormat(QImage::Format_Grayscale8).convertToFormat(QImage::Format_RGB32);
    second.addLayer(photo);
    second.addLayer(gray);
    ImageView wipe(&second);
    wipe.resize(640, 480);
    wipe.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wipe));
    wipe.setWipe(QStringLiteral("photo"), QStringLiteral("gray"));
    wipe.setWipePosition(0.4);
    const QImage wiped = save(&wipe, QStringLiteral("imageview-wipe"));
    QVERIFY(!wiped.isNull());
    // Left of the wipe line the colour photo, right of it the gray one: in the middle rows.
    const QRect viewport = wipe.viewport()->geometry();
    const int top = viewport.top() + viewport.height() / 3, rows = viewport.height() / 3;
    const int left = countSaturated(wiped, QRect(viewport.left() + viewport.width() / 10, top, viewport.width() / 4, rows));
    const int right = countSaturated(wiped, QRect(viewport.left() + viewport.width() * 6 / 10, top, viewport.width() / 4, rows));
    QVERIFY2(left > 1000 && right < left / 50, qPrintable(QStringLiteral("saturated pixels: %1 left, %2 right").arg(left).arg(right)));

    FigureOptions options;
    options.dpi = 150;
    options.caption = QStringLiteral("Gallery: baboon.jpg with its gradient magnitude and two annotations");
    const auto panel = figurePanel(&view, options);
    QString error;
    QVERIFY2(exportFigure({panel.get()}, 1, options, QDir(m_folder).filePath(QStringLiteral("figure.png")), &error), qPrintable(error));
    QVERIFY2(exportFigure({panel.get()}, 1, options, QDir(m_folder).filePath(QStringLiteral("figure.pdf")), &error), qPrintable(error));
}

void TestGallery::plots()
{
    PlotView curves;
    curves.resize(560, 320);
    curves.setLabels(QStringLiteral("step"), QStringLiteral("loss"), QStringLiteral("Training curves"));
    QVector<double> steps, train, validation;
    for (int s = 0; s <= 200; ++s) {
        steps << s;
        train << 2.0 * std::exp(-s / 40.0) + 0.05 * std::sin(s / 3.0) + 0.1;
        validation << 2.0 * std::exp(-s / 50.0) + 0.18;
    }
    curves.addLine(QStringLiteral("train"), steps, train);
    curves.addLine(QStringLiteral("validation"), steps, validation);
    curves.setCursorX(120);
    curves.show();
    QVERIFY(QTest::qWaitForWindowExposed(&curves));
    const QImage curvesShot = save(&curves, QStringLiteral("plot-curves"));
    QVERIFY(!curvesShot.isNull());
    // Both lines drawn, each in its own hue.
    QList<int> hues;
    for (int hue = 0; hue < 360; hue += 10)
        if (countHue(curvesShot, hue) > 150)
            hues << hue;
    int distinct = 0;
    for (int i = 0; i < hues.size(); ++i)
        distinct += i == 0 || hues[i] - hues[i - 1] > 40 ? 1 : 0;
    QVERIFY2(distinct >= 2, qPrintable(QStringLiteral("line hues: %1").arg(hues.size())));

    PlotView heat;
    heat.resize(420, 360);
    QVector<double> values;
    for (int r = 0; r < 40; ++r)
        for (int c = 0; c < 40; ++c)
            values << std::exp(-((c - 22) * (c - 22) + (r - 17) * (r - 17)) / 60.0);
    heat.setHeatmap(QStringLiteral("ab histogram"), 40, 40, values, QRectF(-110, -110, 220, 220), periscope::Colormap::Viridis, 0, 1);
    heat.setLabels(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("ab-plane histogram"));
    heat.show();
    QVERIFY(QTest::qWaitForWindowExposed(&heat));
    const QImage heatShot = save(&heat, QStringLiteral("plot-heatmap"));
    QVERIFY(!heatShot.isNull());
    // The peak in viridis' yellow, the far corners in its purple.
    const auto &viridis = periscope::colormapTable(periscope::Colormap::Viridis);
    QVERIFY(countNear(heatShot, QColor(viridis[250].r, viridis[250].g, viridis[250].b), 20) > 20);
    QVERIFY(countNear(heatShot, QColor(viridis[0].r, viridis[0].g, viridis[0].b), 20) > 500);
}

void TestGallery::timelineWithVideoThumbnails()
{
    const std::string video = (kData + QStringLiteral("Megamind.avi")).toStdString();
    if (!QFile::exists(QString::fromStdString(video)))
        QSKIP("Megamind.avi is not installed");
    auto reader = periscope::media::VideoReader::open(video);
    Timeline timeline;
    timeline.resize(900, 170);
    timeline.setVideo(reader->info().frameCount, reader->info().frameRate);
    QVector<double> brightness(reader->info().frameCount);
    for (int i = 0; i < brightness.size(); ++i)
        brightness[i] = 0.5 + 0.4 * std::sin(i / 15.0);
    timeline.addTrack(QStringLiteral("score"), brightness, QColor(0, 114, 178));
    timeline.addMarker(120, QStringLiteral("face"), QColor(213, 94, 0));
    timeline.setCurrentFrame(100);
    // The provider owns its decoder: it runs on the timeline's worker thread only.
    std::shared_ptr<periscope::media::VideoReader> thumbnails = periscope::media::VideoReader::open(video);
    QSignalSpy ready(&timeline, &Timeline::thumbnailsReady);
    timeline.setThumbnailProvider([thumbnails](qint64 frame, QSize size) {
        return toQImage(thumbnails->frameAt(frame).rgb).scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }, 9);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    QVERIFY(ready.wait(20000));
    const QImage strip = save(&timeline, QStringLiteral("timeline"));
    QVERIFY(!strip.isNull());
    // The video's frames in colour across the strip, the marker in its orange.
    QVERIFY2(countSaturated(strip, strip.rect()) > 2000, qPrintable(QString::number(countSaturated(strip, strip.rect()))));
    QVERIFY(countNear(strip, QColor(213, 94, 0), 20) > 10);
}

void TestGallery::vtkScene()
{
    VtkView view;
    view.resize(480, 360);
    vtkNew<vtkSphereSource> sphere;
    sphere->SetThetaResolution(48);
    sphere->SetPhiResolution(48);
    vtkNew<vtkCubeSource> cube;
    vtkNew<vtkConeSource> cone;
    cone->SetResolution(48);
    addActor(view.renderer(), sphere, 0.85, 0.2, 0.2, -1.6);
    addActor(view.renderer(), cube, 0.2, 0.6, 0.9, 0.0);
    addActor(view.renderer(), cone, 0.3, 0.8, 0.3, 1.6);
    view.resetCamera();
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage shot = view.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
    QVERIFY(looksReal(shot));
    // Red sphere, blue cube, green cone: each shape shaded in its own hue.
    for (const auto &[hue, name] : {std::pair{0, "red sphere"}, std::pair{205, "blue cube"}, std::pair{110, "green cone"}})
        QVERIFY2(countHue(shot, hue) > 300, qPrintable(QStringLiteral("%1: %2 pixels").arg(QLatin1String(name)).arg(countHue(shot, hue))));
    QVERIFY(shot.save(QDir(m_folder).filePath(QStringLiteral("vtkview.png"))));
}

QTEST_MAIN(TestGallery)
#include "tst_gallery.moc"
