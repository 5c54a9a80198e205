// SPDX-License-Identifier: GPL-3.0-or-later
// Training the paper's graph networks, torch-free interface for the CLI and the workspace:
// InfectionGN on generated infection graphs (node BCE + infected-count MSE, as in the paper's
// src/infection/train.py) and SolubilityGN on molecules (MSE on one value per molecule, as in
// src/solubility/train.py). Adam; a seeded train/validation split; per-epoch validation
// (node accuracy or RMSE); weights written after every epoch, a resumable checkpoint beside them.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/core/json/Json.h"
#include "engine/graphs/GraphData.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace periscope::graphs {

enum class GraphTask {
    Infection, // InfectionGN: which nodes are infected, and how many
    Molecules, // SolubilityGN: one value per molecule (ESOL estimate, logP, a measured column)
};

struct GraphExample {
    GraphData graph;
    std::vector<float> nodeTargets; // Infection: 1 infected, 0 not
    double globalTarget = 0.0;      // Infection: infected count; Molecules: the value to predict
};

// `count` graphs with the paper's training (or test) parameters, reproducible from `seed`.
std::vector<GraphExample> generateInfectionExamples(int count, std::uint64_t seed, bool testParameters = false);

struct GraphTrainingSettings {
    GraphTask task = GraphTask::Infection;
    std::string aggregation = "sum"; // sum | mean | max
    bool bias = true;
    int layers = 3;          // Molecules: hidden steps
    std::int64_t width = 64; // Molecules: node width (edges width/4, globals width/8)
    int epochs = 20;
    int batchSize = 64;
    double learningRate = 1e-3;
    double weightDecay = 0.0;
    double l1 = 0.0;          // L1 penalty on all parameters (the paper's sparsity option)
    double countWeight = 0.1; // Infection: weight of the infected-count MSE next to the node BCE
    double validationFraction = 0.2;
    std::uint64_t seed = 0;
    std::string outPath;      // weights (.safetensors); MODEL.json beside; OUT.checkpoint.* to resume
    bool resume = false;      // continue from OUT.checkpoint.* when it exists
    std::string targetName;   // recorded in MODEL.json (e.g. "esol", "logp", a CSV column)
};

struct GraphEpoch {
    int epoch = 0;
    double trainLoss = 0.0;
    double validationLoss = 0.0;
    double validationMetric = 0.0; // node accuracy (Infection) or RMSE (Molecules)
    double seconds = 0.0;
};

struct GraphTrainingSummary {
    std::string architecture; // InfectionGN | SolubilityGN
    std::string metricName;   // node_accuracy | rmse
    std::vector<GraphEpoch> epochs;
    std::int64_t trainCount = 0, validationCount = 0, parameters = 0;
    double seconds = 0.0;
    json::Value toJson() const;
};

// Throws periscope::Error on bad settings or examples that do not fit the task, CancelledError
// when cancelled (the last finished epoch's weights and a checkpoint stay on disk).
GraphTrainingSummary trainGraphNetwork(const std::vector<GraphExample> &examples, const GraphTrainingSettings &settings,
                                       const JobControl &job = {},
                                       const std::function<void(const GraphEpoch &)> &onEpoch = {});

} // namespace periscope::graphs
