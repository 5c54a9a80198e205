// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/geometry/GeometryOps.h"

#include "engine/core/errors/Error.h"

#include <cmath>

namespace periscope {

namespace F = torch::nn::functional;

namespace {
// Runs `f` on a batched [N, C, H, W] view and returns the input's rank.
template <typename Function> torch::Tensor batched(const torch::Tensor &image, Function f)
{
    if (image.dim() == 4)
        return f(image);
    if (image.dim() == 3)
        return f(image.unsqueeze(0)).squeeze(0);
    throw Error("expected an image tensor [C, H, W] or [N, C, H, W], got shape " + c10::str(image.sizes()));
}
} // namespace

torch::Tensor resize(const torch::Tensor &image, std::int64_t height, std::int64_t width, ResizeMode mode)
{
    if (height <= 0 || width <= 0)
        throw Error("resize to " + std::to_string(width) + "x" + std::to_string(height) + " is not possible");
    return batched(image, [&](const torch::Tensor &x) {
        const torch::Tensor in = x.is_floating_point() ? x : x.to(torch::kFloat32);
        auto options = F::InterpolateFuncOptions().size(std::vector<std::int64_t>{height, width});
        switch (mode) {
        case ResizeMode::Nearest: return F::interpolate(x.is_floating_point() ? x : x.to(torch::kFloat32), options.mode(torch::kNearest)).to(x.scalar_type());
        case ResizeMode::Bicubic: return F::interpolate(in, options.mode(torch::kBicubic).align_corners(false));
        case ResizeMode::Antialiased:
            if (height < x.size(2) || width < x.size(3))
                return F::interpolate(in, options.mode(torch::kBilinear).align_corners(false).antialias(true));
            [[fallthrough]];
        case ResizeMode::Bilinear: return F::interpolate(in, options.mode(torch::kBilinear).align_corners(false));
        }
        return in;
    });
}

torch::Tensor normalize(const torch::Tensor &image, const std::vector<double> &mean, const std::vector<double> &std)
{
    const std::int64_t channels = image.size(-3);
    if (std::int64_t(mean.size()) != channels || std::int64_t(std.size()) != channels)
        throw Error("normalize: " + std::to_string(channels) + " channels but " + std::to_string(mean.size()) + " means and " +
                    std::to_string(std.size()) + " deviations");
    const auto options = torch::TensorOptions().dtype(image.is_floating_point() ? image.scalar_type() : torch::kFloat32).device(image.device());
    const torch::Tensor m = torch::tensor(mean, torch::kDouble).to(options).reshape({channels, 1, 1});
    const torch::Tensor s = torch::tensor(std, torch::kDouble).to(options).reshape({channels, 1, 1});
    return (image.to(options) - m) / s;
}

torch::Tensor centerCrop(const torch::Tensor &image, std::int64_t height, std::int64_t width)
{
    const std::int64_t h = image.size(-2), w = image.size(-1);
    if (height > h || width > w || height <= 0 || width <= 0)
        throw Error("centre crop " + std::to_string(width) + "x" + std::to_string(height) + " does not fit a " +
                    std::to_string(w) + "x" + std::to_string(h) + " image");
    return image.narrow(-2, (h - height) / 2, height).narrow(-1, (w - width) / 2, width);
}

torch::Tensor letterboxToSquare(const torch::Tensor &image, std::int64_t size, double fill, Letterbox *box)
{
    const std::int64_t h = image.size(-2), w = image.size(-1);
    if (size <= 0 || h <= 0 || w <= 0)
        throw Error("letterbox: empty image or size");
    const double scale = double(size) / double(std::max(h, w));
    const std::int64_t newH = std::max<std::int64_t>(1, std::llround(double(h) * scale));
    const std::int64_t newW = std::max<std::int64_t>(1, std::llround(double(w) * scale));
    const torch::Tensor scaled = resize(image, newH, newW, ResizeMode::Antialiased);
    std::vector<std::int64_t> shape = scaled.sizes().vec();
    shape[shape.size() - 2] = size;
    shape[shape.size() - 1] = size;
    torch::Tensor out = torch::full(shape, fill, scaled.options());
    const std::int64_t offsetY = (size - newH) / 2, offsetX = (size - newW) / 2;
    out.narrow(-2, offsetY, newH).narrow(-1, offsetX, newW).copy_(scaled);
    if (box)
        *box = {scale, offsetX, offsetY};
    return out;
}

} // namespace periscope
