// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/DenseSimilarity.h"

#include <algorithm>
#include <cmath>

namespace periscope::openvocab {

namespace {
constexpr double kA = -0.75; // torch's bicubic coefficient (PIL and the antialiased kernel use -0.5)

double nearWeight(double x) // |x| <= 1
{
    return ((kA + 2.0) * x - (kA + 3.0)) * x * x + 1.0;
}

double farWeight(double x) // 1 < |x| < 2
{
    return ((kA * x - 5.0 * kA) * x + 8.0 * kA) * x - 4.0 * kA;
}

// Applies taps along dimension `dim` of x: out[..., i, ...] = sum_k weight[i, k] x[..., index[i, k], ...].
torch::Tensor applyTaps(const torch::Tensor &x, const BicubicTaps &taps, std::int64_t dim)
{
    torch::Tensor out;
    std::vector<std::int64_t> shape(std::size_t(x.dim()), 1);
    shape[std::size_t(dim)] = taps.index.size(0);
    for (std::int64_t k = 0; k < 4; ++k) {
        const torch::Tensor term = x.index_select(dim, taps.index.select(1, k)) * taps.weight.select(1, k).reshape(shape);
        out = out.defined() ? out + term : term;
    }
    return out;
}
} // namespace

BicubicTaps bicubicTaps(std::int64_t in, std::int64_t out)
{
    BicubicTaps taps{torch::empty({out, 4}, torch::kLong), torch::empty({out, 4}, torch::kFloat)};
    auto index = taps.index.accessor<std::int64_t, 2>();
    auto weight = taps.weight.accessor<float, 2>();
    // torch: scale = in / out, source = scale * (i + 0.5) - 0.5, not clamped for cubic.
    const double scale = double(in) / double(out);
    for (std::int64_t i = 0; i < out; ++i) {
        const double source = scale * (double(i) + 0.5) - 0.5;
        const double floorSource = std::floor(source);
        const double t = source - floorSource;
        const double w[4] = {farWeight(t + 1.0), nearWeight(t), nearWeight(1.0 - t), farWeight(2.0 - t)};
        for (std::int64_t k = 0; k < 4; ++k) {
            index[i][k] = std::clamp<std::int64_t>(std::int64_t(floorSource) - 1 + k, 0, in - 1);
            weight[i][k] = float(w[k]);
        }
    }
    return taps;
}

torch::Tensor denseSimilarity(const torch::Tensor &tokens, const torch::Tensor &prompts, std::int64_t height, std::int64_t width,
                              std::int64_t stripRows)
{
    const torch::Tensor x = tokens.to(torch::kFloat);
    const torch::Tensor p = prompts.to(torch::kFloat);
    const auto onDevice = [&](BicubicTaps taps) {
        taps.index = taps.index.to(x.device());
        taps.weight = taps.weight.to(x.device());
        return taps;
    };
    const BicubicTaps rowsTaps = onDevice(bicubicTaps(x.size(1), height));
    const BicubicTaps colsTaps = onDevice(bicubicTaps(x.size(2), width));
    // Numerators: patch-level dot products [C, rows, cols], upsampled (linear, so exact).
    const torch::Tensor dots = torch::einsum("drc,kd->krc", {x, p});
    const torch::Tensor numerators = applyTaps(applyTaps(dots, rowsTaps, 1), colsTaps, 2);
    // Norms of the upsampled vectors, a strip of rows at a time.
    const torch::Tensor wide = applyTaps(x, colsTaps, 2); // [D, rows, W]
    torch::Tensor norms = torch::empty({height, width}, x.options());
    for (std::int64_t y0 = 0; y0 < height; y0 += stripRows) {
        const std::int64_t rows = std::min(stripRows, height - y0);
        const BicubicTaps strip{rowsTaps.index.narrow(0, y0, rows), rowsTaps.weight.narrow(0, y0, rows)};
        norms.narrow(0, y0, rows).copy_(applyTaps(wide, strip, 1).square().sum(0).sqrt());
    }
    // F.normalize divides by max(norm, 1e-12).
    return numerators / norms.clamp_min(1e-12).unsqueeze(0);
}

} // namespace periscope::openvocab
