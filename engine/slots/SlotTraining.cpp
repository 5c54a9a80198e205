// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/slots/SlotTraining.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/training/Optimizers.h"
#include "engine/core/training/TrainingCheckpoint.h"
#include "engine/core/training/TrainingLoop.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"
#include "engine/slots/SlotEvaluation.h"
#include "engine/slots/SlotLosses.h"
#include "engine/slots/SlotModelInternal.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <random>

namespace periscope::slot {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// One augmented view of a [3, L, L] image in [0, 1]: a random resized crop (area 0.3-1 of the
// square, aspect 3/4-4/3), a coin-flip mirror, and colour jitter (each of saturation, brightness
// and contrast with probability 1/2), resized to size x size and normalised.
torch::Tensor augmentedView(const torch::Tensor &square, int size, std::mt19937_64 &rng)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto side = square.size(1);
    int w = int(side), h = int(side), x = 0, y = 0;
    for (int attempt = 0; attempt < 10; ++attempt) {
        const double area = (0.3 + 0.7 * unit(rng)) * double(side * side);
        const double ratio = std::exp(std::log(3.0 / 4.0) + (std::log(4.0 / 3.0) - std::log(3.0 / 4.0)) * unit(rng));
        const int cw = int(std::lround(std::sqrt(area * ratio))), ch = int(std::lround(std::sqrt(area / ratio)));
        if (cw >= 1 && ch >= 1 && cw <= side && ch <= side) {
            w = cw;
            h = ch;
            x = int(unit(rng) * double(side - w + 1)) % int(side - w + 1);
            y = int(unit(rng) * double(side - h + 1)) % int(side - h + 1);
            break;
        }
    }
    namespace F = torch::nn::functional;
    torch::Tensor view = F::interpolate(square.narrow(1, y, h).narrow(2, x, w).unsqueeze(0),
                                        F::InterpolateFuncOptions()
                                            .size(std::vector<std::int64_t>{size, size})
                                            .mode(torch::kBilinear)
                                            .align_corners(false))
                             .squeeze(0);
    if (unit(rng) < 0.5)
        view = view.flip({2});
    const double saturation = 1.0 + (unit(rng) - 0.5), brightness = 0.6 * (unit(rng) - 0.5), contrast = 1.0 + (unit(rng) - 0.5);
    const bool doSaturation = unit(rng) < 0.5, doBrightness = unit(rng) < 0.5, doContrast = unit(rng) < 0.5;
    if (doSaturation) {
        const auto gray = (0.299 * view[0] + 0.587 * view[1] + 0.114 * view[2]).unsqueeze(0);
        view = gray + saturation * (view - gray);
    }
    if (doBrightness)
        view = view + brightness;
    if (doContrast)
        view = (view - view.mean()) * contrast + view.mean();
    return normalizeImageNet(view.clamp(0.0, 1.0));
}

struct ViewLosses {
    torch::Tensor total, global, object;
};

} // namespace

SlotTrainingSettings trainingPreset(const std::string &name)
{
    SlotTrainingSettings settings;
    if (name == "small")
        return settings;
    if (name == "paper") {
        settings.architecture = paperArchitecture();
        settings.epochs = 50;
        settings.batchSize = 64;
        settings.warmupFraction = 0.2; // 10 of 50 epochs (the repository's linear1_cosine4_x10)
        return settings;
    }
    throw Error("unknown preset '" + name + "' (small or paper)");
}

json::Value SlotTrainingSummary::toJson() const
{
    json::Array list;
    for (const SlotEpoch &e : epochs) {
        json::Value v = json::Object{};
        v.set("epoch", e.epoch);
        v.set("train_loss", e.trainLoss);
        v.set("global_loss", e.globalLoss);
        v.set("object_loss", e.objectLoss);
        v.set("validation_loss", e.validationLoss);
        if (e.validationIoU >= 0) {
            v.set("validation_iou", e.validationIoU);
            v.set("validation_fg_ari", e.validationAri);
        }
        v.set("learning_rate", e.learningRate);
        v.set("seconds", e.seconds);
        list.push_back(std::move(v));
    }
    json::Value out = json::Object{};
    out.set("train_images", trainCount);
    out.set("validation_images", validationCount);
    out.set("parameters", parameters);
    if (initialIoU >= 0) {
        out.set("untrained_iou", initialIoU);
        out.set("untrained_fg_ari", initialAri);
    }
    out.set("seconds", seconds);
    out.set("epochs", std::move(list));
    return out;
}

SlotTrainingSummary trainSlots(const std::vector<SlotTrainingSample> &samples, const SlotTrainingSettings &settings,
                               const JobControl &job, const std::function<void(const SlotEpoch &)> &onEpoch)
{
    const Clock::time_point started = Clock::now();
    if (settings.outPath.empty())
        throw Error("training needs an output path for the weights");
    if (settings.epochs < 1 || settings.batchSize < 2)
        throw Error("training needs at least 1 epoch and batches of at least 2 images");
    if (!(settings.learningRate > 0) || !(settings.globalTemperature > 0) || !(settings.objectTemperature > 0))
        throw Error("the learning rate and the temperatures must be positive");
    if (settings.globalWeight < 0 || settings.objectWeight < 0 || settings.globalWeight + settings.objectWeight <= 0)
        throw Error("the loss weights must be non-negative and not both zero");
    const ObjectLoss objectKind = parseObjectLoss(settings.objectLoss);

    SlotModel model = settings.initWeights.empty() ? SlotModel::create(settings.architecture, settings.seed)
                                                   : SlotModel::load(settings.initWeights, settings.architecture);
    SlotModel::Net &net = *model.net();
    const int size = int(net.config.imageSize);
    const torch::Device device = net.device;

    // Images as squares at twice the input side (crops keep detail); masks at the input side.
    std::vector<torch::Tensor> squares;
    std::vector<Image> images, masks;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const Image &image = samples[i].image;
        if (image.isNull() || image.width() < 8 || image.height() < 8)
            throw Error("training image " + std::to_string(i + 1) + " is empty or smaller than 8 x 8");
        torch::Tensor t = imageToTensor(centreSquare(image, std::min(2 * size, std::min(image.width(), image.height())), false));
        if (t.size(0) == 1)
            t = t.expand({3, -1, -1});
        squares.push_back(t.narrow(0, 0, 3).clamp(0.0, 1.0).contiguous());
        images.push_back(image);
        masks.push_back(samples[i].mask.isNull() ? Image() : centreSquare(samples[i].mask, size, true));
    }
    if (squares.size() < 4)
        throw Error("training needs at least 4 images, got " + std::to_string(squares.size()));

    torch::manual_seed(settings.seed);
    const DataSplit split = seededSplit(squares.size(), settings.validationFraction, settings.seed);
    const std::size_t batchSize = std::min<std::size_t>(std::size_t(settings.batchSize), split.train.size() - split.train.size() % 2);
    if (batchSize < 2)
        throw Error("training needs at least 2 training images after the validation split");

    // Validation: fixed views (seeded) for the loss; masks for IoU and ARI.
    std::vector<torch::Tensor> validationViews0, validationViews1;
    {
        std::mt19937_64 rng(settings.seed + 17);
        for (std::size_t i : split.validation) {
            validationViews0.push_back(augmentedView(squares[i], size, rng));
            validationViews1.push_back(augmentedView(squares[i], size, rng));
        }
    }
    std::vector<Image> validationImages, validationMasks;
    for (std::size_t i : split.validation)
        if (!masks[i].isNull()) {
            validationImages.push_back(images[i]);
            validationMasks.push_back(masks[i]);
        }
    auto maskScores = [&]() -> std::pair<double, double> {
        if (validationImages.empty())
            return {-1.0, -1.0};
        const bool training = net.module->is_training();
        net.module->eval();
        const std::vector<SlotResult> results = model.run(validationImages);
        net.module->train(training);
        std::vector<SlotScore> scores;
        for (std::size_t i = 0; i < results.size(); ++i)
            scores.push_back(scoreSlots(slotMasks(results[i], size), validationMasks[i]));
        const SlotScoreSummary s = summarize(scores);
        return {s.meanIoU, std::isnan(s.foregroundAri) ? 0.0 : s.foregroundAri};
    };

    auto losses = [&](const torch::Tensor &view0, const torch::Tensor &view1) {
        const SlotNetOutput out = net.module->forward(torch::cat({view0, view1}, 0).to(device));
        ViewLosses l;
        l.global = ntXentLoss(out.globalProjection, settings.globalTemperature);
        l.object = objectLoss(out.slotProjections, objectKind, settings.objectTemperature);
        l.total = settings.globalWeight * l.global + settings.objectWeight * l.object;
        return l;
    };

    SlotTrainingSummary summary;
    summary.trainCount = std::int64_t(split.train.size());
    summary.validationCount = std::int64_t(split.heldOut);
    summary.parameters = model.parameterCount();
    std::tie(summary.initialIoU, summary.initialAri) = maskScores();

    OptimizerSettings optimizerSettings;
    optimizerSettings.kind = OptimizerKind::AdamW;
    optimizerSettings.learningRate = settings.learningRate;
    optimizerSettings.weightDecay = settings.weightDecay;
    std::unique_ptr<torch::optim::Optimizer> optimizer = makeOptimizer(net.module->parameters(), optimizerSettings);

    const std::int64_t batchesPerEpoch = std::int64_t(split.train.size() / batchSize); // full batches only
    TrainingOptions options;
    options.totalSteps = std::int64_t(settings.epochs) * batchesPerEpoch;
    options.evalEvery = batchesPerEpoch;
    options.checkpointEvery = batchesPerEpoch;
    options.checkpointStem = checkpointStemFor(settings.outPath);
    options.optimizerKind = OptimizerKind::AdamW;
    const WarmupCosineSchedule schedule(settings.learningRate, std::int64_t(std::lround(settings.warmupFraction * double(options.totalSteps))),
                                        options.totalSteps);
    options.learningRate = [&schedule](std::int64_t step) { return schedule.at(step); };

    std::int64_t startStep = 0;
    net.module->train();
    if (settings.resume && std::filesystem::exists(options.checkpointStem + ".json"))
        startStep = std::min(loadTrainingCheckpoint(options.checkpointStem, *net.module, *optimizer, options.optimizerKind).step,
                             options.totalSteps);

    std::vector<std::size_t> epochOrder = split.train;
    double lossSum = 0.0, globalSum = 0.0, objectSum = 0.0;
    std::int64_t batches = 0;
    Clock::time_point epochStarted = Clock::now();

    auto trainStep = [&](std::int64_t step) {
        const std::int64_t inEpoch = step % batchesPerEpoch;
        if (inEpoch == 0) {
            epochOrder = split.train;
            std::mt19937_64 shuffle(settings.seed + 1000003ULL * std::uint64_t(step / batchesPerEpoch + 1));
            std::shuffle(epochOrder.begin(), epochOrder.end(), shuffle);
        }
        std::mt19937_64 rng(settings.seed + 7919ULL * std::uint64_t(step + 1));
        std::vector<torch::Tensor> view0, view1;
        const std::size_t begin = std::size_t(inEpoch) * batchSize;
        for (std::size_t i = begin; i < begin + batchSize; ++i) {
            view0.push_back(augmentedView(squares[epochOrder[i]], size, rng));
            view1.push_back(augmentedView(squares[epochOrder[i]], size, rng));
        }
        const ViewLosses l = losses(torch::stack(view0), torch::stack(view1));
        const double global = l.global.item<double>(), object = l.object.item<double>();
        lossSum += l.total.item<double>();
        globalSum += global;
        objectSum += object;
        ++batches;
        return StepOutput{l.total, {{"global_loss", global}, {"object_loss", object}}};
    };
    double lastIoU = -1.0, lastAri = -1.0;
    auto validate = [&]() {
        double sum = 0.0;
        std::int64_t n = 0;
        net.module->eval();
        for (std::size_t b = 0; b + 1 < validationViews0.size() + 1; b += batchSize) {
            const std::size_t len = std::min(batchSize, validationViews0.size() - b);
            if (len < 2)
                break;
            const std::vector<torch::Tensor> v0(validationViews0.begin() + std::ptrdiff_t(b), validationViews0.begin() + std::ptrdiff_t(b + len));
            const std::vector<torch::Tensor> v1(validationViews1.begin() + std::ptrdiff_t(b), validationViews1.begin() + std::ptrdiff_t(b + len));
            sum += losses(torch::stack(v0), torch::stack(v1)).total.item<double>();
            ++n;
        }
        std::tie(lastIoU, lastAri) = maskScores();
        net.module->train();
        return n > 0 ? sum / double(n) : 0.0;
    };
    auto onMetrics = [&](std::int64_t step, const Metrics &metrics) {
        for (const auto &[name, value] : metrics) {
            if (name != "validation")
                continue;
            SlotEpoch e;
            e.epoch = int(step / batchesPerEpoch) + 1;
            e.trainLoss = batches > 0 ? lossSum / double(batches) : 0.0;
            e.globalLoss = batches > 0 ? globalSum / double(batches) : 0.0;
            e.objectLoss = batches > 0 ? objectSum / double(batches) : 0.0;
            e.validationLoss = value;
            e.validationIoU = lastIoU;
            e.validationAri = lastAri;
            e.learningRate = learningRate(*optimizer);
            e.seconds = secondsSince(epochStarted);
            summary.epochs.push_back(e);
            lossSum = globalSum = objectSum = 0.0;
            batches = 0;
            epochStarted = Clock::now();
            summary.seconds = secondsSince(started);

            json::Value sidecar = summary.toJson();
            json::Value arch = json::Object{};
            for (const auto &[key, option] : optionsFromConfig(net.config))
                arch.set(key, option);
            sidecar.set("arch", std::move(arch));
            sidecar.set("model", "object-centric ViT + slot attention (Baldassarre & Azizpour, ICLR-W 2022)");
            sidecar.set("object_loss", toString(objectKind));
            sidecar.set("global_weight", settings.globalWeight);
            sidecar.set("object_weight", settings.objectWeight);
            writeWeightsAndSidecar(settings.outPath, *net.module, {{"architecture", "slots-vit"}, {"size", std::to_string(size)}}, sidecar);
            if (onEpoch)
                onEpoch(e);
        }
    };
    runTraining(*net.module, *optimizer, trainStep, validate, options, onMetrics, job, startStep);
    net.module->eval();
    summary.seconds = secondsSince(started);
    return summary;
}

} // namespace periscope::slot
