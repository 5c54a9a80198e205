// SPDX-License-Identifier: GPL-3.0-or-later
// Recovering the relations of many images with one model, and scoring them where a ground truth
// exists: what `periscope-cli relations` and the workspace's folder view share. No torch, no Qt.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/core/json/Json.h"
#include "engine/relations/RelationDatasets.h"
#include "engine/relations/RelationMetrics.h"
#include "engine/relations/RelationModel.h"

#include <functional>
#include <string>
#include <vector>

namespace periscope::relations {

// Rewrites the dataset's object categories and predicates into the model's classes, by name.
// Objects of a class the model does not know are dropped (with the triplets that name them),
// as are true triplets of an unknown predicate; the returned note says how many (empty: none).
std::string alignToModel(RelationDataset &dataset, const RelationModelInfo &model);

struct ImageRelationResult {
    RelationImage image;         // with its size filled in from the decoded pixels
    RelationAnalysis analysis;   // empty when `error` is set
    std::vector<bool> hits;      // per predicted triplet: matches a true one (relationship detection); empty without truth
    std::string error;           // why this image has no result
    double seconds = 0.0;
};

// Decodes the image, checks its objects and analyses it; a failure is recorded in `error`.
ImageRelationResult analyseImage(RelationModel &model, const RelationImage &image, const ExplainerOptions &options);

// Every image of the dataset in turn (progress and cancel through `job`); `onImage` sees each
// result as it is made.
std::vector<ImageRelationResult> analyseDataset(RelationModel &model, const RelationDataset &dataset, const ExplainerOptions &options,
                                                const JobControl &job = {}, const std::function<void(const ImageRelationResult &)> &onImage = {});

struct RelationRunSummary {
    std::vector<int> steps;
    RecallTable predicate, phrase, relationship;
    std::vector<double> randomRecall;        // a random ranking of every (edge, predicate) pair, relationship detection
    PredicateAveragePrecision predicateMap;  // image-level
    int images = 0, failed = 0, withTruth = 0;
    json::Value toJson(const std::vector<std::string> &predicateClasses) const;
};

RelationRunSummary summariseRelations(const std::vector<ImageRelationResult> &results, const RelationModelInfo &model,
                                      const std::vector<int> &steps = {20, 50, 100});

// One image's result as written to NAME.relations.json: objects (box [x1, y1, x2, y2], category,
// score), predicates with scores, triplets (subject, predicate, object, score, hit), the truth.
json::Value relationResultJson(const ImageRelationResult &result, const RelationModelInfo &model);

// What summariseRelations needs of one image, with classes as indices into the model's: how the
// images of a sharded run travel to `merge` (app/batch/Shards.h). Exact: numbers round-trip.
json::Value relationScoringRecord(const ImageRelationResult &result);
// The record read back. It is a file from outside: every class and object index is checked
// against `model` and the image's objects, and a wrong one throws periscope::Error.
ImageRelationResult relationResultFromRecord(const json::Value &record, const RelationModelInfo &model);

// The recall tables as CSV: mode, K, recall, then one row per predicate and K.
std::string recallCsv(const RelationRunSummary &summary, const std::vector<std::string> &predicateClasses);

} // namespace periscope::relations
