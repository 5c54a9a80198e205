// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include "engine/core/color/Colormap.h"

#include <torch/torch.h>

namespace periscope {

// The 256 x 3 table as floats in [0, 1] on `device`.
torch::Tensor colormapLookup(Colormap map, const torch::Device &device);

// [..., H, W] scalar map -> [..., 3, H, W] RGB in [0, 1], on the map's device.
torch::Tensor applyColormap(const torch::Tensor &scalar, Colormap map, double low, double high);

} // namespace periscope
