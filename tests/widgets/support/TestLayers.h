// SPDX-License-Identifier: GPL-3.0-or-later
// Layers for widget tests.
#pragma once

#include "widgets/layers/LayerModel.h"

#include <QColor>
#include <QImage>
#include <QSize>

namespace periscope::test {

// An image layer of one colour; its id is also its name.
inline widgets::Layer solidImageLayer(const QString &id, QColor color, QSize size)
{
    widgets::Layer layer;
    layer.id = id;
    layer.name = id;
    layer.kind = widgets::LayerKind::Image;
    layer.image = QImage(size, QImage::Format_RGB32);
    layer.image.fill(color);
    return layer;
}

} // namespace periscope::test
