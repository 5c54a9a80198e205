// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeOverlays.h"

#include <QCoreApplication>

#include <limits>

namespace periscope::app {

periscope::Image transparentWhereZero(const periscope::Image &map, QSize size)
{
    periscope::Image out(size.width(), size.height(), 1, periscope::PixelFormat::Float32);
    const bool known = !map.isNull() && map.width() == size.width() && map.height() == size.height();
    for (int y = 0; y < size.height(); ++y) {
        float *row = out.rowAs<float>(y);
        const float *in = known ? map.rowAs<float>(y) : nullptr;
        for (int x = 0; x < size.width(); ++x)
            row[x] = in && in[x] > 0.0f ? in[x] : std::numeric_limits<float>::quiet_NaN();
    }
    return out;
}

QImage maskOutline(const QImage &mask)
{
    QImage out(mask.size(), QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    const QRgb magenta = qRgba(255, 0, 255, 255);
    const auto on = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < mask.width() && y < mask.height() && mask.constScanLine(y)[x] != 0;
    };
    for (int y = 0; y < mask.height(); ++y) {
        auto *row = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < mask.width(); ++x)
            if (on(x, y) && (!on(x - 1, y) || !on(x + 1, y) || !on(x, y - 1) || !on(x, y + 1)))
                row[x] = magenta;
    }
    return out;
}

} // namespace periscope::app
