// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Geometry on image tensors ([C, H, W] or [N, C, H, W]) on any device.
#pragma once

#include <torch/torch.h>

#include <vector>

namespace periscope {

enum class ResizeMode {
    Bilinear,        // align_corners = false, as PIL and torchvision do
    Bicubic,         // a = -0.75 (PyTorch's), may overshoot: clamp afterwards when it matters
    Antialiased,     // downscaling that weighs every source pixel under the output pixel's footprint
                     // (a triangle filter widened by the scale, as PIL does); upscaling = Bilinear
    Nearest,         // label and mask maps
};

torch::Tensor resize(const torch::Tensor &image, std::int64_t height, std::int64_t width, ResizeMode mode);

// (x - mean) / std per channel; ImageNet's by default.
torch::Tensor normalize(const torch::Tensor &image, const std::vector<double> &mean = {0.485, 0.456, 0.406},
                        const std::vector<double> &std = {0.229, 0.224, 0.225});

// The central height x width window (the image must be at least that large).
torch::Tensor centerCrop(const torch::Tensor &image, std::int64_t height, std::int64_t width);

// Where a letterboxed image's content sits, to map model coordinates back to the source.
struct Letterbox {
    double scale = 1.0;      // source pixels -> output pixels
    std::int64_t offsetX = 0; // output-pixel offset of the content
    std::int64_t offsetY = 0;
    double toSourceX(double x) const { return (x - double(offsetX)) / scale; }
    double toSourceY(double y) const { return (y - double(offsetY)) / scale; }
};

// Scales the longer side to `size` (aspect kept, antialiased when shrinking) and pads to a
// size x size square with `fill`, content centred.
torch::Tensor letterboxToSquare(const torch::Tensor &image, std::int64_t size, double fill, Letterbox *box = nullptr);

} // namespace periscope
