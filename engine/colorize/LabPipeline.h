// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Colorization at full resolution, the authors' recipe (richzhang/colorization, util.py): the
// photo is resized to the network's size and converted to Lab; the network predicts ab from that
// L; the ab are upsampled bilinearly to the photo's size and joined with the photo's own
// full-resolution L; Lab -> sRGB. So the result keeps every detail of the original lightness.
#pragma once

#include <torch/torch.h>

#include <functional>

namespace periscope::colorize {

// l: [N, 1, h, w] in [0, 100] -> ab [N, 2, h', w'] in Lab units (any h', w': they are resized).
using AbPredictor = std::function<torch::Tensor(const torch::Tensor &l)>;

// rgb: [3, H, W] or [N, 3, H, W], sRGB in [0, 1] (a gray photo has equal channels). Returns sRGB
// of the same shape, clamped to [0, 1].
torch::Tensor colorizeFullResolution(const torch::Tensor &rgb, std::int64_t networkHeight, std::int64_t networkWidth,
                                     const AbPredictor &predict);

// The L channel the network sees: the photo resized (antialiased) to the network's size, in Lab.
torch::Tensor networkLightness(const torch::Tensor &rgb, std::int64_t networkHeight, std::int64_t networkWidth);

} // namespace periscope::colorize
