// SPDX-License-Identifier: GPL-3.0-or-later
// The triplet-frequency prior of the paper's explainer (visual_relations_explainer.py,
// `frequencies`): a (subject, predicate, object) candidate's score is multiplied by how often its
// classes form that triplet in training data, either P(s, o | p) (the paper's VRD setting,
// "s,o|p") or P(s, p, o) ("s,p,o"). Counted here from a dataset's true triplets. Plain C++.
#pragma once

#include "engine/relations/RelationDatasets.h"

#include <string>
#include <vector>

namespace periscope::relations {

enum class PriorKind { SubjectObjectGivenPredicate, Joint };
PriorKind parsePriorKind(const std::string &name); // "s,o|p", "s,p,o"
std::string priorKindName(PriorKind kind);

struct TripletPrior {
    PriorKind kind = PriorKind::SubjectObjectGivenPredicate;
    int objectClasses = 0, predicateClasses = 0;
    std::vector<double> probability; // [subject class][predicate][object class]
    int triplets = 0;                // true triplets counted
    // 0 for classes outside the table (a triplet never seen is never ranked up).
    double at(int subject, int predicate, int object) const;
};

// Counts the true triplets of `data` (whose classes are the model's: align it first). Throws
// periscope::Error when it has none, or when the table would pass 50 million entries.
TripletPrior countTripletPrior(const RelationDataset &data, PriorKind kind);

} // namespace periscope::relations
