// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include "engine/core/image/Image.h"

#include <torch/torch.h>

namespace periscope {

// [H, W, C] tensor over the image's own pixels on the CPU: no copy. An owning image stays alive
// as long as the tensor does; a view's memory must outlive both.
torch::Tensor imageAsTensorHWC(const Image &image);

// [C, H, W] float32 on `device`. 8-bit samples are scaled to [0, 1]; float samples are kept.
torch::Tensor imageToTensor(const Image &image, const torch::Device &device = torch::kCPU);

// From [C, H, W] or [H, W] (any device, any floating or uint8 dtype) to an owning Image of the
// same format family: uint8 stays 8-bit; floating becomes Float32 (values kept, not rescaled).
Image imageFromTensor(const torch::Tensor &tensor);

// From [C, H, W] floats in [0, 1] to an 8-bit image (rounded, clamped).
Image imageFromTensorToUInt8(const torch::Tensor &tensor);

} // namespace periscope
