// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/training/TrainingLoop.h"

#include "engine/core/errors/Error.h"

#include <cmath>

namespace periscope {

TrainingResult runTraining(torch::nn::Module &model, torch::optim::Optimizer &optimizer,
                           const std::function<StepOutput(std::int64_t step)> &trainStep,
                           const std::function<double()> &validate, const TrainingOptions &options,
                           const std::function<void(std::int64_t step, const Metrics &)> &onMetrics,
                           const JobControl &control, std::int64_t startStep)
{
    if (options.totalSteps < 0 || startStep < 0)
        throw Error("training: step counts must be non-negative");
    TrainingResult result;
    result.stepsDone = startStep;
    int evaluationsWithoutImprovement = 0;
    auto checkpoint = [&](std::int64_t stepsDone, const Metrics &last) {
        if (options.checkpointStem.empty())
            return;
        TrainingState state;
        state.step = stepsDone;
        state.learningRate = learningRate(optimizer);
        state.extra = json::Value(json::Object{});
        for (const auto &[name, value] : last)
            state.extra.set(name, json::Value(value));
        saveTrainingCheckpoint(options.checkpointStem, model, optimizer, options.optimizerKind, state);
    };

    Metrics metrics;
    model.train();
    for (std::int64_t step = startStep; step < options.totalSteps; ++step) {
        if (control.isCancelled()) {
            checkpoint(step, metrics);
            throw CancelledError();
        }
        if (options.learningRate)
            setLearningRate(optimizer, options.learningRate(step));
        optimizer.zero_grad();
        StepOutput out = trainStep(step);
        if (!out.loss.defined() || out.loss.numel() != 1)
            throw Error("training: the step must return a scalar loss");
        const double loss = out.loss.item<double>();
        if (!std::isfinite(loss))
            throw Error("training diverged at step " + std::to_string(step) + " (loss is " + std::to_string(loss) + ")");
        out.loss.backward();
        double gradNorm = 0.0;
        if (options.clipGradNorm > 0.0)
            gradNorm = torch::nn::utils::clip_grad_norm_(model.parameters(), options.clipGradNorm);
        optimizer.step();
        result.stepsDone = step + 1;

        metrics = {{"loss", loss}, {"lr", learningRate(optimizer)}};
        if (options.clipGradNorm > 0.0)
            metrics.emplace_back("grad_norm", gradNorm);
        metrics.insert(metrics.end(), out.metrics.begin(), out.metrics.end());

        const bool evaluate = validate && options.evalEvery > 0 &&
                              ((step + 1) % options.evalEvery == 0 || step + 1 == options.totalSteps);
        if (evaluate) {
            double value = 0.0;
            {
                torch::NoGradGuard noGrad;
                model.eval();
                value = validate();
                model.train();
            }
            metrics.emplace_back("validation", value);
            const bool improved = result.bestStep < 0 || (options.maximizeValidation ? value > result.bestValidation
                                                                                       : value < result.bestValidation);
            if (improved) {
                result.bestValidation = value;
                result.bestStep = step + 1;
                evaluationsWithoutImprovement = 0;
            } else {
                ++evaluationsWithoutImprovement;
            }
        }
        if (onMetrics)
            onMetrics(step, metrics);
        control.reportProgress(double(step + 1) / double(std::max<std::int64_t>(1, options.totalSteps)), "training");
        if (options.checkpointEvery > 0 && (step + 1) % options.checkpointEvery == 0)
            checkpoint(step + 1, metrics);
        if (options.earlyStoppingPatience > 0 && evaluationsWithoutImprovement >= options.earlyStoppingPatience) {
            result.stoppedEarly = true;
            break;
        }
    }
    checkpoint(result.stepsDone, metrics);
    return result;
}

} // namespace periscope
