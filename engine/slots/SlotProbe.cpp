// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/slots/SlotProbe.h"

#include "engine/core/errors/Error.h"
#include "engine/core/metrics/MetricsOps.h"
#include "engine/core/training/TrainingRun.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace periscope::slot {

namespace {

const std::vector<std::string> kSizes = {"large", "small"};
const std::vector<std::string> kColors = {"gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow"};
const std::vector<std::string> kMaterials = {"rubber", "metal"};
const std::vector<std::string> kShapes = {"cube", "sphere", "cylinder"};

} // namespace

const std::vector<std::string> &probeQuestions()
{
    static const std::vector<std::string> questions = [] {
        std::vector<std::string> out;
        for (const auto &size : kSizes)
            for (const auto &color : kColors)
                for (const auto &material : kMaterials)
                    for (const auto &shape : kShapes)
                        out.push_back(size + " " + color + " " + material + " " + shape);
        return out;
    }();
    return questions;
}

std::vector<std::uint8_t> probeAnswers(const std::vector<ObjectAttributes> &objects)
{
    std::vector<std::uint8_t> answers(probeQuestions().size(), 0);
    for (const ObjectAttributes &o : objects) {
        std::size_t index = 0;
        for (const auto &size : kSizes)
            for (const auto &color : kColors)
                for (const auto &material : kMaterials)
                    for (const auto &shape : kShapes) {
                        if (o.size == size && o.color == color && o.material == material && o.shape == shape)
                            answers[index] = 1;
                        ++index;
                    }
    }
    return answers;
}

ProbeResult trainVqaProbe(const std::vector<ProbeSample> &samples, int slotCount, int dim, const ProbeSettings &settings)
{
    if (samples.size() < 4)
        throw Error("the VQA probe needs at least 4 scenes with their objects, got " + std::to_string(samples.size()));
    const auto questions = std::int64_t(probeQuestions().size());
    std::vector<float> slots;
    std::vector<float> answers;
    for (const ProbeSample &s : samples) {
        if (s.slotFeatures.size() != std::size_t(slotCount) * std::size_t(dim))
            throw Error("the VQA probe: every scene needs " + std::to_string(slotCount) + " slots of " + std::to_string(dim));
        slots.insert(slots.end(), s.slotFeatures.begin(), s.slotFeatures.end());
        for (std::uint8_t a : probeAnswers(s.objects))
            answers.push_back(float(a));
    }
    const auto n = std::int64_t(samples.size());
    const auto x = torch::from_blob(slots.data(), {n, slotCount, dim}, torch::kFloat).clone();
    const auto y = torch::from_blob(answers.data(), {n, questions}, torch::kFloat).clone();
    const DataSplit split = seededSplit(std::size_t(n), settings.testFraction, settings.seed);
    auto indices = [](const std::vector<std::size_t> &v) {
        std::vector<std::int64_t> out(v.begin(), v.end());
        return torch::tensor(out, torch::kLong);
    };
    const auto trainIndex = indices(split.train), testIndex = indices(split.validation);
    const auto xTrain = x.index_select(0, trainIndex), yTrain = y.index_select(0, trainIndex);
    const auto xTest = x.index_select(0, testIndex), yTest = y.index_select(0, testIndex);
    // Standardise with the training slots' statistics (the probe sees frozen features).
    const auto mean = xTrain.reshape({-1, dim}).mean(0), std = xTrain.reshape({-1, dim}).std(0).clamp_min(1e-6);

    torch::manual_seed(settings.seed);
    torch::nn::Linear probe(dim, questions);
    torch::optim::Adam optimizer(probe->parameters(), torch::optim::AdamOptions(settings.learningRate));
    auto logits = [&](const torch::Tensor &slotBatch) {
        return probe((slotBatch - mean) / std).amax(1); // max over slots: [N, Q]
    };
    for (int epoch = 0; epoch < settings.epochs; ++epoch) {
        optimizer.zero_grad();
        const auto loss = torch::binary_cross_entropy_with_logits(logits(xTrain), yTrain);
        loss.backward();
        optimizer.step();
    }
    ProbeResult result;
    result.trainScenes = int(split.train.size());
    result.testScenes = int(split.validation.size());
    torch::NoGradGuard noGrad;
    const auto scores = torch::sigmoid(logits(xTest));
    double apSum = 0.0, aucSum = 0.0, chance = 0.0;
    for (std::int64_t q = 0; q < questions; ++q) {
        const auto truth = yTest.select(1, q) > 0.5;
        const auto positives = truth.sum().item<std::int64_t>();
        if (positives == 0 || positives == truth.size(0)) {
            result.averagePrecision.push_back(std::numeric_limits<double>::quiet_NaN());
            result.rocAuc.push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        const double ap = averagePrecision(scores.select(1, q), truth);
        const double auc = rocAuc(scores.select(1, q), truth);
        result.averagePrecision.push_back(ap);
        result.rocAuc.push_back(auc);
        apSum += ap;
        aucSum += auc;
        chance += double(positives) / double(truth.size(0));
        ++result.questionsScored;
    }
    if (result.questionsScored > 0) {
        result.meanAveragePrecision = apSum / result.questionsScored;
        result.meanRocAuc = aucSum / result.questionsScored;
        result.chanceAveragePrecision = chance / result.questionsScored;
    }
    return result;
}

} // namespace periscope::slot
