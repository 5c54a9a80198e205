// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/RelationsFigure.h"

#include "app/common/SceneWords.h"

#include "app/figures/SlotsFigure.h"
#include "engine/core/color/Colormap.h"
#include "engine/relations/RelationMetrics.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace periscope::app {

namespace {

// "periscope::app": the context lupdate records for these tr() calls in the namespace.
QString tr(const char *text)
{
    return QCoreApplication::translate("periscope::app", text);
}

QString className(const std::vector<std::string> &names, int index, QString (*say)(const std::string &))
{
    return index >= 0 && std::size_t(index) < names.size() ? say(names[std::size_t(index)]) : QStringLiteral("#%1").arg(index);
}

QPointF centreOf(const relations::Box &box)
{
    return {box.centreX(), box.centreY()};
}

QRectF rectOf(const relations::Box &box)
{
    return QRectF(QPointF(box.x1, box.y1), QPointF(box.x2, box.y2));
}

// The relevance row of `predicate` among the explained top predicates; -1 when it was not explained.
int explainedRow(const relations::RelationAnalysis &analysis, int predicate)
{
    const auto at = std::find(analysis.topPredicates.begin(), analysis.topPredicates.end(), predicate);
    return at == analysis.topPredicates.end() ? -1 : int(at - analysis.topPredicates.begin());
}

double maxOf(const std::vector<double> &values)
{
    double high = 0.0;
    for (double v : values)
        if (std::isfinite(v))
            high = std::max(high, v);
    return high;
}

// A triplet's ranking score in three significant digits without an exponent: explaining
// logits, the scores run into the thousands.
QString scoreText(double score)
{
    return std::abs(score) >= 1000.0 ? QString::number(score, 'f', 0) : QString::number(score, 'g', 3);
}

QString tripletText(const relations::ImageRelationResult &result, const relations::RelationModelInfo &model, const relations::RelationTriplet &t,
                    bool truth)
{
    return QStringLiteral("%1 %2 %3")
        .arg(relationObjectName(result.image, model, t.subject, truth), relationPredicateName(model.predicateClasses, t.predicate),
             relationObjectName(result.image, model, t.object, truth));
}

// The image with boxes, node relevance and the graph's arrows.
class RelationGraphPanel : public FigurePanel {
public:
    explicit RelationGraphPanel(RelationFigure figure) : m_figure(std::move(figure)) {}

    QSizeF preferredSize() const override
    {
        const QSizeF focus = focusRect().size();
        return {focus.width(), focus.height() + legendHeight(focus.width())};
    }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        const QRectF focus = focusRect();
        const QSizeF size = preferredSize();
        const double scale = std::min(target.width() / size.width(), target.height() / size.height());
        const QRectF imageRect(target.topLeft(), focus.size() * scale);
        const auto map = [&](const QPointF &p) { return imageRect.topLeft() + (p - focus.topLeft()) * scale; };
        const double unit = imageRect.width() / 300.0; // line widths and fonts follow the panel's size
        painter.save();
        drawLegend(painter, QRectF(imageRect.left(), imageRect.bottom(), imageRect.width(), legendHeight(focus.width()) * scale), unit);
        painter.setClipRect(imageRect);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        if (m_figure.image.isNull())
            painter.fillRect(imageRect, QColor(235, 235, 235));
        else
            painter.drawImage(imageRect, m_figure.image, focus);
        const auto &table = colormapTable(Colormap::Magma);
        for (const RelationFigureObject &object : m_figure.objects) {
            const QRectF box(map(object.box.topLeft()), map(object.box.bottomRight()));
            if (object.relevance >= 0.0) {
                const auto &rgb = table[std::size_t(std::clamp(object.relevance, 0.0, 1.0) * 255.0 + 0.5)];
                painter.fillRect(box, QColor(rgb.r, rgb.g, rgb.b, 130));
            }
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(QColor(0, 0, 0, 160), 2.2 * unit));
            painter.drawRect(box);
            painter.setPen(QPen(Qt::white, 1.0 * unit));
            painter.drawRect(box);
        }
        QFont font = figureFont(std::max(2.5, 7.0 * unit));
        painter.setFont(font);
        for (const RelationFigureEdge &edge : m_figure.edges)
            drawEdge(painter, map(edge.from), map(edge.to), edge, unit);
        for (const RelationFigureObject &object : m_figure.objects)
            drawChip(painter, map(object.box.topLeft()) + QPointF(1.5 * unit, 1.5 * unit), object.label, Qt::white, QColor(0, 0, 0, 170));
        painter.restore();
    }

private:
    QRectF focusRect() const
    {
        if (m_figure.image.isNull())
            return QRectF(0, 0, 400, 300);
        const QRectF whole(QPointF(0, 0), QSizeF(m_figure.image.size()));
        return m_figure.focus.isValid() ? m_figure.focus.intersected(whole) : whole;
    }

    static constexpr int kLegendColumns = 3;
    double legendHeight(double width) const
    {
        const int rows = int((m_figure.legend.size() + kLegendColumns - 1) / kLegendColumns);
        return rows * width * 0.055;
    }

    void drawLegend(QPainter &painter, const QRectF &area, double unit) const
    {
        if (m_figure.legend.isEmpty())
            return;
        const int rows = int((m_figure.legend.size() + kLegendColumns - 1) / kLegendColumns);
        const double rowHeight = area.height() / rows, cellWidth = area.width() / kLegendColumns;
        QStringList texts;
        for (const RelationFigureLine &entry : m_figure.legend)
            texts << entry.text;
        painter.save();
        painter.setFont(fittedFont(figureFont(std::max(2.5, rowHeight * 0.55)), texts, cellWidth - rowHeight * 1.4, painter));
        for (int i = 0; i < m_figure.legend.size(); ++i) {
            const QRectF cell(area.left() + (i % kLegendColumns) * cellWidth, area.top() + (i / kLegendColumns) * rowHeight, cellWidth, rowHeight);
            const double y = cell.center().y();
            painter.setPen(QPen(m_figure.legend[i].color, 2.0 * unit, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(cell.left() + rowHeight * 0.15, y), QPointF(cell.left() + rowHeight * 1.05, y));
            painter.setPen(Qt::black);
            painter.drawText(cell.adjusted(rowHeight * 1.25, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, m_figure.legend[i].text);
        }
        painter.restore();
    }

    // Opposite edges between two objects are drawn side by side: each is moved to its own right.
    static QLineF offsetLine(QPointF from, QPointF to, double unit)
    {
        const QLineF line(from, to);
        if (line.length() < 1e-9)
            return line;
        const QPointF normal(-line.dy() / line.length(), line.dx() / line.length());
        return QLineF(from + normal * 3.0 * unit, to + normal * 3.0 * unit);
    }

    static void drawEdge(QPainter &painter, QPointF from, QPointF to, const RelationFigureEdge &edge, double unit)
    {
        QLineF line = offsetLine(from, to, unit);
        const double node = 2.6 * unit;
        if (line.length() > 3 * node) // stop at the nodes' discs
            line = QLineF(line.pointAt(node / line.length()), line.pointAt(1.0 - node / line.length()));
        const double width = (0.8 + 2.4 * std::clamp(edge.weight, 0.0, 1.0)) * unit;
        QPen pen(edge.color, width, edge.dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap);
        painter.setPen(QPen(QColor(255, 255, 255, 200), width + 1.6 * unit, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(line);
        painter.setPen(pen);
        painter.drawLine(line);
        const double angle = std::atan2(line.dy(), line.dx()), head = 5.0 * unit + 1.5 * width;
        const QPointF tip = line.p2();
        const QPointF a = tip - QPointF(std::cos(angle - 0.42), std::sin(angle - 0.42)) * head;
        const QPointF b = tip - QPointF(std::cos(angle + 0.42), std::sin(angle + 0.42)) * head;
        painter.setPen(QPen(edge.color, 0.6 * unit));
        painter.setBrush(edge.color);
        painter.drawPolygon(QPolygonF({tip, a, b}));
        painter.setBrush(Qt::white);
        painter.setPen(QPen(edge.color, 1.0 * unit));
        painter.drawEllipse(from, node * 0.8, node * 0.8);
    }

    static void drawChip(QPainter &painter, QPointF at, const QString &text, const QColor &ink, const QColor &paper)
    {
        const QFontMetricsF metrics(painter.font(), painter.device());
        const double pad = metrics.height() * 0.15;
        const QRectF rect(at, QSizeF(metrics.horizontalAdvance(text) + 2 * pad, metrics.height()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(paper);
        painter.drawRoundedRect(rect, pad, pad);
        painter.setPen(ink);
        painter.drawText(rect, Qt::AlignCenter, text);
    }

    RelationFigure m_figure;
};

// The triplets as text, one per line, in their colours.
class RelationListPanel : public FigurePanel {
public:
    explicit RelationListPanel(RelationFigure figure) : m_figure(std::move(figure)) {}

    QSizeF preferredSize() const override { return {300, 30.0 + 15.0 * std::max<qsizetype>(6, m_figure.lines.size())}; }

    void draw(QPainter &painter, const QRectF &target) const override
    {
        painter.save();
        QStringList texts{m_figure.listTitle};
        for (const RelationFigureLine &line : m_figure.lines)
            texts << line.text;
        const double rows = 1.5 + std::max<qsizetype>(6, m_figure.lines.size());
        const double lineHeight = target.height() / rows;
        const QFont font = fittedFont(figureFont(std::min(9.0, lineHeight * 0.7)), texts, target.width(), painter);
        painter.setFont(figureFont(font.pointSizeF(), true));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(target.left(), target.top(), target.width(), lineHeight * 1.5), Qt::AlignLeft | Qt::AlignVCenter,
                         m_figure.listTitle);
        painter.setFont(font);
        for (int i = 0; i < m_figure.lines.size(); ++i) {
            painter.setPen(m_figure.lines[i].color);
            painter.drawText(QRectF(target.left(), target.top() + lineHeight * (1.5 + i), target.width(), lineHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, m_figure.lines[i].text);
        }
        painter.restore();
    }

private:
    RelationFigure m_figure;
};

} // namespace

QColor predicateColor(int predicate)
{
    return slotColor(std::max(0, predicate)); // the categorical palette the slots use
}

QColor hitColor()
{
    return QColor(27, 130, 58);
}

QColor falseColor()
{
    return QColor(230, 120, 20);
}

QColor missedColor()
{
    return QColor(200, 30, 45);
}

QString relationClassName(const std::vector<std::string> &objectClasses, int category)
{
    return className(objectClasses, category, &SceneWords::shape);
}

QString relationPredicateName(const std::vector<std::string> &predicateClasses, int predicate)
{
    return className(predicateClasses, predicate, &SceneWords::predicate);
}

QString relationObjectName(const relations::RelationImage &image, const relations::RelationModelInfo &model, int object, bool truth)
{
    const auto &objects = truth ? image.truthObjects : image.objects;
    const int category = object >= 0 && std::size_t(object) < objects.size() ? objects[std::size_t(object)].category : -1;
    return QStringLiteral("%1 %2").arg(relationClassName(model.objectClasses, category)).arg(object);
}

RelationFigure relationFigure(const QImage &image, const relations::ImageRelationResult &result, const relations::RelationModelInfo &model,
                              int predicate)
{
    RelationFigure figure;
    figure.image = image.isNull() ? QImage() : image.convertToFormat(QImage::Format_RGB888);
    const relations::RelationAnalysis &analysis = result.analysis;
    const auto &objects = result.image.objects;
    const bool hasTruth = !result.image.truth.empty();
    const int row = predicate >= 0 ? explainedRow(analysis, predicate) : -1;
    const double nodeHigh = row >= 0 ? maxOf(analysis.nodeRelevance[std::size_t(row)]) : 0.0;
    // The figure shows the objects with a margin, at the image's aspect ratio: generated scenes and
    // photos alike often hold their objects in a small part of the frame.
    QRectF focus;
    for (const relations::RelationObject &o : objects)
        focus = focus.united(rectOf(o.box));
    for (const relations::RelationObject &o : result.image.truthObjects)
        focus = focus.united(rectOf(o.box));
    if (!figure.image.isNull() && focus.isValid()) {
        const QSizeF whole(figure.image.size());
        QSizeF size = focus.size() * 1.3;
        size = size.width() / size.height() > whole.width() / whole.height() ? QSizeF(size.width(), size.width() * whole.height() / whole.width())
                                                                             : QSizeF(size.height() * whole.width() / whole.height(), size.height());
        size = size.boundedTo(whole);
        QRectF view(QPointF(0, 0), size);
        view.moveCenter(focus.center());
        view.moveLeft(std::clamp(view.left(), 0.0, whole.width() - size.width()));
        view.moveTop(std::clamp(view.top(), 0.0, whole.height() - size.height()));
        figure.focus = view;
    }
    for (std::size_t i = 0; i < objects.size(); ++i) {
        RelationFigureObject object;
        object.box = rectOf(objects[i].box);
        object.label = relationObjectName(result.image, model, int(i));
        if (row >= 0 && i < analysis.nodeRelevance[std::size_t(row)].size())
            object.relevance = nodeHigh > 0 ? analysis.nodeRelevance[std::size_t(row)][i] / nodeHigh : 0.0;
        figure.objects << object;
    }
    const auto hit = [&](std::size_t t) { return t < result.hits.size() && result.hits[t]; };
    const auto mark = [&](std::size_t t) { return !hasTruth ? QString() : hit(t) ? QStringLiteral("  ✓") : QStringLiteral("  ✗"); };
    const QString predicateName = predicate >= 0 ? relationPredicateName(model.predicateClasses, predicate) : QString();

    if (predicate < 0) {
        // The top triplets, one arrow per ordered pair (its predicates joined), thicker when higher.
        // Labels name the pair's best predicate and count the others ("same shape +2"): joined
        // names of several pairs overlap into an unreadable pile.
        QHash<QPair<int, int>, int> edgeOf;
        QVector<int> more;
        const double top = analysis.triplets.empty() ? 1.0 : std::max(1e-12, analysis.triplets.front().score);
        for (std::size_t t = 0; t < analysis.triplets.size() && edgeOf.size() < kGraphTriplets; ++t) {
            const relations::RelationTriplet &triplet = analysis.triplets[t];
            const QPair<int, int> pair(triplet.subject, triplet.object);
            const QString name = relationPredicateName(model.predicateClasses, triplet.predicate);
            if (const auto at = edgeOf.constFind(pair); at != edgeOf.cend()) {
                ++more[*at];
                continue;
            }
            RelationFigureEdge edge;
            edge.from = centreOf(objects[std::size_t(triplet.subject)].box);
            edge.to = centreOf(objects[std::size_t(triplet.object)].box);
            edge.label = name;
            edge.color = predicateColor(triplet.predicate);
            edge.weight = std::sqrt(std::max(0.0, triplet.score / top));
            edgeOf.insert(pair, int(figure.edges.size()));
            figure.edges << edge;
            more << 0;
        }
        for (int e = 0; e < figure.edges.size(); ++e) {
            const QString name = figure.edges[e].label; // the predicate, before the count of others
            if (more[e] > 0)
                figure.edges[e].label += QStringLiteral(" +%1").arg(more[e]);
            const QColor colour = figure.edges[e].color;
            if (std::none_of(figure.legend.begin(), figure.legend.end(), [&](const RelationFigureLine &l) { return l.text == name; }))
                figure.legend << RelationFigureLine{name, colour};
        }
        figure.listTitle = hasTruth ? tr("Top triplets (✓ in the ground truth)") : tr("Top triplets");
        for (std::size_t t = 0; t < analysis.triplets.size() && t < std::size_t(kRecallShown); ++t)
            figure.lines << RelationFigureLine{QStringLiteral("%1. %2  %3%4")
                                                   .arg(t + 1)
                                                   .arg(tripletText(result, model, analysis.triplets[t], false))
                                                   .arg(scoreText(analysis.triplets[t].score))
                                                   .arg(mark(t)),
                                               predicateColor(analysis.triplets[t].predicate).darker(125)};
        figure.title = QStringLiteral("%1: %2").arg(QString::fromStdString(result.image.name), tr("the top triplets"));
        return figure;
    }

    // One predicate: its triplets, the width of each arrow the edge's relevance for it.
    QHash<QPair<int, int>, int> edgeIndex;
    for (std::size_t e = 0; e < analysis.senders.size(); ++e)
        edgeIndex.insert({analysis.senders[e], analysis.receivers[e]}, int(e));
    const std::vector<double> *edgeRelevance = row >= 0 ? &analysis.edgeRelevance[std::size_t(row)] : nullptr;
    const double edgeHigh = edgeRelevance ? maxOf(*edgeRelevance) : 0.0;
    int shown = 0, rank = 0;
    for (std::size_t t = 0; t < analysis.triplets.size(); ++t) {
        const relations::RelationTriplet &triplet = analysis.triplets[t];
        ++rank;
        if (triplet.predicate != predicate)
            continue;
        const QColor colour = !hasTruth ? predicateColor(predicate) : hit(t) ? hitColor() : falseColor();
        if (shown < kGraphTriplets) {
            RelationFigureEdge edge;
            edge.from = centreOf(objects[std::size_t(triplet.subject)].box);
            edge.to = centreOf(objects[std::size_t(triplet.object)].box);
            edge.color = colour;
            const int e = edgeIndex.value({triplet.subject, triplet.object}, -1);
            edge.weight = edgeRelevance && e >= 0 && edgeHigh > 0 ? (*edgeRelevance)[std::size_t(e)] / edgeHigh : 0.5;
            figure.edges << edge;
        }
        if (shown < kRecallShown)
            figure.lines << RelationFigureLine{QStringLiteral("#%1  %2  %3%4")
                                                   .arg(rank)
                                                   .arg(tripletText(result, model, triplet, false))
                                                   .arg(scoreText(triplet.score))
                                                   .arg(mark(t)),
                                               colour.darker(110)};
        ++shown;
    }
    if (hasTruth) {
        // True triplets of this predicate that no prediction in the first kRecallShown matches.
        const relations::RelationPredictions predictions{objects, analysis.triplets, result.image.truthObjects, result.image.truth};
        const std::vector<int> ranks = relations::firstMatchRanks(predictions, relations::MatchMode::Relationship);
        for (std::size_t i = 0; i < result.image.truth.size(); ++i) {
            const relations::RelationTriplet &truth = result.image.truth[i];
            if (truth.predicate != predicate || (ranks[i] >= 0 && ranks[i] < kRecallShown))
                continue;
            RelationFigureEdge edge;
            edge.from = centreOf(result.image.truthObjects[std::size_t(truth.subject)].box);
            edge.to = centreOf(result.image.truthObjects[std::size_t(truth.object)].box);
            edge.color = missedColor();
            edge.dashed = true;
            edge.weight = 0.3;
            figure.edges << edge;
            figure.lines << RelationFigureLine{ranks[i] < 0 ? tr("missed: %1 (not found)").arg(tripletText(result, model, truth, true))
                                                            : tr("missed: %1 (first match #%2)").arg(tripletText(result, model, truth, true)).arg(ranks[i] + 1),
                                               missedColor()};
        }
    }
    if (hasTruth)
        figure.legend = {{tr("true"), hitColor()}, {tr("false"), falseColor()}, {tr("missed (dashed)"), missedColor()}};
    else
        figure.legend = {{predicateName, predicateColor(predicate)}};
    figure.listTitle = hasTruth ? tr("“%1”: rank, triplet, score (✓ true, ✗ false; dashed: missed in the top %2)").arg(predicateName).arg(kRecallShown)
                                : tr("“%1”: rank, triplet, score").arg(predicateName);
    figure.title = QStringLiteral("%1: %2").arg(QString::fromStdString(result.image.name), predicateName);
    return figure;
}

std::unique_ptr<FigurePanel> relationGraphPanel(const RelationFigure &figure)
{
    return std::make_unique<RelationGraphPanel>(figure);
}

std::unique_ptr<FigurePanel> relationListPanel(const RelationFigure &figure)
{
    return std::make_unique<RelationListPanel>(figure);
}

bool exportRelationFigure(const RelationFigure &figure, FigureOptions options, const QString &path, QString *error)
{
    std::vector<std::unique_ptr<FigurePanel>> panels;
    panels.push_back(relationGraphPanel(figure));
    panels.push_back(relationListPanel(figure));
    if (options.caption.isEmpty())
        options.caption = figure.title;
    return exportFigure(panelList(panels), 2, options, path, error);
}

} // namespace periscope::app
