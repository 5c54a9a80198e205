// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// Recovering (subject, predicate, object) triplets by explaining the predicate classifier, as
// the paper's VisualRelationExplainer (src/xib/models/visual_relations_explainer.py): for each
// of an image's top k predicted predicates, the relevance of every node and edge input for that
// predicate's score; each directed edge (s, o) then scores
//     relevance(s) x relevance(edge) x relevance(o) x score(predicate) [x detector scores of s and o]
// and the image keeps its best `topRelations` (edge, predicate) pairs. The relevance of an input
// is its gradient (or gradient x input with `activations`; for RoI features with `channelMean`,
// the input times its gradient averaged over the RoI, as Grad-CAM) pooled over its features by
// `pool`: the sum of positive parts, the L1 norm or the squared L2 norm. Node relevance adds
// that of the object's linear features and its RoI features.
//
// Beside the paper's gradients: integrated gradients (Sundararajan et al. 2017; baseline 0 for
// every input, `steps` points of the right Riemann sum), pooled the same way.
// The paper's optional triplet-frequency prior is not applied (its "uniform" setting). With
// explainLogits, the logits are explained instead of the sigmoid scores (RelationExplainerOptions.h).
#pragma once

#include "engine/relations/RelationExplainerOptions.h"
#include "engine/relations/RelationTypes.h"
#include "engine/relations/RelationalNetwork.h"

#include <string>
#include <vector>

namespace periscope::relations {

// One image's explanation.
struct ImageRelations {
    std::vector<double> predicateScores;   // sigmoid of every predicate's logit
    std::vector<int> topPredicates;        // best first
    torch::Tensor nodeRelevance;           // [n, k] for this image's objects, k = topPredicates.size()
    torch::Tensor edgeRelevance;           // [e, k] for this image's edges
    std::vector<int> edges;                // the image's edges, as indices into the batch's edges
    std::vector<RelationTriplet> triplets; // best first; subject and object index this image's objects
};

// `objectScores` [N] (the detector's confidence; ignored unless options.objectScores).
std::vector<ImageRelations> explainRelations(RelationalNetworkImpl &network, const RelationBatch &inputs, const torch::Tensor &objectScores,
                                             const ExplainerOptions &options);

} // namespace periscope::relations
