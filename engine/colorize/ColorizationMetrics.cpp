// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/colorize/ColorizationMetrics.h"

#include "engine/core/color/ColorOps.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"

#include <cmath>
#include <limits>

namespace periscope::colorize {

namespace {

// [3, H, W] float in [0, 1]; 1-channel images are spread to three.
torch::Tensor rgbTensor(const Image &image, const char *what)
{
    if (image.channels() != 1 && image.channels() != 3)
        throw Error(std::string(what) + ": expected an RGB or gray image, got " + std::to_string(image.channels()) + " channels");
    torch::Tensor t = imageToTensor(image).clamp(0.0, 1.0);
    if (t.size(0) == 1)
        t = t.expand({3, t.size(1), t.size(2)});
    return t.contiguous();
}

// A normalised 1-D Gaussian, as a [1, 1, 1, size] kernel.
torch::Tensor gaussianKernel(int size, double sigma)
{
    const torch::Tensor x = torch::arange(size, torch::kFloat64) - double(size - 1) / 2.0;
    torch::Tensor g = torch::exp(-(x * x) / (2.0 * sigma * sigma));
    return (g / g.sum()).to(torch::kFloat32).view({1, 1, 1, size});
}

// Separable Gaussian filter over each of C channels of [C, H, W], 'valid' borders.
torch::Tensor gaussianFilter(const torch::Tensor &x, const torch::Tensor &kernel)
{
    const std::int64_t c = x.size(0);
    const torch::Tensor horizontal = kernel.expand({c, 1, 1, kernel.size(3)});
    const torch::Tensor vertical = horizontal.transpose(2, 3);
    const std::vector<std::int64_t> one{1, 1}, none{0, 0};
    const torch::Tensor once = torch::conv2d(x.unsqueeze(0), horizontal, torch::Tensor(), one, none, one, c);
    return torch::conv2d(once, vertical, torch::Tensor(), one, none, one, c).squeeze(0);
}

double structuralSimilarity(const torch::Tensor &x, const torch::Tensor &y)
{
    constexpr int kWindow = 11;
    constexpr double kSigma = 1.5, kC1 = 0.01 * 0.01, kC2 = 0.03 * 0.03; // data range 1
    if (x.size(1) < kWindow || x.size(2) < kWindow) {
        // Too small for the window: the global statistics over the whole image.
        const torch::Tensor mx = x.mean({1, 2}), my = y.mean({1, 2});
        const torch::Tensor vx = x.var({1, 2}, false), vy = y.var({1, 2}, false);
        const torch::Tensor cov = ((x - mx.view({-1, 1, 1})) * (y - my.view({-1, 1, 1}))).mean({1, 2});
        return ((2 * mx * my + kC1) * (2 * cov + kC2) / ((mx * mx + my * my + kC1) * (vx + vy + kC2))).mean().item<double>();
    }
    const torch::Tensor k = gaussianKernel(kWindow, kSigma);
    const torch::Tensor mx = gaussianFilter(x, k), my = gaussianFilter(y, k);
    const torch::Tensor sxx = gaussianFilter(x * x, k) - mx * mx;
    const torch::Tensor syy = gaussianFilter(y * y, k) - my * my;
    const torch::Tensor sxy = gaussianFilter(x * y, k) - mx * my;
    const torch::Tensor map = (2 * mx * my + kC1) * (2 * sxy + kC2) / ((mx * mx + my * my + kC1) * (sxx + syy + kC2));
    return map.mean().item<double>();
}

} // namespace

ColorComparison compareColors(const Image &result, const Image &truth, bool withDeltaMap)
{
    if (result.width() != truth.width() || result.height() != truth.height())
        throw Error("compare: the result is " + std::to_string(result.width()) + "x" + std::to_string(result.height()) +
                    ", the truth " + std::to_string(truth.width()) + "x" + std::to_string(truth.height()));
    torch::NoGradGuard noGrad;
    const torch::Tensor x = rgbTensor(result, "compare"), y = rgbTensor(truth, "compare");
    ColorComparison c;
    const double mse = (x - y).pow(2).mean().item<double>();
    c.psnr = mse > 0.0 ? 10.0 * std::log10(1.0 / mse) : std::numeric_limits<double>::infinity();
    c.ssim = structuralSimilarity(x, y);
    const torch::Tensor delta = deltaE2000(srgbToLab(x), srgbToLab(y));
    c.meanDeltaE2000 = delta.mean().item<double>();
    if (withDeltaMap)
        c.deltaE2000 = imageFromTensor(delta.unsqueeze(0).to(torch::kFloat32));
    return c;
}

double colourfulness(const Image &rgb)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor t = rgbTensor(rgb, "colourfulness").to(torch::kFloat64) * 255.0;
    const torch::Tensor r = t[0], g = t[1], b = t[2];
    const torch::Tensor rg = r - g, yb = 0.5 * (r + g) - b;
    const double spread = std::sqrt(rg.var(false).item<double>() + yb.var(false).item<double>());
    const double mean = std::hypot(rg.mean().item<double>(), yb.mean().item<double>());
    return spread + 0.3 * mean;
}

AbHistogram abHistogram(const Image &rgb, int bins, double range)
{
    if (bins < 2 || bins > 1024 || !(range > 0.0))
        throw Error("ab histogram: bins must be in [2, 1024] and the range positive");
    torch::NoGradGuard noGrad;
    const torch::Tensor lab = srgbToLab(rgbTensor(rgb, "ab histogram"));
    const auto cell = [&](const torch::Tensor &v) {
        return ((v + range) / (2.0 * range) * bins).floor().clamp(0, bins - 1).to(torch::kLong).flatten();
    };
    const torch::Tensor index = cell(lab[2]) * bins + cell(lab[1]);
    const torch::Tensor counts = torch::bincount(index, {}, std::int64_t(bins) * bins).to(torch::kFloat64);
    AbHistogram h;
    h.bins = bins;
    h.range = range;
    const torch::Tensor shares = (counts / std::max<double>(1.0, double(index.numel()))).contiguous();
    h.counts.assign(shares.data_ptr<double>(), shares.data_ptr<double>() + shares.numel());
    return h;
}

Image grayVersion(const Image &rgb)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor l = srgbToLightness(rgbTensor(rgb, "gray"));
    const torch::Tensor lab = torch::cat({l, torch::zeros_like(l), torch::zeros_like(l)}, 0);
    return imageFromTensorToUInt8(labToSrgb(lab));
}

bool isGray(const Image &rgb, double tolerance)
{
    if (rgb.channels() == 1)
        return true;
    torch::NoGradGuard noGrad;
    const torch::Tensor t = rgbTensor(rgb, "gray test") * 255.0;
    return (t[0] - t[1]).abs().max().item<double>() <= tolerance && (t[1] - t[2]).abs().max().item<double>() <= tolerance;
}

} // namespace periscope::colorize
