// SPDX-License-Identifier: GPL-3.0-or-later
// How good a video explanation is, after Baldassarre et al., "Quantitative Metrics for Evaluating
// Explanations of Video DeepFake Detectors" (BMVC 2022): visual quality (spatial and temporal
// smoothness, sparsity) and informativeness (mass on the face, agreement with the manipulated
// region), per frame, then per video with 95 % intervals. The definitions, exactly, are in
// docs/explanation-metrics.md. Also the detection quality of video scores (ROC AUC, AP, log loss).
//
// Any tool's heatmaps can be scored: `periscope-cli explanation-metrics`.
#pragma once

#include "engine/core/json/Json.h"
#include "engine/core/metrics/MeanInterval.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace at {
class Tensor;
}

namespace periscope::deepfake {

// A face box in full-frame pixels: pixel (x, y) covers [x, x + 1) x [y, y + 1) and is inside when
// its centre is: left <= x + 0.5 < left + width, top <= y + 0.5 < top + height.
struct FaceBox {
    double left = 0.0, top = 0.0, width = 0.0, height = 0.0;
};

struct FrameExplanationMetrics {
    std::int64_t frame = 0;
    bool empty = false;              // no positive value: excluded from every metric
    double spatialSmoothness = 0.0;  // 1 - TV_s / 4
    double sparsity = 0.0;           // Gini index
    double locality = 0.0;           // mass inside the face box; NaN without a box
    double maskMass = 0.0;           // mass inside the manipulation mask; NaN without a mask
    double maskAuc = 0.0;            // ROC AUC of the values against the mask's pixels; NaN without one
    double maskTopKIoU = 0.0;        // IoU of the k strongest pixels with the mask, k = mask area; NaN without one
};

// Each metric's mean with its 95 % interval: over a video's frames, or over a folder's videos.
struct ExplanationSummary {
    MeanInterval spatialSmoothness, temporalSmoothness, sparsity, locality, maskMass, maskAuc, maskTopKIoU;
    json::Value toJson() const; // {name: {n, mean, low, high}}, null where n = 0
};

struct ExplanationMetrics {
    std::vector<FrameExplanationMetrics> frames;
    // 1 - sum|p_t+1 - p_t| / 2 for each pair of consecutive frames that are both non-empty.
    std::vector<double> temporalSmoothnessPairs;
    int emptyFrames = 0;
    // Means over the non-empty frames (the metrics that need a box or mask: over frames with one;
    // temporal smoothness: over the pairs).
    ExplanationSummary summary;

    json::Value toJson(bool perFrame = true) const;
};

// Scores heatmaps [T, H, W] (any real type, finite). `masks`: an undefined tensor, or [T, H, W]
// with non-zero where the frame was manipulated (a frame whose mask is all zero has no mask
// metrics). `boxes`: empty, or one entry per frame (nullopt: no face found in it). `frames`: the
// frames' indices in the video (empty: 0 .. T-1). Throws periscope::Error on shapes that do not
// match or a value that is not finite.
ExplanationMetrics scoreExplanations(const at::Tensor &heatmaps, const at::Tensor &masks, const std::vector<std::optional<FaceBox>> &boxes,
                                     const std::vector<std::int64_t> &frames = {});

// The same metrics a frame at a time, for videos whose heatmaps do not fit in memory together:
// add() each frame's heatmap in the video's order, breakSequence() where the next frame added does
// not follow the last one (frames skipped: no temporal pair is taken across the gap), finish().
class ExplanationScorer {
public:
    ExplanationScorer();
    ~ExplanationScorer();
    ExplanationScorer(const ExplanationScorer &) = delete;
    ExplanationScorer &operator=(const ExplanationScorer &) = delete;

    // `heatmap` [H, W] real and finite; `mask` undefined or [H, W] (non-zero: manipulated; all zero:
    // no mask metrics for the frame); `box`: the face, or nullopt. Throws periscope::Error on a
    // mask of another shape or a value that is not finite.
    void add(std::int64_t frame, const at::Tensor &heatmap, const at::Tensor &mask, const std::optional<FaceBox> &box);
    void breakSequence();
    std::size_t framesAdded() const;
    ExplanationMetrics finish() const;

private:
    struct State;
    std::unique_ptr<State> d;
};

// Per folder: each metric's per-video means averaged over the videos, with 95 % intervals.
struct FolderExplanationMetrics {
    int videos = 0;
    ExplanationSummary summary; // of the videos' means, each over the videos that have the metric
    json::Value toJson() const;
};
FolderExplanationMetrics aggregateVideos(const std::vector<ExplanationMetrics> &videos);

// Detection quality of video scores (probabilities of "fake") against labels (true: fake):
// ROC AUC, average precision and the mean log loss (probabilities clipped to [1e-7, 1 - 1e-7]).
// AUC is NaN when only one class is present, AP when no video is fake.
struct DetectionQuality {
    int videos = 0, fakes = 0;
    double rocAuc = 0.0, averagePrecision = 0.0, logLoss = 0.0;
    json::Value toJson() const;
};
DetectionQuality detectionQuality(const std::vector<double> &fakeProbability, const std::vector<bool> &isFake);

} // namespace periscope::deepfake
