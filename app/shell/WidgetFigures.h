// SPDX-License-Identifier: GPL-3.0-or-later
// Figure panels made from what the workbench shows: an image view with its layers, a plot, any
// other widget. The figure layer itself (app/figures) knows no widgets; the CLI draws its figures
// from data with app/figures alone.
#pragma once

#include "app/figures/Figure.h"

#include <memory>

class QWidget;

namespace periscope::widgets {
class ImageView;
class PlotView;
} // namespace periscope::widgets

namespace periscope::app {

// The visible region of an image view, with its colorbar, legend and scale bar as asked.
std::unique_ptr<FigurePanel> figurePanel(widgets::ImageView *view, const FigureOptions &options);
// A plot, drawn by QCustomPlot (vector).
std::unique_ptr<FigurePanel> figurePanel(widgets::PlotView *plot);
// Any other widget as it renders on screen.
std::unique_ptr<FigurePanel> figurePanel(QWidget *widget);

} // namespace periscope::app
