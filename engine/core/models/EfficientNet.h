// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// EfficientNet-B0..B7 (Tan and Le, ICML 2019) with torchvision's parameter names
// (features.0.0 / features.0.1 the stem, features.S.J.block.K the MBConv blocks with their
// squeeze-and-excitation fc1 / fc2, features.8 the head convolution, classifier.1 the linear
// layer), so torchvision's ImageNet checkpoints load as they are and its width and depth
// multipliers give the same shapes. The last feature map ("features") is exposed for Grad-CAM.
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>

namespace periscope {

struct EfficientNetConfig {
    double widthMultiplier = 1.0;
    double depthMultiplier = 1.0;
    double dropout = 0.2;
    double batchNormEps = 1e-5;        // B5-B7: 1e-3, as torchvision builds them
    double stochasticDepth = 0.2;      // the last block's drop probability in training
    std::int64_t classes = 1000;

    // torchvision's efficientnet_bN (N = 0..7); throws periscope::Error for another N.
    static EfficientNetConfig b(int variant, std::int64_t classes = 1000);
};

// torchvision's channel rounding: to a multiple of 8, never below 8 nor more than 10 % down.
std::int64_t efficientNetChannels(double channels);

// The variant (0 .. 7) whose torchvision layout has `blocks` MBConv blocks in all and a last 1 x 1
// convolution of `lastChannels` outputs (features.8.0.weight); -1 when no variant has both. Each
// variant differs from the others in at least one of the two.
int efficientNetVariantOf(std::int64_t blocks, std::int64_t lastChannels);

class EfficientNetImpl : public torch::nn::Module {
public:
    explicit EfficientNetImpl(const EfficientNetConfig &config);
    torch::Tensor forward(const torch::Tensor &images); // [N, 3, H, W] normalised -> logits [N, classes]
    // Logits and the last feature map ("features", [N, C, h, w]) for Grad-CAM.
    std::pair<torch::Tensor, torch::Tensor> forwardWithActivation(const torch::Tensor &images, const std::string &layer);

    torch::nn::Sequential features{nullptr};
    torch::nn::Sequential classifier{nullptr};
};
TORCH_MODULE(EfficientNet);

} // namespace periscope
