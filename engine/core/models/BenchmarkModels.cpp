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
    return {
        entry<ResNetImpl>("resnet50", ResNetConfig::resnet50(), {3, 224, 224}, ResNetConfig::resnet50().forwardFlops(224)),
        entry<VisionTransformerImpl>("vit_b14", vitB, {3, 224, 224}, vitB.forwardFlops()),
        entry<ResNetImpl>("resnet18", ResNetConfig::resnet18(), {3, 224, 224}, ResNetConfig::resnet18().forwardFlops(224)),
    };
}

} // namespace periscope
