// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/RelationTraining.h"

#include "engine/core/errors/Error.h"
#include "engine/core/training/Optimizers.h"
#include "engine/core/training/TrainingCheckpoint.h"
#include "engine/core/training/TrainingLoop.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/media/image/ImageFile.h"
#include "engine/relations/RelationExplainer.h"
#include "engine/relations/RelationMetrics.h"
#include "engine/relations/RelationModelInternal.h"

#include <chrono>
#include <filesystem>
#include <random>

namespace periscope::relations {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// One training image, decoded once at the model's input size (8-bit, to keep a few thousand in
// memory), its objects and its image-level label.
struct Prepared {
    torch::Tensor pixels; // uint8 [3, h, w]
    int width = 0, height = 0;
    std::vector<RelationObject> objects;
    torch::Tensor label; // float [P]
    std::size_t index = 0;
};

std::vector<RelationObject> flipped(const std::vector<RelationObject> &objects, int width)
{
    std::vector<RelationObject> out = objects;
    for (RelationObject &o : out)
        o.box = {width - o.box.x2, o.box.y1, width - o.box.x1, o.box.y2};
    return out;
}

int edgesOf(const RelationImage &image, const std::vector<std::string> &objectClasses, const std::vector<std::string> &subjectClasses)
{
    const int n = int(image.objects.size());
    if (subjectClasses.empty())
        return n * (n - 1);
    int subjects = 0;
    for (const RelationObject &o : image.objects)
        subjects += o.category >= 0 && o.category < int(objectClasses.size()) &&
                    std::find(subjectClasses.begin(), subjectClasses.end(), objectClasses[std::size_t(o.category)]) != subjectClasses.end();
    return subjects * (n - 1);
}

} // namespace

json::Value RelationTrainingSummary::toJson() const
{
    json::Array list;
    for (const RelationEpoch &e : epochs) {
        json::Value v = json::Object{};
        v.set("epoch", e.epoch);
        v.set("train_loss", e.trainLoss);
        v.set("validation_loss", e.validationLoss);
        v.set("validation_map", e.validationMap);
        json::Value recall = json::Object{}, logits = json::Object{}, random = json::Object{};
        for (std::size_t s = 0; s < recallSteps.size() && s < e.validationRecall.size(); ++s) {
            recall.set("R@" + std::to_string(recallSteps[s]), e.validationRecall[s]);
            logits.set("R@" + std::to_string(recallSteps[s]), e.validationRecallLogits[s]);
            random.set("R@" + std::to_string(recallSteps[s]), e.randomRecall[s]);
        }
        v.set("validation_relationship_recall", std::move(recall));
        v.set("validation_relationship_recall_logits", std::move(logits));
        v.set("random_ranking_recall", std::move(random));
        v.set("seconds", e.seconds);
        list.push_back(std::move(v));
    }
    json::Value v = json::Object{};
    v.set("epochs", json::Value(std::move(list)));
    v.set("train_examples", double(trainCount));
    v.set("validation_examples", double(validationCount));
    v.set("parameters", double(parameters));
    v.set("seconds", seconds);
    return v;
}

std::vector<double> randomRankingRecall(const std::vector<RelationImage> &images, int predicateCount, const std::vector<int> &steps,
                                        const std::vector<std::string> &objectClasses, const std::vector<std::string> &subjectClasses)
{
    std::vector<double> recall(steps.size(), 0.0);
    int counted = 0;
    for (const RelationImage &image : images) {
        if (image.truth.empty())
            continue;
        ++counted;
        const double candidates = double(edgesOf(image, objectClasses, subjectClasses)) * predicateCount;
        for (std::size_t s = 0; s < steps.size(); ++s)
            recall[s] += candidates > 0.0 ? std::min(double(steps[s]), candidates) / candidates : 0.0;
    }
    for (double &r : recall)
        r = counted > 0 ? r / counted : 0.0;
    return recall;
}

RelationTrainingSummary trainRelations(const RelationDataset &data, const RelationTrainingSettings &settings, const JobControl &job,
                                       const std::function<void(const RelationEpoch &)> &onEpoch)
{
    const auto started = Clock::now();
    if (settings.epochs < 1 || settings.epochs > 10000 || settings.batchSize < 1 || settings.batchSize > 4096)
        throw Error("training: epochs must be 1-10000 and the batch 1-4096 images");
    if (!(settings.learningRate > 0.0 && settings.learningRate < 1.0) || !(settings.weightDecay >= 0.0))
        throw Error("training: the learning rate must be in (0, 1) and the weight decay not negative");
    if (settings.outPath.empty())
        throw Error("training: no output path for the weights");
    const std::filesystem::path outDir = std::filesystem::absolute(settings.outPath).parent_path();
    if (!std::filesystem::is_directory(outDir))
        throw Error("training: the folder " + outDir.string() + " does not exist");
    RelationModelInfo info = settings.model;
    info.objectClasses = data.objectClasses;
    info.predicateClasses = data.predicateClasses;
    info.subjectClasses = data.subjectClasses;

    // Images with at least one edge and one true triplet; decoded once.
    std::vector<std::size_t> usable;
    for (std::size_t i = 0; i < data.images.size(); ++i)
        if (data.images[i].objects.size() >= 2 && !data.images[i].truth.empty())
            usable.push_back(i);
    if (usable.size() < 2)
        throw Error("training: fewer than 2 images with two objects and a true relation");
    std::vector<Prepared> prepared;
    prepared.reserve(usable.size());
    for (std::size_t k = 0; k < usable.size(); ++k) {
        if (k % 16 == 0) {
            job.throwIfCancelled();
            job.reportProgress(0.05 * double(k) / double(usable.size()), "decoding image " + std::to_string(k + 1) + " of " + std::to_string(usable.size()));
        }
        const RelationImage &image = data.images[usable[k]];
        const Image rgb = media::readImage(image.imagePath).pixels;
        Prepared p;
        const torch::Tensor x = modelInput(rgb, info.maxSide);
        p.pixels = (x * 255.0).round().clamp(0, 255).to(torch::kUInt8);
        p.width = rgb.width();
        p.height = rgb.height();
        p.objects = image.objects;
        const std::vector<int> label = data.predicateLabel(usable[k]);
        p.label = torch::tensor(std::vector<float>(label.begin(), label.end()), torch::kFloat);
        p.index = usable[k];
        prepared.push_back(std::move(p));
    }

    torch::manual_seed(settings.seed);
    RelationPipeline pipeline(info);
    pipeline->train();
    const DataSplit split = seededSplit(prepared.size(), settings.validationFraction, settings.seed);
    const std::size_t batchSize = std::size_t(settings.batchSize);
    const std::int64_t batchesPerEpoch = std::int64_t((split.train.size() + batchSize - 1) / batchSize);

    OptimizerSettings optimizerSettings;
    optimizerSettings.learningRate = settings.learningRate;
    optimizerSettings.weightDecay = settings.weightDecay;
    std::vector<torch::Tensor> parameters = pipeline->parameters();
    std::unique_ptr<torch::optim::Optimizer> optimizer = makeOptimizer(parameters, optimizerSettings);

    RelationTrainingSummary summary;
    summary.recallSteps = settings.recallSteps;
    summary.trainCount = std::int64_t(split.train.size());
    summary.validationCount = std::int64_t(split.heldOut);
    for (const torch::Tensor &p : parameters)
        summary.parameters += p.numel();

    // The forward pass of a set of prepared images: logits [B, P] and labels [B, P].
    auto forward = [&](const std::vector<std::size_t> &items, std::mt19937_64 *random) {
        std::vector<RelationBatch> parts;
        std::vector<torch::Tensor> labels;
        for (std::size_t i : items) {
            const Prepared &p = prepared[i];
            torch::Tensor x = p.pixels.to(torch::kFloat) / 255.0;
            std::vector<RelationObject> objects = p.objects;
            if (random && settings.flip && std::bernoulli_distribution(0.5)(*random)) {
                x = x.flip({2});
                objects = flipped(objects, p.width);
            }
            parts.push_back(pipeline->graphInputs(pipeline->features(x), p.width, p.height, objects));
            labels.push_back(p.label);
        }
        const RelationBatch batch = concatenateBatches(parts);
        return std::pair{pipeline->network->forward(batch), torch::stack(labels)};
    };

    TrainingOptions options;
    options.totalSteps = std::int64_t(settings.epochs) * batchesPerEpoch;
    options.evalEvery = batchesPerEpoch;
    options.checkpointStem = checkpointStemFor(settings.outPath);
    options.checkpointEvery = batchesPerEpoch;
    options.maximizeValidation = true;
    std::int64_t startStep = 0;
    if (settings.resume && std::filesystem::exists(options.checkpointStem + ".json"))
        startStep = std::min(loadTrainingCheckpoint(options.checkpointStem, *pipeline, *optimizer, options.optimizerKind).step, options.totalSteps);

    std::vector<std::size_t> order = split.train;
    double lossSum = 0.0, validationLoss = 0.0;
    std::int64_t lossBatches = 0;
    std::vector<double> recall, recallLogits, randomRecall;
    Clock::time_point epochStarted = Clock::now();
    std::mt19937_64 augment(settings.seed * 7919ULL + 3ULL);

    auto trainStep = [&](std::int64_t step) {
        const std::int64_t inEpoch = step % batchesPerEpoch;
        if (inEpoch == 0) {
            std::mt19937_64 shuffle(settings.seed + 1000003ULL * std::uint64_t(step / batchesPerEpoch + 1));
            std::shuffle(order.begin(), order.end(), shuffle);
        }
        const std::size_t begin = std::size_t(inEpoch) * batchSize, end = std::min(begin + batchSize, order.size());
        pipeline->train();
        const auto [logits, labels] = forward(std::vector<std::size_t>(order.begin() + std::ptrdiff_t(begin), order.begin() + std::ptrdiff_t(end)), &augment);
        const torch::Tensor loss = torch::binary_cross_entropy_with_logits(logits, labels);
        lossSum += loss.item<double>();
        ++lossBatches;
        job.reportProgress(0.05 + 0.95 * double(step + 1) / double(options.totalSteps), "epoch " + std::to_string(step / batchesPerEpoch + 1));
        return StepOutput{loss, {}};
    };

    auto validate = [&]() {
        pipeline->eval();
        std::vector<std::vector<double>> scores;
        std::vector<std::vector<int>> labels;
        double lossTotal = 0.0;
        for (std::size_t begin = 0; begin < split.validation.size(); begin += batchSize) {
            const std::vector<std::size_t> items(split.validation.begin() + std::ptrdiff_t(begin),
                                                 split.validation.begin() + std::ptrdiff_t(std::min(begin + batchSize, split.validation.size())));
            const auto [logits, target] = forward(items, nullptr);
            lossTotal += torch::binary_cross_entropy_with_logits(logits, target, {}, {}, torch::Reduction::Sum).item<double>();
            const torch::Tensor p = torch::sigmoid(logits).to(torch::kDouble).contiguous(), t = target.to(torch::kInt).contiguous();
            for (std::int64_t r = 0; r < p.size(0); ++r) {
                scores.emplace_back(p[r].data_ptr<double>(), p[r].data_ptr<double>() + p.size(1));
                labels.emplace_back(t[r].data_ptr<int>(), t[r].data_ptr<int>() + t.size(1));
            }
        }
        validationLoss = lossTotal / double(std::max<std::size_t>(1, split.validation.size() * info.predicateClasses.size()));
        // Relations recovered by explaining the classifier, scored against the truth.
        torch::NoGradGuard noGrad;
        std::vector<RelationPredictions> predictions, logitPredictions;
        std::vector<RelationImage> recallSet;
        ExplainerOptions explain, explainLogits;
        explainLogits.explainLogits = true;
        for (std::size_t k = 0; k < split.validation.size() && int(k) < settings.recallImages; ++k) {
            const Prepared &p = prepared[split.validation[k]];
            const torch::Tensor map = pipeline->features(p.pixels.to(torch::kFloat) / 255.0);
            const RelationBatch batch = pipeline->graphInputs(map, p.width, p.height, p.objects);
            const ImageRelations r = explainRelations(*pipeline->network, batch, {}, explain)[0];
            const RelationImage &image = data.images[p.index];
            predictions.push_back({image.objects, r.triplets, image.truthObjects, image.truth});
            logitPredictions.push_back({image.objects, explainRelations(*pipeline->network, batch, {}, explainLogits)[0].triplets, image.truthObjects, image.truth});
            recallSet.push_back(image);
        }
        recall = recallAt(predictions, MatchMode::Relationship, settings.recallSteps).recall;
        recallLogits = recallAt(logitPredictions, MatchMode::Relationship, settings.recallSteps).recall;
        randomRecall = randomRankingRecall(recallSet, int(info.predicateClasses.size()), settings.recallSteps, info.objectClasses, info.subjectClasses);
        return predicateAveragePrecision(scores, labels).mean;
    };

    auto onMetrics = [&](std::int64_t step, const Metrics &metrics) {
        for (const auto &[name, value] : metrics) {
            if (name != "validation")
                continue;
            RelationEpoch epoch;
            epoch.epoch = int(step / batchesPerEpoch) + 1;
            epoch.trainLoss = lossBatches > 0 ? lossSum / double(lossBatches) : 0.0;
            epoch.validationLoss = validationLoss;
            epoch.validationMap = value;
            epoch.validationRecall = recall;
            epoch.validationRecallLogits = recallLogits;
            epoch.randomRecall = randomRecall;
            epoch.seconds = secondsSince(epochStarted);
            summary.epochs.push_back(epoch);
            lossSum = 0.0;
            lossBatches = 0;
            epochStarted = Clock::now();
            summary.seconds = secondsSince(started);
            json::Value sidecar = summary.toJson();
            sidecar.set("relations_model", info.toJson());
            sidecar.set("dataset", json::Object{{"kind", data.kind}, {"images", double(prepared.size())}});
            sidecar.set("seed", double(settings.seed));
            sidecar.set("learning_rate", settings.learningRate);
            sidecar.set("batch_size", settings.batchSize);
            writeWeightsAndSidecar(settings.outPath, *pipeline, {{"architecture", "ws_vrd"}, {"backbone", info.backbone}}, sidecar);
            if (onEpoch)
                onEpoch(epoch);
        }
    };

    runTraining(*pipeline, *optimizer, trainStep, validate, options, onMetrics, job, startStep);
    pipeline->eval();
    summary.seconds = secondsSince(started);
    return summary;
}

} // namespace periscope::relations
