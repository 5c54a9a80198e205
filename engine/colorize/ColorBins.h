// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Colorization as classification (Zhang, Isola & Efros, ECCV 2016, section 2.1): the ab plane in
// bins 10 wide, targets soft-encoded over the 5 nearest bins with a Gaussian (sigma 5), and the
// class-rebalanced cross-entropy whose weights undo the dominance of desaturated colours:
// w ∝ ((1 - λ) p̃ + λ / Q)^-1 with p̃ the training set's bin distribution smoothed by a Gaussian
// (sigma 5) and λ = 1/2, normalised so that E_p̃[w] = 1.
#pragma once

#include <torch/torch.h>

namespace periscope::colorize {

// All 23 x 23 bin centres of a and b in {-110, -100, ..., 110}, a-major: [529, 2] (siggraph17's classes).
torch::Tensor abGridBins();

// `count` of those bins, the ones nearest the sRGB gamut (every bin that some lightness shows
// first, then the closest others), ordered a-major: eccv16 has 313 classes. The authors' own 313
// bins (in a published eccv16's model_out weights) are used instead whenever those weights are.
torch::Tensor abGamutBins(std::int64_t count = 313);

// ab [N, 2, H, W] (Lab units) -> [N, Q, H, W]: Gaussian weights over the `neighbours` nearest of
// `bins` [Q, 2], summing to one at every pixel.
torch::Tensor softEncode(const torch::Tensor &ab, const torch::Tensor &bins, std::int64_t neighbours = 5, double sigma = 5.0);

// The rebalancing weights [Q] from a distribution over the bins [Q] (e.g. soft-encoded training
// targets averaged over pixels).
torch::Tensor rebalancingWeights(const torch::Tensor &distribution, const torch::Tensor &bins, double lambda = 0.5, double sigma = 5.0);

// Mean over pixels of w[argmax z] · (-Σ_q z_q log softmax(logits)_q); logits and z [N, Q, H, W].
torch::Tensor classRebalancedLoss(const torch::Tensor &logits, const torch::Tensor &softTargets, const torch::Tensor &weights);

} // namespace periscope::colorize
