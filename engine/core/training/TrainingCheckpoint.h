// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// A training checkpoint is two files next to each other:
//   <stem>.safetensors  the model's parameters and buffers ("model.<name>") and the optimizer's
//                       per-parameter state ("optimizer.<name>.exp_avg", ...), so a resumed run
//                       continues exactly where it stopped;
//   <stem>.json         step, learning rate, optimizer kind and per-parameter step counts, and
//                       whatever the caller adds (metrics, configuration).
// Both are written atomically, the tensors first, so a crash never leaves a sidecar that points
// at weights that do not exist.
#pragma once

#include "engine/core/json/Json.h"
#include "engine/core/training/Optimizers.h"

#include <string>

namespace periscope {

struct TrainingState {
    std::int64_t step = 0;  // steps completed
    double learningRate = 0.0;
    json::Value extra;      // free-form: metrics, settings, dataset
};

void saveTrainingCheckpoint(const std::string &stem, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                            OptimizerKind kind, const TrainingState &state);

// Restores model and optimizer in place; throws periscope::Error naming what does not fit.
TrainingState loadTrainingCheckpoint(const std::string &stem, torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                                     OptimizerKind kind);

} // namespace periscope
