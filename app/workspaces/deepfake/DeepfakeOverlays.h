// SPDX-License-Identifier: GPL-3.0-or-later
// What the DeepFake view draws besides the frame: the explanation method's name as the user reads
// it (DeepfakeFigure.h), the heatmap layer's values (transparent where the map has nothing), and the manipulated
// region's outline.
#pragma once

#include "app/figures/DeepfakeFigure.h" // explanationMethodLabel
#include "engine/core/image/Image.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace periscope::app {

// The map at `size`, NaN (drawn transparent) where it is zero or missing.
periscope::Image transparentWhereZero(const periscope::Image &map, QSize size);

// The mask's outline (mask pixels with a 4-neighbour outside it), opaque magenta on transparent:
// it marks the manipulated region without hiding the explanation under it.
QImage maskOutline(const QImage &mask);

} // namespace periscope::app
