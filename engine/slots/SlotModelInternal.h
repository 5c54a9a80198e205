// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): what SlotModel wraps, for the trainer and the evaluation.
#pragma once

#include "engine/slots/SlotModel.h"
#include "engine/slots/SlotNets.h"

namespace periscope::slot {

struct SlotModel::Net {
    SlotNetConfig config;
    ArchOptions options;
    ObjectCentricNet module{nullptr};
    torch::Device device{torch::kCPU};
};

// The model configuration the options describe (unknown keys and bad values are errors).
SlotNetConfig configFromOptions(const ArchOptions &options);
ArchOptions optionsFromConfig(const SlotNetConfig &config);

// [3, size, size] ImageNet-normalised float tensor on the CPU: the paper's test transform.
torch::Tensor preprocessImage(const Image &image, int size);
// ImageNet normalisation of [.., 3, H, W] values in [0, 1].
torch::Tensor normalizeImageNet(const torch::Tensor &rgb);

} // namespace periscope::slot
