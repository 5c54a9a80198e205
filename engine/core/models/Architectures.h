// SPDX-License-Identifier: GPL-3.0-or-later
// The architectures that can be run by name on a tensor (`periscope-cli forward`): how a
// workspace's network is checked against the original's outputs, and how anyone can run it
// without Periscope's pipelines. No torch in this header.
#pragma once

#include <string>
#include <vector>

namespace periscope {

// "efficientnet_b0" .. "efficientnet_b7", "mvit_v2_mini", "mvit_v2_s", "resnet18", "resnet50", sorted.
// The image networks take [N, 3, H, W]; the MViTs clips [N, 3, T, H, W] of their configured size.
std::vector<std::string> registeredArchitectures();

struct ForwardRequest {
    std::string architecture;
    std::string weights; // any weights file the engine reads, with the architecture's original names
    std::string input;   // safetensors with the tensor "input" (the network's input, as the original takes it)
    std::string output;  // safetensors to write, with the tensor "output" (what the original network returns)
};

// Builds the architecture (its class count from the weights), loads the weights strictly (every
// tensor by name and shape, nothing missing, nothing extra), runs it in evaluation mode on the
// CPU and writes the output. Throws periscope::Error with a one-line reason.
void runForward(const ForwardRequest &request);

} // namespace periscope
