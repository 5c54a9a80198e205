// SPDX-License-Identifier: GPL-3.0-or-later
// Scoring recovered relations as the paper's code does (src/xib/metrics/relation_det/recall_at.py
// and pred_class/mean_avg_prec.py), in plain C++. A predicted triplet matches a true one when
// subject, predicate and object classes agree and
//   predicate detection:     nothing more (the boxes are the ground truth's);
//   phrase detection:        the union boxes overlap with IoU > 0.5;
//   relationship detection:  subject boxes and object boxes each overlap with IoU > 0.5.
// (The paper compares IoU > 0.5 strictly.) A true triplet is recalled at K when a match is
// among the first K predictions; an image's recall is the share of its true triplets recalled,
// and the recall@K of a set of images the mean over the images that have true triplets. Several
// true triplets may be recalled by one prediction, as there.
#pragma once

#include "engine/relations/RelationTypes.h"

#include <map>
#include <string>
#include <vector>

namespace periscope::relations {

enum class MatchMode { Predicate, Phrase, Relationship };
std::string matchModeName(MatchMode mode); // "predicate", "phrase", "relationship"

// One image's predictions over `objects` (ranked, best first) and its truth over `truthObjects`.
struct RelationPredictions {
    std::vector<RelationObject> objects;
    std::vector<RelationTriplet> ranked;
    std::vector<RelationObject> truthObjects;
    std::vector<RelationTriplet> truth;
};

// For each true triplet of the image, the 0-based rank of its first matching prediction, -1 when
// none matches.
std::vector<int> firstMatchRanks(const RelationPredictions &image, MatchMode mode);
// For each ranked prediction of the image, whether it matches some true triplet (a hit).
std::vector<bool> matchingPredictions(const RelationPredictions &image, MatchMode mode);

struct RecallTable {
    std::vector<int> steps;                        // K
    std::vector<double> recall;                    // per K: the mean over images with true triplets
    std::map<int, std::vector<double>> perPredicate; // per predicate class and K: the mean over images with that predicate
    int images = 0;                                // images with true triplets
};

RecallTable recallAt(const std::vector<RelationPredictions> &images, MatchMode mode, const std::vector<int> &steps = {50, 100});

// Image-level predicate classification: average precision per class over the images (as
// scikit-learn's average_precision_score), and their mean over the classes with at least one
// positive image (NaN classes skipped, as the paper does). `labels[i][c]` is 0 or 1.
struct PredicateAveragePrecision {
    std::vector<double> perClass; // NaN for classes without positives
    double mean = 0.0;
};
PredicateAveragePrecision predicateAveragePrecision(const std::vector<std::vector<double>> &scores, const std::vector<std::vector<int>> &labels);

} // namespace periscope::relations
