// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/ImageConversion.h"

#include <algorithm>
#include <cstring>

namespace periscope::app {

QImage toQImage(const periscope::Image &image)
{
    if (image.isNull())
        return {};
    QImage::Format format;
    switch (image.channels()) {
    case 1: format = QImage::Format_Grayscale8; break;
    case 3: format = QImage::Format_RGB888; break;
    case 4: format = QImage::Format_RGBA8888; break;
    default: return {};
    }
    QImage out(image.width(), image.height(), format);
    const int samples = image.width() * image.channels();
    for (int y = 0; y < image.height(); ++y) {
        uchar *line = out.scanLine(y);
        if (image.format() == periscope::PixelFormat::UInt8) {
            std::memcpy(line, image.row(y), std::size_t(samples));
        } else {
            const float *in = image.rowAs<float>(y);
            for (int i = 0; i < samples; ++i)
                line[i] = uchar(std::clamp(in[i], 0.0f, 1.0f) * 255.0f + 0.5f);
        }
    }
    return out;
}

periscope::Image fromQImage(const QImage &image)
{
    if (image.isNull())
        return {};
    const bool alpha = image.hasAlphaChannel();
    const QImage converted = image.convertToFormat(alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    periscope::Image out(converted.width(), converted.height(), alpha ? 4 : 3, periscope::PixelFormat::UInt8);
    for (int y = 0; y < converted.height(); ++y)
        std::memcpy(out.row(y), converted.constScanLine(y), std::size_t(converted.width() * (alpha ? 4 : 3)));
    return out;
}

} // namespace periscope::app
