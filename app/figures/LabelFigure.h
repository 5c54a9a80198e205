// SPDX-License-Identifier: GPL-3.0-or-later
// Figure panels every workspace that labels pixels or compares maps shares: an image under a
// label map with a legend of the labels it shows (Slots' masks, Open vocabulary's segmentation),
// and small multiples of images with a coloured frame and a caption each (Slots' attention per
// slot, Open vocabulary's similarity per prompt).
#pragma once

#include "app/figures/Figure.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace periscope::app {

struct FigureLabel {
    QString name;
    QColor colour; // its alpha is the overlay's opacity for this label
    QColor swatch; // the legend's swatch (usually `colour`, opaque)
};

// `image` (RGB) under `labels` (8-bit, the image's size or any other: scaled without smoothing;
// 0 nothing, k the k-th of `legend`), with a legend of the labels present, in `legendColumns`
// columns.
std::unique_ptr<FigurePanel> labelMapPanel(const QImage &image, const QImage &labels, const QList<FigureLabel> &legend, int legendColumns = 3);

// `images` in `columns` columns, each framed in its colour of `frames` (none when absent) with
// its caption below; a caption " · " splits into two lines.
std::unique_ptr<FigurePanel> smallMultiplesPanel(const QList<QImage> &images, const QStringList &captions, const QList<QColor> &frames, int columns = 4);

} // namespace periscope::app
