// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Explanations of graph networks, as compared by Baldassarre & Azizpour (ICML-W 2019):
// sensitivity analysis, guided backpropagation, layer-wise relevance propagation, and
// Integrated Gradients as a path-integral reference. Relevance comes per node and per edge, one value per input feature,
// in the input's node and edge order.
#pragma once

#include "engine/graphs/GraphNetwork.h"
#include "engine/graphs/InfectionData.h"

#include <functional>
#include <string>
#include <vector>

namespace periscope::graphs {

using GraphModel = std::function<GraphOutput(const GraphBatch &)>;

enum class GraphMethod { Sensitivity, GuidedBackprop, Lrp, IntegratedGradients };
GraphMethod parseGraphMethod(const std::string &name); // "sa", "gbp", "lrp", "ig"
std::string graphMethodKey(GraphMethod method);

// What is explained: one output of one node, one output of one graph's global readout, or that
// output of every graph of a batch at once ("global:all": the graphs are independent, so each
// gets its own explanation from one backward pass; values and gaps are sums over the graphs).
struct GraphTarget {
    enum class Kind { Global, Node, EveryGraph };
    Kind kind = Kind::Global;
    std::int64_t index = 0;  // the node, or the graph
    std::int64_t output = 0; // which output column

    static GraphTarget parse(const std::string &text); // "global", "global:G", "global:all", "node:K"
    std::string describe() const;                       // the same syntax back
};

struct GraphRelevance {
    torch::Tensor node; // [N, Fn]
    torch::Tensor edge; // [E, Fe]
    double outputValue = 0; // the explained output at the input
    // What the summed relevance leaves unexplained. LRP: the output's value minus the summed
    // relevance (what biases took, what reached outputs of 0, positive when lost). Integrated
    // Gradients: f(x) - f(baseline) minus the summed relevance (the Riemann error). 0 otherwise.
    double completenessGap = 0;
};

struct GraphExplainOptions {
    int integrationSteps = 64; // Integrated Gradients: midpoint Riemann steps from the zero baseline
};

GraphRelevance explainGraph(const GraphModel &model, const GraphBatch &graph, const GraphTarget &target, GraphMethod method,
                            const GraphExplainOptions &options = {});

// Deletion curve: edges (or nodes) are removed from the graph in order of decreasing relevance
// (summed absolute relevance over their features) and the explained output recomputed. A node
// is "removed" by zeroing its features and dropping its edges. A faithful explanation makes the
// output move fast: compare areas between methods on the same graph and target.
struct DeletionCurve {
    std::vector<double> fraction; // of the items removed, 0 .. 1
    std::vector<double> output;   // the explained output after removing them
    double area = 0;              // trapezoidal area under output(fraction)
};
enum class DeletionItems { Edges, Nodes };
// At most `maxSteps` + 1 points (evenly spaced in the ranking; every item when there are fewer).
DeletionCurve deletionCurve(const GraphModel &model, const GraphBatch &graph, const GraphTarget &target, const GraphRelevance &relevance,
                            DeletionItems items, int maxSteps = 50);

// How well an explanation of one infected node finds its cause: the true edges are the real
// edges from sick nodes into it, the true nodes those sick senders (or the node itself when it
// is sick). Scores rank items by summed absolute relevance over their features.
struct InfectionExplanationScores {
    double edgeRocAuc = 0, edgeAveragePrecision = 0; // over all edges of the graph
    // Over the node's incoming edges only: the harder question for a one-hop model, whose
    // output cannot depend on other edges at all (NaN when they are all true or all false).
    double incomingEdgeRocAuc = 0;
    double nodeRocAuc = 0, nodeAveragePrecision = 0;
    std::int64_t trueEdges = 0, trueNodes = 0;
};
InfectionExplanationScores scoreInfectionExplanation(const GraphRelevance &relevance, const InfectionGraph &graph, std::int64_t node);

} // namespace periscope::graphs
