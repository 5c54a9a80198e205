// SPDX-License-Identifier: GPL-3.0-or-later
// The Graph workspace's data on the Qt side: the graph on screen (an infection graph or a
// molecule) and one explanation per method, read from the engine's explain-graph JSON, and the
// pictures drawn from them (shared by the view, figure export and `explain-graph --figure`).
#pragma once

#include "engine/chem/molecules/Molecule.h"
#include "app/figures/GraphPicture.h"

#include <QJsonObject>
#include <QMetaType>
#include <QPair>
#include <QPointF>
#include <QStringList>
#include <QVector>

#include <memory>

namespace periscope::app {

struct GraphScene {
    enum class Kind { None, Infection, Molecule };
    Kind kind = Kind::None;
    int nodeCount = 0;
    QVector<QPair<int, int>> edges; // directed (sender, receiver), in the engine's order
    QVector<QPointF> layout;        // force layout (infection) or RDKit depiction (molecule)
    QVector<double> nodeOutput;     // each node's first output (InfectionGN: infection logit)
    double globalOutput = 0.0;
    QString model;                  // "InfectionGN (sum) esol.safetensors"

    // Infection graphs: the truth the generator knows.
    QVector<bool> sick, immune, infected, virtualEdge, causalEdge;

    // Molecules.
    QString name, smiles;
    QStringList atoms;
    QVector<double> bondOrder; // per directed edge
    QVector<double> crippen;   // per atom
    double logP = 0.0, esol = 0.0;
    bool hasTarget = false;
    double target = 0.0;

    bool isMolecule() const { return kind == Kind::Molecule; }
    // Built from one explain-graph result (every method's result holds the same graph).
    static GraphScene fromExplanation(const QJsonObject &result);
};

struct MethodExplanation {
    QString method;     // sa | gbp | lrp | ig
    QString target;     // global | node:K
    double outputValue = 0.0;
    QVector<double> node; // summed over features, per node
    QVector<double> edge; // summed over features, per edge
    QVector<QVector<double>> nodeFeatures;
    QString scoreLine;  // ground-truth scores and what relevance was lost, for a subtitle
    QJsonObject raw;    // the engine's whole answer (export, tests)

    static MethodExplanation fromExplanation(const QJsonObject &result);
    static QString title(const QString &method); // "Sensitivity (SA)", ...
};

// Everything one explanation job brings back.
struct GraphExplanations {
    GraphScene scene;
    QVector<MethodExplanation> methods;
    std::shared_ptr<const chem::Molecule> molecule; // for the 3-D view (molecules only)
};

// The picture of the scene alone (explanation null: status colours) or with one method's
// relevance: node colour and size, edge colour and width, atom halos; selected node ringed.
GraphPicture graphPicture(const GraphScene &scene, const MethodExplanation *explanation, int selectedNode);
// One tooltip per node: index or atom, status or Crippen contribution, output, relevance.
QStringList nodeTooltips(const GraphScene &scene, const MethodExplanation *explanation);

} // namespace periscope::app

Q_DECLARE_METATYPE(periscope::app::GraphExplanations)
