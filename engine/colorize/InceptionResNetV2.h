// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Inception-ResNet-v2 (Szegedy et al. 2016), the global branch of Deep Koalarization, with the
// module names and layout of timm's `inception_resnet_v2` (conv2d_1a.conv, mixed_5b.branch1.0.bn,
// repeat.N, repeat_1.N, repeat_2.N, block8, conv2d_7b, classif, ...) so that a user's converted
// weights load strictly. BatchNorm eps 0.001, biasless convolutions, residual scales 0.17 / 0.10
// / 0.20, as there.
#pragma once

#include <torch/torch.h>

namespace periscope::colorize {

class BasicConv2dImpl : public torch::nn::Module {
public:
    BasicConv2dImpl(std::int64_t in, std::int64_t out, std::vector<std::int64_t> kernel, std::int64_t stride,
                    std::vector<std::int64_t> padding);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(BasicConv2d);

class InceptionResNetV2Impl : public torch::nn::Module {
public:
    explicit InceptionResNetV2Impl(std::int64_t classes = 1000);
    // x: [N, 3, 299, 299] normalised with the Inception mean and std (0.5, 0.5); returns logits.
    torch::Tensor forward(const torch::Tensor &x);
    torch::Tensor features(const torch::Tensor &x); // [N, 1536, 8, 8] before pooling

    BasicConv2d conv2d_1a{nullptr}, conv2d_2a{nullptr}, conv2d_2b{nullptr}, conv2d_3b{nullptr}, conv2d_4a{nullptr}, conv2d_7b{nullptr};
    std::shared_ptr<torch::nn::Module> mixed_5b, mixed_6a, mixed_7a, block8;
    torch::nn::Sequential repeat{nullptr}, repeat_1{nullptr}, repeat_2{nullptr};
    torch::nn::Linear classif{nullptr};
};
TORCH_MODULE(InceptionResNetV2);

// Deep Koalarization's global input: the gray image (from L in [0, 100], [N, 1, H, W]) replicated
// to RGB, resized to 299 x 299, scaled to [-1, 1]; returns the network's logits [N, classes].
torch::Tensor inceptionLogitsForGray(InceptionResNetV2 &network, const torch::Tensor &l);

// A user's Inception-ResNet-v2 weights (timm's names; 1000 or 1001 classes, read from the
// classifier), loaded strictly, in eval mode. Throws periscope::Error naming what does not fit.
InceptionResNetV2 loadInceptionResNetV2(const std::string &path);

} // namespace periscope::colorize
