// SPDX-License-Identifier: GPL-3.0-or-later
// The Colorize figure grid, one row a photo: the gray input, the result with its metrics, the
// truth. The workspace's Export Figure and `periscope-cli colorize --figure` draw the same grid.
#pragma once

#include "app/figures/Figure.h"

#include <QImage>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace periscope::app {

struct ColorizeFigureRow {
    QString name;               // the photo's file name
    QImage gray, result, truth; // previews (truth null for a gray photo)
    bool hasTruth = false;
    double psnr = 0, ssim = 0, meanDeltaE = 0; // against the truth, when there is one
    double colourfulness = 0, truthColourfulness = 0;
};

// How many rows a figure shows at most, and how large a preview needs to be for print.
constexpr int kColorizeFigureRows = 6;
constexpr int kColorizeFigurePreviewSide = 512;

// Three panels a row, in reading order.
std::vector<std::unique_ptr<FigurePanel>> colorizeGridPanels(const QList<ColorizeFigureRow> &rows);

// One image with a caption under it, at `shape`'s aspect ratio; a null image draws `missing`.
std::unique_ptr<FigurePanel> captionedImagePanel(QImage image, QString caption, QSize shape, QString missing = {});

// What a colorization did over the photos that have a truth (photos 0: none).
struct ColorizeRunMeans {
    int photos = 0;
    double psnr = 0, grayPsnr = 0;      // the result's PSNR and the gray photo's, against the truth
    double chroma = 0, truthChroma = 0; // mean CIELab chroma of the result and of the truth
};

// The grid's caption: "Colorized with <description>", T for a colorizer with an annealed-mean
// temperature (NaN: none), then the means when there are any. The workspace and the CLI share it.
QString colorizeFigureCaption(const QString &modelDescription, double temperature, const ColorizeRunMeans &means);

// `image` scaled down (smoothly) to at most `side` pixels on its longer side.
QImage previewOf(const QImage &image, int side = kColorizeFigurePreviewSide);

} // namespace periscope::app
