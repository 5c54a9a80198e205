// SPDX-License-Identifier: GPL-3.0-or-later
// What a node-link drawing shows, as plain values, and the painter that draws it: used by the
// interactive GraphCanvas, by figure export and by the CLI's --figure (same pixels everywhere).
// Two styles: a network (filled discs, arrows, dashed edges) and a molecule (element labels,
// single/double/triple/aromatic bonds, relevance as coloured halos behind the atoms).
#pragma once

#include "app/figures/Figure.h"
#include "engine/core/color/Colormap.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

class QPainter;

namespace periscope::app {

struct GraphPictureNode {
    QPointF position;      // layout units; the painter fits all nodes into its target
    QString label;         // drawn inside (network) or as the atom (molecule)
    QColor fill = QColor(200, 200, 200);
    QColor outline = QColor(60, 60, 60);
    double size = 1.0;     // radius factor (network: 1 = the default disc)
    QColor halo;           // invalid or transparent: none
    double haloSize = 0.0; // halo radius factor, 0..1
    bool selected = false;
};

struct GraphPictureEdge {
    int from = 0, to = 0;
    QColor color = QColor(120, 120, 120);
    double width = 1.0; // points
    bool dashed = false;
    bool directed = false;
    double order = 1.0; // molecules: 1, 2, 3 or 1.5 (aromatic: one solid, one dashed line)
};

struct GraphColorbar {
    Colormap colormap = Colormap::Coolwarm;
    double low = -1.0, high = 1.0;
    QString label;
};

struct GraphPicture {
    enum class Style { Network, Molecule };
    Style style = Style::Network;
    QVector<GraphPictureNode> nodes;
    QVector<GraphPictureEdge> edges;
    QString title;
    QString subtitle; // a second line: scores, prediction
    std::optional<GraphColorbar> colorbar;
};

// A colour for a signed value on a diverging map, 0 in the middle, ±maxAbs at the ends.
QColor divergingColor(double value, double maxAbs, Colormap map = Colormap::Coolwarm);

// A magnification of the fitted drawing about its plot area's centre, then a pan in pixels: what
// the interactive canvas's wheel and drag set. Titles and the colorbar stay where they are. Node
// discs grow with the square root of the factor, so that zooming in separates crowded nodes.
struct GraphZoom {
    double factor = 1.0;
    QPointF pan;
    bool isIdentity() const { return factor == 1.0 && pan.isNull(); }
};

// Where the painter puts the nodes of `picture` inside `target` (title and colorbar space
// excluded), so that hit testing matches drawing.
class GraphPictureGeometry {
public:
    GraphPictureGeometry(const GraphPicture &picture, const QRectF &target, const GraphZoom &zoom = {});
    QPointF map(const QPointF &layout) const;
    double nodeRadius() const { return m_radius; }
    QRectF plotArea() const { return m_area; }
    int nodeAt(const GraphPicture &picture, const QPointF &point) const; // -1 when none

private:
    QRectF m_area;
    QRectF m_bounds;
    double m_scale = 1.0;
    QPointF m_offset;
    double m_radius = 8.0;
};

void paintGraphPicture(QPainter &painter, const QRectF &target, const GraphPicture &picture, const GraphZoom &zoom = {});

// A figure panel that draws the picture as vectors (SVG, PDF) or pixels (PNG).
std::unique_ptr<FigurePanel> figurePanel(const GraphPicture &picture, QSizeF size = {360, 320});

} // namespace periscope::app
