// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace periscope {

// Named tensors in file order, as a checkpoint stores them ("encoder.0.weight" -> tensor).
using StateDict = std::vector<std::pair<std::string, torch::Tensor>>;

// The named tensors of any weights file the engine reads (safetensors, torch.save zip or legacy,
// TorchScript parameters and buffers), on the CPU, the format recognised by content
// (InspectWeights.cpp). Throws periscope::Error with a one-line reason.
StateDict loadStateDict(const std::string &path);

// The tensor named `name`, or nullptr: state dicts are short lists, looked up by name.
const torch::Tensor *findTensor(const StateDict &tensors, const std::string &name);

// A module's parameters then buffers, as torch's state_dict() names them, each name prefixed.
StateDict stateDictOf(const torch::nn::Module &module, const std::string &prefix = {});

// "float32", "bfloat16", ... for messages and listings.
std::string dtypeName(c10::ScalarType type);

} // namespace periscope
