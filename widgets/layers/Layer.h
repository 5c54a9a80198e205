// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/color/Colormap.h"
#include "engine/core/image/Image.h"

#include <QColor>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QPainter>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QVector>

namespace periscope::widgets {

enum class LayerKind { Image, ScalarMap, Labels, Vector };

// One drawable thing in a vector layer, in image pixel coordinates.
struct VectorItem {
    enum class Shape { Box, Point, Polyline, Edge, Text };
    Shape shape = Shape::Box;
    QRectF box;             // Box
    QPolygonF points;       // Point (first point), Polyline, Edge (from points[0] to points[1], an arrow)
    QString label;          // drawn beside the item; the text of a Text item
    QColor color = Qt::yellow;
    double lineWidth = 2.0; // screen pixels, whatever the zoom
};

// A layer of an ImageView. Which fields matter depends on the kind:
// - Image: `image` (RGB or RGBA);
// - ScalarMap: `values` (one float channel: saliency, error, depth), drawn through `colormap`
//   between `low` and `high`;
// - Labels: `values` (one channel of label ids), drawn with `labelColors` and named in the legend
//   by `labelNames`; label 0 is transparent background;
// - Vector: `items`.
struct Layer {
    QString id;             // stable, for code and project files
    QString name;           // shown and editable
    LayerKind kind = LayerKind::Image;
    bool visible = true;
    double opacity = 1.0;
    QPainter::CompositionMode blendMode = QPainter::CompositionMode_SourceOver;

    QImage image;
    periscope::Image values;
    periscope::Colormap colormap = periscope::Colormap::Viridis;
    double low = 0.0, high = 1.0;
    QVector<QColor> labelColors;
    QStringList labelNames;
    QList<VectorItem> items;

    QSize size() const;     // in image pixels; empty for a vector layer
};

QString toString(LayerKind kind);

} // namespace periscope::widgets
