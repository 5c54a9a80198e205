// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Model-agnostic, batched attribution on any device. A model is seen through a function from
// a batch of inputs [N, ...] to scores [N, K]; `targets` [N] picks the score each sample is
// explained for. Long loops take a JobControl so the UI can cancel them and see progress.
#pragma once

#include "engine/core/jobs/JobControl.h"

#include <torch/torch.h>

#include <functional>
#include <string>
#include <utility>

namespace periscope {

using ScoreFunction = std::function<torch::Tensor(const torch::Tensor &input)>;

// LibTorch modules have no forward hooks, so a model explainable by Grad-CAM exposes the
// activations it allows: this returns the scores and the activation named `layer` [N, C, h, w].
using ScoreWithActivation = std::function<std::pair<torch::Tensor, torch::Tensor>(const torch::Tensor &input, const std::string &layer)>;

torch::Tensor vanillaGradient(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets);
torch::Tensor gradientTimesInput(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets);

struct SmoothGradOptions {
    int samples = 25;
    double noiseFraction = 0.15; // noise std as a fraction of each sample's value range (the paper's 10-20 %)
    int batchSize = 16;          // noisy copies evaluated per forward pass
    std::uint64_t seed = 0;
};
torch::Tensor smoothGrad(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets,
                         const SmoothGradOptions &options = {}, const JobControl &control = {});

struct IntegratedGradientsOptions {
    int steps = 50;          // Riemann steps along the straight path (midpoint rule)
    int batchSize = 32;      // path points evaluated per forward pass
    torch::Tensor baseline;  // same shape as one input, or undefined for zeros
};
struct IntegratedGradientsResult {
    torch::Tensor attribution;          // like input
    torch::Tensor completenessError;    // [N]: |sum(attribution) - (f(x) - f(baseline))|
    torch::Tensor scoreDifference;      // [N]: f(x) - f(baseline)
};
IntegratedGradientsResult integratedGradients(const ScoreFunction &model, const torch::Tensor &input,
                                              const torch::Tensor &targets, const IntegratedGradientsOptions &options = {},
                                              const JobControl &control = {});

struct OcclusionOptions {
    int window = 8;       // square patch side in pixels
    int stride = 4;
    int frames = 1;       // clips: the window's length in frames, and its step
    int frameStride = 1;
    double fill = 0.0;    // value the patch is replaced with (in the model's input space)
    int batchSize = 32;   // occluded copies per forward pass
};
// Score drop when each patch is hidden, averaged over the patches covering each pixel: [N, H, W]
// for images [N, C, H, W]; [N, T, H, W] for clips [N, C, T, H, W], hidden by spatio-temporal windows.
torch::Tensor occlusion(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets,
                        const OcclusionOptions &options = {}, const JobControl &control = {});

enum class CamVariant { GradCam, GradCamPlusPlus };
// Class activation map on `layer`, ReLU'd, at the activation's resolution [N, h, w]; upsample
// with resize() to overlay it on the input.
torch::Tensor gradCam(const ScoreWithActivation &model, const std::string &layer, const torch::Tensor &input,
                      const torch::Tensor &targets, CamVariant variant = CamVariant::GradCam);

// The gradient of the selected scores with respect to `input` (a helper the methods share).
torch::Tensor targetGradient(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets,
                             torch::Tensor *scores = nullptr);

} // namespace periscope
