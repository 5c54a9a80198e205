// SPDX-License-Identifier: GPL-3.0-or-later
// Synthetic footage for the detector suites (tst_detectortraining and tst_clipdetector, the quick
// checks; tst_detectorlearning, the training runs): textured face-like blobs drifting on textured
// backgrounds, their self-blended fakes, and small EfficientNets seeded alike; and 112 px clips
// for the clip detector.
#pragma once

#include <torch/torch.h>

#include "engine/core/image/ImageTensor.h"
#include "engine/core/training/BatchNormStatistics.h"
#include "engine/deepfake/DetectorTraining.h"
#include "engine/deepfake/FaceCrop.h"
#include "engine/deepfake/FrameDetector.h"
#include "engine/deepfake/SelfBlend.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace periscope::deepfake::test {
constexpr int kCrop = 64;

// Synthetic footage: a textured face-like blob on a textured background, both drifting slowly;
// each video has its own colours, texture and motion.
inline Image syntheticFrame(std::int64_t video, std::int64_t t, FaceBox *box)
{
    const int width = 160, height = 120;
    std::mt19937 random(std::uint32_t(1000 + video));
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const double skin[3] = {150 + 60 * u(random), 100 + 50 * u(random), 80 + 40 * u(random)};
    const double back[3] = {40 + 80 * u(random), 40 + 80 * u(random), 40 + 80 * u(random)};
    const double fx = 0.3 + 0.5 * u(random), fy = 0.3 + 0.5 * u(random), phase = 6.28 * u(random);
    const double cx = 80 + 10 * std::sin(0.05 * double(t) + phase), cy = 60 + 6 * std::cos(0.04 * double(t) + phase);
    const double rx = 28, ry = 36;
    Image frame(width, height, 3, PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double dx = (x - cx) / rx, dy = (y - cy) / ry;
            const double inside = 1.0 / (1.0 + std::exp((dx * dx + dy * dy - 1.0) * 12.0));
            const double texture = 12.0 * std::sin(fx * (x - cx)) * std::cos(fy * (y - cy)) + 6.0 * std::sin(0.9 * (x + y));
            for (int c = 0; c < 3; ++c) {
                const double value = inside * (skin[c] + texture) + (1.0 - inside) * (back[c] + 0.5 * texture);
                frame.setSample(x, y, c, float(std::clamp(value, 0.0, 255.0)));
            }
        }
    *box = FaceBox{cx - rx, cy - ry, 2 * rx, 2 * ry};
    return frame;
}

// Crops of `videos` real videos and their self-blended fakes, every other frame of `frames`.
inline CropSet syntheticCrops(std::int64_t firstVideo, std::int64_t videos, std::int64_t frames)
{
    std::vector<torch::Tensor> crops;
    CropSet set;
    std::vector<float> labels;
    for (std::int64_t v = firstVideo; v < firstVideo + videos; ++v) {
        const BlendTrajectory trajectory(std::uint64_t(v) * 7 + 3);
        for (std::int64_t t = 0; t < frames; t += 2) {
            FaceBox box;
            const Image frame = syntheticFrame(v, t, &box);
            const FaceCrop crop = faceCropFor(box, kCrop);
            // The trajectory's shape and motion, with a colour change and blend ratio at the strong
            // end of their ranges: a signal a detector trained for seconds can find.
            BlendParameters parameters = trajectory.at(t);
            parameters.gain = {1.1, 0.95, 0.9};
            parameters.ratio = 1.0;
            const Image fake = selfBlend(frame, box, parameters).fake;
            for (int isFake = 0; isFake < 2; ++isFake) {
                crops.push_back((imageToTensor(cropFace(isFake ? fake : frame, crop)) * 255.0).round().to(torch::kUInt8));
                labels.push_back(float(isFake));
                set.video.push_back(2 * v + isFake);
                set.frame.push_back(t);
            }
        }
    }
    set.crops = torch::stack(crops);
    set.labels = torch::tensor(labels);
    return set;
}

inline EfficientNet smallNetwork(std::uint64_t seed)
{
    torch::manual_seed(seed);
    return EfficientNet(EfficientNetConfig::b(0, 1));
}

// A random network that behaves like a trained one on these crops: batch normalisation's
// statistics from them and a head giving logits of order one (tst_framedetector says why).
inline EfficientNet calibratedNetwork(std::uint64_t seed, const torch::Tensor &input)
{
    EfficientNet network = smallNetwork(seed);
    updateBatchNormStatistics(*network, {input}, [&](const torch::Tensor &x) { network->forward(x); });
    torch::NoGradGuard noGrad;
    for (torch::Tensor &p : network->classifier->parameters())
        p.normal_(0.0, 0.1);
    return network;
}

// Videos of `frames` 112 px crops: a soft bright face on a noisy background, drifting; a fake's
// face has a recoloured, sharper-edged square blended into it (what a self-blend leaves).
inline CropSet syntheticVideos(int real, int fake, int frames, std::uint64_t seed)
{
    torch::manual_seed(seed);
    CropSet set;
    std::vector<torch::Tensor> crops;
    std::vector<float> labels;
    const torch::Tensor y = torch::arange(112).view({112, 1}).to(torch::kFloat), x = torch::arange(112).view({1, 112}).to(torch::kFloat);
    for (int v = 0; v < real + fake; ++v) {
        const bool isFake = v >= real;
        const double cx = 40.0 + 30.0 * torch::rand({1}).item<double>(), cy = 40.0 + 30.0 * torch::rand({1}).item<double>();
        for (int f = 0; f < frames; ++f) {
            const torch::Tensor face = torch::exp(-((x - cx - f) * (x - cx - f) + (y - cy) * (y - cy)) / 400.0);
            torch::Tensor image = 0.3 + 0.5 * face.unsqueeze(0).expand({3, 112, 112}) + 0.1 * torch::rand({3, 112, 112});
            if (isFake) {
                const std::int64_t top = std::int64_t(cy) - 12, left = std::int64_t(cx) + f - 12;
                image.narrow(1, top, 24).narrow(2, left, 24).select(0, 1).mul_(0.6);
            }
            crops.push_back((image.clamp(0.0, 1.0) * 255.0).round().to(torch::kUInt8));
            labels.push_back(isFake ? 1.0f : 0.0f);
            set.video.push_back(v);
            set.frame.push_back(f * 3);
        }
    }
    set.crops = torch::stack(crops);
    set.labels = torch::tensor(labels);
    return set;
}

} // namespace periscope::deepfake::test
