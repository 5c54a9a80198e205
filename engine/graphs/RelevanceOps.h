// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Layer-wise relevance propagation through the graph layers, written as autograd functions whose
// backward pass carries relevance instead of gradients, rule for rule as the paper's code
// (src/relevance/autograd_tricks.py in baldassarreFe/graph-network-explainability):
// - linear maps (without bias): epsilon rule, R_i = x_i sum_j w_ji R_j / (z_j +- eps), eps 1e-16;
// - sums (terms and bias): proportional split, R_a = R a / (a + b), so a bias keeps its share;
// - sum aggregation: R_src = R_out src / out; mean aggregation: R_src = R_out src / (segment sum);
// - max aggregation: winner takes all (ties share evenly);
// - ReLU: relevance passes unchanged; gathers: relevance of the copies is summed back.
// Relevance reaching an output of exactly 0 is lost, as there.
#pragma once

#include "engine/graphs/GraphNetwork.h"

namespace periscope::graphs::relevance {

torch::Tensor linearEpsilon(const torch::Tensor &x, const torch::Tensor &weight);
torch::Tensor add(const torch::Tensor &a, const torch::Tensor &b);
torch::Tensor relu(const torch::Tensor &x);
// `values` [E, F] into `segments` rows by `index`; empty segments are 0.
torch::Tensor aggregate(const torch::Tensor &values, const torch::Tensor &index, std::int64_t segments, Aggregation how);

} // namespace periscope::graphs::relevance
