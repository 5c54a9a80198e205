// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/colorize/LabPipeline.h"

#include "engine/core/color/ColorOps.h"
#include "engine/core/errors/Error.h"
#include "engine/core/geometry/GeometryOps.h"

namespace periscope::colorize {

namespace {
torch::Tensor batched(const torch::Tensor &rgb)
{
    if (rgb.dim() == 3)
        return rgb.unsqueeze(0);
    if (rgb.dim() == 4)
        return rgb;
    throw Error("colorize: expected an image [3, H, W] or a batch [N, 3, H, W]");
}
} // namespace

torch::Tensor networkLightness(const torch::Tensor &rgb, std::int64_t networkHeight, std::int64_t networkWidth)
{
    const torch::Tensor images = batched(rgb).to(torch::kFloat);
    if (images.size(1) != 3)
        throw Error("colorize: expected 3 channels, got " + std::to_string(images.size(1)));
    const bool same = images.size(2) == networkHeight && images.size(3) == networkWidth;
    const torch::Tensor small =
        same ? images : resize(images, networkHeight, networkWidth, ResizeMode::Antialiased).clamp(0.0, 1.0);
    return srgbToLightness(small);
}

torch::Tensor colorizeFullResolution(const torch::Tensor &rgb, std::int64_t networkHeight, std::int64_t networkWidth,
                                     const AbPredictor &predict)
{
    const bool single = rgb.dim() == 3;
    const torch::Tensor images = batched(rgb).to(torch::kFloat);
    const torch::Tensor fullL = srgbToLightness(images);
    torch::Tensor ab = predict(networkLightness(images, networkHeight, networkWidth));
    if (ab.dim() != 4 || ab.size(0) != images.size(0) || ab.size(1) != 2)
        throw Error("colorize: the network must return ab as [N, 2, h, w]");
    if (ab.size(2) != images.size(2) || ab.size(3) != images.size(3))
        ab = resize(ab, images.size(2), images.size(3), ResizeMode::Bilinear);
    const torch::Tensor out = labToSrgb(torch::cat({fullL, ab.to(fullL.dtype())}, 1));
    return single ? out.squeeze(0) : out;
}

} // namespace periscope::colorize
