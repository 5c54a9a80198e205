// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/ResNet.h"

namespace periscope {

namespace {
torch::nn::Conv2d conv(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride)
{
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

std::int64_t expansion(bool bottleneck)
{
    return bottleneck ? 4 : 1;
}
} // namespace

double ResNetConfig::forwardFlops(std::int64_t imageSize) const
{
    // Multiply-adds of every convolution (k*k*in*out per output pixel) and the classifier.
    double macs = 0.0;
    std::int64_t size = (imageSize + 1) / 2; // conv1, stride 2
    macs += 7.0 * 7 * 3 * 64 * double(size * size);
    size = (size + 1) / 2; // max pool
    std::int64_t in = 64;
    const std::int64_t e = expansion(bottleneck);
    for (std::size_t stage = 0; stage < blocks.size(); ++stage) {
        const std::int64_t width = 64 << stage;
        for (std::int64_t b = 0; b < blocks[stage]; ++b) {
            const std::int64_t stride = (b == 0 && stage > 0) ? 2 : 1;
            const std::int64_t out = (size + stride - 1) / stride;
            const double pixelsIn = double(size * size), pixelsOut = double(out * out);
            if (bottleneck) {
                macs += double(in * width) * pixelsIn + 9.0 * double(width * width) * pixelsOut + double(width * width * e) * pixelsOut;
            } else {
                macs += 9.0 * double(in * width) * pixelsOut + 9.0 * double(width * width) * pixelsOut;
            }
            if (stride != 1 || in != width * e)
                macs += double(in * width * e) * pixelsOut;
            in = width * e;
            size = out;
        }
    }
    macs += double(in * classes);
    return 2.0 * macs;
}

ResNetBlockImpl::ResNetBlockImpl(std::int64_t in, std::int64_t width, std::int64_t stride, bool bottleneck)
{
    const std::int64_t out = width * expansion(bottleneck);
    if (bottleneck) {
        // torchvision's v1.5: the stride sits on the 3x3 convolution.
        conv1 = register_module("conv1", conv(in, width, 1, 1));
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(width));
        conv2 = register_module("conv2", conv(width, width, 3, stride));
        bn2 = register_module("bn2", torch::nn::BatchNorm2d(width));
        conv3 = register_module("conv3", conv(width, out, 1, 1));
        bn3 = register_module("bn3", torch::nn::BatchNorm2d(out));
    } else {
        conv1 = register_module("conv1", conv(in, width, 3, stride));
        bn1 = register_module("bn1", torch::nn::BatchNorm2d(width));
        conv2 = register_module("conv2", conv(width, width, 3, 1));
        bn2 = register_module("bn2", torch::nn::BatchNorm2d(width));
    }
    if (stride != 1 || in != out)
        downsample = register_module("downsample", torch::nn::Sequential(conv(in, out, 1, stride), torch::nn::BatchNorm2d(out)));
}

torch::Tensor ResNetBlockImpl::forward(const torch::Tensor &x)
{
    torch::Tensor y = torch::relu(bn1->forward(conv1->forward(x)));
    y = bn2->forward(conv2->forward(y));
    if (conv3)
        y = bn3->forward(conv3->forward(torch::relu(y)));
    return torch::relu(y + (downsample ? downsample->forward(x) : x));
}

ResNetImpl::ResNetImpl(const ResNetConfig &config)
{
    conv1 = register_module("conv1", conv(3, 64, 7, 2));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
    std::int64_t in = 64;
    torch::nn::Sequential *stages[] = {&layer1, &layer2, &layer3, &layer4};
    for (std::size_t stage = 0; stage < 4; ++stage) {
        torch::nn::Sequential blocks;
        const std::int64_t width = 64 << stage;
        for (std::int64_t b = 0; b < config.blocks[stage]; ++b) {
            blocks->push_back(ResNetBlock(in, width, (b == 0 && stage > 0) ? 2 : 1, config.bottleneck));
            in = width * expansion(config.bottleneck);
        }
        *stages[stage] = register_module("layer" + std::to_string(stage + 1), blocks);
    }
    fc = register_module("fc", torch::nn::Linear(in, config.classes));
}

std::pair<torch::Tensor, torch::Tensor> ResNetImpl::forwardWithActivation(const torch::Tensor &images, const std::string &layer)
{
    torch::Tensor x = torch::max_pool2d(torch::relu(bn1->forward(conv1->forward(images))), 3, 2, 1);
    torch::Tensor activation;
    torch::nn::Sequential stages[] = {layer1, layer2, layer3, layer4};
    for (int i = 0; i < 4; ++i) {
        x = stages[i]->forward(x);
        if (layer == "layer" + std::to_string(i + 1))
            activation = x;
    }
    return {fc->forward(x.mean({2, 3})), activation};
}

torch::Tensor ResNetImpl::forward(const torch::Tensor &images)
{
    return forwardWithActivation(images, {}).first;
}

} // namespace periscope
