// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/EfficientNet.h"

#include "engine/core/errors/Error.h"

#include <cmath>

namespace periscope {

namespace {
// One stage of EfficientNet-B0 before the multipliers: expansion, kernel, stride, channels in
// and out, blocks.
struct Stage {
    std::int64_t expand, kernel, stride, in, out, blocks;
};
constexpr Stage kStagesB0[] = {{1, 3, 1, 32, 16, 1},  {6, 3, 2, 16, 24, 2},  {6, 5, 2, 24, 40, 2},  {6, 3, 2, 40, 80, 3},
                               {6, 5, 1, 80, 112, 3}, {6, 5, 2, 112, 192, 4}, {6, 3, 1, 192, 320, 1}};

// A Sequential that can sit inside another (torch's own forward is a template, which
// AnyModule cannot hold); its children are named 0, 1, 2, ... as torch's nn.Sequential names them.
class LayersImpl : public torch::nn::SequentialImpl {
public:
    using SequentialImpl::SequentialImpl;
    torch::Tensor forward(torch::Tensor x) { return SequentialImpl::forward(x); }
};
TORCH_MODULE(Layers);

// Conv (no bias) + batch norm (+ SiLU): torchvision's Conv2dNormActivation, whose children are
// named 0 (conv), 1 (norm) and 2 (activation, no parameters).
Layers convNormActivation(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride, std::int64_t groups,
                                         double eps, bool activation)
{
    Layers layer(
        torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding((kernel - 1) / 2).groups(groups).bias(false)),
        torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(out).eps(eps)));
    if (activation)
        layer->push_back(torch::nn::SiLU());
    return layer;
}

class SqueezeExcitationImpl : public torch::nn::Module {
public:
    SqueezeExcitationImpl(std::int64_t channels, std::int64_t squeezed)
    {
        fc1 = register_module("fc1", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, squeezed, 1)));
        fc2 = register_module("fc2", torch::nn::Conv2d(torch::nn::Conv2dOptions(squeezed, channels, 1)));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        const torch::Tensor scale = torch::sigmoid(fc2(torch::silu(fc1(x.mean({2, 3}, /*keepdim=*/true)))));
        return x * scale;
    }
    torch::nn::Conv2d fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(SqueezeExcitation);

class MBConvImpl : public torch::nn::Module {
public:
    MBConvImpl(std::int64_t expand, std::int64_t kernel, std::int64_t stride, std::int64_t in, std::int64_t out, double dropProbability,
               double eps)
        : m_residual(stride == 1 && in == out), m_dropProbability(dropProbability)
    {
        const std::int64_t expanded = efficientNetChannels(double(in) * double(expand));
        block = Layers();
        if (expanded != in)
            block->push_back(convNormActivation(in, expanded, 1, 1, 1, eps, true));
        block->push_back(convNormActivation(expanded, expanded, kernel, stride, expanded, eps, true));
        block->push_back(SqueezeExcitation(expanded, std::max<std::int64_t>(1, in / 4)));
        block->push_back(convNormActivation(expanded, out, 1, 1, 1, eps, false));
        register_module("block", block);
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        torch::Tensor y = block->forward(x);
        if (!m_residual)
            return y;
        // Stochastic depth ("row" mode): in training each sample's branch is dropped with the
        // block's probability and the survivors scaled up; in evaluation nothing changes.
        if (is_training() && m_dropProbability > 0.0) {
            const double keep = 1.0 - m_dropProbability;
            const torch::Tensor mask = torch::empty({y.size(0), 1, 1, 1}, y.options()).bernoulli_(keep);
            y = y * mask / keep;
        }
        return y + x;
    }
    Layers block{nullptr};

private:
    bool m_residual;
    double m_dropProbability;
};
TORCH_MODULE(MBConv);
} // namespace

std::int64_t efficientNetChannels(double channels)
{
    constexpr std::int64_t kDivisor = 8;
    std::int64_t rounded = std::max<std::int64_t>(kDivisor, std::int64_t(channels + kDivisor / 2.0) / kDivisor * kDivisor);
    if (double(rounded) < 0.9 * channels)
        rounded += kDivisor;
    return rounded;
}

EfficientNetConfig EfficientNetConfig::b(int variant, std::int64_t classes)
{
    // width, depth, dropout per variant, as torchvision's efficientnet_b0 .. b7.
    constexpr double kWidth[] = {1.0, 1.0, 1.1, 1.2, 1.4, 1.6, 1.8, 2.0};
    constexpr double kDepth[] = {1.0, 1.1, 1.2, 1.4, 1.8, 2.2, 2.6, 3.1};
    constexpr double kDropout[] = {0.2, 0.2, 0.3, 0.3, 0.4, 0.4, 0.5, 0.5};
    if (variant < 0 || variant > 7)
        throw Error("EfficientNet-B" + std::to_string(variant) + " does not exist (B0 .. B7)");
    EfficientNetConfig config;
    config.widthMultiplier = kWidth[variant];
    config.depthMultiplier = kDepth[variant];
    config.dropout = kDropout[variant];
    config.batchNormEps = variant >= 5 ? 1e-3 : 1e-5;
    config.classes = classes;
    return config;
}

int efficientNetVariantOf(std::int64_t blocks, std::int64_t lastChannels)
{
    for (int variant = 0; variant <= 7; ++variant) {
        const EfficientNetConfig config = EfficientNetConfig::b(variant);
        std::int64_t total = 0;
        for (const Stage &s : kStagesB0)
            total += std::int64_t(std::ceil(double(s.blocks) * config.depthMultiplier));
        const std::int64_t last = 4 * efficientNetChannels(double(kStagesB0[6].out) * config.widthMultiplier);
        if (total == blocks && last == lastChannels)
            return variant;
    }
    return -1;
}

EfficientNetImpl::EfficientNetImpl(const EfficientNetConfig &config)
{
    const double eps = config.batchNormEps;
    auto width = [&](std::int64_t channels) { return efficientNetChannels(double(channels) * config.widthMultiplier); };
    auto depth = [&](std::int64_t blocks) { return std::int64_t(std::ceil(double(blocks) * config.depthMultiplier)); };
    features = torch::nn::Sequential();
    features->push_back(convNormActivation(3, width(kStagesB0[0].in), 3, 2, 1, eps, true));
    std::int64_t total = 0;
    for (const Stage &s : kStagesB0)
        total += depth(s.blocks);
    std::int64_t index = 0;
    for (const Stage &s : kStagesB0) {
        Layers stage;
        for (std::int64_t j = 0; j < depth(s.blocks); ++j, ++index) {
            const std::int64_t in = j == 0 ? width(s.in) : width(s.out);
            const double drop = config.stochasticDepth * double(index) / double(total);
            stage->push_back(MBConv(s.expand, s.kernel, j == 0 ? s.stride : 1, in, width(s.out), drop, eps));
        }
        features->push_back(stage);
    }
    const std::int64_t last = width(kStagesB0[6].out);
    features->push_back(convNormActivation(last, 4 * last, 1, 1, 1, eps, true));
    register_module("features", features);
    classifier = register_module("classifier", torch::nn::Sequential(torch::nn::Dropout(torch::nn::DropoutOptions(config.dropout)),
                                                                     torch::nn::Linear(4 * last, config.classes)));
}

torch::Tensor EfficientNetImpl::forward(const torch::Tensor &images)
{
    return classifier->forward(features->forward(images).mean({2, 3}));
}

std::pair<torch::Tensor, torch::Tensor> EfficientNetImpl::forwardWithActivation(const torch::Tensor &images, const std::string &layer)
{
    if (layer != "features")
        throw Error("EfficientNet exposes the activation \"features\", not \"" + layer + "\"");
    const torch::Tensor map = features->forward(images);
    return {classifier->forward(map.mean({2, 3})), map};
}

} // namespace periscope
