// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files, tests and benchmarks.
//
// A DeepFake frame detector (EfficientNet-B0..B7 with one logit, "fake", torchvision's parameter
// names) on one device, scoring and explaining batches of face crops. The crops of several frames
// go through the network together, so a GPU is kept busy and Integrated Gradients, SmoothGrad and
// occlusion spread their many passes over large batches. Needs engine/core only: the GPU machine
// builds it, and tst_cuda checks it there against the CPU.
#pragma once

#include "engine/core/attribution/Attribution.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/core/models/EfficientNet.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace periscope::deepfake {

enum class ExplanationMethod { GradCam, GradCamPlusPlus, IntegratedGradients, SmoothGrad, Occlusion, AttentionRollout };

// "gradcam", "gradcampp", "ig", "smoothgrad", "occlusion", and "rollout" (attention rollout, for
// the clip transformer only); parse throws periscope::Error naming them.
ExplanationMethod parseExplanationMethod(const std::string &name);
std::string toString(ExplanationMethod method);
std::vector<std::string> explanationMethodNames();     // the frame detector's: all but rollout
std::vector<std::string> clipExplanationMethodNames(); // the clip detector's: all

// Crops [N, 3, S, S], RGB in [0, 1] -> ImageNet's normalisation (as torchvision's weights expect),
// on the crops' device.
torch::Tensor imagenetNormalised(const torch::Tensor &crops);

// Integrated Gradients (32 midpoint steps from zero) or SmoothGrad (16 noisy copies, magnitudes)
// of each input's "fake" logit (`score`'s column 0), summed over colour (dimension 1), with at most
// `passBatch` inputs a pass: the settings the explanation metrics were measured with, for frames
// [N, 3, S, S] and clips [N, 3, T, S, S] alike. Throws periscope::Error for another method.
torch::Tensor gradientExplanation(ExplanationMethod method, const ScoreFunction &score, const torch::Tensor &input, int passBatch,
                                  const JobControl &control);

class FrameDetector {
public:
    // Reads the weights (any format the engine reads), checks they are efficientnet_bN with one
    // output and that every tensor fits by name and shape, and puts the network on `device` in
    // evaluation mode. Throws periscope::Error with a one-line reason.
    static FrameDetector load(const std::string &architecture, const std::string &weightsPath,
                              torch::Device device = torch::kCPU);
    FrameDetector(EfficientNet model, torch::Device device);

    const torch::Device &device() const { return m_device; }
    EfficientNet &network() { return m_model; }

    // Crops [N, 3, S, S], RGB in [0, 1], on any device -> the network's input on its device
    // (ImageNet's normalisation, as torchvision's weights expect).
    torch::Tensor input(const torch::Tensor &crops) const;
    // P(fake) of each input, [N] float on the CPU.
    torch::Tensor probabilities(const torch::Tensor &input);
    // Each input's explanation of its "fake" logit on the crop, [N, S, S] float on the CPU: the
    // method's map summed over colour channels where it has them (SmoothGrad's magnitudes), and
    // Grad-CAM's coarse map resized bilinearly to the crop. Cancellable between passes.
    torch::Tensor explain(ExplanationMethod method, const torch::Tensor &input, const JobControl &control = {});

    // Inputs evaluated together in one pass by the methods that need many (IG's path points,
    // SmoothGrad's noisy copies, occlusion's patches): small on a CPU, large on a GPU.
    int passBatch() const { return m_passBatch; }
    void setPassBatch(int batch) { m_passBatch = std::max(1, batch); }

private:
    EfficientNet m_model;
    torch::Device m_device;
    int m_passBatch;
};

} // namespace periscope::deepfake
