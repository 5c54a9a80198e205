// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/core/training/TrainingCheckpoint.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace periscope {

using Metrics = std::vector<std::pair<std::string, double>>;

// One optimisation step's result: the loss to minimise (the loop calls backward on it) and any
// other numbers worth plotting.
struct StepOutput {
    torch::Tensor loss;
    Metrics metrics;
};

struct TrainingOptions {
    std::int64_t totalSteps = 1000;
    std::int64_t evalEvery = 0;        // 0: never validate
    std::int64_t checkpointEvery = 0;  // 0: only at the end (and on cancel) when a stem is set
    std::string checkpointStem;        // where checkpoints go; empty: none
    double clipGradNorm = 0.0;         // 0: no clipping
    int earlyStoppingPatience = 0;     // evaluations without improvement before stopping; 0: never
    bool maximizeValidation = false;   // e.g. accuracy (true) or loss (false)
    std::function<double(std::int64_t step)> learningRate; // a schedule; empty keeps the optimizer's
    OptimizerKind optimizerKind = OptimizerKind::Adam;     // for checkpoints
};

struct TrainingResult {
    std::int64_t stepsDone = 0;
    bool stoppedEarly = false;
    double bestValidation = 0.0;
    std::int64_t bestStep = -1;
};

// Runs steps startStep .. totalSteps-1: zero the gradients, call trainStep, backward, clip,
// optimizer step, schedule; every `evalEvery` steps validate (in no-grad mode) and watch for early
// stopping; checkpoint as asked. Every step's metrics ("loss", "lr", "grad_norm", the step's own,
// and "validation" when measured) go to onMetrics, on the worker thread. On cancel it saves a
// checkpoint (when a stem is set) and rethrows CancelledError, so no training is lost.
TrainingResult runTraining(torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                           const std::function<StepOutput(std::int64_t step)> &trainStep,
                           const std::function<double()> &validate, const TrainingOptions &options,
                           const std::function<void(std::int64_t step, const Metrics &)> &onMetrics,
                           const JobControl &control = {}, std::int64_t startStep = 0);

} // namespace periscope
