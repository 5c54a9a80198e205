// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files, tests and benchmarks.
//
// Batch normalisation's running statistics recomputed from data, as torch.optim.swa_utils.update_bn
// does: after averaging or editing weights, and for a freshly initialised network that should
// behave in evaluation mode as it does in training (without it, running statistics of 0 and 1
// let activations grow layer by layer until the output no longer depends on the input).
#pragma once

#include <torch/torch.h>

#include <functional>
#include <vector>

namespace periscope {

// Resets every BatchNorm layer's statistics, runs `forward` once per batch without gradients
// with only the BatchNorm layers in training mode (unlike update_bn, dropout and stochastic depth
// stay off, so the statistics are those of the activations evaluation sees), and leaves the
// layers with the average of the batches' means and (unbiased) variances, as PyTorch's cumulative
// average gives them. Momentum and every layer's mode are restored.
void updateBatchNormStatistics(torch::nn::Module &module, const std::vector<torch::Tensor> &batches,
                               const std::function<void(const torch::Tensor &)> &forward);

} // namespace periscope
