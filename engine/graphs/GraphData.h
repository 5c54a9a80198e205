// SPDX-License-Identifier: GPL-3.0-or-later
// One graph as plain arrays, torch-free: what the molecule featuriser (engine/chem), the
// workspace and the CLI hand to the graph pipeline.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace periscope::graphs {

struct GraphData {
    std::int64_t nodeFeatureCount = 0;
    std::int64_t edgeFeatureCount = 0;
    std::vector<float> nodeFeatures; // row-major [nodes, nodeFeatureCount]
    std::vector<float> edgeFeatures; // row-major [edges, edgeFeatureCount]
    std::vector<std::int64_t> senders, receivers;

    std::int64_t numNodes() const { return nodeFeatureCount > 0 ? std::int64_t(nodeFeatures.size()) / nodeFeatureCount : 0; }
    std::int64_t numEdges() const { return std::int64_t(senders.size()); }
    // Throws periscope::Error naming the first inconsistency (sizes, endpoints out of range).
    void validate() const;
};

} // namespace periscope::graphs
