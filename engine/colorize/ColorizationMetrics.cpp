// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/colorize/ColorizationMetrics.h"

#include "engine/core/color/ColorOps.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/metrics/MetricsOps.h"

#include <cmath>

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

// SSIM as engine/core computes it; an image smaller than its 11 x 11 window gets the same formula
// from the whole image's statistics.
double structuralSimilarity(const torch::Tensor &x, const torch::Tensor &y)
{
    if (x.size(1) >= 11 && x.size(2) >= 11)
        return ssim(x, y);
    constexpr double kC1 = 0.01 * 0.01, kC2 = 0.03 * 0.03;
    const torch::Tensor mx = x.mean({1, 2}), my = y.mean({1, 2});
    const torch::Tensor vx = x.var({1, 2}, false), vy = y.var({1, 2}, false);
    const torch::Tensor cov = ((x - mx.view({-1, 1, 1})) * (y - my.view({-1, 1, 1}))).mean({1, 2});
    return ((2 * mx * my + kC1) * (2 * cov + kC2) / ((mx * mx + my * my + kC1) * (vx + vy + kC2))).mean().item<double>();
}

// Mean of sqrt(a^2 + b^2) over the pixels of a [3, H, W] Lab tensor, summed in double.
double meanChromaOfLab(const torch::Tensor &lab)
{
    return torch::hypot(lab[1], lab[2]).to(torch::kFloat64).mean().item<double>();
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
    c.psnr = psnr(x, y);
    c.ssim = structuralSimilarity(x, y);
    const torch::Tensor labX = srgbToLab(x), labY = srgbToLab(y);
    const torch::Tensor delta = ciede2000(labX, labY);
    c.meanDeltaE2000 = delta.mean().item<double>();
    c.resultChroma = meanChromaOfLab(labX);
    c.truthChroma = meanChromaOfLab(labY);
    if (withDeltaMap)
        c.deltaE2000 = imageFromTensor(delta.unsqueeze(0).to(torch::kFloat32));
    return c;
}

double colorPsnr(const Image &result, const Image &truth)
{
    if (result.width() != truth.width() || result.height() != truth.height())
        throw Error("compare: the result and the truth differ in size");
    torch::NoGradGuard noGrad;
    return psnr(rgbTensor(result, "compare"), rgbTensor(truth, "compare"));
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

double meanChroma(const Image &rgb)
{
    torch::NoGradGuard noGrad;
    return meanChromaOfLab(srgbToLab(rgbTensor(rgb, "chroma").to(torch::kFloat64)));
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

} // namespace periscope::colorize
