// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Colour conversions on tensors whose channel dimension is -3 ([3, H, W] or [N, 3, H, W]), on
// whatever device the tensor lives, in float32 (or float64 when given). The reference white is
// D65, as sRGB's; Lab is CIE 1976 L*a*b* with L in [0, 100].
#pragma once

#include <torch/torch.h>

namespace periscope {

torch::Tensor srgbToLinear(const torch::Tensor &srgb);   // IEC 61966-2-1 transfer curve
torch::Tensor linearToSrgb(const torch::Tensor &linear);
torch::Tensor linearRgbToXyz(const torch::Tensor &linear);
torch::Tensor xyzToLinearRgb(const torch::Tensor &xyz);
torch::Tensor xyzToLab(const torch::Tensor &xyz);
torch::Tensor labToXyz(const torch::Tensor &lab);

// sRGB in [0, 1] <-> Lab. labToSrgb clamps to [0, 1]: ab predicted by a model may leave the gamut.
torch::Tensor srgbToLab(const torch::Tensor &srgb);
torch::Tensor labToSrgb(const torch::Tensor &lab);

// Luma-free gray, the L channel of Lab, as the colorization models take it: [1, H, W] in [0, 100].
torch::Tensor srgbToLightness(const torch::Tensor &srgb);

} // namespace periscope
