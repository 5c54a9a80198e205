// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files and tests.
//
// Training the DeepFake frame detector (EfficientNet with one logit) on face crops of real and
// fake videos, with the regulariser Baldassarre et al. (BMVC 2022) study: the spatial and temporal
// total variation of the detector's own Grad-CAM map added to the loss, so that training prefers
// explanations that are smooth in space and steady from frame to frame. The map is differentiated
// with its graph kept (double backward). Validation reports the detection quality (ROC AUC and log
// loss of the crops' scores) and the explanation metrics of docs/explanation-metrics.md (spatial
// and temporal smoothness of Grad-CAM on the crops), so the regulariser's effect is measured the
// way the paper measures it. Needs engine/core only; reading videos into crops is in
// DetectorDataset.h.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/training/TrainingLoop.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace periscope::deepfake {

// Face crops of videos' frames, each labelled real or fake.
struct CropSet {
    torch::Tensor crops;              // [N, 3, S, S] uint8 RGB
    torch::Tensor labels;             // [N] float: 1 fake, 0 real
    std::vector<std::int64_t> video;  // each crop's video (any id)
    std::vector<std::int64_t> frame;  // each crop's frame index in its video

    std::int64_t size() const { return crops.defined() ? crops.size(0) : 0; }
    // Pairs (a, b) of crops of one video where b is the next crop taken after a: what the temporal
    // term compares. In the order of the crops.
    std::vector<std::pair<std::int64_t, std::int64_t>> consecutivePairs() const;
    // Runs of `length` crops of one video, each the next crop taken after the one before: every
    // run there is (overlapping, for training clips), or each video's crops cut in turn from its
    // first (not overlapping, for validation clips; a shorter rest is left out).
    std::vector<std::vector<std::int64_t>> consecutiveRuns(std::int64_t length, bool overlapping) const;
    // For each crop, the next crop taken of its video, or -1.
    std::vector<std::int64_t> nextCrops() const;
    // Checks shapes, types and that the per-crop lists match; throws periscope::Error.
    void validate() const;
};

struct DetectorTrainingSettings {
    std::int64_t steps = 300;
    std::int64_t batchPairs = 8;        // a batch is this many pairs of consecutive crops of one video (clips: this many clips)
    double learningRate = 1e-3;         // AdamW, cosine decay after a 5 % warm-up
    double weightDecay = 1e-4;
    double spatialTvWeight = 0.0;       // weight of the Grad-CAM map's spatial total variation
    double temporalTvWeight = 0.0;      // weight of its change between the pair's two frames
    std::int64_t evalEvery = 50;        // validation every N steps (and at the end)
    std::uint64_t seed = 1;
    std::string checkpointStem;         // resumable checkpoints; empty: none
    bool resume = false;                // continue from the checkpoint at checkpointStem when there is one
    torch::Device device = torch::kCPU; // where the network trains; the crops stay in memory as 8-bit
};

struct DetectorValidation {
    std::int64_t step = 0;
    double trainLoss = 0.0;             // mean classification loss since the previous validation
    double rocAuc = 0.0, logLoss = 0.0; // of the validation crops' scores (NaN: one class only)
    double spatialSmoothness = 0.0;     // 1 - TV_s / 4 of Grad-CAM at crop size, mean over crops
    double temporalSmoothness = 0.0;    // 1 - sum|p_t+1 - p_t| / 2 over consecutive crops, mean
};

struct DetectorTrainingSummary {
    DetectorValidation initial;         // before the first step
    std::vector<DetectorValidation> history;
    std::int64_t steps = 0;
    double seconds = 0.0;
};

// The same random flip and brightness / contrast change for every crop of a run, so the temporal
// term compares frames, not augmentations: crops [R * L, 3, S, S] float in [0, 1], runs of L one
// after the other; changed in place and returned.
torch::Tensor augmentRuns(torch::Tensor crops, std::int64_t length, std::mt19937_64 &rng);

// Unit-mass maps: the positive part of each map [N, h, w] divided by its sum (an all-zero map
// stays zero). Differentiable.
torch::Tensor unitMass(const torch::Tensor &maps);
// sum |p(y, x+1) - p(y, x)| + sum |p(y+1, x) - p(y, x)| of each map [N, h, w] -> [N].
torch::Tensor spatialTotalVariation(const torch::Tensor &maps);
// sum |a - b| of each pair of maps [N, h, w] -> [N].
torch::Tensor temporalTotalVariation(const torch::Tensor &a, const torch::Tensor &b);

// Grad-CAM of each input's logit, [N, h, w] at the last feature map's resolution, with the graph
// kept so a loss on the map trains the network. Also returns the logits [N].
std::pair<torch::Tensor, torch::Tensor> gradCamWithGraph(EfficientNet &network, const torch::Tensor &input);

// Measures `network` (evaluation mode, on its device) on the crops, which are explained at their
// own size.
DetectorValidation validateDetector(EfficientNet &network, const CropSet &crops);

// The validation figures of any detector: scores [N] (probabilities) against labels [N], and the
// smoothness of its maps [M, h, w], temporal over the given pairs of consecutive maps.
DetectorValidation validationOf(const torch::Tensor &scores, const torch::Tensor &labels, const torch::Tensor &maps,
                                const std::vector<std::pair<std::int64_t, std::int64_t>> &consecutive);

// What the frame and clip trainers share: a step's loss (binary cross-entropy of the logits, plus
// the weighted total variations where given) and metrics; and the loop around the steps (AdamW
// with warm-up and cosine decay, validation, checkpoints, resuming, the mean training loss
// between validations).
StepOutput detectorStepOutput(const torch::Tensor &logits, const torch::Tensor &labels, const DetectorTrainingSettings &settings,
                              const torch::Tensor &tvSpatial, const torch::Tensor &tvTemporal);
DetectorTrainingSummary runDetectorTraining(torch::nn::Module &network, const DetectorTrainingSettings &settings,
                                            const std::function<StepOutput(std::int64_t)> &step,
                                            const std::function<DetectorValidation()> &validateNow,
                                            const std::function<void(const DetectorValidation &)> &onValidation, const JobControl &control);

// Trains `network` in place (moved to settings.device) on `train` and validates on `validation`. onValidation is called on the
// calling thread after each validation. Cancellable between steps (a checkpoint is written first
// when a stem is set). Throws periscope::Error for sets that cannot train (fewer than two pairs,
// one class only).
DetectorTrainingSummary trainFrameDetector(EfficientNet &network, const CropSet &train, const CropSet &validation,
                                           const DetectorTrainingSettings &settings,
                                           const std::function<void(const DetectorValidation &)> &onValidation = {},
                                           const JobControl &control = {});

} // namespace periscope::deepfake
