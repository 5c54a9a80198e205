// SPDX-License-Identifier: GPL-3.0-or-later
// ImageView frame time while panning a 24-megapixel image (6000 x 4000) in a 1280 x 800 view,
// fitted (zoomed out ~0.2x) and at 1:1, with and without a half-transparent scalar map on top.
// Paints are forced synchronously (repaint) so the time is the paint itself. Runs offscreen.
//
//   QT_QPA_PLATFORM=offscreen bench_imageview [--frames 60]
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>

#include <cstdio>
#include <cstring>

using namespace periscope::widgets;

namespace {
double millisecondsPerFrame(ImageView &view, int frames)
{
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < frames; ++i) {
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value() + ((i / 20) % 2 ? -12 : 12));
        view.viewport()->repaint();
    }
    return double(clock.nsecsElapsed()) / 1e6 / frames;
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int frames = 60;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--frames") == 0)
            frames = std::atoi(argv[i + 1]);

    LayerModel model;
    Layer photo;
    photo.id = QStringLiteral("photo");
    photo.image = QImage(6000, 4000, QImage::Format_RGB32);
    for (int y = 0; y < photo.image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(photo.image.scanLine(y));
        for (int x = 0; x < photo.image.width(); ++x)
            line[x] = qRgb(x & 255, y & 255, (x ^ y) & 255);
    }
    model.addLayer(photo);
    ImageView view(&model);
    view.resize(1280, 800);
    view.show();
    app.processEvents();

    struct Case {
        const char *name;
        bool fit;
        bool overlay;
    };
    for (const Case c : {Case{"fit", true, false}, Case{"1:1", false, false}, Case{"fit+map", true, true}, Case{"1:1+map", false, true}}) {
        if (c.overlay && model.count() == 1) {
            Layer map;
            map.id = QStringLiteral("map");
            map.kind = LayerKind::ScalarMap;
            map.opacity = 0.5;
            map.values = periscope::Image(6000, 4000, 1, periscope::PixelFormat::Float32);
            for (int y = 0; y < 4000; ++y)
                for (int x = 0; x < 6000; ++x)
                    map.values.setSample(x, y, 0, float(x) / 6000.0f);
            model.addLayer(map);
            model.rendered(1); // colormap once, outside the timing
        }
        c.fit ? view.fitToView() : view.zoomToActualSize();
        view.centerOnImagePoint(QPointF(3000, 2000));
        millisecondsPerFrame(view, 3); // warm caches
        const double ms = millisecondsPerFrame(view, frames);
        std::printf("{\"bench\":\"imageview_pan\",\"image\":\"6000x4000\",\"view\":\"1280x800\",\"case\":\"%s\",\"zoom\":%.3f,"
                    "\"ms_per_frame\":%.2f,\"fps\":%.1f}\n",
                    c.name, view.zoom(), ms, 1000.0 / ms);
        std::fflush(stdout);
    }
    return 0;
}
