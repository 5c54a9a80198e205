// SPDX-License-Identifier: GPL-3.0-or-later
// For the DeepFake engine tests: EfficientNet-B0 with one logit and random weights that behaves
// like a trained network on the crops the tests give it (uniform pixels, ImageNet-normalised):
// batch normalisation's statistics taken from such crops (with torchvision's initial 0 and 1, or
// statistics from other data, the activations grow until the logit no longer depends on the
// input), and a head that gives logits of order one.
#pragma once

#include <torch/torch.h>

#include "engine/core/training/BatchNormStatistics.h"
#include "engine/deepfake/FrameDetector.h"

namespace periscope::deepfake::testing {

inline EfficientNet randomDetectorNetwork(std::uint64_t seed)
{
    torch::manual_seed(seed);
    EfficientNet network(EfficientNetConfig::b(0, 1));
    const torch::Tensor crops = FrameDetector(network, torch::kCPU).input(torch::rand({8, 3, 64, 64}));
    updateBatchNormStatistics(*network, {crops}, [&](const torch::Tensor &x) { network->forward(x); });
    torch::NoGradGuard noGrad;
    for (torch::Tensor &p : network->classifier->parameters())
        p.normal_(0.0, 0.1);
    return network;
}

} // namespace periscope::deepfake::testing
