// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/figures/GraphScene.h"

#include "app/figures/ForceLayout.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

// The pictures' and tooltips' words are translated in one context, named in each call
// (QCoreApplication::translate with a literal context is what lupdate reads reliably).
namespace periscope::app {

namespace {
QVector<double> numbers(const QJsonValue &value)
{
    QVector<double> out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toDouble());
    return out;
}

QVector<bool> flags(const QJsonValue &value)
{
    QVector<bool> out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toBool());
    return out;
}

double maxAbs(const QVector<double> &values)
{
    double m = 0.0;
    for (double v : values)
        if (std::isfinite(v))
            m = std::max(m, std::abs(v));
    return m;
}


QString number(double v)
{
    return QString::number(v, 'f', 3);
}

const QColor kSick(214, 39, 40), kImmune(44, 160, 44), kInfected(255, 150, 40), kHealthy(205, 205, 205);
} // namespace

GraphScene GraphScene::fromExplanation(const QJsonObject &result)
{
    GraphScene scene;
    const QJsonObject graph = result.value(QStringLiteral("graph")).toObject();
    scene.nodeCount = int(graph.value(QStringLiteral("nodes")).toArray().size());
    for (const QJsonValue &e : graph.value(QStringLiteral("edges")).toArray())
        scene.edges.append({e.toArray().at(0).toInt(), e.toArray().at(1).toInt()});
    for (const QJsonValue &row : result.value(QStringLiteral("node_outputs")).toArray())
        scene.nodeOutput.append(row.toArray().isEmpty() ? 0.0 : row.toArray().at(0).toDouble());
    const QJsonArray global = result.value(QStringLiteral("global_output")).toArray();
    scene.globalOutput = global.isEmpty() ? 0.0 : global.at(0).toDouble();
    const QJsonObject model = result.value(QStringLiteral("model")).toObject();
    scene.model = QStringLiteral("%1 (%2) %3")
                      .arg(model.value(QStringLiteral("architecture")).toString(), model.value(QStringLiteral("aggregation")).toString(),
                           QFileInfo(model.value(QStringLiteral("file")).toString()).fileName());

    if (result.contains(QStringLiteral("molecule"))) {
        const QJsonObject m = result.value(QStringLiteral("molecule")).toObject();
        scene.kind = Kind::Molecule;
        scene.name = m.value(QStringLiteral("name")).toString();
        scene.smiles = m.value(QStringLiteral("smiles")).toString();
        for (const QJsonValue &a : m.value(QStringLiteral("atoms")).toArray())
            scene.atoms.append(a.toString());
        scene.crippen = numbers(m.value(QStringLiteral("crippen_contributions")));
        scene.logP = m.value(QStringLiteral("logp")).toDouble();
        scene.esol = m.value(QStringLiteral("esol")).toDouble();
        scene.hasTarget = m.contains(QStringLiteral("target"));
        scene.target = m.value(QStringLiteral("target")).toDouble();
        for (const QJsonValue &p : m.value(QStringLiteral("coordinates_2d")).toArray())
            scene.layout.append(QPointF(p.toArray().at(0).toDouble(), -p.toArray().at(1).toDouble())); // y up in chemistry
        // Bonds are edges 2k and 2k+1; both carry the bond's order.
        for (const QJsonValue &b : m.value(QStringLiteral("bonds")).toArray()) {
            scene.bondOrder.append(b.toArray().at(2).toDouble());
            scene.bondOrder.append(b.toArray().at(2).toDouble());
        }
    } else {
        scene.kind = result.contains(QStringLiteral("truth")) ? Kind::Infection : Kind::None;
        const QJsonObject truth = result.value(QStringLiteral("truth")).toObject();
        scene.sick = flags(truth.value(QStringLiteral("sick")));
        scene.immune = flags(truth.value(QStringLiteral("immune")));
        scene.infected = flags(truth.value(QStringLiteral("infected")));
        scene.virtualEdge = flags(truth.value(QStringLiteral("virtual_edge")));
        scene.causalEdge = flags(truth.value(QStringLiteral("causal_edge")));
        scene.layout = forceDirectedLayout(scene.nodeCount, scene.edges, 7);
    }
    if (scene.layout.size() != scene.nodeCount)
        scene.layout = forceDirectedLayout(scene.nodeCount, scene.edges, 7);
    return scene;
}

MethodExplanation MethodExplanation::fromExplanation(const QJsonObject &result)
{
    MethodExplanation e;
    e.raw = result;
    e.method = result.value(QStringLiteral("method")).toString();
    e.target = result.value(QStringLiteral("target")).toString();
    e.outputValue = result.value(QStringLiteral("output_value")).toDouble();
    for (const QJsonValue &row : result.value(QStringLiteral("node_relevance")).toArray()) {
        QVector<double> features = numbers(row);
        double sum = 0.0;
        for (double v : features)
            sum += v;
        e.node.append(sum);
        e.nodeFeatures.append(features);
    }
    for (const QJsonValue &row : result.value(QStringLiteral("edge_relevance")).toArray()) {
        double sum = 0.0;
        for (const QJsonValue &v : row.toArray())
            sum += v.toDouble();
        e.edge.append(sum);
    }
    QStringList parts;
    const QJsonObject scores = result.value(QStringLiteral("scores")).toObject();
    auto score = [&](const char *key, const QString &label) {
        const QJsonValue v = scores.value(QLatin1String(key));
        if (v.isDouble())
            parts << QStringLiteral("%1 %2").arg(label, QString::number(v.toDouble(), 'f', 2));
    };
    score("incoming_edge_roc_auc", QCoreApplication::translate("periscope::app::GraphScene", "edge AUC"));
    score("node_roc_auc", QCoreApplication::translate("periscope::app::GraphScene", "node AUC"));
    score("node_truth_spearman", QCoreApplication::translate("periscope::app::GraphScene", "Spearman vs Crippen"));
    if (result.contains(QStringLiteral("relevance_lost")))
        parts << QCoreApplication::translate("periscope::app::GraphScene", "lost %1").arg(QString::number(result.value(QStringLiteral("relevance_lost")).toDouble(), 'g', 2));
    if (result.contains(QStringLiteral("completeness_gap")))
        parts << QCoreApplication::translate("periscope::app::GraphScene", "gap %1").arg(QString::number(result.value(QStringLiteral("completeness_gap")).toDouble(), 'g', 2));
    bool allZero = true;
    for (double v : e.node)
        allZero = allZero && v == 0.0;
    for (double v : e.edge)
        allZero = allZero && v == 0.0;
    if (allZero)
        parts.prepend(QCoreApplication::translate("periscope::app::GraphScene", "all relevance is zero"));
    e.scoreLine = parts.join(QStringLiteral(" · "));
    return e;
}

QString MethodExplanation::title(const QString &method)
{
    if (method == QLatin1String("sa"))
        return QCoreApplication::translate("periscope::app::GraphScene", "Sensitivity (SA)");
    if (method == QLatin1String("gbp"))
        return QCoreApplication::translate("periscope::app::GraphScene", "Guided backprop (GBP)");
    if (method == QLatin1String("lrp"))
        return QCoreApplication::translate("periscope::app::GraphScene", "LRP");
    if (method == QLatin1String("ig"))
        return QCoreApplication::translate("periscope::app::GraphScene", "Integrated Gradients (IG)");
    return method;
}

GraphPicture graphPicture(const GraphScene &scene, const MethodExplanation *explanation, int selectedNode)
{
    GraphPicture picture;
    const bool molecule = scene.isMolecule();
    picture.style = molecule ? GraphPicture::Style::Molecule : GraphPicture::Style::Network;
    const bool explained = explanation && explanation->node.size() == scene.nodeCount;
    const double nodeScale = explained ? maxAbs(explanation->node) : 0.0;
    const double edgeScale = explained ? maxAbs(explanation->edge) : 0.0;
    const double scale = std::max(nodeScale, 1e-12);

    for (int i = 0; i < scene.nodeCount; ++i) {
        GraphPictureNode n;
        n.position = i < scene.layout.size() ? scene.layout[i] : QPointF();
        n.selected = i == selectedNode;
        const double r = explained ? explanation->node[i] : 0.0;
        if (molecule) {
            n.label = i < scene.atoms.size() ? scene.atoms[i] : QString();
            if (explained && nodeScale > 0.0) {
                n.halo = divergingColor(r, scale);
                n.haloSize = std::abs(r) / scale;
            }
        } else {
            n.label = QString::number(i);
            const bool sick = i < scene.sick.size() && scene.sick[i];
            const bool immune = i < scene.immune.size() && scene.immune[i];
            const bool infected = i < scene.infected.size() && scene.infected[i];
            const QColor status = sick ? kSick : immune ? kImmune : infected ? kInfected : kHealthy;
            if (explained) {
                n.fill = divergingColor(r, scale);
                n.size = 0.75 + 0.75 * std::abs(r) / scale;
                n.outline = status.darker(115);
            } else {
                n.fill = status;
                // Prediction vs truth: a wrong prediction gets a thick black outline.
                const bool predicted = i < scene.nodeOutput.size() && scene.nodeOutput[i] > 0.0;
                n.outline = predicted == infected ? status.darker(150) : QColor(0, 0, 0);
                if (predicted != infected)
                    n.label += QStringLiteral("!");
            }
        }
        picture.nodes.append(n);
    }
    for (int e = 0; e < scene.edges.size(); ++e) {
        if (molecule && e % 2 == 1)
            continue; // each bond once (edges 2k and 2k+1 are its two directions)
        GraphPictureEdge edge;
        edge.from = scene.edges[e].first;
        edge.to = scene.edges[e].second;
        if (molecule) {
            edge.order = e < scene.bondOrder.size() ? scene.bondOrder[e] : 1.0;
            edge.width = 1.6;
            edge.color = QColor(40, 40, 40);
            if (explained && edgeScale > 0.0 && e + 1 < explanation->edge.size()) {
                const double r = explanation->edge[e] + explanation->edge[e + 1];
                if (std::abs(r) > 0.15 * 2 * edgeScale)
                    edge.color = divergingColor(r, 2 * edgeScale).darker(120);
            }
        } else {
            edge.directed = true;
            edge.dashed = e < scene.virtualEdge.size() && scene.virtualEdge[e];
            if (explained && edgeScale > 0.0) {
                const double r = explanation->edge[e];
                edge.color = divergingColor(r, edgeScale);
                edge.width = 0.6 + 3.4 * std::abs(r) / edgeScale;
            } else {
                edge.color = QColor(150, 150, 150);
                edge.width = 0.9;
            }
        }
        picture.edges.append(edge);
    }
    if (explained) {
        picture.title = MethodExplanation::title(explanation->method);
        picture.subtitle = explanation->scoreLine;
        const QString label = QCoreApplication::translate("periscope::app::GraphScene", "relevance");
        picture.colorbar = GraphColorbar{Colormap::Coolwarm, -nodeScale, nodeScale, label};
    } else if (molecule) {
        picture.title = scene.name.isEmpty() ? scene.smiles : scene.name;
        picture.subtitle = QCoreApplication::translate("periscope::app::GraphScene", "logP %1 · ESOL %2").arg(number(scene.logP), number(scene.esol));
    } else {
        picture.title = QCoreApplication::translate("periscope::app::GraphScene", "Infection graph: %1 nodes, %2 edges").arg(scene.nodeCount).arg(scene.edges.size());
        picture.subtitle = QCoreApplication::translate("periscope::app::GraphScene", "red sick · green immune · orange infected · ! wrong prediction · dashed virtual");
    }
    return picture;
}

QStringList nodeTooltips(const GraphScene &scene, const MethodExplanation *explanation)
{
    QStringList out;
    for (int i = 0; i < scene.nodeCount; ++i) {
        QStringList lines;
        if (scene.isMolecule()) {
            lines << QCoreApplication::translate("periscope::app::GraphScene", "Atom %1: %2").arg(i).arg(i < scene.atoms.size() ? scene.atoms[i] : QString());
            if (i < scene.crippen.size())
                lines << QCoreApplication::translate("periscope::app::GraphScene", "Crippen logP contribution %1").arg(number(scene.crippen[i]));
        } else {
            QStringList status;
            if (i < scene.sick.size() && scene.sick[i])
                status << QCoreApplication::translate("periscope::app::GraphScene", "sick");
            if (i < scene.immune.size() && scene.immune[i])
                status << QCoreApplication::translate("periscope::app::GraphScene", "immune");
            if (i < scene.infected.size() && scene.infected[i])
                status << QCoreApplication::translate("periscope::app::GraphScene", "infected");
            lines << QCoreApplication::translate("periscope::app::GraphScene", "Node %1 (%2)").arg(i).arg(status.isEmpty() ? QCoreApplication::translate("periscope::app::GraphScene", "healthy") : status.join(QStringLiteral(", ")));
            if (i < scene.nodeOutput.size())
                lines << QCoreApplication::translate("periscope::app::GraphScene", "predicted infection logit %1").arg(number(scene.nodeOutput[i]));
        }
        if (explanation && i < explanation->node.size())
            lines << QCoreApplication::translate("periscope::app::GraphScene", "%1 relevance %2").arg(MethodExplanation::title(explanation->method), number(explanation->node[i]));
        out << lines.join(QLatin1Char('\n'));
    }
    return out;
}

} // namespace periscope::app
