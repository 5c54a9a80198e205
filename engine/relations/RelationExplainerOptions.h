// SPDX-License-Identifier: GPL-3.0-or-later
// How relations are recovered from the predicate classifier (RelationExplainer.h says how each
// option acts); plain data, for the CLI, the workspace and the model alike. The defaults are the
// paper's for VRD (config/visual_relations_vrd.yaml), without the triplet-frequency prior.
#pragma once

#include <memory>
#include <string>

namespace periscope::relations {

struct TripletPrior; // RelationPrior.h

enum class RelevanceMethod { Gradient, IntegratedGradients, Lrp };
enum class RelevancePool { SumPositives, L1, L2 };
RelevancePool parseRelevancePool(const std::string &name);     // "sum_positives", "l1", "l2"
RelevanceMethod parseRelevanceMethod(const std::string &name); // "gradient", "integrated_gradients", "lrp"
std::string relevanceMethodName(RelevanceMethod method);

struct ExplainerOptions {
    int topPredicates = 10;  // the paper's top_k_predicates
    int topRelations = 100;  // top_x_relations
    bool activations = false;
    bool channelMean = false;
    RelevancePool pool = RelevancePool::L1;
    bool objectScores = true;
    RelevanceMethod method = RelevanceMethod::Gradient;
    int steps = 32;          // integrated gradients only
    // Beside the paper: explain each predicate's logit instead of its sigmoid score. A sigmoid
    // near 0 or 1 has almost no gradient, so a predicate the classifier is sure of would get
    // almost no relevance anywhere; its logit keeps it. Triplets are still weighed by the score.
    bool explainLogits = false;
    // The paper's triplet-frequency prior (RelationPrior.h): every candidate's score times the
    // frequency of its classes' triplet, before the best topRelations are kept. Null: none
    // (the paper's "uniform").
    std::shared_ptr<const TripletPrior> prior;
};

} // namespace periscope::relations
