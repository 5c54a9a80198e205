// SPDX-License-Identifier: GPL-3.0-or-later
// RelationsView's two displays of results: the image's layers (pixels, node relevance, the
// graph) from the figure's data, and the Recall tab's table and per-predicate bars.
#include "app/workspaces/relations/RelationsView.h"

#include "app/figures/RelationsFigure.h"
#include "app/workspaces/relations/RelationsModel.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"

#include <QHeaderView>
#include <QTableWidget>

#include <algorithm>
#include <cmath>

namespace periscope::app {

void RelationsView::showGraph()
{
    const QImage pixels = m_model->selectedPixels();
    if (pixels.isNull()) {
        m_layers->clear();
        return;
    }
    const RelationFigure figure = currentFigure();
    m_layers->clear();
    widgets::Layer image;
    image.id = kImageLayer;
    image.name = tr("Image");
    image.kind = widgets::LayerKind::Image;
    image.image = pixels;
    m_layers->addLayer(image);

    const bool relevance = std::any_of(figure.objects.begin(), figure.objects.end(), [](const RelationFigureObject &o) { return o.relevance >= 0; });
    if (relevance) {
        // Each box filled with its node relevance, smaller boxes over larger ones.
        periscope::Image values(pixels.width(), pixels.height(), 1, periscope::PixelFormat::Float32);
        for (int y = 0; y < values.height(); ++y)
            std::fill_n(values.rowAs<float>(y), values.width(), std::nanf(""));
        QList<RelationFigureObject> objects(figure.objects.begin(), figure.objects.end());
        std::stable_sort(objects.begin(), objects.end(), [](const auto &a, const auto &b) {
            return a.box.width() * a.box.height() > b.box.width() * b.box.height();
        });
        for (const RelationFigureObject &o : objects) {
            const QRect r = o.box.toAlignedRect().intersected(QRect(0, 0, values.width(), values.height()));
            for (int y = r.top(); y <= r.bottom(); ++y)
                std::fill_n(values.rowAs<float>(y) + r.left(), r.width(), float(o.relevance));
        }
        widgets::Layer layer;
        layer.id = kRelevanceLayer;
        layer.name = tr("node relevance");
        layer.kind = widgets::LayerKind::ScalarMap;
        layer.values = values;
        layer.colormap = Colormap::Magma;
        layer.low = 0.0;
        layer.high = 1.0;
        layer.opacity = 0.5;
        m_layers->addLayer(layer);
    }

    widgets::Layer graph;
    graph.id = kGraphLayer;
    graph.name = tr("Relationship graph");
    graph.kind = widgets::LayerKind::Vector;
    for (const RelationFigureObject &o : figure.objects) {
        widgets::VectorItem box;
        box.shape = widgets::VectorItem::Shape::Box;
        box.box = o.box;
        box.label = o.label;
        box.color = Qt::white;
        box.lineWidth = 1.5;
        graph.items << box;
    }
    for (const RelationFigureEdge &e : figure.edges) {
        widgets::VectorItem edge;
        edge.shape = widgets::VectorItem::Shape::Edge;
        edge.points = QPolygonF({e.from, e.to});
        // Unlabelled as in the figure: the predicate list's swatches say what each colour is.
        edge.label = e.dashed ? tr("missed") : QString();
        edge.color = e.color;
        edge.lineWidth = 1.5 + 3.0 * std::clamp(e.weight, 0.0, 1.0);
        graph.items << edge;
    }
    m_layers->addLayer(graph);
}

void RelationsView::showSummary()
{
    const relations::RelationRunSummary &s = m_model->summary();
    m_recall->clear();
    m_predicatePlot->clear();
    if (s.images == 0 || s.withTruth == 0) {
        m_recall->setRowCount(0);
        m_recall->setColumnCount(1);
        m_recall->setHorizontalHeaderLabels({tr("Recall")});
        m_predicatePlot->setLabels(QString(), QString(), s.images == 0 ? tr("Nothing analysed yet") : tr("No ground truth to score against"));
        return;
    }
    QStringList columns;
    for (int k : s.steps)
        columns << tr("R@%1").arg(k);
    m_recall->setColumnCount(int(columns.size()));
    m_recall->setHorizontalHeaderLabels(columns);
    const QStringList rows{tr("Predicate detection"), tr("Phrase detection"), tr("Relationship detection"), tr("Random ranking")};
    m_recall->setRowCount(int(rows.size()) + 1);
    m_recall->setVerticalHeaderLabels(rows + QStringList{tr("Predicate mAP")});
    const std::vector<double> *tables[] = {&s.predicate.recall, &s.phrase.recall, &s.relationship.recall, &s.randomRecall};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < int(s.steps.size()) && std::size_t(c) < tables[r]->size(); ++c)
            m_recall->setItem(r, c, new QTableWidgetItem(QString::number((*tables[r])[std::size_t(c)], 'f', 3)));
    m_recall->setItem(4, 0, new QTableWidgetItem(QString::number(s.predicateMap.mean, 'f', 3)));
    m_recall->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_recall->setToolTip(tr("Over %1 image(s) with true triplets. A true triplet counts when a prediction among the first K matches "
                            "its classes (predicate detection), also its union box (phrase), or both boxes (relationship), IoU > 0.5.")
                             .arg(s.withTruth));

    // Per predicate: relationship recall at the first K, and the image-level AP.
    QVector<double> x, recall, ap;
    QStringList labels;
    const auto &classes = m_model->predicateClasses();
    for (std::size_t p = 0; p < classes.size(); ++p) {
        const auto found = s.relationship.perPredicate.find(int(p));
        if (found == s.relationship.perPredicate.end() || found->second.empty())
            continue;
        x << double(x.size());
        recall << found->second.front();
        ap << (p < s.predicateMap.perClass.size() && std::isfinite(s.predicateMap.perClass[p]) ? s.predicateMap.perClass[p] : 0.0);
        labels << relationPredicateName(classes, int(p));
    }
    QVector<double> left, right;
    for (double v : x) {
        left << v - 0.2;
        right << v + 0.2;
    }
    m_predicatePlot->addBars(tr("relationship R@%1").arg(s.steps.front()), left, recall, 0.38, QColor(0, 130, 200));
    m_predicatePlot->addBars(tr("AP (image level)"), right, ap, 0.38, QColor(245, 130, 48));
    m_predicatePlot->setXTickLabels(x, labels);
    m_predicatePlot->setLabels(QString(), tr("recall / AP"), tr("Per predicate"));
}

} // namespace periscope::app
