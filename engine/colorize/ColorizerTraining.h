// SPDX-License-Identifier: GPL-3.0-or-later
// Training a colorizer on colour photos (self-supervised: every colour photo is a sample),
// torch-free interface for the CLI and the workspace. Deep Koalarization with Inception-ResNet-v2's
// logits as global features (frozen, when its weights are given) or a jointly trained branch, or
// Zhang et al.'s eccv16 / siggraph17; random crops (scale 0.5-1 of the shorter side) and
// horizontal flips; MSE on ab or Zhang's class-rebalanced loss
// (Lab units / 110); a seeded validation split of fixed centre crops, with the predict-gray
// baseline (ab = 0) beside the loss; weights + JSON after every epoch, a resumable checkpoint.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/core/json/Json.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace periscope::colorize {

struct ColorizerTrainingSettings {
    int size = 224;        // the crop side the network trains at (a multiple of 8, at least 64)
    std::string architecture = "koalarization"; // or Zhang et al.'s "eccv16" / "siggraph17"
    // "mse" on ab, or "rebalanced": Zhang et al.'s class-rebalanced cross-entropy over colour
    // classes (eccv16, siggraph17), the option that fights the desaturation MSE leads to.
    std::string loss = "mse";
    std::string initWeights; // start from these weights (e.g. the authors' .pth to fine-tune)
    int width = 1;         // channel divisor (Koalarization, eccv16): 1 published, 2/4/8 narrower
    // eccv16's annealed-mean temperature for validation and colorizing (written to the sidecar):
    // the paper's 0.38.
    double temperature = 0.38;
    // Inception-ResNet-v2 weights (timm's names): the paper's global features, frozen; empty: a
    // small branch trained jointly takes their place.
    std::string inceptionWeights;
    int epochs = 10;
    int batchSize = 8;
    double learningRate = 1e-3; // the peak: one epoch of linear warm-up, then a cosine decay to 1 % of it
    double weightDecay = 0.0;   // Adam's L2 penalty (Zhang et al. use 1e-3)
    double validationFraction = 0.1;
    std::uint64_t seed = 0;
    std::string outPath;   // weights (.safetensors); OUT.json beside; OUT.checkpoint.* to resume
    // Model selection on the validation split: OUT keeps the weights of the epoch with the lowest
    // validation loss (the sidecar names it, "best_epoch"); the checkpoint is always the last.
    bool keepBest = false;
    bool resume = false;
};

struct ColorizerEpoch {
    int epoch = 0;
    double trainLoss = 0.0;
    double validationLoss = 0.0;
    double grayBaselineLoss = 0.0; // the same validation crops predicted as gray (ab = 0)
    double seconds = 0.0;
};

struct ColorizerTrainingSummary {
    std::vector<ColorizerEpoch> epochs;
    std::int64_t trainCount = 0, validationCount = 0, parameters = 0;
    double seconds = 0.0;
    json::Value toJson() const;
};

// `photos`: colour images (gray ones carry no colour to learn and are refused), 8-bit or float.
// Throws periscope::Error on bad settings or photos, CancelledError when cancelled (the last
// finished epoch's weights and a checkpoint stay on disk).
ColorizerTrainingSummary trainColorizer(const std::vector<Image> &photos, const ColorizerTrainingSettings &settings,
                                        const JobControl &job = {}, const std::function<void(const ColorizerEpoch &)> &onEpoch = {});

} // namespace periscope::colorize
