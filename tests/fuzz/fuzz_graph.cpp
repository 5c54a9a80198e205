// SPDX-License-Identifier: GPL-3.0-or-later
// A graph JSON (G.json) explained by the paper's infection model with every method, as
// `periscope-cli explain-graph --graph` does.
#include "FuzzSupport.h"

#include "engine/graphs/ExplainGraph.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = periscope::fuzz::writeInput(data, size, ".json");
    for (const char *method : {"sa", "lrp"}) {
        periscope::fuzz::expectOnlyOurErrors([&] {
            periscope::graphs::ExplainGraphRequest request;
            request.graphJsonPath = path;
            request.modelPath = PERISCOPE_SOURCE_DIR "/tests/data/graphs/infection_gn_sum.safetensors";
            request.arch["aggregation"] = "sum";
            request.method = method;
            request.target = "node:0";
            request.integrationSteps = 4;
            periscope::graphs::runExplainGraph(request);
        });
    }
    return 0;
}
