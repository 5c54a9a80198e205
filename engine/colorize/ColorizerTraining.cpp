// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/colorize/ColorizerTraining.h"

#include "engine/colorize/ColorBins.h"
#include "engine/colorize/ColorizationNets.h"
#include "engine/colorize/Colorizer.h"
#include "engine/colorize/InceptionResNetV2.h"
#include "engine/core/color/ColorOps.h"
#include "engine/core/errors/Error.h"
#include "engine/core/geometry/GeometryOps.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/training/Optimizers.h"
#include "engine/core/training/TrainingLoop.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <optional>
#include <random>

namespace periscope::colorize {

namespace {
using Clock = std::chrono::steady_clock;
constexpr double kAbScale = 110.0; // targets and predictions compared in ab / 110

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A square crop of `side` pixels: a random square of 0.5-1 of the shorter side (or the centre
// square at full size when `random` is null), resized, flipped at random.
torch::Tensor crop(const torch::Tensor &photo, std::int64_t side, std::mt19937_64 *random)
{
    const std::int64_t h = photo.size(1), w = photo.size(2), shorter = std::min(h, w);
    std::int64_t s = shorter, y = (h - shorter) / 2, x = (w - shorter) / 2;
    bool flip = false;
    if (random) {
        s = std::max<std::int64_t>(8, std::int64_t(std::uniform_real_distribution<double>(0.5, 1.0)(*random) * double(shorter)));
        y = std::uniform_int_distribution<std::int64_t>(0, h - s)(*random);
        x = std::uniform_int_distribution<std::int64_t>(0, w - s)(*random);
        flip = std::bernoulli_distribution(0.5)(*random);
    }
    torch::Tensor c = photo.narrow(1, y, s).narrow(2, x, s);
    c = resize(c, side, side, s > side ? ResizeMode::Antialiased : ResizeMode::Bilinear).clamp(0.0, 1.0);
    return flip ? c.flip({2}) : c;
}

// [N, 3, side, side] sRGB crops -> the network's L and the ab targets / 110.
std::pair<torch::Tensor, torch::Tensor> labPair(const torch::Tensor &crops)
{
    const torch::Tensor lab = srgbToLab(crops);
    return {lab.narrow(1, 0, 1), lab.narrow(1, 1, 2) / kAbScale};
}
// Quarter resolution, where Zhang's networks classify.
torch::Tensor quarter(const torch::Tensor &ab)
{
    return torch::avg_pool2d(ab, 4);
}

// The network being trained, behind what the loop needs of it.
struct Trainee {
    std::shared_ptr<torch::nn::Module> module;
    std::string architecture;
    std::function<torch::Tensor(const torch::Tensor &l)> predictAb;   // Lab units
    std::function<torch::Tensor(const torch::Tensor &l)> classLogits; // Zhang's networks
    torch::Tensor bins;                                               // their classes' ab, [Q, 2]
};

Trainee makeTrainee(const ColorizerTrainingSettings &settings)
{
    Trainee t;
    t.architecture = settings.architecture;
    if (settings.loss != "mse" && settings.loss != "rebalanced")
        throw Error("training: the loss is 'mse' or 'rebalanced', not '" + settings.loss + "'");
    if (settings.architecture == "koalarization") {
        if (settings.loss == "rebalanced")
            throw Error("training: the class-rebalanced loss needs a classifying network (eccv16 or siggraph17)");
        KoalarizationConfig config;
        config.size = settings.size;
        config.width = settings.width;
        InceptionResNetV2 inception{nullptr};
        if (!settings.inceptionWeights.empty()) {
            inception = loadInceptionResNetV2(settings.inceptionWeights); // frozen: only the colorizer learns
            for (torch::Tensor &p : inception->parameters())
                p.set_requires_grad(false);
            config.globalBranch = false;
            config.embedding = inception->classif->weight.size(0);
        }
        Koalarization net(config);
        t.module = net.ptr();
        // The global features of a batch: Inception's logits of the gray crops, or the jointly trained branch.
        t.predictAb = [net, inception](const torch::Tensor &l) mutable {
            if (!inception)
                return net->forward(l);
            torch::Tensor embedding;
            {
                torch::NoGradGuard noGrad;
                embedding = inceptionLogitsForGray(inception, l);
            }
            return net->forward(l, embedding);
        };
    } else if (settings.architecture == "eccv16") {
        Eccv16 net(settings.width);
        // The classes' ab: our 313 bins nearest the gamut, or the authors' when their weights are loaded below.
        torch::NoGradGuard noGrad;
        net->model_out->weight.copy_((abGamutBins(313) / 110.0).t().reshape({2, 313, 1, 1}));
        net->model_out->weight.set_requires_grad(false);
        t.module = net.ptr();
        // Validated as it will colorize: decoded at the temperature its sidecar names.
        const double temperature = settings.temperature;
        t.predictAb = [net, temperature](const torch::Tensor &l) mutable { return net->forward(l, temperature); };
        t.classLogits = [net](const torch::Tensor &l) mutable { return net->classLogits(l); };
    } else if (settings.architecture == "siggraph17") {
        Siggraph17 net;
        t.module = net.ptr();
        t.predictAb = [net](const torch::Tensor &l) mutable { return net->forward(l); };
        t.classLogits = [net](const torch::Tensor &l) mutable { return net->classLogits(l); };
        t.bins = abGridBins();
    } else {
        throw Error("training: unknown architecture '" + settings.architecture + "' (koalarization, eccv16, siggraph17)");
    }
    if (!settings.initWeights.empty()) {
        const LoadReport report = applyStateDict(*t.module, loadStateDict(settings.initWeights), false);
        if (!report.isComplete())
            throw Error("training: the weights in " + settings.initWeights + " do not fit " + settings.architecture + ": " + report.summary());
    }
    if (settings.architecture == "eccv16") {
        auto *eccv16 = dynamic_cast<Eccv16Impl *>(t.module.get());
        eccv16->model_out->weight.set_requires_grad(false);
        t.bins = eccv16->bins();
    }
    return t;
}
} // namespace

json::Value ColorizerTrainingSummary::toJson() const
{
    json::Array rows;
    for (const ColorizerEpoch &e : epochs)
        rows.emplace_back(json::Object{{"epoch", e.epoch},
                                       {"train_loss", e.trainLoss},
                                       {"validation_loss", e.validationLoss},
                                       {"gray_baseline_loss", e.grayBaselineLoss},
                                       {"seconds", e.seconds}});
    json::Value out = json::Object{};
    out.set("train_photos", trainCount);
    out.set("validation_photos", validationCount);
    out.set("parameters", parameters);
    out.set("seconds", seconds);
    out.set("epochs", json::Value(std::move(rows)));
    return out;
}

ColorizerTrainingSummary trainColorizer(const std::vector<Image> &photos, const ColorizerTrainingSettings &settings,
                                        const JobControl &job, const std::function<void(const ColorizerEpoch &)> &onEpoch)
{
    const Clock::time_point started = Clock::now();
    if (settings.outPath.empty())
        throw Error("training: no output file for the weights");
    if (settings.size < 64 || settings.size % 8 != 0 || settings.size > 1024)
        throw Error("training: the crop side must be a multiple of 8 in [64, 1024]");
    if (settings.epochs < 1 || settings.batchSize < 1)
        throw Error("training: epochs and batch size must be positive");
    if (!(settings.validationFraction >= 0.0 && settings.validationFraction < 1.0))
        throw Error("training: the validation fraction must be in [0, 1)");
    if (!(settings.learningRate > 0.0))
        throw Error("training: the learning rate must be positive");
    if (!(settings.weightDecay >= 0.0 && settings.weightDecay < 1.0))
        throw Error("training: the weight decay must be in [0, 1)");
    if (settings.width != 1 && settings.width != 2 && settings.width != 4 && settings.width != 8)
        throw Error("training: the channel divisor is 1, 2, 4 or 8");
    if (settings.architecture == "siggraph17" && settings.width != 1)
        throw Error("training: siggraph17 has only its published width");
    if (!(settings.temperature >= Colorizer::kMinTemperature && settings.temperature <= 1.0))
        throw Error("training: the annealed-mean temperature must be in [" + std::to_string(Colorizer::kMinTemperature) + ", 1]");
    const std::filesystem::path outDir = std::filesystem::absolute(settings.outPath).parent_path();
    if (!std::filesystem::is_directory(outDir))
        throw Error("training: the folder " + outDir.string() + " does not exist");

    // Photos as [3, H, W] float tensors; gray ones teach nothing and are refused by index.
    std::vector<torch::Tensor> tensors;
    for (std::size_t i = 0; i < photos.size(); ++i) {
        const Image &p = photos[i];
        if (p.channels() != 3)
            throw Error("training: photo " + std::to_string(i) + " has " + std::to_string(p.channels()) + " channels, not RGB");
        torch::Tensor t = imageToTensor(p).contiguous();
        // Crops take at least half the shorter side down to `size`: a shorter side beyond 3 x
        // size adds no detail, only memory (a 6000 x 4000 wallpaper is 288 MB as floats).
        const std::int64_t shorter = std::min(t.size(1), t.size(2)), keep = 3 * std::int64_t(settings.size);
        if (shorter > keep)
            t = resize(t, t.size(1) * keep / shorter, t.size(2) * keep / shorter, ResizeMode::Antialiased).clamp(0.0, 1.0).contiguous();
        if ((t.select(0, 0) - t.select(0, 1)).abs().max().item<double>() < 1e-3 &&
            (t.select(0, 1) - t.select(0, 2)).abs().max().item<double>() < 1e-3)
            throw Error("training: photo " + std::to_string(i) + " is gray: colour photos are needed");
        tensors.push_back(t);
    }
    if (tensors.size() < 2)
        throw Error("training needs at least 2 colour photos, got " + std::to_string(tensors.size()));

    torch::manual_seed(settings.seed);
    const DataSplit split = seededSplit(tensors.size(), settings.validationFraction, settings.seed);
    const std::vector<std::size_t> &trainIndices = split.train, &validationIndices = split.validation;
    const std::size_t validationCount = split.heldOut;

    // Fixed validation crops (centre squares), their gray baseline computed once.
    std::vector<torch::Tensor> validationCrops;
    for (std::size_t i : validationIndices)
        validationCrops.push_back(crop(tensors[i], settings.size, nullptr));
    // Named tensors, not a structured binding: the validation lambda below captures them, which
    // clang before 16 refuses for bindings.
    const std::pair<torch::Tensor, torch::Tensor> validationLab = labPair(torch::stack(validationCrops));
    const torch::Tensor &validationL = validationLab.first;
    const torch::Tensor &validationAb = validationLab.second;
    const double grayBaseline = validationAb.pow(2).mean().item<double>();

    Trainee trainee = makeTrainee(settings);
    torch::nn::Module &net = *trainee.module;
    const auto predict = trainee.predictAb;

    // The class-rebalanced loss weighs each colour class by how rare it is in these photos: the
    // distribution of their soft-encoded ab (centre crops at the network's quarter resolution).
    torch::Tensor classWeights;
    if (settings.loss == "rebalanced") {
        torch::NoGradGuard noGrad;
        torch::Tensor distribution = torch::zeros({trainee.bins.size(0)});
        for (std::size_t i : trainIndices) {
            const torch::Tensor ab = labPair(crop(tensors[i], settings.size, nullptr).unsqueeze(0)).second * kAbScale;
            distribution += softEncode(quarter(ab), trainee.bins).mean({0, 2, 3});
        }
        classWeights = rebalancingWeights(distribution, trainee.bins);
    }
    std::vector<torch::Tensor> parameters;
    for (const torch::Tensor &p : net.parameters())
        if (p.requires_grad()) // eccv16's class-to-ab table stays fixed
            parameters.push_back(p);
    OptimizerSettings optimizerSettings;
    optimizerSettings.learningRate = settings.learningRate;
    optimizerSettings.weightDecay = settings.weightDecay;
    std::unique_ptr<torch::optim::Optimizer> optimizer = makeOptimizer(parameters, optimizerSettings);

    ColorizerTrainingSummary summary;
    summary.trainCount = std::int64_t(trainIndices.size());
    summary.validationCount = std::int64_t(validationCount);
    for (const torch::Tensor &p : parameters)
        summary.parameters += p.numel();

    const std::size_t batchSize = std::size_t(settings.batchSize);
    const std::int64_t batchesPerEpoch = std::int64_t((trainIndices.size() + batchSize - 1) / batchSize);
    TrainingOptions options;
    options.totalSteps = std::int64_t(settings.epochs) * batchesPerEpoch;
    options.evalEvery = batchesPerEpoch;
    options.checkpointEvery = batchesPerEpoch;
    options.checkpointStem = checkpointStemFor(settings.outPath);
    // A decaying rate settles the weights: at a constant one the last epochs' validation loss
    // swung by a third from epoch to epoch (eccv16 on ~60 photos).
    const WarmupCosineSchedule schedule(settings.learningRate, std::min<std::int64_t>(batchesPerEpoch, options.totalSteps / 10),
                                        options.totalSteps, settings.learningRate * 0.01);
    options.learningRate = [schedule](std::int64_t step) { return schedule.at(step); };

    std::int64_t startStep = 0;
    if (settings.resume && std::filesystem::exists(options.checkpointStem + ".json"))
        startStep = std::min(loadTrainingCheckpoint(options.checkpointStem, net, *optimizer, options.optimizerKind).step, options.totalSteps);

    std::vector<std::size_t> epochOrder = trainIndices;
    double lossSum = 0.0, lastValidation = 0.0;
    // The best validation loss so far (kept across a resume in the sidecar) and its epoch.
    double bestValidation = std::numeric_limits<double>::infinity();
    int bestEpoch = 0;
    if (settings.keepBest && startStep > 0)
        if (const std::optional<json::Value> old = readSidecar(settings.outPath)) {
            if (const json::Value *v = old->find("best_validation"); v && v->isNumber())
                bestValidation = v->asNumber();
            if (const json::Value *v = old->find("best_epoch"); v && v->isNumber())
                bestEpoch = int(v->asNumber());
        }
    std::int64_t batches = 0;
    Clock::time_point epochStarted = Clock::now();

    auto trainStep = [&](std::int64_t step) {
        const std::int64_t inEpoch = step % batchesPerEpoch;
        std::mt19937_64 augment(settings.seed + 7919ULL * std::uint64_t(step + 1));
        if (inEpoch == 0) {
            std::mt19937_64 shuffle(settings.seed + 1000003ULL * std::uint64_t(step / batchesPerEpoch + 1));
            std::shuffle(epochOrder.begin(), epochOrder.end(), shuffle);
        }
        std::vector<torch::Tensor> crops;
        const std::size_t begin = std::size_t(inEpoch) * batchSize;
        for (std::size_t i = begin; i < std::min(begin + batchSize, epochOrder.size()); ++i)
            crops.push_back(crop(tensors[epochOrder[i]], settings.size, &augment));
        const auto [l, ab] = labPair(torch::stack(crops));
        const torch::Tensor loss = classWeights.defined()
                                       ? classRebalancedLoss(trainee.classLogits(l), softEncode(quarter(ab * kAbScale), trainee.bins), classWeights)
                                       : torch::mse_loss(predict(l) / kAbScale, ab);
        lossSum += loss.item<double>();
        ++batches;
        return StepOutput{loss, {}};
    };
    auto validate = [&]() {
        double sum = 0.0;
        std::int64_t n = 0;
        for (std::int64_t b = 0; b < validationL.size(0); b += std::int64_t(batchSize)) {
            const std::int64_t len = std::min<std::int64_t>(std::int64_t(batchSize), validationL.size(0) - b);
            const torch::Tensor prediction = predict(validationL.narrow(0, b, len)) / kAbScale;
            sum += torch::mse_loss(prediction, validationAb.narrow(0, b, len), at::Reduction::Sum).item<double>();
            n += prediction.numel();
        }
        lastValidation = n > 0 ? sum / double(n) : 0.0;
        return lastValidation;
    };
    auto onMetrics = [&](std::int64_t step, const Metrics &metrics) {
        for (const auto &[name, value] : metrics) {
            if (name != "validation")
                continue;
            ColorizerEpoch e;
            e.epoch = int(step / batchesPerEpoch) + 1;
            e.trainLoss = batches > 0 ? lossSum / double(batches) : 0.0;
            e.validationLoss = value;
            e.grayBaselineLoss = grayBaseline;
            e.seconds = secondsSince(epochStarted);
            summary.epochs.push_back(e);
            lossSum = 0.0;
            batches = 0;
            epochStarted = Clock::now();
            summary.seconds = secondsSince(started);
            json::Value sidecar = summary.toJson();
            sidecar.set("size", settings.size);
            sidecar.set("width", settings.width);
            sidecar.set("architecture", trainee.architecture);
            sidecar.set("loss", settings.loss == "rebalanced" ? "class-rebalanced cross-entropy (Zhang et al. 2016)" : "mse on ab / 110");
            if (trainee.architecture == "eccv16")
                sidecar.set("temperature", settings.temperature);
            const bool improved = value < bestValidation;
            if (improved) {
                bestValidation = value;
                bestEpoch = e.epoch;
            }
            if (settings.keepBest) {
                sidecar.set("best_epoch", bestEpoch);
                sidecar.set("best_validation", bestValidation);
            }
            if (trainee.architecture == "koalarization")
                sidecar.set("global_features", settings.inceptionWeights.empty() ? "jointly-trained branch" : "inception-resnet-v2");
            if (!settings.keepBest || improved) {
                writeWeightsAndSidecar(settings.outPath, net,
                                       {{"architecture", trainee.architecture}, {"size", std::to_string(settings.size)},
                                        {"width", std::to_string(settings.width)}},
                                       sidecar);
            } else { // the weights on disk are a better epoch's: only the record grows
                writeSidecar(settings.outPath, sidecar);
            }
            if (onEpoch)
                onEpoch(e);
        }
    };
    runTraining(net, *optimizer, trainStep, validate, options, onMetrics, job, startStep);
    summary.seconds = secondsSince(started);
    return summary;
}

} // namespace periscope::colorize
