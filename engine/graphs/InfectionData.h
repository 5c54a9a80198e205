// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// The synthetic infection task of Baldassarre & Azizpour (ICML-W 2019): a Barabasi-Albert graph
// (m = 2) made directed with 70 % of its directed edges kept; some nodes sick, some immune;
// extra "virtual" edges that do not transmit. A node is infected when it is sick, or when a sick
// node reaches it over a real edge and it is not immune. Each infection's cause is known, so
// explanations can be scored against the truth.
#pragma once

#include "engine/graphs/GraphNetwork.h"

#include <random>

namespace periscope::graphs {

struct InfectionParameters {
    int minNodes = 10;            // node count drawn in [minNodes, maxNodes)
    int maxNodes = 30;
    double maxPercentSick = 0.1;  // at least one sick node
    double maxPercentImmune = 0.3;
    double maxPercentVirtual = 0.3; // virtual edges, as a fraction of the real ones
    double keptEdges = 0.7;

    static InfectionParameters train() { return {}; }
    static InfectionParameters test() { return {10, 60, 0.4, 0.6, 0.5, 0.7}; } // the paper's validation set
};

struct InfectionGraph {
    // Node features [sick +-1, immune +-1, noise, noise]; edge features [virtual +-1, noise],
    // a real edge being -1 (the encoding the published models were trained with).
    GraphBatch graph;
    torch::Tensor sick, immune, infected; // [N] bool
    torch::Tensor virtualEdge;            // [E] bool
    torch::Tensor causalEdge;             // [E] bool: a real edge from a sick node to a node it infects
};

InfectionGraph generateInfectionGraph(const InfectionParameters &parameters, std::mt19937_64 &random);

} // namespace periscope::graphs
