// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/colorize/InceptionResNetV2.h"

#include "engine/core/color/ColorOps.h"
#include "engine/core/errors/Error.h"
#include "engine/core/geometry/GeometryOps.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"

namespace periscope::colorize {

namespace nn = torch::nn;
namespace F = torch::nn::functional;

BasicConv2dImpl::BasicConv2dImpl(std::int64_t in, std::int64_t out, std::vector<std::int64_t> kernel, std::int64_t stride,
                                 std::vector<std::int64_t> padding)
{
    conv = register_module("conv", nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false)));
    bn = register_module("bn", nn::BatchNorm2d(nn::BatchNorm2dOptions(out).eps(0.001)));
}

torch::Tensor BasicConv2dImpl::forward(const torch::Tensor &x)
{
    return torch::relu(bn->forward(conv->forward(x)));
}

namespace {
BasicConv2d unit(std::int64_t in, std::int64_t out, std::int64_t k, std::int64_t stride = 1, std::int64_t pad = 0)
{
    return BasicConv2d(in, out, std::vector<std::int64_t>{k, k}, stride, std::vector<std::int64_t>{pad, pad});
}

BasicConv2d unit(std::int64_t in, std::int64_t out, std::vector<std::int64_t> k, std::vector<std::int64_t> pad)
{
    return BasicConv2d(in, out, std::move(k), 1, std::move(pad));
}

nn::Sequential chain(std::initializer_list<BasicConv2d> units)
{
    nn::Sequential s;
    for (const BasicConv2d &u : units)
        s->push_back(u);
    return s;
}

// Branches run side by side and are concatenated; residual blocks add a scaled 1x1 projection.
struct Mixed5b : nn::Module {
    Mixed5b()
    {
        branch0 = register_module("branch0", unit(192, 96, 1));
        branch1 = register_module("branch1", chain({unit(192, 48, 1), unit(48, 64, 5, 1, 2)}));
        branch2 = register_module("branch2", chain({unit(192, 64, 1), unit(64, 96, 3, 1, 1), unit(96, 96, 3, 1, 1)}));
        nn::Sequential b3;
        b3->push_back(nn::AvgPool2d(nn::AvgPool2dOptions(3).stride(1).padding(1).count_include_pad(false)));
        b3->push_back(unit(192, 64, 1));
        branch3 = register_module("branch3", b3);
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        return torch::cat({branch0->forward(x), branch1->forward(x), branch2->forward(x), branch3->forward(x)}, 1);
    }
    BasicConv2d branch0{nullptr};
    nn::Sequential branch1{nullptr}, branch2{nullptr}, branch3{nullptr};
};

struct Block35 : nn::Module {
    explicit Block35(double s) : scale(s)
    {
        branch0 = register_module("branch0", unit(320, 32, 1));
        branch1 = register_module("branch1", chain({unit(320, 32, 1), unit(32, 32, 3, 1, 1)}));
        branch2 = register_module("branch2", chain({unit(320, 32, 1), unit(32, 48, 3, 1, 1), unit(48, 64, 3, 1, 1)}));
        conv2d = register_module("conv2d", nn::Conv2d(nn::Conv2dOptions(128, 320, 1)));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        const torch::Tensor mixed = torch::cat({branch0->forward(x), branch1->forward(x), branch2->forward(x)}, 1);
        return torch::relu(conv2d->forward(mixed) * scale + x);
    }
    double scale;
    BasicConv2d branch0{nullptr};
    nn::Sequential branch1{nullptr}, branch2{nullptr};
    nn::Conv2d conv2d{nullptr};
};

struct Mixed6a : nn::Module {
    Mixed6a()
    {
        branch0 = register_module("branch0", unit(320, 384, 3, 2));
        branch1 = register_module("branch1", chain({unit(320, 256, 1), unit(256, 256, 3, 1, 1), unit(256, 384, 3, 2)}));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        return torch::cat({branch0->forward(x), branch1->forward(x), F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(2))}, 1);
    }
    BasicConv2d branch0{nullptr};
    nn::Sequential branch1{nullptr};
};

struct Block17 : nn::Module {
    explicit Block17(double s) : scale(s)
    {
        branch0 = register_module("branch0", unit(1088, 192, 1));
        branch1 = register_module("branch1", chain({unit(1088, 128, 1), unit(128, 160, {1, 7}, {0, 3}), unit(160, 192, {7, 1}, {3, 0})}));
        conv2d = register_module("conv2d", nn::Conv2d(nn::Conv2dOptions(384, 1088, 1)));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        return torch::relu(conv2d->forward(torch::cat({branch0->forward(x), branch1->forward(x)}, 1)) * scale + x);
    }
    double scale;
    BasicConv2d branch0{nullptr};
    nn::Sequential branch1{nullptr};
    nn::Conv2d conv2d{nullptr};
};

struct Mixed7a : nn::Module {
    Mixed7a()
    {
        branch0 = register_module("branch0", chain({unit(1088, 256, 1), unit(256, 384, 3, 2)}));
        branch1 = register_module("branch1", chain({unit(1088, 256, 1), unit(256, 288, 3, 2)}));
        branch2 = register_module("branch2", chain({unit(1088, 256, 1), unit(256, 288, 3, 1, 1), unit(288, 320, 3, 2)}));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        return torch::cat({branch0->forward(x), branch1->forward(x), branch2->forward(x),
                           F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(2))},
                          1);
    }
    nn::Sequential branch0{nullptr}, branch1{nullptr}, branch2{nullptr};
};

struct Block8 : nn::Module {
    Block8(double s, bool relu) : scale(s), withRelu(relu)
    {
        branch0 = register_module("branch0", unit(2080, 192, 1));
        branch1 = register_module("branch1", chain({unit(2080, 192, 1), unit(192, 224, {1, 3}, {0, 1}), unit(224, 256, {3, 1}, {1, 0})}));
        conv2d = register_module("conv2d", nn::Conv2d(nn::Conv2dOptions(448, 2080, 1)));
    }
    torch::Tensor forward(const torch::Tensor &x)
    {
        const torch::Tensor out = conv2d->forward(torch::cat({branch0->forward(x), branch1->forward(x)}, 1)) * scale + x;
        return withRelu ? torch::relu(out) : out;
    }
    double scale;
    bool withRelu;
    BasicConv2d branch0{nullptr};
    nn::Sequential branch1{nullptr};
    nn::Conv2d conv2d{nullptr};
};

} // namespace

InceptionResNetV2Impl::InceptionResNetV2Impl(std::int64_t classes)
{
    conv2d_1a = register_module("conv2d_1a", unit(3, 32, 3, 2));
    conv2d_2a = register_module("conv2d_2a", unit(32, 32, 3));
    conv2d_2b = register_module("conv2d_2b", unit(32, 64, 3, 1, 1));
    conv2d_3b = register_module("conv2d_3b", unit(64, 80, 1));
    conv2d_4a = register_module("conv2d_4a", unit(80, 192, 3));
    mixed_5b = register_module("mixed_5b", std::make_shared<Mixed5b>());
    repeat = register_module("repeat", nn::Sequential());
    for (int i = 0; i < 10; ++i)
        repeat->push_back(std::to_string(i), std::make_shared<Block35>(0.17));
    mixed_6a = register_module("mixed_6a", std::make_shared<Mixed6a>());
    repeat_1 = register_module("repeat_1", nn::Sequential());
    for (int i = 0; i < 20; ++i)
        repeat_1->push_back(std::to_string(i), std::make_shared<Block17>(0.10));
    mixed_7a = register_module("mixed_7a", std::make_shared<Mixed7a>());
    repeat_2 = register_module("repeat_2", nn::Sequential());
    for (int i = 0; i < 9; ++i)
        repeat_2->push_back(std::to_string(i), std::make_shared<Block8>(0.20, true));
    block8 = register_module("block8", std::make_shared<Block8>(1.0, false));
    conv2d_7b = register_module("conv2d_7b", unit(2080, 1536, 1));
    classif = register_module("classif", nn::Linear(1536, classes));
}

torch::Tensor InceptionResNetV2Impl::features(const torch::Tensor &input)
{
    torch::Tensor x = conv2d_2b->forward(conv2d_2a->forward(conv2d_1a->forward(input)));
    x = F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(2));
    x = conv2d_4a->forward(conv2d_3b->forward(x));
    x = F::max_pool2d(x, F::MaxPool2dFuncOptions(3).stride(2));
    x = std::static_pointer_cast<Mixed5b>(mixed_5b)->forward(x);
    for (const auto &block : *repeat)
        x = std::static_pointer_cast<Block35>(block.ptr())->forward(x);
    x = std::static_pointer_cast<Mixed6a>(mixed_6a)->forward(x);
    for (const auto &block : *repeat_1)
        x = std::static_pointer_cast<Block17>(block.ptr())->forward(x);
    x = std::static_pointer_cast<Mixed7a>(mixed_7a)->forward(x);
    for (const auto &block : *repeat_2)
        x = std::static_pointer_cast<Block8>(block.ptr())->forward(x);
    x = std::static_pointer_cast<Block8>(block8)->forward(x);
    return conv2d_7b->forward(x);
}

torch::Tensor InceptionResNetV2Impl::forward(const torch::Tensor &x)
{
    return classif->forward(features(x).mean({2, 3}));
}

torch::Tensor inceptionLogitsForGray(InceptionResNetV2 &network, const torch::Tensor &l)
{
    const torch::Tensor lab = torch::cat({l, torch::zeros({l.size(0), 2, l.size(2), l.size(3)}, l.options())}, 1);
    const torch::Tensor gray = labToSrgb(lab); // equal channels: the gray photo as RGB
    const torch::Tensor input = resize(gray, 299, 299, ResizeMode::Antialiased).clamp(0.0, 1.0);
    return network->forward((input - 0.5) / 0.5);
}

InceptionResNetV2 loadInceptionResNetV2(const std::string &path)
{
    const StateDict weights = loadStateDict(path);
    std::int64_t classes = 0;
    for (const auto &[name, tensor] : weights)
        if (name == "classif.weight" && tensor.dim() == 2)
            classes = tensor.size(0);
    if (classes <= 0)
        throw Error(path + " holds no Inception-ResNet-v2 (no classif.weight; timm's inception_resnet_v2 names are expected)");
    InceptionResNetV2 network(classes);
    const LoadReport report = applyStateDict(*network, weights, false);
    if (!report.isComplete())
        throw Error("the weights in " + path + " do not fit Inception-ResNet-v2: " + report.summary());
    network->eval();
    return network;
}

} // namespace periscope::colorize
