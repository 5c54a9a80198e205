// SPDX-License-Identifier: GPL-3.0-or-later
// `periscope-cli forward --arch ws_vrd`: the relational network run on a batch stored as the
// paper's Batch fields, for checking it against the paper's code and for using it outside the
// workspace. No torch in this header.
#pragma once

#include <string>

namespace periscope::relations {

struct RelationsForwardRequest {
    std::string weights;         // a checkpoint with the paper's key names (torch.save or safetensors)
    std::string input;           // safetensors: object_conv_features [N, C, S, S], object_linear_features [N, F],
                                 // relation_linear_features [E, 10], relation_indexes [2, E] (int64), batch [N] (int64)
    std::string output;          // safetensors written with predicate_scores [B, classes] (logits, as the paper's model returns)
    std::string readout = "FC_AGG"; // or AGG_FC
    std::string pooling = "max";    // or mean, add
};

// Builds the network from the weights (every stack's sizes), loads them strictly, checks the
// batch and runs it on the CPU. B is the largest image index in `batch` plus one. Throws
// periscope::Error with a one-line reason.
void runRelationsForward(const RelationsForwardRequest &request);

} // namespace periscope::relations
