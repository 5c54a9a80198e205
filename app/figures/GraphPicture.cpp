// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/GraphPicture.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace periscope::app {

namespace {
constexpr double kTitleHeight = 34.0;
constexpr double kColorbarWidth = 56.0;

QColor tableColor(Colormap map, double t)
{
    const auto &table = colormapTable(map);
    const int index = std::clamp(int(std::lround(t * 255.0)), 0, 255);
    return QColor(table[std::size_t(index)].r, table[std::size_t(index)].g, table[std::size_t(index)].b);
}

// Jmol's CPK colours for the common elements; the rest grey-violet.
QColor elementColor(const QString &symbol)
{
    if (symbol == QLatin1String("C"))
        return QColor(40, 40, 40);
    if (symbol == QLatin1String("N"))
        return QColor(48, 80, 248);
    if (symbol == QLatin1String("O"))
        return QColor(220, 30, 30);
    if (symbol == QLatin1String("S"))
        return QColor(190, 160, 0);
    if (symbol == QLatin1String("F") || symbol == QLatin1String("Cl"))
        return QColor(30, 160, 30);
    if (symbol == QLatin1String("Br"))
        return QColor(166, 41, 41);
    if (symbol == QLatin1String("I"))
        return QColor(148, 0, 148);
    if (symbol == QLatin1String("P"))
        return QColor(255, 128, 0);
    return QColor(110, 90, 140);
}

void drawColorbar(QPainter &painter, const QRectF &area, const GraphColorbar &bar)
{
    const QRectF strip(area.left() + 8, area.top() + 20, 12, area.height() - 40);
    // Bands rather than a gradient brush: every paint device (PNG, SVG, PDF) draws them alike.
    constexpr int kBands = 64;
    for (int i = 0; i < kBands; ++i) {
        const double top = strip.bottom() - strip.height() * (i + 1) / kBands;
        painter.fillRect(QRectF(strip.left(), top, strip.width(), strip.height() / kBands + 0.3), tableColor(bar.colormap, (i + 0.5) / kBands));
    }
    painter.setPen(QPen(Qt::black, 0.6));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(strip);
    QFont font = painter.font();
    font.setPointSizeF(7.5);
    painter.setFont(font);
    auto number = [](double v) { return QString::number(v, 'g', 3); };
    painter.drawText(QPointF(strip.right() + 3, strip.top() + 7), number(bar.high));
    painter.drawText(QPointF(strip.right() + 3, strip.center().y() + 3), number((bar.low + bar.high) / 2));
    painter.drawText(QPointF(strip.right() + 3, strip.bottom()), number(bar.low));
    if (!bar.label.isEmpty())
        painter.drawText(QRectF(area.left(), area.top(), area.width(), 16), Qt::AlignLeft | Qt::AlignVCenter, bar.label);
}

// A line from a to b shortened at the ends so it stops at labels or discs.
QLineF trimmed(QPointF a, QPointF b, double startGap, double endGap)
{
    const QPointF d = b - a;
    const double length = std::hypot(d.x(), d.y());
    if (length <= startGap + endGap + 1e-6)
        return QLineF(a, a);
    const QPointF u = d / length;
    return QLineF(a + u * startGap, b - u * endGap);
}

bool showsAtomLabel(const GraphPictureNode &node, int degree)
{
    return node.label != QLatin1String("C") || degree == 0;
}
} // namespace

QColor divergingColor(double value, double maxAbs, Colormap map)
{
    if (!(maxAbs > 0.0) || !std::isfinite(value))
        return tableColor(map, 0.5);
    return tableColor(map, std::clamp(0.5 + 0.5 * value / maxAbs, 0.0, 1.0));
}

GraphPictureGeometry::GraphPictureGeometry(const GraphPicture &picture, const QRectF &target, const GraphZoom &zoom)
{
    m_area = target.adjusted(6, (picture.title.isEmpty() && picture.subtitle.isEmpty()) ? 6 : kTitleHeight, -6, -6);
    if (picture.colorbar)
        m_area.setRight(m_area.right() - kColorbarWidth);
    if (picture.nodes.isEmpty())
        return;
    double minX = picture.nodes[0].position.x(), maxX = minX, minY = picture.nodes[0].position.y(), maxY = minY;
    for (const GraphPictureNode &n : picture.nodes) {
        minX = std::min(minX, n.position.x());
        maxX = std::max(maxX, n.position.x());
        minY = std::min(minY, n.position.y());
        maxY = std::max(maxY, n.position.y());
    }
    m_bounds = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    // Node radius from the area per node, capped; molecules keep bonds about 5 radii long.
    const double perNode = std::sqrt(m_area.width() * m_area.height() / std::max<qsizetype>(picture.nodes.size(), 1));
    m_radius = std::clamp(perNode * 0.16, 3.5, 16.0);
    const double margin = m_radius * 2.2;
    const QRectF inner = m_area.adjusted(margin, margin, -margin, -margin);
    const double w = std::max(m_bounds.width(), 1e-9), h = std::max(m_bounds.height(), 1e-9);
    m_scale = std::min(inner.width() / w, inner.height() / h);
    if (m_bounds.width() < 1e-9 && m_bounds.height() < 1e-9)
        m_scale = 1.0;
    if (picture.style == GraphPicture::Style::Molecule) {
        // Depiction units are bond lengths (about 1.5): cap the zoom so small molecules do not fill
        // the panel, and size the atoms from the bond length.
        m_scale = std::min(m_scale, 40.0);
        m_radius = std::clamp(m_scale * 0.28, 5.0, 14.0);
    }
    m_offset = inner.center() - QPointF(m_bounds.center().x() * m_scale, m_bounds.center().y() * m_scale);
    if (!zoom.isIdentity()) {
        // p -> (fit(p) - c) * f + c + pan, with c the plot area's centre.
        const QPointF c = m_area.center();
        m_scale *= zoom.factor;
        m_offset = (m_offset - c) * zoom.factor + c + zoom.pan;
        m_radius *= std::sqrt(zoom.factor);
    }
}

QPointF GraphPictureGeometry::map(const QPointF &layout) const
{
    return QPointF(layout.x() * m_scale, layout.y() * m_scale) + m_offset;
}

int GraphPictureGeometry::nodeAt(const GraphPicture &picture, const QPointF &point) const
{
    int best = -1;
    double bestDistance = 0.0;
    for (int i = 0; i < picture.nodes.size(); ++i) {
        const QPointF d = map(picture.nodes[i].position) - point;
        const double distance = std::hypot(d.x(), d.y());
        const double reach = m_radius * std::max(1.0, picture.nodes[i].size) + 3.0;
        if (distance <= reach && (best < 0 || distance < bestDistance)) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void paintGraphPicture(QPainter &painter, const QRectF &target, const GraphPicture &picture, const GraphZoom &zoom)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(target);
    const GraphPictureGeometry geometry(picture, target, zoom);
    const double r = geometry.nodeRadius();
    const bool molecule = picture.style == GraphPicture::Style::Molecule;

    if (!picture.title.isEmpty() || !picture.subtitle.isEmpty()) {
        QFont font = painter.font();
        font.setPointSizeF(10.0);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(target.left() + 6, target.top() + 2, target.width() - 12, 16), Qt::AlignLeft | Qt::AlignVCenter,
                         picture.title);
        font.setBold(false);
        font.setPointSizeF(8.0);
        painter.setFont(font);
        painter.setPen(QColor(70, 70, 70));
        painter.drawText(QRectF(target.left() + 6, target.top() + 17, target.width() - 12, 14), Qt::AlignLeft | Qt::AlignVCenter,
                         picture.subtitle);
    }

    // Zoomed or panned, the drawing stays inside its plot area, off the title and the colorbar.
    painter.save();
    if (!zoom.isIdentity())
        painter.setClipRect(geometry.plotArea().adjusted(-6, 0, 6, 6), Qt::IntersectClip);

    QVector<int> degree(picture.nodes.size(), 0);
    for (const GraphPictureEdge &e : picture.edges)
        if (e.from >= 0 && e.to >= 0 && e.from < degree.size() && e.to < degree.size()) {
            ++degree[e.from];
            ++degree[e.to];
        }

    // Halos first, under everything.
    for (const GraphPictureNode &n : picture.nodes) {
        if (!n.halo.isValid() || n.halo.alpha() == 0 || n.haloSize <= 0.0)
            continue;
        const double radius = r * (molecule ? 1.2 + 1.8 * n.haloSize : 1.3 + 1.7 * n.haloSize) * std::max(1.0, n.size);
        QRadialGradient glow(geometry.map(n.position), radius);
        QColor inner = n.halo, outer = n.halo;
        inner.setAlphaF(0.85);
        outer.setAlpha(0);
        glow.setColorAt(0.0, inner);
        glow.setColorAt(0.55, inner);
        glow.setColorAt(1.0, outer);
        painter.setPen(Qt::NoPen);
        painter.setBrush(glow);
        painter.drawEllipse(geometry.map(n.position), radius, radius);
    }

    // Edges.
    for (const GraphPictureEdge &e : picture.edges) {
        if (e.from < 0 || e.to < 0 || e.from >= picture.nodes.size() || e.to >= picture.nodes.size())
            continue;
        const GraphPictureNode &a = picture.nodes[e.from], &b = picture.nodes[e.to];
        const QPointF pa = geometry.map(a.position), pb = geometry.map(b.position);
        if (molecule) {
            const double startGap = showsAtomLabel(a, degree[e.from]) ? r * 0.9 : 0.0;
            const double endGap = showsAtomLabel(b, degree[e.to]) ? r * 0.9 : 0.0;
            const QLineF line = trimmed(pa, pb, startGap, endGap);
            QPen pen(e.color, e.width, Qt::SolidLine, Qt::RoundCap);
            painter.setPen(pen);
            const QPointF normal = line.length() > 0 ? QPointF(-line.dy(), line.dx()) / line.length() : QPointF();
            const double gap = r * 0.38;
            if (e.order >= 2.5) {
                painter.drawLine(line);
                painter.drawLine(line.translated(normal * gap));
                painter.drawLine(line.translated(-normal * gap));
            } else if (e.order >= 1.9) {
                painter.drawLine(line.translated(normal * gap * 0.5));
                painter.drawLine(line.translated(-normal * gap * 0.5));
            } else if (e.order > 1.1) { // aromatic: one solid, one dashed
                painter.drawLine(line);
                pen.setStyle(Qt::DashLine);
                painter.setPen(pen);
                painter.drawLine(trimmed(line.p1(), line.p2(), line.length() * 0.12, line.length() * 0.12).translated(normal * gap));
            } else {
                painter.drawLine(line);
            }
            continue;
        }
        const double ra = r * a.size, rb = r * b.size;
        const QLineF line = trimmed(pa, pb, ra, rb + (e.directed ? 1.0 : 0.0));
        if (line.length() <= 0)
            continue;
        QPen pen(e.color, e.width, e.dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
        painter.setPen(pen);
        painter.drawLine(line);
        if (e.directed) {
            const QPointF u = (line.p2() - line.p1()) / line.length();
            const QPointF n(-u.y(), u.x());
            const double head = std::max(4.0, 2.2 * e.width + 2.0);
            QPainterPath arrow;
            arrow.moveTo(line.p2());
            arrow.lineTo(line.p2() - u * head + n * head * 0.45);
            arrow.lineTo(line.p2() - u * head - n * head * 0.45);
            arrow.closeSubpath();
            painter.setPen(Qt::NoPen);
            painter.setBrush(e.color);
            painter.drawPath(arrow);
        }
    }

    // Nodes.
    QFont font = painter.font();
    for (int i = 0; i < picture.nodes.size(); ++i) {
        const GraphPictureNode &n = picture.nodes[i];
        const QPointF p = geometry.map(n.position);
        if (molecule) {
            if (!showsAtomLabel(n, degree[i]) && !n.selected)
                continue;
            font.setPointSizeF(std::clamp(r * 1.05, 6.0, 13.0));
            font.setBold(true);
            painter.setFont(font);
            const QRectF box(p.x() - r * 1.3, p.y() - r, r * 2.6, r * 2);
            if (n.selected) {
                painter.setPen(QPen(QColor(20, 20, 20), 1.2, Qt::DotLine));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(p, r * 1.15, r * 1.15);
            }
            if (showsAtomLabel(n, degree[i])) {
                painter.setPen(elementColor(n.label));
                painter.drawText(box, Qt::AlignCenter, n.label);
            }
            continue;
        }
        const double radius = r * n.size;
        painter.setBrush(n.fill);
        painter.setPen(QPen(n.selected ? QColor(0, 0, 0) : n.outline, n.selected ? 2.4 : 0.8));
        painter.drawEllipse(p, radius, radius);
        if (!n.label.isEmpty() && radius >= 6.0) {
            font.setPointSizeF(std::clamp(radius * 0.75, 5.0, 10.0));
            font.setBold(false);
            painter.setFont(font);
            painter.setPen(n.fill.lightnessF() < 0.45 ? Qt::white : Qt::black);
            painter.drawText(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter, n.label);
        }
    }

    painter.restore(); // the plot area's clip

    if (picture.colorbar)
        drawColorbar(painter, QRectF(geometry.plotArea().right() + 4, geometry.plotArea().top(), kColorbarWidth - 4,
                                     geometry.plotArea().height()),
                     *picture.colorbar);
    painter.restore();
}

namespace {
class GraphPicturePanel : public FigurePanel {
public:
    GraphPicturePanel(GraphPicture picture, QSizeF size)
        : m_picture(std::move(picture)), m_size(size)
    {
    }
    QSizeF preferredSize() const override { return m_size; }
    void draw(QPainter &painter, const QRectF &target) const override
    {
        // Draw at the preferred size, scaled into the target, so that fonts and line widths keep
        // their proportions whatever the export resolution.
        painter.save();
        painter.translate(target.topLeft());
        painter.scale(target.width() / m_size.width(), target.height() / m_size.height());
        painter.fillRect(QRectF(QPointF(0, 0), m_size), Qt::white);
        paintGraphPicture(painter, QRectF(QPointF(0, 0), m_size), m_picture);
        painter.restore();
    }

private:
    GraphPicture m_picture;
    QSizeF m_size;
};
} // namespace

std::unique_ptr<FigurePanel> figurePanel(const GraphPicture &picture, QSizeF size)
{
    return std::make_unique<GraphPicturePanel>(picture, size);
}

} // namespace periscope::app
