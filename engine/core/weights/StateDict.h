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

// "float32", "bfloat16", ... for messages and listings.
std::string dtypeName(c10::ScalarType type);

} // namespace periscope
