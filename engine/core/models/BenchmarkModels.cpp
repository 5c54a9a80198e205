// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/BenchmarkModels.h"

#include "engine/core/models/ResNet.h"
#include "engine/core/models/VisionTransformer.h"

namespace periscope {

namespace {
template <typename Impl, typename Config> BenchmarkModel entry(std::string name, Config config, std::vector<std::int64_t> shape, double flops)
{
    BenchmarkModel m;
    m.name = std::move(name);
    m.inputShape = std::move(shape);
    m.forwardFlops = flops;
    m.create = [config] { return std::static_pointer_cast<torch::nn::Module>(std::make_shared<Impl>(config)); };
    m.forward = [](torch::nn::Module &module, const torch::Tensor &x) { return static_cast<Impl &>(module).forward(x); };
    return m;
}
} // namespace

std::vector<BenchmarkModel> benchmarkModels()
{
    VitConfig vitB = VitConfig::base14();
    vitB.classes = 1000;
    // DINOv2's ViT-L/14 at its native 518 px (37 x 37 patches): the Open-vocabulary backbone.
    VitConfig vitL = VitConfig::large14();
    vitL.imageSize = 518;
    vitL.classes = 1000;
    return {
        entry<ResNetImpl>("resnet50", ResNetConfig::resnet50(), {3, 224, 224}, ResNetConfig::resnet50().forwardFlops(224)),
        entry<VisionTransformerImpl>("vit_b14", vitB, {3, 224, 224}, vitB.forwardFlops()),
        entry<ResNetImpl>("resnet18", ResNetConfig::resnet18(), {3, 224, 224}, ResNetConfig::resnet18().forwardFlops(224)),
        entry<VisionTransformerImpl>("vit_l14_518", vitL, {3, 518, 518}, vitL.forwardFlops()),
    };
}

} // namespace periscope
