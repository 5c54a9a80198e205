// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QFont;
class QPainter;

namespace periscope::app {

struct FigureOptions {
    double dpi = 300.0;          // PNG only; SVG and PDF are resolution-free
    double widthInches = 6.0;    // the whole figure
    QString caption;             // under the figure
    bool colorbar = true;        // for the top visible scalar-map layer of an image view
    bool legend = true;          // for visible label layers
    bool scaleBar = false;       // needs pixelsPerUnit
    double pixelsPerUnit = 0.0;  // image pixels per `unit` (e.g. 10 px per mm)
    QString unit = QStringLiteral("px");
};

// Something a figure shows in one panel. It draws itself into a rectangle measured in points,
// keeping vector content (plot lines, boxes, text) vector when the painter is SVG or PDF.
class FigurePanel {
public:
    virtual ~FigurePanel() = default;
    virtual QSizeF preferredSize() const = 0; // gives the aspect ratio
    virtual void draw(QPainter &painter, const QRectF &target) const = 0;
};

// The font every figure's text uses, at `points` (so figures look alike whatever draws them).
QFont figureFont(double points, bool bold = false);
// `font` made smaller, not below `minimumPoints`, until every one of `texts` fits in `width` (in
// the painter's coordinates) as `painter` lays it out. Advances do not scale in proportion to the
// size, so it measures again after each step. The painter's state is left as it was.
QFont fittedFont(QFont font, const QStringList &texts, double width, QPainter &painter, double minimumPoints = 2.5);

// Lays the panels out in `columns` columns (letters (a), (b), ... when there are several) and
// writes PNG, SVG or PDF by the suffix. False + *error (a sentence) on failure.
bool exportFigure(const QList<const FigurePanel *> &panels, int columns, const FigureOptions &options, const QString &path,
                  QString *error);
// The panels a builder made (colorizeGridPanels, ...), as exportFigure takes them.
QList<const FigurePanel *> panelList(const std::vector<std::unique_ptr<FigurePanel>> &panels);

} // namespace periscope::app
