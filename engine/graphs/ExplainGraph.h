// SPDX-License-Identifier: GPL-3.0-or-later
// The whole `explain-graph` pipeline behind one torch-free interface, for the CLI and the
// workspace: load a graph (a generated infection graph or a G.json file), load a graph network
// from its weights, explain one output, and return everything as JSON.
#pragma once

#include "engine/core/json/Json.h"
#include "engine/graphs/GraphData.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace periscope::graphs {

// The size and probabilities of a generated infection graph (the paper's test set by default).
struct InfectionSettings {
    int minNodes = 10, maxNodes = 60; // node count drawn in [minNodes, maxNodes)
    double maxPercentSick = 0.4, maxPercentImmune = 0.6, maxPercentVirtual = 0.5;
};

struct ExplainGraphRequest {
    // Exactly one input: a generated infection graph (test-set parameters) or a G.json file
    // {"nodes": [[f...]...], "edges": [[s, r]...], "edge_features": [[f...]...]}.
    std::optional<std::uint64_t> infectionSeed;
    InfectionSettings infection;
    std::string graphJsonPath;
    // ... or a graph in memory (a featurised molecule, a graph the workspace holds).
    std::optional<GraphData> graph;
    // A known per-node truth (e.g. Crippen atom contributions for a logP model): the summed node
    // relevance is scored against it with Spearman's rank correlation.
    std::vector<double> nodeTruth;
    std::string nodeTruthName;
    std::string modelPath; // safetensors or torch.save (zip or legacy) weights
    // What the weights do not reveal: "aggregation" (sum|mean|max); else read from a JSON
    // sidecar MODEL.json ({"aggregation": "max"}) beside the weights, else from the paper's
    // experiment.latest.yaml in the same folder (model: kwargs: aggregation). Biases, layer count
    // and widths are read from the keys and shapes.
    std::map<std::string, std::string> arch;
    std::string method = "sa"; // sa | gbp | lrp | ig
    std::string target = "global"; // global | global:G | node:K
    int integrationSteps = 64;
};

// Throws periscope::Error with a one-line reason on bad input (files, shapes, indices, weights
// that fit no known network). The result holds node_outputs, global_output, target, method,
// output_value, node_relevance, edge_relevance (input order), deletion curves over edges and
// nodes, the model description, and for infection graphs the truth (sick, immune, infected,
// causal edges) and scores.
json::Value runExplainGraph(const ExplainGraphRequest &request);

} // namespace periscope::graphs
