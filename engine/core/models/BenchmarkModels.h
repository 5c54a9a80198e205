// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// The models bench/ measures. A workspace that adds a model registers it here with one entry,
// and the benchmarks pick it up.
#pragma once

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace periscope {

struct BenchmarkModel {
    std::string name;
    std::vector<std::int64_t> inputShape;    // one sample, e.g. {3, 224, 224}
    double forwardFlops = 0.0;               // per sample
    std::function<std::shared_ptr<torch::nn::Module>()> create;
    std::function<torch::Tensor(torch::nn::Module &, const torch::Tensor &)> forward;
};

std::vector<BenchmarkModel> benchmarkModels();

} // namespace periscope
