// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/attribution/Faithfulness.h"

#include "engine/core/errors/Error.h"

#include <algorithm>

namespace periscope {

namespace {
FaithfulnessCurve curve(const ScoreFunction &model, const torch::Tensor &input, std::int64_t target, const torch::Tensor &map,
                        const FaithfulnessOptions &options, const JobControl &control, bool insertion)
{
    if (input.dim() != 4 || input.size(0) != 1)
        throw Error("faithfulness: expected one image [1, C, H, W]");
    const std::int64_t h = input.size(2), w = input.size(3), pixels = h * w;
    if (map.numel() != pixels)
        throw Error("faithfulness: the map has " + std::to_string(map.numel()) + " values for " + std::to_string(pixels) + " pixels");
    if (options.steps <= 0 || options.batchSize <= 0)
        throw Error("faithfulness: steps and batch size must be positive");
    torch::NoGradGuard noGrad;
    // Pixel order, most important first; ties broken by position so curves are reproducible.
    const torch::Tensor order = torch::argsort(map.flatten().to(torch::kDouble).to(torch::kCPU), 0, true);
    // rank[p] = position of pixel p in that order.
    const torch::Tensor rank = torch::empty_like(order).scatter_(0, order, torch::arange(pixels, order.options()));
    const torch::Tensor rankMap = rank.to(input.device()).reshape({1, 1, h, w});
    const torch::Tensor image = input.detach();
    const torch::Tensor blank = torch::full_like(image, options.fill);

    FaithfulnessCurve result;
    for (int k = 0; k <= options.steps; ++k)
        result.fraction.push_back(double(k) / options.steps);
    for (std::size_t start = 0; start < result.fraction.size();) {
        control.throwIfCancelled();
        const std::size_t count = std::min<std::size_t>(std::size_t(options.batchSize), result.fraction.size() - start);
        std::vector<torch::Tensor> batch;
        for (std::size_t i = 0; i < count; ++i) {
            const std::int64_t changed = std::llround(result.fraction[start + i] * double(pixels));
            const torch::Tensor top = rankMap < changed; // the `changed` most important pixels
            batch.push_back(insertion ? torch::where(top, image, blank) : torch::where(top, blank, image));
        }
        const torch::Tensor scores = model(torch::cat(batch, 0)).select(1, target).to(torch::kDouble).to(torch::kCPU);
        for (std::size_t i = 0; i < count; ++i)
            result.score.push_back(scores[std::int64_t(i)].item<double>());
        start += count;
        control.reportProgress(double(start) / double(result.fraction.size()), insertion ? "insertion" : "deletion");
    }
    for (std::size_t i = 1; i < result.score.size(); ++i)
        result.area += (result.fraction[i] - result.fraction[i - 1]) * (result.score[i] + result.score[i - 1]) / 2.0;
    return result;
}
} // namespace

FaithfulnessCurve deletionCurve(const ScoreFunction &model, const torch::Tensor &input, std::int64_t target,
                                const torch::Tensor &map, const FaithfulnessOptions &options, const JobControl &control)
{
    return curve(model, input, target, map, options, control, false);
}

FaithfulnessCurve insertionCurve(const ScoreFunction &model, const torch::Tensor &input, std::int64_t target,
                                 const torch::Tensor &map, const FaithfulnessOptions &options, const JobControl &control)
{
    return curve(model, input, target, map, options, control, true);
}

double giniIndex(const torch::Tensor &map)
{
    const torch::Tensor sorted = std::get<0>(map.flatten().abs().to(torch::kDouble).sort());
    const std::int64_t n = sorted.numel();
    const double total = sorted.sum().item<double>();
    if (n == 0 || total == 0.0)
        return 0.0;
    // G = 1 - 2 sum_k (c_k / |c|_1) (n - k + 1/2) / n, k = 1..n ascending.
    const torch::Tensor k = torch::arange(1, n + 1, sorted.options());
    return 1.0 - 2.0 * ((sorted / total) * (double(n) - k + 0.5) / double(n)).sum().item<double>();
}

} // namespace periscope
