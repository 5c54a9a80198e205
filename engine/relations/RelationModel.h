// SPDX-License-Identifier: GPL-3.0-or-later
// A relations model as the workspace and the CLI use it, without torch: load it (weights with a
// JSON sidecar naming its backbone, classes and readout), classify an image's predicates from
// its objects, and recover the relations by explaining the classifier (RelationExplainer.h).
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/json/Json.h"
#include "engine/relations/RelationExplainerOptions.h"
#include "engine/relations/RelationTypes.h"

#include <memory>
#include <string>
#include <vector>

namespace periscope::relations {

struct RelationModelInfo {
    std::string backbone = "scene_cnn";        // scene_cnn, resnet18, resnet50
    std::vector<std::string> objectClasses;
    std::vector<std::string> predicateClasses;
    std::vector<std::string> subjectClasses;   // edges leave only objects of these classes; empty: every object
    std::string readout = "FC_AGG";            // or AGG_FC
    std::string pooling = "max";               // or mean, add
    std::int64_t width = 128;                  // every fully connected layer
    std::int64_t convWidth = 64;               // the node model's convolutions
    int maxSide = 320;                         // images are scaled down to this longer side
    json::Value toJson() const;
    static RelationModelInfo fromJson(const json::Value &v, const std::string &file);
};

struct RelationAnalysis {
    std::vector<double> predicateScores;             // per predicate class, sigmoid
    std::vector<int> topPredicates;                  // best first
    std::vector<int> senders, receivers;             // the graph's edges
    std::vector<std::vector<double>> nodeRelevance;  // [k][object] for the k-th top predicate
    std::vector<std::vector<double>> edgeRelevance;  // [k][edge]
    std::vector<RelationTriplet> triplets;           // best first
};

class RelationModel {
public:
    // A fresh model (random weights) of this shape.
    explicit RelationModel(const RelationModelInfo &info);
    ~RelationModel();
    RelationModel(const RelationModel &) = delete;
    RelationModel &operator=(const RelationModel &) = delete;

    // Weights (safetensors) with OUT.json beside them. Throws periscope::Error with a reason.
    static std::unique_ptr<RelationModel> load(const std::string &weightsPath);

    const RelationModelInfo &info() const;
    std::int64_t parameterCount() const;

    // Predicate scores of one image with its objects (at least one; boxes in the image's pixels).
    std::vector<double> predicateScores(const Image &rgb, const std::vector<RelationObject> &objects);
    // Scores, relevances and triplets.
    RelationAnalysis analyse(const Image &rgb, const std::vector<RelationObject> &objects, const ExplainerOptions &options);

    struct State;
    State &state();

private:
    std::unique_ptr<State> m_state;
};

} // namespace periscope::relations
