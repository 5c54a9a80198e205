// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Layer-wise relevance propagation (Bach et al. 2015; rules as in Montavon et al. 2019).
// Relevance starts at the explained score and flows backwards layer by layer; each affine layer
// redistributes it to its inputs in proportion to their (rule-modified) contributions z_ij:
//   R_i = a_i * sum_j w'_ij * R_j / (z_j + eps * sign(z_j)).
// The redistribution is computed with the "gradient trick" (one backward pass per layer), so any
// affine layer - linear, convolution, or a graph network's own - can use lrpAffineStep.
#pragma once

#include "engine/core/jobs/JobControl.h"

#include <torch/torch.h>

#include <functional>
#include <vector>

namespace periscope {

struct LrpRule {
    enum class Kind { Epsilon, Gamma, ZPlus };
    Kind kind = Kind::Epsilon;
    double epsilon = 1e-6; // stabiliser (LRP-epsilon; a tiny one keeps the others' divisions safe)
    double gamma = 0.25;   // LRP-gamma: weights w + gamma * max(w, 0)

    static LrpRule eps(double e = 1e-6) { return {Kind::Epsilon, e, 0.0}; }
    static LrpRule withGamma(double g = 0.25) { return {Kind::Gamma, 1e-6, g}; }
    static LrpRule zPlus() { return {Kind::ZPlus, 1e-6, 0.0}; }
};

// An affine map of the input given (possibly rule-modified) parameters: the layer's own forward
// pass with weight and bias replaced.
using AffineForward = std::function<torch::Tensor(const torch::Tensor &input, const torch::Tensor &weight,
                                                  const torch::Tensor &bias)>;

// Relevance of `input` given the relevance of the layer's output.
torch::Tensor lrpAffineStep(const torch::Tensor &input, const torch::Tensor &outputRelevance, const torch::Tensor &weight,
                            const torch::Tensor &bias, const AffineForward &forward, const LrpRule &rule);

struct LrpResult {
    torch::Tensor relevance;           // like the input
    torch::Tensor explainedScore;      // [N]
    torch::Tensor conservationError;   // [N]: |sum(relevance) - score|, 0 up to bias and epsilon absorption
    std::vector<torch::Tensor> layerRelevance; // the relevance entering each module, input first
};

// LRP through a torch::nn::Sequential of Linear, Conv2d, ReLU, Flatten, MaxPool2d, AvgPool2d
// and Dropout (identity at inference). `ruleForLayer(i)` chooses the rule of module i (e.g.
// gamma in the lower convolutions, epsilon near the output). Anything else is refused by name.
LrpResult lrpSequential(torch::nn::Sequential &network, const torch::Tensor &input, const torch::Tensor &targets,
                        const std::function<LrpRule(std::size_t layer)> &ruleForLayer, const JobControl &control = {});

} // namespace periscope
