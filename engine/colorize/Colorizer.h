// SPDX-License-Identifier: GPL-3.0-or-later
// Colorizing photos with a trained network, behind one torch-free interface for the CLI and the
// workspace: load weights (the architecture recognised from their keys, or named), colorize an
// image at full resolution (LabPipeline.h). Thread-compatible: one Colorizer per thread.
#pragma once

#include "engine/core/image/Image.h"

#include <memory>
#include <string>

namespace periscope::colorize {

class Colorizer {
public:
    // Weights in any format the engine reads (safetensors, torch.save, e.g. the authors' .pth).
    // `architecture` ("eccv16", "siggraph17", "koalarization") is needed only when the keys do not
    // tell. Throws periscope::Error with a one-line reason.
    // A Koalarization in the paper's layout (no global_branch.* keys) takes its global features
    // from Inception-ResNet-v2: `inceptionWeights` names that network's weights (timm's names).
    static Colorizer load(const std::string &weightsPath, const std::string &architecture = {}, const std::string &inceptionWeights = {});

    std::string architecture() const;
    int inputSize() const; // the side the network sees (256 for Zhang's, 224 for Koalarization)
    int widthDivisor() const; // 1: the published channel counts; 2, 4, 8: a narrower network
    // Where a Koalarization's global features come from: "inception-resnet-v2" or "jointly-trained
    // branch"; empty for Zhang's networks, which have none.
    std::string globalFeatures() const;

    // Networks that classify colours (eccv16) decode them by the annealed mean at this temperature
    // (Zhang et al. 2016, section 2.3): 1 is the plain mean, lower moves towards each pixel's
    // likeliest colour (more vivid for the authors' network, whose likeliest colours are vivid). The default is the one the weights' sidecar names (train-colorizer writes the
    // paper's 0.38), else 1, the authors' own port. Others ignore it.
    bool hasTemperature() const;
    double defaultTemperature() const;
    double temperature() const { return m_temperature; }
    void setTemperature(double temperature); // throws periscope::Error unless in [kMinTemperature, 1]
    static constexpr double kMinTemperature = 0.05;

    // 3-channel (a gray photo has equal channels) or 1-channel image, 8-bit or float [0, 1];
    // returns the colorized photo, 8-bit RGB, same size.
    Image colorize(const Image &image) const;

private:
    struct Model;
    std::shared_ptr<const Model> m_model;
    double m_temperature = 1.0; // per Colorizer, so that copies sharing the network differ in it
};

} // namespace periscope::colorize
