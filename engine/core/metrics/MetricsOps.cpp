// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/metrics/MetricsOps.h"

#include "engine/core/errors/Error.h"
#include "engine/core/metrics/Hungarian.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace periscope {

namespace {
void checkSameShape(const torch::Tensor &a, const torch::Tensor &b, const char *what)
{
    if (a.sizes() != b.sizes())
        throw Error(std::string(what) + ": shapes differ, " + c10::str(a.sizes()) + " vs " + c10::str(b.sizes()));
}

// n choose 2, elementwise, in float64.
torch::Tensor pairs(const torch::Tensor &counts)
{
    const torch::Tensor n = counts.to(torch::kDouble);
    return n * (n - 1.0) / 2.0;
}

torch::Tensor batched4(const torch::Tensor &t)
{
    if (t.dim() == 3)
        return t.unsqueeze(0);
    if (t.dim() == 4)
        return t;
    throw Error("expected an image tensor [C, H, W] or [N, C, H, W], got " + c10::str(t.sizes()));
}

} // namespace

torch::Tensor confusionMatrix(const torch::Tensor &predicted, const torch::Tensor &target, std::int64_t classes,
                              std::int64_t ignoreIndex)
{
    checkSameShape(predicted, target, "confusionMatrix");
    if (classes <= 0)
        throw Error("confusionMatrix: the number of classes must be positive");
    const torch::Tensor p = predicted.flatten().to(torch::kLong);
    const torch::Tensor t = target.flatten().to(torch::kLong);
    const torch::Tensor valid = t != ignoreIndex;
    const torch::Tensor pv = p.masked_select(valid), tv = t.masked_select(valid);
    if (pv.numel() > 0 && (pv.min().item<std::int64_t>() < 0 || pv.max().item<std::int64_t>() >= classes ||
                           tv.min().item<std::int64_t>() < 0 || tv.max().item<std::int64_t>() >= classes))
        throw Error("confusionMatrix: labels outside [0, " + std::to_string(classes) + ")");
    return torch::bincount(tv * classes + pv, {}, classes * classes).reshape({classes, classes});
}

torch::Tensor iouPerClass(const torch::Tensor &confusion)
{
    const torch::Tensor c = confusion.to(torch::kDouble);
    const torch::Tensor tp = c.diag();
    const torch::Tensor denominator = c.sum(0) + c.sum(1) - tp;
    return torch::where(denominator > 0, tp / denominator.clamp_min(1.0),
                        torch::full_like(tp, std::numeric_limits<double>::quiet_NaN()));
}

double meanIoU(const torch::Tensor &confusion)
{
    const torch::Tensor iou = iouPerClass(confusion);
    const torch::Tensor present = ~torch::isnan(iou);
    if (present.sum().item<std::int64_t>() == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return iou.masked_select(present).mean().item<double>();
}

double maskIoU(const torch::Tensor &a, const torch::Tensor &b)
{
    checkSameShape(a, b, "maskIoU");
    const torch::Tensor x = a.to(torch::kBool), y = b.to(torch::kBool);
    const double unionCount = (x | y).sum().item<double>();
    return unionCount == 0 ? 1.0 : (x & y).sum().item<double>() / unionCount;
}

double adjustedRandIndex(const torch::Tensor &predicted, const torch::Tensor &truth, bool ignoreBackground)
{
    checkSameShape(predicted, truth, "adjustedRandIndex");
    torch::Tensor p = predicted.flatten().to(torch::kLong), t = truth.flatten().to(torch::kLong);
    if (ignoreBackground) {
        const torch::Tensor foreground = t != 0;
        p = p.masked_select(foreground);
        t = t.masked_select(foreground);
    }
    const std::int64_t n = p.numel();
    if (n <= 1)
        return 1.0;
    // Relabel both to 0..k-1 and count the contingency table.
    const auto [pUnique, pIds] = torch::_unique(p, /*sorted=*/true, /*return_inverse=*/true);
    const auto [tUnique, tIds] = torch::_unique(t, true, true);
    const std::int64_t kp = pUnique.numel(), kt = tUnique.numel();
    const torch::Tensor table = torch::bincount(tIds * kp + pIds, {}, kt * kp).reshape({kt, kp});
    const double index = pairs(table).sum().item<double>();
    const double rows = pairs(table.sum(1)).sum().item<double>();
    const double cols = pairs(table.sum(0)).sum().item<double>();
    const double total = double(n) * double(n - 1) / 2.0;
    const double expected = rows * cols / total;
    const double maximum = (rows + cols) / 2.0;
    if (maximum == expected) // both labelings trivial (one cluster, or all singletons): identical
        return 1.0;
    return (index - expected) / (maximum - expected);
}

double otsuThreshold(const torch::Tensor &values, std::int64_t bins)
{
    if (values.numel() == 0 || bins < 2)
        throw Error("otsuThreshold: no values, or fewer than 2 bins");
    const torch::Tensor v = values.flatten().to(torch::kDouble);
    const double low = v.min().item<double>(), high = v.max().item<double>();
    if (!(high > low))
        return low; // one value: nothing to separate
    const torch::Tensor histogram = torch::histc(v, bins, low, high) / double(v.numel());
    const double width = (high - low) / double(bins);
    const torch::Tensor centres = low + (torch::arange(bins, v.options()) + 0.5) * width;
    // For a threshold after bin k: w0 = mass up to k, mu0 and mu1 the class means; maximise
    // w0 w1 (mu0 - mu1)^2, written with cumulative sums as (mu_T w0 - mu_k)^2 / (w0 (1 - w0)).
    const torch::Tensor w0 = histogram.cumsum(0), muK = (histogram * centres).cumsum(0);
    const double muT = muK[-1].item<double>();
    const torch::Tensor between = (muT * w0 - muK).pow(2) / (w0 * (1.0 - w0)).clamp_min(1e-12);
    const std::int64_t best = between.narrow(0, 0, bins - 1).argmax().item<std::int64_t>();
    return low + double(best + 1) * width; // the upper edge of the last background bin
}

MaskMatching matchMasksByIoU(const torch::Tensor &predicted, const torch::Tensor &truth)
{
    if (predicted.dim() != 3 || truth.dim() != 3 || predicted.sizes().slice(1) != truth.sizes().slice(1))
        throw Error("matchMasksByIoU: expected [P, H, W] and [T, H, W] masks of one size");
    const std::int64_t p = predicted.size(0), t = truth.size(0);
    const torch::Tensor a = predicted.flatten(1).to(torch::kDouble), b = truth.flatten(1).to(torch::kDouble);
    const torch::Tensor intersection = torch::matmul(a, b.t());
    const torch::Tensor unions = a.sum(1, true) + b.sum(1).unsqueeze(0) - intersection;
    const torch::Tensor iou = torch::where(unions > 0, intersection / unions.clamp_min(1e-12), torch::ones_like(unions)).contiguous();
    std::vector<double> cost(std::size_t(p * t));
    const double *values = iou.data_ptr<double>();
    for (std::size_t k = 0; k < cost.size(); ++k)
        cost[k] = -values[k];
    MaskMatching m;
    m.truthOfPredicted = p > 0 && t > 0 ? solveAssignment(cost, int(p), int(t)) : std::vector<int>(std::size_t(p), -1);
    m.iou.assign(std::size_t(p), 0.0);
    double sum = 0.0;
    for (std::int64_t i = 0; i < p; ++i)
        if (const int j = m.truthOfPredicted[std::size_t(i)]; j >= 0) {
            m.iou[std::size_t(i)] = values[i * t + j];
            sum += m.iou[std::size_t(i)];
        }
    m.meanIoU = t > 0 ? sum / double(t) : 0.0;
    m.bestIoUOfTruth.assign(std::size_t(t), 0.0);
    for (std::int64_t i = 0; i < p; ++i)
        for (std::int64_t j = 0; j < t; ++j)
            m.bestIoUOfTruth[std::size_t(j)] = std::max(m.bestIoUOfTruth[std::size_t(j)], values[i * t + j]);
    return m;
}

double psnr(const torch::Tensor &a, const torch::Tensor &b, double dataRange)
{
    checkSameShape(a, b, "psnr");
    const double mse = (a.to(torch::kDouble) - b.to(torch::kDouble)).pow(2).mean().item<double>();
    if (mse == 0.0)
        return std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(dataRange * dataRange / mse);
}

double ssim(const torch::Tensor &a, const torch::Tensor &b, double dataRange)
{
    checkSameShape(a, b, "ssim");
    const torch::Tensor x = batched4(a).to(torch::kDouble), y = batched4(b).to(torch::kDouble);
    const std::int64_t channels = x.size(1);
    if (x.size(2) < 11 || x.size(3) < 11)
        throw Error("ssim: images must be at least 11 x 11 pixels");
    const torch::Tensor coords = torch::arange(11, x.options()) - 5.0;
    torch::Tensor g = torch::exp(-(coords * coords) / (2.0 * 1.5 * 1.5));
    g = g / g.sum();
    // The 11 x 11 Gaussian window is the outer product of g with itself, so it is applied as a
    // column pass then a row pass: the same valid-area result (to double rounding), 22 instead
    // of 121 products per pixel, and an im2col buffer 11 times smaller (LibTorch's CPU conv of
    // doubles unfolds the input: 0.7 GB per call on a 512 x 480 photo with the square window).
    const torch::Tensor column = g.view({1, 1, 11, 1}).expand({channels, 1, 11, 1}).contiguous();
    const torch::Tensor row = g.view({1, 1, 1, 11}).expand({channels, 1, 1, 11}).contiguous();
    auto blur = [&](const torch::Tensor &t) {
        namespace F = torch::nn::functional;
        const auto options = F::Conv2dFuncOptions().groups(channels);
        return F::conv2d(F::conv2d(t, column, options), row, options);
    };
    const double c1 = std::pow(0.01 * dataRange, 2), c2 = std::pow(0.03 * dataRange, 2);
    const torch::Tensor muX = blur(x), muY = blur(y);
    const torch::Tensor sigmaXX = blur(x * x) - muX * muX;
    const torch::Tensor sigmaYY = blur(y * y) - muY * muY;
    const torch::Tensor sigmaXY = blur(x * y) - muX * muY;
    const torch::Tensor map = ((2.0 * muX * muY + c1) * (2.0 * sigmaXY + c2)) /
                              ((muX * muX + muY * muY + c1) * (sigmaXX + sigmaYY + c2));
    return map.mean().item<double>();
}

torch::Tensor ciede2000(const torch::Tensor &lab1, const torch::Tensor &lab2)
{
    checkSameShape(lab1, lab2, "ciede2000");
    if (lab1.dim() < 3 || lab1.size(-3) != 3)
        throw Error("ciede2000: expected Lab tensors with 3 channels in dimension -3");
    const torch::Tensor x = lab1.to(torch::kDouble), y = lab2.to(torch::kDouble);
    const torch::Tensor L1 = x.select(-3, 0), a1 = x.select(-3, 1), b1 = x.select(-3, 2);
    const torch::Tensor L2 = y.select(-3, 0), a2 = y.select(-3, 1), b2 = y.select(-3, 2);
    const double pow25_7 = std::pow(25.0, 7.0);

    const torch::Tensor cBar = (torch::hypot(a1, b1) + torch::hypot(a2, b2)) / 2.0;
    const torch::Tensor cBar7 = cBar.pow(7);
    const torch::Tensor g = 0.5 * (1.0 - torch::sqrt(cBar7 / (cBar7 + pow25_7)));
    const torch::Tensor a1p = (1.0 + g) * a1, a2p = (1.0 + g) * a2;
    const torch::Tensor c1p = torch::hypot(a1p, b1), c2p = torch::hypot(a2p, b2);
    auto hue = [](const torch::Tensor &b, const torch::Tensor &ap) {
        torch::Tensor h = torch::rad2deg(torch::atan2(b, ap));
        h = torch::where(h < 0, h + 360.0, h);
        return torch::where((b == 0) & (ap == 0), torch::zeros_like(h), h);
    };
    const torch::Tensor h1p = hue(b1, a1p), h2p = hue(b2, a2p);
    const torch::Tensor chromaProduct = c1p * c2p;
    const torch::Tensor zeroChroma = chromaProduct == 0;

    const torch::Tensor dL = L2 - L1;
    const torch::Tensor dC = c2p - c1p;
    torch::Tensor dh = h2p - h1p;
    dh = torch::where(dh > 180.0, dh - 360.0, torch::where(dh < -180.0, dh + 360.0, dh));
    dh = torch::where(zeroChroma, torch::zeros_like(dh), dh);
    const torch::Tensor dH = 2.0 * torch::sqrt(chromaProduct) * torch::sin(torch::deg2rad(dh) / 2.0);

    const torch::Tensor lBar = (L1 + L2) / 2.0;
    const torch::Tensor cBarP = (c1p + c2p) / 2.0;
    const torch::Tensor hSum = h1p + h2p;
    torch::Tensor hBar = torch::where((h1p - h2p).abs() <= 180.0, hSum / 2.0,
                                      torch::where(hSum < 360.0, (hSum + 360.0) / 2.0, (hSum - 360.0) / 2.0));
    hBar = torch::where(zeroChroma, hSum, hBar);

    const torch::Tensor t = 1.0 - 0.17 * torch::cos(torch::deg2rad(hBar - 30.0)) + 0.24 * torch::cos(torch::deg2rad(2.0 * hBar)) +
                            0.32 * torch::cos(torch::deg2rad(3.0 * hBar + 6.0)) - 0.20 * torch::cos(torch::deg2rad(4.0 * hBar - 63.0));
    const torch::Tensor dTheta = 30.0 * torch::exp(-torch::pow((hBar - 275.0) / 25.0, 2));
    const torch::Tensor cBarP7 = cBarP.pow(7);
    const torch::Tensor rC = 2.0 * torch::sqrt(cBarP7 / (cBarP7 + pow25_7));
    const torch::Tensor lOffset = torch::pow(lBar - 50.0, 2);
    const torch::Tensor sL = 1.0 + 0.015 * lOffset / torch::sqrt(20.0 + lOffset);
    const torch::Tensor sC = 1.0 + 0.045 * cBarP;
    const torch::Tensor sH = 1.0 + 0.015 * cBarP * t;
    const torch::Tensor rT = -torch::sin(torch::deg2rad(2.0 * dTheta)) * rC;
    const torch::Tensor tl = dL / sL, tc = dC / sC, th = dH / sH;
    return torch::sqrt((tl * tl + tc * tc + th * th + rT * tc * th).clamp_min(0.0));
}

double averagePrecision(const torch::Tensor &scores, const torch::Tensor &positive)
{
    checkSameShape(scores, positive, "averagePrecision");
    const torch::Tensor s = scores.flatten().to(torch::kDouble), y = positive.flatten().to(torch::kDouble);
    const double positives = y.sum().item<double>();
    if (positives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const torch::Tensor order = torch::argsort(s, 0, /*descending=*/true);
    const torch::Tensor sorted = s.index({order}), labels = y.index({order});
    const torch::Tensor tp = labels.cumsum(0), fp = (1.0 - labels).cumsum(0);
    // One point per distinct score: the last position of each run of equal scores.
    const std::int64_t n = sorted.numel();
    torch::Tensor last = torch::ones({n}, torch::kBool);
    if (n > 1)
        last.slice(0, 0, n - 1).copy_(sorted.slice(0, 0, n - 1) != sorted.slice(0, 1, n));
    const torch::Tensor precision = (tp / (tp + fp)).masked_select(last);
    const torch::Tensor recall = (tp / positives).masked_select(last);
    const torch::Tensor previous = torch::cat({torch::zeros({1}, recall.options()), recall.slice(0, 0, recall.numel() - 1)});
    return ((recall - previous) * precision).sum().item<double>();
}

torch::Tensor averageRanks(const torch::Tensor &values)
{
    const torch::Tensor v = values.flatten().to(torch::kDouble);
    const auto [unique, inverse, counts] = torch::_unique2(v, true, true, true);
    const torch::Tensor ends = counts.cumsum(0).to(torch::kDouble);
    const torch::Tensor meanRank = ends - (counts.to(torch::kDouble) - 1.0) / 2.0;
    return meanRank.index({inverse});
}

double spearman(const torch::Tensor &a, const torch::Tensor &b)
{
    checkSameShape(a, b, "spearman");
    if (a.numel() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const torch::Tensor ra = averageRanks(a), rb = averageRanks(b);
    const torch::Tensor da = ra - ra.mean(), db = rb - rb.mean();
    const double denominator = std::sqrt((da * da).sum().item<double>() * (db * db).sum().item<double>());
    if (denominator == 0.0)
        return std::numeric_limits<double>::quiet_NaN(); // one side is constant
    return (da * db).sum().item<double>() / denominator;
}

double rocAuc(const torch::Tensor &scores, const torch::Tensor &positive)
{
    checkSameShape(scores, positive, "rocAuc");
    const torch::Tensor s = scores.flatten().to(torch::kDouble), y = positive.flatten().to(torch::kBool);
    const double p = y.sum().item<double>(), n = double(y.numel()) - p;
    if (p == 0 || n == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const double positiveRanks = averageRanks(s).masked_select(y).sum().item<double>();
    return (positiveRanks - p * (p + 1.0) / 2.0) / (p * n);
}

double recallAtK(const torch::Tensor &similarity, const torch::Tensor &targets, std::int64_t k)
{
    if (similarity.dim() != 2 || targets.dim() != 1 || targets.size(0) != similarity.size(0))
        throw Error("recallAtK: expected similarity [Q, N] and targets [Q]");
    if (k <= 0)
        throw Error("recallAtK: k must be positive");
    const std::int64_t kk = std::min(k, similarity.size(1));
    const torch::Tensor top = std::get<1>(similarity.topk(kk, 1));
    const torch::Tensor hit = (top == targets.to(torch::kLong).unsqueeze(1)).any(1);
    return hit.to(torch::kDouble).mean().item<double>();
}

} // namespace periscope
