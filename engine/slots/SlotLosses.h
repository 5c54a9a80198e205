// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// The self-supervised losses of the ICLR-W 2022 paper. Every loss takes the two augmented views
// of B images stacked along the batch: rows i and i + B are the same image.
#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

namespace periscope::slot {

// SimCLR's NT-Xent on [2B, C] projections: a (2B - 1)-way classification of each view's partner by
// cosine similarity / temperature. All embeddings equal gives log(2B - 1).
torch::Tensor ntXentLoss(const torch::Tensor &projections, double temperature);

enum class ObjectLoss {
    MatchedContrastiveImage, // "ctr_img": negatives are the other slots of the image's two views
    MatchedContrastiveAll,   // "ctr_all": negatives are all other slots of the batch
    MatchedCosine,           // "sim_img": maximise the matched slots' cosine similarity, no negatives
};
ObjectLoss parseObjectLoss(const std::string &text); // "ctr_img", "ctr_all", "sim_img"; throws Error
std::string toString(ObjectLoss loss);

// For each image b, slot k of view 0 is matched one to one with a slot of view 1 by the Hungarian
// algorithm maximising cosine similarity; returns [B][K] the matched slot of view 1. Slots are
// [2B, K, C].
std::vector<std::vector<int>> matchSlotsAcrossViews(const torch::Tensor &projections);

// The object loss on [2B, K, C] slot projections, with the matches above as targets.
torch::Tensor objectLoss(const torch::Tensor &projections, ObjectLoss kind, double temperature);

} // namespace periscope::slot
