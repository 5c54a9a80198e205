// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// The dino.txt notebook's dense similarity, without its memory: it upsamples the patch tokens
// [D, rows, cols] bicubically to the image ([D, H, W]: 1.2 GB for ViT-L at 640 x 480), normalises
// every pixel's vector and dots it with each prompt's normalised patch half. Upsampling is linear,
// so each pixel's dot product with a prompt is the upsampled patch-level dot product, and only the
// per-pixel norm needs the D-wide vectors, which are made a strip of rows at a time. Same
// arithmetic as torch's upsample_bicubic2d (align_corners=False, A = -0.75, border taps clamped),
// summed in another order.
#pragma once

#include <torch/torch.h>

namespace periscope::openvocab {

// The four taps of torch's bicubic upsampling from `in` to `out` samples: indices [out, 4]
// (clamped to the input) and weights [out, 4].
struct BicubicTaps {
    torch::Tensor index;
    torch::Tensor weight;
};
BicubicTaps bicubicTaps(std::int64_t in, std::int64_t out);

// tokens [D, rows, cols] and prompts [C, D] (each row normalised) -> cosine similarity [C, H, W]
// of every upsampled pixel vector with every prompt. `stripRows` bounds the working memory to
// about D * stripRows * W floats.
torch::Tensor denseSimilarity(const torch::Tensor &tokens, const torch::Tensor &prompts, std::int64_t height, std::int64_t width,
                              std::int64_t stripRows = 32);

} // namespace periscope::openvocab
