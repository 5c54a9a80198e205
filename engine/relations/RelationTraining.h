// SPDX-License-Identifier: GPL-3.0-or-later
// Training a relations model as the paper does (src/xib/train.py): image-level predicate labels
// only (the set of predicates an image's true triplets use), binary cross-entropy on the
// predicate logits, Adam with weight decay 1e-5; the input graphs are built on the ground
// truth's boxes. Here the backbone (scene_cnn) learns with the network, and images are flipped
// left-right at random (no predicate here depends on left and right). After each epoch:
// validation loss and predicate mAP, and the relations recovered by the explainer on validation
// images scored by recall@K (relationship detection; explaining the sigmoid scores as the paper
// does, and explaining the logits), beside the recall a random ranking of every
// (edge, predicate) pair would expect. Weights + sidecar after every epoch, a resumable checkpoint,
// cancellable. Torch-free interface.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/core/json/Json.h"
#include "engine/relations/RelationDatasets.h"
#include "engine/relations/RelationModel.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace periscope::relations {

struct RelationTrainingSettings {
    RelationModelInfo model;       // classes are taken from the dataset
    int epochs = 20;
    int batchSize = 16;
    double learningRate = 1e-3;
    double weightDecay = 1e-5;
    double validationFraction = 0.1;
    std::uint64_t seed = 0;
    std::string outPath;           // weights (.safetensors); OUT.json beside; OUT.checkpoint.* to resume
    bool resume = false;
    bool flip = true;
    int recallImages = 200;        // validation images whose relations are recovered each epoch (the first ones)
    std::vector<int> recallSteps{10, 20, 50, 100};
};

struct RelationEpoch {
    int epoch = 0;
    double trainLoss = 0.0;
    double validationLoss = 0.0;
    double validationMap = 0.0;              // image-level predicate mAP
    std::vector<double> validationRecall;    // relationship detection, per recallSteps, the paper's explanation
    std::vector<double> validationRecallLogits; // the same explaining the logits (ExplainerOptions::explainLogits)
    std::vector<double> randomRecall;        // what a random ranking of every (edge, predicate) pair expects
    double seconds = 0.0;
};

struct RelationTrainingSummary {
    std::vector<RelationEpoch> epochs;
    std::vector<int> recallSteps;
    std::int64_t trainCount = 0, validationCount = 0, parameters = 0;
    double seconds = 0.0;
    json::Value toJson() const;
};

// The recall@K a uniformly random ranking of every (edge, predicate) candidate expects on these
// images: a true triplet among M candidates is in the first K with chance min(K, M) / M.
std::vector<double> randomRankingRecall(const std::vector<RelationImage> &images, int predicateCount, const std::vector<int> &steps,
                                        const std::vector<std::string> &objectClasses = {}, const std::vector<std::string> &subjectClasses = {});

// Throws periscope::Error on bad settings or data, CancelledError when cancelled (the last
// finished epoch's weights and a checkpoint stay on disk).
RelationTrainingSummary trainRelations(const RelationDataset &data, const RelationTrainingSettings &settings, const JobControl &job = {},
                                       const std::function<void(const RelationEpoch &)> &onEpoch = {});

} // namespace periscope::relations
