// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/colorize/ColorBins.h"

#include "engine/core/color/ColorOps.h"
#include "engine/core/errors/Error.h"

#include <algorithm>
#include <numeric>

namespace periscope::colorize {

torch::Tensor abGridBins()
{
    const torch::Tensor values = torch::arange(-110, 111, 10, torch::kFloat32);
    const std::vector<torch::Tensor> grid = torch::meshgrid({values, values}, "ij");
    return torch::stack({grid[0].flatten(), grid[1].flatten()}, 1);
}

torch::Tensor abGamutBins(std::int64_t count)
{
    const torch::Tensor grid = abGridBins().to(torch::kFloat64);
    const std::int64_t q = grid.size(0);
    if (count < 1 || count > q)
        throw Error("abGamutBins: between 1 and " + std::to_string(q) + " bins");
    // How far each bin is from the gamut: over lightness 0-100, the smallest amount by which its
    // linear RGB leaves [0, 1] (0: some lightness shows it).
    const torch::Tensor lightness = torch::arange(0.0, 100.001, 0.5, torch::kFloat64);
    const std::int64_t n = lightness.size(0);
    const torch::Tensor lab = torch::stack({lightness.view({1, n}).expand({q, n}), grid.select(1, 0).view({q, 1}).expand({q, n}),
                                            grid.select(1, 1).view({q, 1}).expand({q, n})},
                                           0); // [3, Q, L]
    const torch::Tensor linear = xyzToLinearRgb(labToXyz(lab));
    const torch::Tensor outside = (torch::relu(-linear) + torch::relu(linear - 1.0)).sum(0); // [Q, L]
    const torch::Tensor distance = std::get<0>(outside.min(1));
    std::vector<std::int64_t> order(static_cast<std::size_t>(q));
    std::iota(order.begin(), order.end(), 0);
    const auto d = distance.accessor<double, 1>();
    std::stable_sort(order.begin(), order.end(), [&](std::int64_t x, std::int64_t y) { return d[x] < d[y]; });
    order.resize(std::size_t(count));
    std::sort(order.begin(), order.end()); // a-major, as the grid
    return grid.index_select(0, torch::tensor(order, torch::kLong)).to(torch::kFloat32);
}

torch::Tensor softEncode(const torch::Tensor &ab, const torch::Tensor &bins, std::int64_t neighbours, double sigma)
{
    if (ab.dim() != 4 || ab.size(1) != 2 || bins.dim() != 2 || bins.size(1) != 2)
        throw Error("softEncode: expected ab [N, 2, H, W] and bins [Q, 2]");
    const std::int64_t n = ab.size(0), h = ab.size(2), w = ab.size(3), q = bins.size(0);
    const torch::Tensor points = ab.permute({0, 2, 3, 1}).reshape({-1, 2});                 // [P, 2]
    const torch::Tensor distances = torch::cdist(points, bins.to(points.options()));        // [P, Q]
    const auto [nearest, index] = distances.topk(std::min(neighbours, q), 1, false, true);  // [P, K]
    const torch::Tensor weights = torch::softmax(-nearest.pow(2) / (2.0 * sigma * sigma), 1);
    torch::Tensor encoded = torch::zeros({points.size(0), q}, points.options());
    encoded.scatter_(1, index, weights);
    return encoded.view({n, h, w, q}).permute({0, 3, 1, 2}).contiguous();
}

torch::Tensor rebalancingWeights(const torch::Tensor &distribution, const torch::Tensor &bins, double lambda, double sigma)
{
    const std::int64_t q = bins.size(0);
    if (distribution.numel() != q)
        throw Error("rebalancingWeights: one probability per bin");
    // Smooth over the ab plane: every bin becomes the Gaussian-weighted average of its
    // neighbourhood (rows normalised, so that a flat distribution stays flat at the edges too).
    const torch::Tensor p = distribution.to(torch::kFloat64).flatten() / distribution.sum().to(torch::kFloat64).clamp_min(1e-12);
    const torch::Tensor b = bins.to(torch::kFloat64);
    torch::Tensor kernel = torch::exp(-torch::cdist(b, b).pow(2) / (2.0 * sigma * sigma));
    kernel = kernel / kernel.sum(1, true);
    torch::Tensor smoothed = torch::matmul(kernel, p);
    smoothed = smoothed / smoothed.sum();
    torch::Tensor w = 1.0 / ((1.0 - lambda) * smoothed + lambda / double(q));
    w = w / (smoothed * w).sum(); // E_p̃[w] = 1
    return w.to(torch::kFloat32);
}

torch::Tensor classRebalancedLoss(const torch::Tensor &logits, const torch::Tensor &softTargets, const torch::Tensor &weights)
{
    if (logits.sizes() != softTargets.sizes())
        throw Error("classRebalancedLoss: logits and targets differ in shape");
    const torch::Tensor crossEntropy = -(softTargets * torch::log_softmax(logits, 1)).sum(1);          // [N, H, W]
    const torch::Tensor pixelWeights = weights.to(logits.device()).index_select(0, softTargets.argmax(1).flatten()).view_as(crossEntropy);
    return (pixelWeights * crossEntropy).mean();
}

} // namespace periscope::colorize
