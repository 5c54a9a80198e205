// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/ExplanationMetrics.h"

#include "engine/core/errors/Error.h"
#include "engine/core/metrics/MetricsOps.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace periscope::deepfake {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The frame as a distribution: the positive part, scaled to unit mass. Undefined when the frame
// has no positive value.
torch::Tensor unitMass(const torch::Tensor &frame)
{
    const torch::Tensor positive = frame.clamp_min(0.0);
    const double mass = positive.sum().item<double>();
    return mass > 0.0 ? positive / mass : torch::Tensor();
}

double spatialSmoothness(const torch::Tensor &p)
{
    double tv = 0.0;
    if (p.size(1) > 1)
        tv += (p.slice(1, 1) - p.slice(1, 0, p.size(1) - 1)).abs().sum().item<double>();
    if (p.size(0) > 1)
        tv += (p.slice(0, 1) - p.slice(0, 0, p.size(0) - 1)).abs().sum().item<double>();
    return 1.0 - tv / 4.0;
}

// Hurley and Rickard's Gini index of non-negative values of unit mass: values sorted ascending,
// G = 1 - 2 * sum_k c_k (N - k + 1/2) / N (k = 1 .. N): 0 for a flat map, 1 - 1/N for one pixel.
// The zeros sort first and add nothing, so only the positive values are sorted, at ranks after the
// zeros: a full-frame heatmap is zero outside the face's square, 95 % of a 1080p frame. `p` holds
// every positive value of a frame of `pixels` pixels.
double gini(const torch::Tensor &p, std::int64_t pixels)
{
    const torch::Tensor flat = p.flatten();
    const torch::Tensor sorted = std::get<0>(flat.masked_select(flat > 0).sort());
    const double n = double(pixels), zeros = double(pixels - sorted.numel());
    const torch::Tensor k = torch::arange(1, sorted.numel() + 1, sorted.options()) + zeros;
    return 1.0 - 2.0 * (sorted * (n - k + 0.5) / n).sum().item<double>();
}

// A rectangle of a frame's pixels: rows [y0, y1), columns [x0, x1).
struct Region {
    std::int64_t y0 = 0, y1 = 0, x0 = 0, x1 = 0;
    bool operator==(const Region &o) const { return y0 == o.y0 && y1 == o.y1 && x0 == o.x0 && x1 == o.x1; }
    torch::Tensor of(const torch::Tensor &frame) const { return frame.slice(0, y0, y1).slice(1, x0, x1); }
    Region unitedWith(const Region &o) const { return {std::min(y0, o.y0), std::max(y1, o.y1), std::min(x0, o.x0), std::max(x1, o.x1)}; }
};

// `values` (of `region`) in the larger `into`, zero around.
torch::Tensor placedIn(const torch::Tensor &values, const Region &region, const Region &into)
{
    return torch::constant_pad_nd(values, {region.x0 - into.x0, into.x1 - region.x1, region.y0 - into.y0, into.y1 - region.y1}, 0.0);
}

// The rows and columns that hold the frame's positive values, grown by one pixel on each side
// within the frame, so that every neighbour pair with a non-zero difference is inside it; nullopt
// when nothing is positive. A full-frame heatmap is mostly zeros outside the face's square: the
// metrics look at this rectangle and count the zeros around it without visiting them.
std::optional<Region> positiveSupport(const torch::Tensor &frame)
{
    const torch::Tensor positive = frame > 0;
    const torch::Tensor rows = positive.any(1).nonzero(), columns = positive.any(0).nonzero();
    if (rows.numel() == 0)
        return std::nullopt;
    const std::int64_t height = frame.size(0), width = frame.size(1);
    return Region{std::max<std::int64_t>(rows.min().item<std::int64_t>() - 1, 0), std::min(rows.max().item<std::int64_t>() + 2, height),
                  std::max<std::int64_t>(columns.min().item<std::int64_t>() - 1, 0),
                  std::min(columns.max().item<std::int64_t>() + 2, width)};
}

// The box's pixels (by their centres) within `region`.
torch::Tensor boxMask(const FaceBox &box, const Region &region, const torch::TensorOptions &options)
{
    const torch::Tensor xs = torch::arange(region.x0, region.x1, options) + 0.5;
    const torch::Tensor ys = torch::arange(region.y0, region.y1, options) + 0.5;
    const torch::Tensor inX = (xs >= box.left) & (xs < box.left + box.width);
    const torch::Tensor inY = (ys >= box.top) & (ys < box.top + box.height);
    return inY.unsqueeze(1) & inX.unsqueeze(0);
}

// IoU of the k strongest pixels with the mask, k = the mask's area; equal values are taken in
// pixel order (row-major), so the result does not depend on the sort's tie order.
double topKIoU(const torch::Tensor &p, const torch::Tensor &mask)
{
    const torch::Tensor flat = p.flatten(), labels = mask.flatten();
    const std::int64_t k = labels.sum().item<std::int64_t>();
    const torch::Tensor order = std::get<1>(flat.sort(/*stable=*/true, 0, /*descending=*/true));
    const double inter = labels.index({order.slice(0, 0, k)}).sum().item<double>();
    return inter / (2.0 * double(k) - inter);
}

// The mask metrics of a frame whose values are `p` inside `region` and zero everywhere else in
// its `pixels` pixels, without making the frame: the zeros around the region tie with each
// other and with the region's zeros, so their ranks are known without sorting them.
// `maskInside` is the mask over the region, `maskArea` its area over the whole frame.
double rocAucWithZerosAround(const torch::Tensor &p, const torch::Tensor &maskInside, std::int64_t pixels, std::int64_t maskArea)
{
    const double positives = double(maskArea), negatives = double(pixels - maskArea);
    if (positives == 0 || negatives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    const torch::Tensor values = p.flatten(), inMask = maskInside.flatten();
    const double outside = double(pixels - values.numel());
    const torch::Tensor ranks = averageRanks(values); // within the region
    const torch::Tensor above = values > 0;
    const double zeros = outside + double(values.numel()) - above.sum().item<double>();
    // A positive value ranks above every zero outside; every zero ranks at the zeros' mean rank.
    const double positiveAbove = (ranks + outside).masked_select(above & inMask).sum().item<double>();
    const double maskedZeros = positives - (above & inMask).sum().item<double>();
    const double positiveRanks = positiveAbove + maskedZeros * (zeros + 1.0) / 2.0;
    return (positiveRanks - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

json::Value interval(const MeanInterval &m)
{
    json::Value v = json::Object{};
    v.set("n", std::int64_t(m.n));
    v.set("mean", m.n > 0 ? json::finiteOrNull(m.mean) : json::Value());
    v.set("low", m.n > 0 ? json::finiteOrNull(m.low) : json::Value());
    v.set("high", m.n > 0 ? json::finiteOrNull(m.high) : json::Value());
    return v;
}

// The values each metric's summary is made of.
struct Samples {
    std::vector<double> spatial, temporal, sparsity, locality, maskMass, maskAuc, topK;

    ExplanationSummary summarize() const
    {
        return {meanInterval(spatial), meanInterval(temporal), meanInterval(sparsity), meanInterval(locality),
                meanInterval(maskMass), meanInterval(maskAuc), meanInterval(topK)};
    }
};
} // namespace

ExplanationMetrics scoreExplanations(const at::Tensor &heatmaps, const at::Tensor &masks, const std::vector<std::optional<FaceBox>> &boxes,
                                     const std::vector<std::int64_t> &frames)
{
    if (!heatmaps.defined() || heatmaps.dim() != 3)
        throw Error("heatmaps must be a [T, H, W] tensor");
    if (!heatmaps.is_floating_point() && heatmaps.scalar_type() != torch::kInt && heatmaps.scalar_type() != torch::kLong &&
        heatmaps.scalar_type() != torch::kByte)
        throw Error("heatmaps must hold real numbers");
    const std::int64_t t = heatmaps.size(0), h = heatmaps.size(1), w = heatmaps.size(2);
    if (t == 0 || h == 0 || w == 0)
        throw Error("the heatmaps are empty ([" + std::to_string(t) + ", " + std::to_string(h) + ", " + std::to_string(w) + "])");
    if (masks.defined() && (masks.dim() != 3 || masks.size(0) != t || masks.size(1) != h || masks.size(2) != w))
        throw Error("the masks must have the heatmaps' shape [T, H, W] = [" + std::to_string(t) + ", " + std::to_string(h) + ", " +
                    std::to_string(w) + "]");
    if (!boxes.empty() && std::int64_t(boxes.size()) != t)
        throw Error("there are " + std::to_string(boxes.size()) + " face boxes for " + std::to_string(t) + " frames");
    if (!frames.empty() && std::int64_t(frames.size()) != t)
        throw Error("there are " + std::to_string(frames.size()) + " frame indices for " + std::to_string(t) + " frames");

    ExplanationScorer scorer;
    for (std::int64_t i = 0; i < t; ++i)
        scorer.add(frames.empty() ? i : frames[std::size_t(i)], heatmaps[i], masks.defined() ? masks[i] : torch::Tensor(),
                   boxes.empty() ? std::nullopt : boxes[std::size_t(i)]);
    return scorer.finish();
}

struct ExplanationScorer::State {
    ExplanationMetrics result;
    Samples samples;
    torch::Tensor previous; // the last frame's distribution over previousRegion, when that frame was non-empty
    Region previousRegion;
    std::int64_t previousHeight = 0, previousWidth = 0;
};

ExplanationScorer::ExplanationScorer() : d(std::make_unique<State>()) {}
ExplanationScorer::~ExplanationScorer() = default;

std::size_t ExplanationScorer::framesAdded() const
{
    return d->result.frames.size();
}

void ExplanationScorer::breakSequence()
{
    d->previous = torch::Tensor();
}

void ExplanationScorer::add(std::int64_t frame, const at::Tensor &heatmap, const at::Tensor &mask, const std::optional<FaceBox> &box)
{
    if (!heatmap.defined() || heatmap.dim() != 2)
        throw Error("the heatmap of frame " + std::to_string(frame) + " must be [H, W]");
    const std::int64_t h = heatmap.size(0), w = heatmap.size(1);
    if (mask.defined() && (mask.dim() != 2 || mask.size(0) != h || mask.size(1) != w))
        throw Error("the mask of frame " + std::to_string(frame) + " must have its heatmap's shape " + std::to_string(w) + " x " +
                    std::to_string(h));
    FrameExplanationMetrics m;
    m.frame = frame;
    m.locality = m.maskMass = m.maskAuc = m.maskTopKIoU = kNaN;
    if (heatmap.is_floating_point() && !torch::isfinite(heatmap).all().item<bool>())
        throw Error("the heatmap of frame " + std::to_string(m.frame) + " holds a value that is not finite (NaN or infinity)");
    // The distribution over the positive values' rectangle, in double (a whole 1080p video's maps
    // in double would not fit in memory; one frame's rectangle does).
    const std::optional<Region> support = positiveSupport(heatmap);
    const torch::Tensor p = support ? unitMass(support->of(heatmap).to(torch::kDouble)) : torch::Tensor();
    Samples &samples = d->samples;
    if (!p.defined()) {
        m.empty = true;
        m.spatialSmoothness = m.sparsity = kNaN;
        ++d->result.emptyFrames;
        d->result.frames.push_back(m);
        d->previous = torch::Tensor();
        return;
    }
    const Region region = *support;
    m.spatialSmoothness = spatialSmoothness(p);
    m.sparsity = gini(p, h * w);
    samples.spatial.push_back(m.spatialSmoothness);
    samples.sparsity.push_back(m.sparsity);
    if (d->previous.defined() && d->previousHeight == h && d->previousWidth == w) {
        const Region both = region.unitedWith(d->previousRegion);
        const double change = both == region && both == d->previousRegion
                                  ? (p - d->previous).abs().sum().item<double>()
                                  : (placedIn(p, region, both) - placedIn(d->previous, d->previousRegion, both)).abs().sum().item<double>();
        samples.temporal.push_back(1.0 - change / 2.0);
    }
    d->previous = p;
    d->previousRegion = region;
    d->previousHeight = h;
    d->previousWidth = w;
    if (box) {
        m.locality = p.masked_select(boxMask(*box, region, p.options())).sum().item<double>();
        samples.locality.push_back(m.locality);
    }
    const torch::Tensor frameMask = mask.defined() ? mask.ne(0) : torch::Tensor();
    if (frameMask.defined() && frameMask.any().item<bool>()) {
        // The ROC AUC and the top k rank every pixel of the frame, the zeros around included:
        // counted, not visited, unless the top k reaches into the zeros (their order is then the
        // whole frame's row-major order).
        const torch::Tensor maskInside = region.of(frameMask);
        const std::int64_t maskArea = frameMask.sum().item<std::int64_t>();
        m.maskMass = p.masked_select(maskInside).sum().item<double>();
        m.maskAuc = rocAucWithZerosAround(p, maskInside, h * w, maskArea);
        if ((p > 0).sum().item<std::int64_t>() >= maskArea) {
            // Every one of the k strongest is positive, so inside the region, whose row-major
            // order is the frame's.
            const torch::Tensor order = std::get<1>(p.flatten().sort(/*stable=*/true, 0, /*descending=*/true));
            const double inter = maskInside.flatten().index({order.slice(0, 0, maskArea)}).sum().item<double>();
            m.maskTopKIoU = inter / (2.0 * double(maskArea) - inter);
        } else {
            m.maskTopKIoU = topKIoU(placedIn(p, region, Region{0, h, 0, w}), frameMask);
        }
        samples.maskMass.push_back(m.maskMass);
        if (std::isfinite(m.maskAuc)) // a mask covering the whole frame has no negatives
            samples.maskAuc.push_back(m.maskAuc);
        samples.topK.push_back(m.maskTopKIoU);
    }
    d->result.frames.push_back(m);
}

ExplanationMetrics ExplanationScorer::finish() const
{
    ExplanationMetrics out = d->result;
    out.temporalSmoothnessPairs = d->samples.temporal;
    out.summary = d->samples.summarize();
    return out;
}

json::Value ExplanationMetrics::toJson(bool perFrame) const
{
    json::Value out = json::Object{};
    out.set("frames", std::int64_t(frames.size()));
    out.set("empty_frames", std::int64_t(emptyFrames));
    out.set("metrics", summary.toJson());
    if (perFrame) {
        json::Array list;
        for (const FrameExplanationMetrics &m : frames) {
            json::Value f = json::Object{};
            f.set("frame", m.frame);
            f.set("empty", m.empty);
            f.set("spatial_smoothness", json::finiteOrNull(m.spatialSmoothness));
            f.set("sparsity", json::finiteOrNull(m.sparsity));
            f.set("locality", json::finiteOrNull(m.locality));
            f.set("mask_mass", json::finiteOrNull(m.maskMass));
            f.set("mask_auc", json::finiteOrNull(m.maskAuc));
            f.set("mask_top_k_iou", json::finiteOrNull(m.maskTopKIoU));
            list.push_back(std::move(f));
        }
        out.set("per_frame", json::Value(std::move(list)));
    }
    return out;
}

json::Value ExplanationSummary::toJson() const
{
    json::Value out = json::Object{};
    out.set("spatial_smoothness", interval(spatialSmoothness));
    out.set("temporal_smoothness", interval(temporalSmoothness));
    out.set("sparsity", interval(sparsity));
    out.set("locality", interval(locality));
    out.set("mask_mass", interval(maskMass));
    out.set("mask_auc", interval(maskAuc));
    out.set("mask_top_k_iou", interval(maskTopKIoU));
    return out;
}

FolderExplanationMetrics aggregateVideos(const std::vector<ExplanationMetrics> &videos)
{
    Samples means;
    auto add = [](std::vector<double> &to, const MeanInterval &m) {
        if (m.n > 0)
            to.push_back(m.mean);
    };
    for (const ExplanationMetrics &v : videos) {
        add(means.spatial, v.summary.spatialSmoothness);
        add(means.temporal, v.summary.temporalSmoothness);
        add(means.sparsity, v.summary.sparsity);
        add(means.locality, v.summary.locality);
        add(means.maskMass, v.summary.maskMass);
        add(means.maskAuc, v.summary.maskAuc);
        add(means.topK, v.summary.maskTopKIoU);
    }
    return {int(videos.size()), means.summarize()};
}

json::Value FolderExplanationMetrics::toJson() const
{
    json::Value out = json::Object{};
    out.set("videos", std::int64_t(videos));
    out.set("metrics", summary.toJson());
    return out;
}

DetectionQuality detectionQuality(const std::vector<double> &fakeProbability, const std::vector<bool> &isFake)
{
    if (fakeProbability.size() != isFake.size())
        throw Error("detection quality: " + std::to_string(fakeProbability.size()) + " scores for " + std::to_string(isFake.size()) + " labels");
    DetectionQuality q;
    q.videos = int(fakeProbability.size());
    if (q.videos == 0)
        throw Error("detection quality needs at least one scored video");
    std::vector<double> labels;
    double loss = 0.0;
    for (std::size_t i = 0; i < isFake.size(); ++i) {
        const double p = fakeProbability[i];
        if (!std::isfinite(p) || p < 0.0 || p > 1.0)
            throw Error("a video score is not a probability: " + std::to_string(p));
        const double clipped = std::min(std::max(p, 1e-7), 1.0 - 1e-7);
        loss -= isFake[i] ? std::log(clipped) : std::log(1.0 - clipped);
        labels.push_back(isFake[i] ? 1.0 : 0.0);
        q.fakes += isFake[i] ? 1 : 0;
    }
    q.logLoss = loss / double(q.videos);
    const torch::Tensor scores = torch::tensor(fakeProbability, torch::kDouble);
    const torch::Tensor positive = torch::tensor(labels, torch::kDouble);
    q.rocAuc = rocAuc(scores, positive.to(torch::kBool));
    q.averagePrecision = averagePrecision(scores, positive);
    return q;
}

json::Value DetectionQuality::toJson() const
{
    json::Value out = json::Object{};
    out.set("videos", std::int64_t(videos));
    out.set("fakes", std::int64_t(fakes));
    out.set("roc_auc", json::finiteOrNull(rocAuc));
    out.set("average_precision", json::finiteOrNull(averagePrecision));
    out.set("log_loss", json::finiteOrNull(logLoss));
    return out;
}

} // namespace periscope::deepfake
