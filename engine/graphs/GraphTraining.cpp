// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/graphs/GraphTraining.h"

#include "engine/core/errors/Error.h"
#include "engine/core/training/Optimizers.h"
#include "engine/core/training/TrainingLoop.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/graphs/GraphNetwork.h"
#include "engine/graphs/InfectionData.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>

namespace periscope::graphs {

namespace {
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The network a task trains, behind one interface.
struct TrainableNetwork {
    std::shared_ptr<torch::nn::Module> module;
    std::function<GraphOutput(const GraphBatch &)> forward;
    std::string architecture;
};

TrainableNetwork makeNetwork(const GraphTrainingSettings &settings)
{
    const Aggregation aggregation = parseAggregation(settings.aggregation);
    if (settings.task == GraphTask::Infection) {
        InfectionGN network(aggregation, settings.bias);
        return {network.ptr(), [network](const GraphBatch &g) mutable { return network->forward(g); }, "InfectionGN"};
    }
    SolubilityGN network(settings.layers, settings.width, settings.bias, aggregation);
    return {network.ptr(), [network](const GraphBatch &g) mutable { return network->forward(g); }, "SolubilityGN"};
}

struct PreparedExample {
    GraphBatch graph;
    torch::Tensor nodeTargets; // [N] float (Infection)
    double globalTarget = 0.0;
};

struct Batch {
    GraphBatch graph;
    torch::Tensor nodeTargets;   // [N] (Infection)
    torch::Tensor globalTargets; // [G]
};

Batch collate(const std::vector<PreparedExample> &examples, const std::vector<std::size_t> &indices, std::size_t begin, std::size_t end)
{
    std::vector<GraphBatch> graphs;
    std::vector<torch::Tensor> nodeTargets;
    std::vector<double> globals;
    for (std::size_t i = begin; i < end; ++i) {
        const PreparedExample &e = examples[indices[i]];
        graphs.push_back(e.graph);
        if (e.nodeTargets.defined())
            nodeTargets.push_back(e.nodeTargets);
        globals.push_back(e.globalTarget);
    }
    Batch batch;
    batch.graph = GraphBatch::concatenate(graphs);
    if (!nodeTargets.empty())
        batch.nodeTargets = torch::cat(nodeTargets);
    batch.globalTargets = torch::tensor(globals, torch::kDouble).to(torch::kFloat);
    return batch;
}

struct Losses {
    torch::Tensor total;
    torch::Tensor nodeLogits, globals; // for metrics
};

Losses computeLoss(const TrainableNetwork &network, const Batch &batch, const GraphTrainingSettings &settings)
{
    const GraphOutput out = network.forward(batch.graph);
    Losses losses;
    losses.globals = out.globals.reshape({-1});
    if (settings.task == GraphTask::Infection) {
        losses.nodeLogits = out.nodes.reshape({-1});
        losses.total = torch::binary_cross_entropy_with_logits(losses.nodeLogits, batch.nodeTargets);
        if (settings.countWeight > 0.0)
            losses.total = losses.total + settings.countWeight * torch::mse_loss(losses.globals, batch.globalTargets);
    } else {
        losses.total = torch::mse_loss(losses.globals, batch.globalTargets);
    }
    return losses;
}

void checkExamples(const std::vector<GraphExample> &examples, const GraphTrainingSettings &settings)
{
    if (examples.size() < 2)
        throw Error("training needs at least 2 examples, got " + std::to_string(examples.size()));
    const std::int64_t nodes = settings.task == GraphTask::Infection ? 4 : 47;
    const std::int64_t edges = settings.task == GraphTask::Infection ? 2 : 6;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        const GraphExample &e = examples[i];
        if (e.graph.nodeFeatureCount != nodes || (e.graph.numEdges() > 0 && e.graph.edgeFeatureCount != edges))
            throw Error("example " + std::to_string(i) + " has " + std::to_string(e.graph.nodeFeatureCount) + " node and " +
                        std::to_string(e.graph.edgeFeatureCount) + " edge features; the task needs " + std::to_string(nodes) + " and " +
                        std::to_string(edges));
        if (settings.task == GraphTask::Infection && std::int64_t(e.nodeTargets.size()) != e.graph.numNodes())
            throw Error("example " + std::to_string(i) + " needs one node target per node");
        if (!std::isfinite(e.globalTarget))
            throw Error("example " + std::to_string(i) + " has a target that is not a finite number");
    }
}


} // namespace

std::vector<GraphExample> generateInfectionExamples(int count, std::uint64_t seed, bool testParameters)
{
    if (count < 1)
        throw Error("the number of infection graphs must be positive");
    std::mt19937_64 random(seed);
    const InfectionParameters parameters = testParameters ? InfectionParameters::test() : InfectionParameters::train();
    std::vector<GraphExample> out;
    out.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const InfectionGraph g = generateInfectionGraph(parameters, random);
        GraphExample e;
        e.graph = g.graph.toData();
        const torch::Tensor infected = g.infected.to(torch::kFloat).contiguous();
        e.nodeTargets.assign(infected.data_ptr<float>(), infected.data_ptr<float>() + infected.numel());
        e.globalTarget = infected.sum().item<double>();
        out.push_back(std::move(e));
    }
    return out;
}

json::Value GraphTrainingSummary::toJson() const
{
    json::Array rows;
    for (const GraphEpoch &e : epochs)
        rows.emplace_back(json::Object{{"epoch", e.epoch},
                                       {"train_loss", e.trainLoss},
                                       {"validation_loss", e.validationLoss},
                                       {metricName, e.validationMetric},
                                       {"seconds", e.seconds}});
    json::Value out = json::Object{};
    out.set("architecture", architecture);
    out.set("metric", metricName);
    if (!epochs.empty())
        out.set("validation_" + metricName, epochs.back().validationMetric);
    out.set("train_examples", trainCount);
    out.set("validation_examples", validationCount);
    out.set("parameters", parameters);
    out.set("seconds", seconds);
    out.set("epochs", json::Value(std::move(rows)));
    return out;
}

GraphTrainingSummary trainGraphNetwork(const std::vector<GraphExample> &examples, const GraphTrainingSettings &settings,
                                       const JobControl &job, const std::function<void(const GraphEpoch &)> &onEpoch)
{
    const Clock::time_point started = Clock::now();
    if (settings.outPath.empty())
        throw Error("training: no output file for the weights");
    if (settings.epochs < 1 || settings.epochs > 100000)
        throw Error("training: epochs must be in [1, 100000]");
    if (settings.batchSize < 1)
        throw Error("training: the batch size must be positive");
    if (!(settings.learningRate > 0.0) || !std::isfinite(settings.learningRate))
        throw Error("training: the learning rate must be positive");
    if (!(settings.validationFraction >= 0.0 && settings.validationFraction < 1.0))
        throw Error("training: the validation fraction must be in [0, 1)");
    parseAggregation(settings.aggregation);
    if (settings.task == GraphTask::Molecules && (settings.layers < 0 || settings.layers > 16))
        throw Error("training: layers must be in [0, 16]");
    if (settings.task == GraphTask::Molecules && (settings.width < 8 || settings.width % 8 != 0 || settings.width > 4096))
        throw Error("training: width must be a multiple of 8 in [8, 4096]");
    checkExamples(examples, settings);
    const std::filesystem::path outDir = std::filesystem::absolute(settings.outPath).parent_path();
    if (!std::filesystem::is_directory(outDir))
        throw Error("training: the folder " + outDir.string() + " does not exist");

    torch::manual_seed(settings.seed);
    TrainableNetwork network = makeNetwork(settings);

    // Seeded split (without a held-out part the metrics are measured on the training set, and
    // MODEL.json says so through validation_examples = 0), then tensors built once.
    const DataSplit split = seededSplit(examples.size(), settings.validationFraction, settings.seed);
    const std::vector<std::size_t> &trainIndices = split.train, &validationIndices = split.validation;
    const std::size_t validationCount = split.heldOut;
    std::vector<PreparedExample> prepared;
    prepared.reserve(examples.size());
    for (const GraphExample &e : examples) {
        PreparedExample p;
        p.graph = GraphBatch::fromData(e.graph);
        if (settings.task == GraphTask::Infection)
            p.nodeTargets = torch::tensor(e.nodeTargets, torch::kFloat);
        p.globalTarget = e.globalTarget;
        prepared.push_back(std::move(p));
    }

    const std::size_t batchSize = std::size_t(settings.batchSize);
    const std::int64_t batchesPerEpoch = std::int64_t((trainIndices.size() + batchSize - 1) / batchSize);

    OptimizerSettings optimizerSettings;
    optimizerSettings.learningRate = settings.learningRate;
    optimizerSettings.weightDecay = settings.weightDecay;
    std::vector<torch::Tensor> parameters = network.module->parameters();
    std::unique_ptr<torch::optim::Optimizer> optimizer = makeOptimizer(parameters, optimizerSettings);

    GraphTrainingSummary summary;
    summary.architecture = network.architecture;
    summary.metricName = settings.task == GraphTask::Infection ? "node_accuracy" : "rmse";
    summary.trainCount = std::int64_t(trainIndices.size());
    summary.validationCount = std::int64_t(validationCount);
    for (const torch::Tensor &p : parameters)
        summary.parameters += p.numel();

    TrainingOptions options;
    options.totalSteps = std::int64_t(settings.epochs) * batchesPerEpoch;
    options.evalEvery = batchesPerEpoch;
    options.checkpointStem = checkpointStemFor(settings.outPath);
    options.checkpointEvery = batchesPerEpoch;
    options.maximizeValidation = settings.task == GraphTask::Infection;

    std::int64_t startStep = 0;
    if (settings.resume && std::filesystem::exists(options.checkpointStem + ".json")) {
        const TrainingState state = loadTrainingCheckpoint(options.checkpointStem, *network.module, *optimizer, options.optimizerKind);
        startStep = std::min(state.step, options.totalSteps);
    }

    std::vector<std::size_t> epochOrder = trainIndices;
    double epochLossSum = 0.0;
    std::int64_t epochBatches = 0;
    double lastValidationLoss = 0.0;
    Clock::time_point epochStarted = Clock::now();

    auto trainStep = [&](std::int64_t step) {
        const std::int64_t batchInEpoch = step % batchesPerEpoch;
        if (batchInEpoch == 0) {
            std::mt19937_64 shuffle(settings.seed + 1000003ULL * std::uint64_t(step / batchesPerEpoch + 1));
            std::shuffle(epochOrder.begin(), epochOrder.end(), shuffle);
        }
        const std::size_t begin = std::size_t(batchInEpoch) * batchSize;
        const Batch batch = collate(prepared, epochOrder, begin, std::min(begin + batchSize, epochOrder.size()));
        Losses losses = computeLoss(network, batch, settings);
        if (settings.l1 > 0.0) {
            torch::Tensor l1 = torch::zeros({});
            for (const torch::Tensor &p : parameters)
                l1 = l1 + p.abs().sum();
            losses.total = losses.total + settings.l1 * l1;
        }
        epochLossSum += losses.total.item<double>();
        ++epochBatches;
        return StepOutput{losses.total, {}};
    };

    auto validate = [&]() {
        double lossSum = 0.0, squared = 0.0, correct = 0.0, count = 0.0;
        std::int64_t batches = 0;
        for (std::size_t begin = 0; begin < validationIndices.size(); begin += batchSize) {
            const Batch batch = collate(prepared, validationIndices, begin, std::min(begin + batchSize, validationIndices.size()));
            const Losses losses = computeLoss(network, batch, settings);
            lossSum += losses.total.item<double>();
            ++batches;
            if (settings.task == GraphTask::Infection) {
                correct += ((losses.nodeLogits > 0).to(torch::kFloat) == batch.nodeTargets).sum().item<double>();
                count += double(batch.nodeTargets.numel());
            } else {
                squared += (losses.globals - batch.globalTargets).pow(2).sum().item<double>();
                count += double(batch.globalTargets.numel());
            }
        }
        lastValidationLoss = batches > 0 ? lossSum / double(batches) : 0.0;
        if (count == 0.0)
            return 0.0;
        return settings.task == GraphTask::Infection ? correct / count : std::sqrt(squared / count);
    };

    auto onMetrics = [&](std::int64_t step, const Metrics &metrics) {
        for (const auto &[name, value] : metrics) {
            if (name != "validation")
                continue;
            GraphEpoch epoch;
            epoch.epoch = int(step / batchesPerEpoch) + 1; // `step` is the 0-based index of the epoch's last step
            epoch.trainLoss = epochBatches > 0 ? epochLossSum / double(epochBatches) : 0.0;
            epoch.validationLoss = lastValidationLoss;
            epoch.validationMetric = value;
            epoch.seconds = secondsSince(epochStarted);
            summary.epochs.push_back(epoch);
            epochLossSum = 0.0;
            epochBatches = 0;
            epochStarted = Clock::now();

            summary.seconds = secondsSince(started);
            json::Value sidecar = summary.toJson();
            sidecar.set("aggregation", settings.aggregation);
            sidecar.set("bias", settings.bias);
            sidecar.set("task", settings.task == GraphTask::Infection ? "infection" : "molecules");
            if (!settings.targetName.empty())
                sidecar.set("target", settings.targetName);
            sidecar.set("seed", double(settings.seed));
            writeWeightsAndSidecar(settings.outPath, *network.module,
                                   {{"architecture", network.architecture}, {"aggregation", settings.aggregation}}, sidecar);
            if (onEpoch)
                onEpoch(epoch);
        }
    };

    runTraining(*network.module, *optimizer, trainStep, validate, options, onMetrics, job, startStep);
    network.module->eval();
    summary.seconds = secondsSince(started);
    return summary;
}

} // namespace periscope::graphs
