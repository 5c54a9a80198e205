// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/image/Image.h"

#include <QImage>

namespace periscope::app {

// The engine's images as Qt's, copied: 8-bit gray, RGB or RGBA; float images are clamped from
// [0, 1]. An empty QImage for anything else.
QImage toQImage(const periscope::Image &image);

// Qt's image as the engine's 8-bit RGB or RGBA (copied).
periscope::Image fromQImage(const QImage &image);

} // namespace periscope::app
