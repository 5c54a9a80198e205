// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// How faithful an attribution map is to the model (Petsiuk et al. 2018): delete the pixels it
// ranks highest first and watch the score fall (a good map falls fast: low area under the
// curve), or insert them into a blank image and watch it rise (high area). Plus the sparsity of
// a map (Gini index, Hurley and Rickard 2009).
#pragma once

#include "engine/core/attribution/Attribution.h"

#include <vector>

namespace periscope {

struct FaithfulnessCurve {
    std::vector<double> fraction; // of pixels deleted or inserted, 0 .. 1
    std::vector<double> score;    // the target's score (as the model returns it) at each fraction
    double area = 0.0;            // trapezoidal area under score(fraction)
};

struct FaithfulnessOptions {
    int steps = 32;         // points on the curve after the first
    double fill = 0.0;      // the "deleted" value, and the blank image insertion starts from
    int batchSize = 16;
};

// input: one image [1, C, H, W]; map: [H, W] (higher = more important).
FaithfulnessCurve deletionCurve(const ScoreFunction &model, const torch::Tensor &input, std::int64_t target,
                                const torch::Tensor &map, const FaithfulnessOptions &options = {}, const JobControl &control = {});
FaithfulnessCurve insertionCurve(const ScoreFunction &model, const torch::Tensor &input, std::int64_t target,
                                 const torch::Tensor &map, const FaithfulnessOptions &options = {}, const JobControl &control = {});

// 0 for a uniform map, approaching 1 when one value holds all the mass (absolute values used).
double giniIndex(const torch::Tensor &map);

} // namespace periscope
