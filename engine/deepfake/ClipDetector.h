// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files, tests and benchmarks.
//
// A DeepFake clip detector: MViT-v2 (torchvision's mvit_v2_s, or our mvit_v2_mini preset) with
// one logit, "fake", scoring and explaining clips of consecutive face crops as the network was
// built for (16 frames at 224 px, or 8 at 112), with its Kinetics normalisation. Explanations are
// maps over the whole clip, [T, S, S]: Grad-CAM and Grad-CAM++ on the last block's tokens,
// Integrated Gradients and SmoothGrad on the pixels, occlusion by spatio-temporal windows, and
// attention rollout through the pooled attention (MViT.h). Needs engine/core only.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/core/models/MViT.h"
#include "engine/deepfake/DetectorDataset.h" // isClipArchitecture
#include "engine/deepfake/FrameDetector.h"

#include <torch/torch.h>

#include <string>

namespace periscope::deepfake {

class ClipDetector {
public:
    // Reads the weights (any format the engine reads), checks they are the architecture's with one
    // output and that every tensor fits by name and shape. Throws periscope::Error with a one-line reason.
    static ClipDetector load(const std::string &architecture, const std::string &weightsPath, torch::Device device = torch::kCPU);
    ClipDetector(MViT model, torch::Device device);

    MViT &network() { return m_model; }
    std::int64_t framesPerClip() const { return m_model->config().frames; }
    std::int64_t cropSize() const { return m_model->config().height; }

    // Crops [F, 3, S, S] of 1..T consecutive frames, RGB in [0, 1] -> one clip [1, 3, T, S, S] on
    // the network's device, normalised; a short clip is filled up by repeating its last frame.
    torch::Tensor input(const torch::Tensor &crops) const;
    // P(fake) of each clip, [N] float on the CPU.
    torch::Tensor probabilities(const torch::Tensor &clips);
    // Each clip's explanation of its "fake" logit, [N, T, S, S] float on the CPU. Cancellable
    // between passes.
    torch::Tensor explain(ExplanationMethod method, const torch::Tensor &clips, const JobControl &control = {});

    int passBatch() const { return m_passBatch; }
    void setPassBatch(int batch) { m_passBatch = std::max(1, batch); }

private:
    MViT m_model;
    torch::Device m_device;
    int m_passBatch;
};

} // namespace periscope::deepfake
