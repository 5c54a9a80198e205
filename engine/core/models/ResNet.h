// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// ResNet-18/34 (basic blocks) and ResNet-50/101 (bottlenecks) with torchvision's parameter names
// (conv1, bn1, layerN.M.conv1 / bn1 / ... / downsample.0 / downsample.1, fc), so torchvision
// checkpoints load as they are. The "layer4" activation is exposed for Grad-CAM.
#pragma once

#include <torch/torch.h>

#include <utility>
#include <vector>

namespace periscope {

struct ResNetConfig {
    bool bottleneck = true;
    std::vector<std::int64_t> blocks{3, 4, 6, 3};
    std::int64_t classes = 1000;

    static ResNetConfig resnet18() { return {false, {2, 2, 2, 2}, 1000}; }
    static ResNetConfig resnet50() { return {true, {3, 4, 6, 3}, 1000}; }
    double forwardFlops(std::int64_t imageSize) const; // multiply-adds x 2, per image
};

class ResNetBlockImpl : public torch::nn::Module {
public:
    ResNetBlockImpl(std::int64_t in, std::int64_t width, std::int64_t stride, bool bottleneck);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr}, bn3{nullptr};
    torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(ResNetBlock);

class ResNetImpl : public torch::nn::Module {
public:
    explicit ResNetImpl(const ResNetConfig &config);
    torch::Tensor forward(const torch::Tensor &images);
    // Scores and the named activation ("layer1" .. "layer4"), for Grad-CAM.
    std::pair<torch::Tensor, torch::Tensor> forwardWithActivation(const torch::Tensor &images, const std::string &layer);

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Sequential layer1{nullptr}, layer2{nullptr}, layer3{nullptr}, layer4{nullptr};
    torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(ResNet);

} // namespace periscope
