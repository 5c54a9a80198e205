// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/colorize/ColorizationNets.h"

#include "engine/core/errors/Error.h"
#include "engine/core/models/MemoryFormat.h"

#include <algorithm>

namespace periscope::colorize {

namespace nn = torch::nn;

namespace {
constexpr double kLCentre = 50.0, kLNorm = 100.0, kAbNorm = 110.0; // the authors' BaseColor

nn::Conv2d conv(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride = 1, std::int64_t dilation = 1,
                bool bias = true)
{
    const std::int64_t padding = kernel == 1 ? 0 : dilation * (kernel - 1) / 2;
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).dilation(dilation).bias(bias));
}

nn::ConvTranspose2d upConv(std::int64_t in, std::int64_t out)
{
    return nn::ConvTranspose2d(nn::ConvTranspose2dOptions(in, out, 4).stride(2).padding(1));
}

nn::ReLU relu()
{
    return nn::ReLU(nn::ReLUOptions(true));
}

// The authors' basic block: [ReLU], then (conv, ReLU) per channel step, then BatchNorm. Module
// indices (conv at 0, 2, ... or 1, 3, ... after a leading ReLU; norm last) are the state dict's.
nn::Sequential block(const std::vector<std::int64_t> &channels, std::int64_t dilation = 1, bool initRelu = false,
                     std::int64_t lastStride = 1, bool norm = true)
{
    nn::Sequential s;
    if (initRelu)
        s->push_back(relu());
    for (std::size_t i = 0; i + 1 < channels.size(); ++i) {
        const bool last = i + 2 == channels.size();
        s->push_back(conv(channels[i], channels[i + 1], 3, last ? lastStride : 1, dilation));
        s->push_back(relu());
    }
    if (norm)
        s->push_back(nn::BatchNorm2d(channels.back()));
    return s;
}

torch::Tensor every2nd(const torch::Tensor &x)
{
    using torch::indexing::Slice;
    return x.index({Slice(), Slice(), Slice(torch::indexing::None, torch::indexing::None, 2),
                    Slice(torch::indexing::None, torch::indexing::None, 2)});
}

bool has(const std::vector<std::string> &keys, const std::string &key)
{
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}
} // namespace

Eccv16Impl::Eccv16Impl(std::int64_t widthDivisor) : width(widthDivisor)
{
    if (width != 1 && width != 2 && width != 4 && width != 8)
        throw Error("eccv16: the channel divisor is 1, 2, 4 or 8, not " + std::to_string(width));
    const std::int64_t c64 = 64 / width, c128 = 128 / width, c256 = 256 / width, c512 = 512 / width;
    model1 = register_module("model1", block({1, c64, c64}, 1, false, 2));
    model2 = register_module("model2", block({c64, c128, c128}, 1, false, 2));
    model3 = register_module("model3", block({c128, c256, c256, c256}, 1, false, 2));
    model4 = register_module("model4", block({c256, c512, c512, c512}));
    model5 = register_module("model5", block({c512, c512, c512, c512}, 2));
    model6 = register_module("model6", block({c512, c512, c512, c512}, 2));
    model7 = register_module("model7", block({c512, c512, c512, c512}));
    nn::Sequential m8;
    m8->push_back(upConv(c512, c256));
    m8->push_back(relu());
    m8->push_back(conv(c256, c256, 3));
    m8->push_back(relu());
    m8->push_back(conv(c256, c256, 3));
    m8->push_back(relu());
    m8->push_back(conv(c256, 313, 1));
    model8 = register_module("model8", m8);
    model_out = register_module("model_out", conv(313, 2, 1, 1, 1, false));
    useChannelsLast(*this);
}

torch::Tensor Eccv16Impl::classLogits(const torch::Tensor &l)
{
    torch::Tensor x = model1->forward(channelsLast((l - kLCentre) / kLNorm));
    for (nn::Sequential *m : {&model2, &model3, &model4, &model5, &model6, &model7, &model8})
        x = (*m)->forward(x);
    return x;
}

torch::Tensor Eccv16Impl::bins() const
{
    return model_out->weight.detach().flatten(1).t() * kAbNorm;
}

torch::Tensor Eccv16Impl::forward(const torch::Tensor &l, double temperature)
{
    if (!(temperature > 0.0))
        throw Error("eccv16: the annealed-mean temperature must be positive");
    // The expectation over the classes (model_out holds each class's ab); at temperature 1 exactly
    // the authors' port.
    const torch::Tensor logits = classLogits(l);
    const torch::Tensor ab = model_out->forward(torch::softmax(temperature == 1.0 ? logits : logits / temperature, 1));
    namespace F = torch::nn::functional;
    return (F::interpolate(ab, F::InterpolateFuncOptions().scale_factor(std::vector<double>{4.0, 4.0}).mode(torch::kBilinear).align_corners(false)) *
            kAbNorm)
        .contiguous();
}

Siggraph17Impl::Siggraph17Impl(std::int64_t classes)
{
    model1 = register_module("model1", block({4, 64, 64}));
    model2 = register_module("model2", block({64, 128, 128}));
    model3 = register_module("model3", block({128, 256, 256, 256}));
    model4 = register_module("model4", block({256, 512, 512, 512}));
    model5 = register_module("model5", block({512, 512, 512, 512}, 2));
    model6 = register_module("model6", block({512, 512, 512, 512}, 2));
    model7 = register_module("model7", block({512, 512, 512, 512}));
    model8up = register_module("model8up", nn::Sequential(upConv(512, 256)));
    model3short8 = register_module("model3short8", nn::Sequential(conv(256, 256, 3)));
    model8 = register_module("model8", block({256, 256, 256}, 1, true));
    model9up = register_module("model9up", nn::Sequential(upConv(256, 128)));
    model2short9 = register_module("model2short9", nn::Sequential(conv(128, 128, 3)));
    model9 = register_module("model9", block({128, 128}, 1, true));
    model10up = register_module("model10up", nn::Sequential(upConv(128, 128)));
    model1short10 = register_module("model1short10", nn::Sequential(conv(64, 128, 3)));
    model10 = register_module("model10", nn::Sequential(relu(), conv(128, 128, 3), nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2))));
    model_class = register_module("model_class", nn::Sequential(conv(256, classes, 1)));
    model_out = register_module("model_out", nn::Sequential(conv(128, 2, 1), nn::Tanh()));
    useChannelsLast(*this);
}

Siggraph17Impl::Features Siggraph17Impl::encode(const torch::Tensor &l)
{
    if (l.size(2) % 8 != 0 || l.size(3) % 8 != 0)
        throw Error("siggraph17 needs an input whose sides are multiples of 8, not " + std::to_string(l.size(2)) + "x" +
                    std::to_string(l.size(3)));
    // Automatic mode: no ab hints and an all-zero hint mask.
    const torch::Tensor hints = torch::zeros({l.size(0), 3, l.size(2), l.size(3)}, l.options());
    const torch::Tensor conv1 = model1->forward(channelsLast(torch::cat({(l - kLCentre) / kLNorm, hints}, 1)));
    const torch::Tensor conv2 = model2->forward(every2nd(conv1));
    const torch::Tensor conv3 = model3->forward(every2nd(conv2));
    torch::Tensor x = model4->forward(every2nd(conv3));
    x = model7->forward(model6->forward(model5->forward(x)));
    return {conv1, conv2, model8->forward(model8up->forward(x) + model3short8->forward(conv3))};
}

torch::Tensor Siggraph17Impl::classLogits(const torch::Tensor &l)
{
    return model_class->forward(encode(l).conv8);
}

torch::Tensor Siggraph17Impl::forward(const torch::Tensor &l)
{
    const Features f = encode(l);
    torch::Tensor x = model9->forward(model9up->forward(f.conv8) + model2short9->forward(f.conv2));
    x = model10->forward(model10up->forward(x) + model1short10->forward(f.conv1));
    return (model_out->forward(x) * kAbNorm).contiguous();
}

KoalarizationImpl::KoalarizationImpl(KoalarizationConfig c) : config(c)
{
    if (config.size % 8 != 0 || config.size < 64)
        throw Error("Koalarization needs an input side that is a multiple of 8 and at least 64");
    if (config.width != 1 && config.width != 2 && config.width != 4 && config.width != 8)
        throw Error("Koalarization's width divisor must be 1, 2, 4 or 8");
    const std::int64_t w = config.width;
    nn::Sequential e;
    const std::vector<std::pair<std::int64_t, std::int64_t>> layers = {{64, 2}, {128, 1}, {128, 2}, {256, 1}, {256, 2}, {512, 1}, {512, 1}, {256, 1}};
    std::int64_t in = 1;
    for (const auto &[out, stride] : layers) {
        e->push_back(conv(in, out / w, 3, stride));
        e->push_back(relu());
        in = out / w;
    }
    encoder = register_module("encoder", e);
    // The global branch when no Inception embedding is given: a strided conv stack on the same
    // L, pooled, mapped to the embedding's length.
    if (config.globalBranch) {
        nn::Sequential g;
        std::int64_t gin = 1;
        for (std::int64_t out : {32, 64, 128, 256}) {
            g->push_back(conv(gin, out / w, 3, 2));
            g->push_back(relu());
            gin = out / w;
        }
        g->push_back(nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions(1)));
        g->push_back(nn::Flatten());
        g->push_back(nn::Linear(256 / w, config.embedding));
        global_branch = register_module("global_branch", g);
    }
    fusion = register_module("fusion", conv(256 / w + config.embedding, 256 / w, 1));
    nn::Sequential d;
    const auto up = [] {
        return nn::Upsample(nn::UpsampleOptions().scale_factor(std::vector<double>{2.0, 2.0}).mode(torch::kNearest));
    };
    d->push_back(conv(256 / w, 128 / w, 3));
    d->push_back(relu());
    d->push_back(up());
    d->push_back(conv(128 / w, 64 / w, 3));
    d->push_back(relu());
    d->push_back(conv(64 / w, 64 / w, 3));
    d->push_back(relu());
    d->push_back(up());
    d->push_back(conv(64 / w, 32 / w, 3));
    d->push_back(relu());
    d->push_back(conv(32 / w, 2, 3));
    d->push_back(nn::Tanh());
    d->push_back(up());
    decoder = register_module("decoder", d);
    useChannelsLast(*this);
}

torch::Tensor KoalarizationImpl::globalEmbedding(const torch::Tensor &scaledL)
{
    if (!global_branch)
        throw Error("this Koalarization takes its global features from Inception-ResNet-v2: pass its logits");
    return global_branch->forward(scaledL);
}

torch::Tensor KoalarizationImpl::forward(const torch::Tensor &l, const torch::Tensor &embedding)
{
    const torch::Tensor scaled = channelsLast(l / 50.0 - 1.0); // L in [0, 100] -> [-1, 1], as the paper
    const torch::Tensor features = encoder->forward(scaled);
    const torch::Tensor global = embedding.defined() ? embedding : globalEmbedding(scaled);
    if (global.dim() != 2 || global.size(0) != l.size(0) || global.size(1) != config.embedding)
        throw Error("Koalarization: the embedding must be [" + std::to_string(l.size(0)) + ", " + std::to_string(config.embedding) + "]");
    const torch::Tensor tiled = global.unsqueeze(2).unsqueeze(3).expand({-1, -1, features.size(2), features.size(3)});
    const torch::Tensor fused = torch::relu(fusion->forward(channelsLast(torch::cat({features, tiled}, 1))));
    return (decoder->forward(fused) * config.abScale).contiguous();
}

std::string recogniseColorizer(const std::vector<std::string> &keys)
{
    if (has(keys, "model_out.weight") && has(keys, "model8.6.weight"))
        return "eccv16";
    if (has(keys, "model_out.0.weight") && has(keys, "model1short10.0.weight"))
        return "siggraph17";
    if (has(keys, "fusion.weight") && has(keys, "encoder.0.weight"))
        return "koalarization";
    return {};
}

} // namespace periscope::colorize
