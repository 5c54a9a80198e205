// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/training/BatchNormStatistics.h"

#include <optional>

namespace periscope {

namespace {
// Calls visit(options, layer) for each BatchNorm layer of any dimension, in a fixed order.
template <typename Visit> void forEachBatchNorm(torch::nn::Module &module, Visit &&visit)
{
    for (const std::shared_ptr<torch::nn::Module> &child : module.modules(/*include_self=*/true)) {
        if (auto *bn = child->as<torch::nn::BatchNorm1d>())
            visit(bn->options, *bn);
        else if (auto *bn2 = child->as<torch::nn::BatchNorm2d>())
            visit(bn2->options, *bn2);
        else if (auto *bn3 = child->as<torch::nn::BatchNorm3d>())
            visit(bn3->options, *bn3);
    }
}
} // namespace

void updateBatchNormStatistics(torch::nn::Module &module, const std::vector<torch::Tensor> &batches,
                               const std::function<void(const torch::Tensor &)> &forward)
{
    if (batches.empty())
        return;
    std::vector<std::optional<double>> momenta;
    forEachBatchNorm(module, [&](torch::nn::BatchNormOptions &options, auto &bn) {
        momenta.push_back(options.momentum());
        // Unset momentum: the running statistics become cumulative averages over the batches.
        options.momentum(std::nullopt);
        bn.reset_running_stats();
    });
    if (momenta.empty())
        return;
    // Only the BatchNorm layers train: dropout and stochastic depth stay off, so the statistics
    // are those of the activations evaluation will see.
    std::vector<bool> modes;
    for (const std::shared_ptr<torch::nn::Module> &child : module.modules(/*include_self=*/true))
        modes.push_back(child->is_training());
    module.eval();
    forEachBatchNorm(module, [](torch::nn::BatchNormOptions &, auto &bn) { bn.train(true); });
    {
        torch::NoGradGuard noGrad;
        for (const torch::Tensor &batch : batches)
            forward(batch);
    }
    std::size_t m = 0;
    for (const std::shared_ptr<torch::nn::Module> &child : module.modules(/*include_self=*/true))
        child->train(modes[m++]);
    std::size_t i = 0;
    forEachBatchNorm(module, [&](torch::nn::BatchNormOptions &options, auto &) { options.momentum(momenta[i++]); });
}

} // namespace periscope
