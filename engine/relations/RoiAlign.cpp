// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RoiAlign.h"

#include "engine/core/errors/Error.h"

#include <cmath>

namespace periscope::relations {

namespace {

// Where along one axis of a map of `size` cells the samples of one box fall, as the indices of
// the two cells each sample interpolates between and their weights (0 for a sample out of the map).
struct AxisSamples {
    torch::Tensor low, high;       // int64 [S]
    torch::Tensor wLow, wHigh;     // float [S]
};

AxisSamples axisSamples(double start, double binSize, int output, int grid, std::int64_t size)
{
    std::vector<std::int64_t> low, high;
    std::vector<float> wLow, wHigh;
    for (int bin = 0; bin < output; ++bin)
        for (int k = 0; k < grid; ++k) {
            double p = start + bin * binSize + (k + 0.5) * binSize / grid;
            if (p < -1.0 || p > double(size)) {
                low.push_back(0);
                high.push_back(0);
                wLow.push_back(0.0f);
                wHigh.push_back(0.0f);
                continue;
            }
            p = std::max(p, 0.0);
            std::int64_t l = std::int64_t(p), h = l + 1;
            if (l >= size - 1) {
                l = h = size - 1;
                p = double(l);
            }
            const double frac = p - double(l);
            low.push_back(l);
            high.push_back(h);
            wLow.push_back(float(1.0 - frac));
            wHigh.push_back(float(frac));
        }
    auto longs = [](const std::vector<std::int64_t> &v) { return torch::tensor(v, torch::kLong); };
    auto floats = [](const std::vector<float> &v) { return torch::tensor(v, torch::kFloat); };
    return {longs(low), longs(high), floats(wLow), floats(wHigh)};
}

} // namespace

torch::Tensor roiAlign(const torch::Tensor &features, const std::vector<Box> &boxes, double spatialScale, int output, int samplingRatio, bool aligned)
{
    if (features.dim() != 3)
        throw Error("RoIAlign: the feature map must be [C, H, W]");
    if (output < 1 || output > 64 || samplingRatio < 0 || samplingRatio > 64 || !(spatialScale > 0.0))
        throw Error("RoIAlign: the output side must be 1-64, the sampling ratio 0-64 and the scale positive");
    const std::int64_t channels = features.size(0), height = features.size(1), width = features.size(2);
    const auto options = features.options();
    std::vector<torch::Tensor> pooled;
    pooled.reserve(boxes.size());
    const double offset = aligned ? 0.5 : 0.0;
    for (const Box &box : boxes) {
        if (!std::isfinite(box.x1) || !std::isfinite(box.y1) || !std::isfinite(box.x2) || !std::isfinite(box.y2))
            throw Error("RoIAlign: a box coordinate is not finite");
        const double x1 = box.x1 * spatialScale - offset, y1 = box.y1 * spatialScale - offset;
        double w = box.x2 * spatialScale - offset - x1, h = box.y2 * spatialScale - offset - y1;
        if (!aligned) { // torchvision's legacy mode makes every box at least one cell
            w = std::max(w, 1.0);
            h = std::max(h, 1.0);
        }
        const double binW = w / output, binH = h / output;
        // At most 64 samples a bin and axis: a box far larger than the map cannot ask for more.
        const int gridW = samplingRatio > 0 ? samplingRatio : std::clamp(int(std::ceil(w / output)), 1, 64);
        const int gridH = samplingRatio > 0 ? samplingRatio : std::clamp(int(std::ceil(h / output)), 1, 64);
        AxisSamples ys = axisSamples(y1, binH, output, gridH, height), xs = axisSamples(x1, binW, output, gridW, width);
        for (AxisSamples *a : {&ys, &xs}) {
            a->low = a->low.to(features.device());
            a->high = a->high.to(features.device());
        }
        auto rows = [&](const torch::Tensor &index) { return features.index_select(1, index); }; // [C, Sy, W]
        const torch::Tensor top = rows(ys.low), bottom = rows(ys.high);
        auto corner = [&](const torch::Tensor &r, const torch::Tensor &index) { return r.index_select(2, index); }; // [C, Sy, Sx]
        const torch::Tensor wyLow = ys.wLow.to(options).view({1, -1, 1}), wyHigh = ys.wHigh.to(options).view({1, -1, 1});
        const torch::Tensor wxLow = xs.wLow.to(options).view({1, 1, -1}), wxHigh = xs.wHigh.to(options).view({1, 1, -1});
        const torch::Tensor samples = wyLow * wxLow * corner(top, xs.low) + wyLow * wxHigh * corner(top, xs.high) +
                                      wyHigh * wxLow * corner(bottom, xs.low) +
                                      wyHigh * wxHigh * corner(bottom, xs.high);
        // [C, output * gridH, output * gridW] -> mean over each bin's grid.
        pooled.push_back(samples.view({channels, output, gridH, output, gridW}).mean({2, 4}));
    }
    if (pooled.empty())
        return torch::zeros({0, channels, output, output}, options);
    return torch::stack(pooled);
}

} // namespace periscope::relations
