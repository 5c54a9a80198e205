// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/DetectorTraining.h"

#include "engine/core/attribution/Attribution.h"
#include "engine/core/errors/Error.h"
#include "engine/core/metrics/MetricsOps.h"
#include "engine/core/training/Optimizers.h"
#include "engine/core/training/TrainingCheckpoint.h"
#include "engine/core/training/TrainingLoop.h"
#include "engine/deepfake/FrameDetector.h"

#include <chrono>
#include <filesystem>
#include <cmath>
#include <limits>
#include <random>

namespace periscope::deepfake {

namespace {
namespace F = torch::nn::functional;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 8-bit crops as the network's input.
torch::Tensor networkInput(const torch::Tensor &crops)
{
    return imagenetNormalised(crops.to(torch::kFloat) / 255.0);
}

double meanOf(const torch::Tensor &values)
{
    return values.numel() > 0 ? values.to(torch::kDouble).mean().item<double>() : kNaN;
}
} // namespace

// The same random flip and brightness / contrast change for every crop of a run, so the temporal
// term compares frames, not augmentations. crops: [R * L, 3, S, S] float in [0, 1], runs of L
// crops one after the other.
torch::Tensor augmentRuns(torch::Tensor crops, std::int64_t length, std::mt19937_64 &rng)
{
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (std::int64_t p = 0; p + length - 1 < crops.size(0); p += length) {
        torch::Tensor run = crops.narrow(0, p, length);
        if (unit(rng) < 0.5)
            run = run.flip({3});
        const double brightness = 0.9 + 0.2 * unit(rng), contrast = 0.9 + 0.2 * unit(rng);
        const torch::Tensor mean = run.mean({1, 2, 3}, true);
        crops.narrow(0, p, length).copy_(((run - mean) * contrast + mean * brightness).clamp(0.0, 1.0));
    }
    return crops;
}

std::vector<std::int64_t> CropSet::nextCrops() const
{
    // For each crop, the crop of the same video with the smallest larger frame index.
    const std::int64_t n = size();
    std::vector<std::int64_t> next(std::size_t(n), -1);
    for (std::int64_t a = 0; a < n; ++a) {
        std::int64_t &best = next[std::size_t(a)];
        for (std::int64_t b = 0; b < n; ++b)
            if (video[std::size_t(b)] == video[std::size_t(a)] && frame[std::size_t(b)] > frame[std::size_t(a)] &&
                (best < 0 || frame[std::size_t(b)] < frame[std::size_t(best)]))
                best = b;
    }
    return next;
}

std::vector<std::pair<std::int64_t, std::int64_t>> CropSet::consecutivePairs() const
{
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    const std::vector<std::int64_t> next = nextCrops();
    for (std::size_t a = 0; a < next.size(); ++a)
        if (next[a] >= 0)
            pairs.emplace_back(std::int64_t(a), next[a]);
    return pairs;
}

std::vector<std::vector<std::int64_t>> CropSet::consecutiveRuns(std::int64_t length, bool overlapping) const
{
    const std::vector<std::int64_t> next = nextCrops();
    std::vector<bool> hasPrevious(next.size(), false);
    for (std::int64_t b : next)
        if (b >= 0)
            hasPrevious[std::size_t(b)] = true;
    std::vector<std::vector<std::int64_t>> runs;
    for (std::size_t first = 0; first < next.size(); ++first) {
        if (!overlapping && hasPrevious[first])
            continue; // cut each video's chain from its first crop
        std::vector<std::int64_t> run{std::int64_t(first)};
        for (std::int64_t c = next[first]; c >= 0; c = next[std::size_t(c)]) {
            if (std::int64_t(run.size()) == length) {
                if (overlapping)
                    break;
                runs.push_back(run);
                run.clear();
            }
            run.push_back(c);
        }
        if (std::int64_t(run.size()) == length)
            runs.push_back(run);
    }
    return runs;
}

void CropSet::validate() const
{
    if (!crops.defined() || crops.dim() != 4 || crops.size(1) != 3 || crops.size(2) != crops.size(3) || crops.scalar_type() != torch::kUInt8)
        throw Error("face crops must be uint8 [N, 3, S, S]");
    if (!labels.defined() || labels.dim() != 1 || labels.size(0) != crops.size(0))
        throw Error("one label per face crop is needed");
    if (std::int64_t(video.size()) != crops.size(0) || std::int64_t(frame.size()) != crops.size(0))
        throw Error("one video and frame index per face crop is needed");
}

torch::Tensor unitMass(const torch::Tensor &maps)
{
    const torch::Tensor positive = torch::relu(maps);
    const torch::Tensor mass = positive.sum({1, 2}, true);
    return positive / torch::where(mass > 0, mass, torch::ones_like(mass));
}

torch::Tensor spatialTotalVariation(const torch::Tensor &maps)
{
    const std::int64_t h = maps.size(1), w = maps.size(2);
    torch::Tensor tv = torch::zeros({maps.size(0)}, maps.options());
    if (w > 1)
        tv = tv + (maps.narrow(2, 1, w - 1) - maps.narrow(2, 0, w - 1)).abs().sum({1, 2});
    if (h > 1)
        tv = tv + (maps.narrow(1, 1, h - 1) - maps.narrow(1, 0, h - 1)).abs().sum({1, 2});
    return tv;
}

torch::Tensor temporalTotalVariation(const torch::Tensor &a, const torch::Tensor &b)
{
    return (a - b).abs().sum({1, 2});
}

std::pair<torch::Tensor, torch::Tensor> gradCamWithGraph(EfficientNet &network, const torch::Tensor &input)
{
    torch::AutoGradMode enable(true);
    auto [logits, activation] = network->forwardWithActivation(input, "features");
    const torch::Tensor score = logits.reshape({-1});
    // create_graph: the map is a function of the weights, so its total variation can be trained.
    const torch::Tensor grad = torch::autograd::grad({score.sum()}, {activation}, {}, /*retain_graph=*/true, /*create_graph=*/true)[0];
    const torch::Tensor cam = torch::relu((grad.mean({2, 3}, true) * activation).sum(1));
    return {cam, score};
}

DetectorValidation validateDetector(EfficientNet &network, const CropSet &crops)
{
    crops.validate();
    const bool wasTraining = network->is_training();
    network->eval();
    const torch::Device device = network->parameters().front().device();
    const std::int64_t n = crops.size(), size = crops.crops.size(2), chunk = 32;
    std::vector<torch::Tensor> scores, maps;
    for (std::int64_t start = 0; start < n; start += chunk) {
        const torch::Tensor input = networkInput(crops.crops.narrow(0, start, std::min(chunk, n - start)).to(device));
        const ScoreWithActivation withActivation = [&](const torch::Tensor &x, const std::string &layer) {
            return network->forwardWithActivation(x, layer);
        };
        const torch::Tensor targets = torch::zeros({input.size(0)}, torch::TensorOptions().dtype(torch::kLong).device(device));
        const torch::Tensor cam = gradCam(withActivation, "features", input, targets, CamVariant::GradCam);
        maps.push_back(F::interpolate(cam.unsqueeze(1), F::InterpolateFuncOptions()
                                                            .size(std::vector<std::int64_t>{size, size})
                                                            .mode(torch::kBilinear)
                                                            .align_corners(false))
                           .squeeze(1)
                           .cpu());
        torch::NoGradGuard noGrad;
        scores.push_back(torch::sigmoid(network->forward(input)).reshape({-1}).cpu());
    }
    network->train(wasTraining);

    return validationOf(torch::cat(scores), crops.labels, torch::cat(maps).detach(), crops.consecutivePairs());
}

DetectorValidation validationOf(const torch::Tensor &scores, const torch::Tensor &labels, const torch::Tensor &maps,
                                const std::vector<std::pair<std::int64_t, std::int64_t>> &consecutive)
{
    DetectorValidation v;
    const torch::Tensor probability = scores.to(torch::kDouble);
    const torch::Tensor fake = labels > 0.5;
    const bool bothClasses = fake.any().item<bool>() && (~fake).any().item<bool>();
    v.rocAuc = bothClasses ? rocAuc(probability, fake) : kNaN;
    const torch::Tensor p = probability.clamp(1e-7, 1.0 - 1e-7);
    v.logLoss = -torch::where(fake, p.log(), (1.0 - p).log()).mean().item<double>();
    // The metrics' definitions (docs/explanation-metrics.md): unit mass, frames without positive
    // mass left out.
    const torch::Tensor nonEmpty = torch::relu(maps).sum({1, 2}) > 0;
    const torch::Tensor mass = unitMass(maps);
    v.spatialSmoothness = meanOf((1.0 - spatialTotalVariation(mass) / 4.0).masked_select(nonEmpty));
    std::vector<double> temporal;
    for (const auto &[a, b] : consecutive)
        if (nonEmpty[a].item<bool>() && nonEmpty[b].item<bool>())
            temporal.push_back(1.0 - temporalTotalVariation(mass[a].unsqueeze(0), mass[b].unsqueeze(0)).item<double>() / 2.0);
    v.temporalSmoothness = meanOf(torch::tensor(temporal, torch::kDouble));
    return v;
}

DetectorTrainingSummary trainFrameDetector(EfficientNet &network, const CropSet &train, const CropSet &validation,
                                           const DetectorTrainingSettings &settings,
                                           const std::function<void(const DetectorValidation &)> &onValidation,
                                           const JobControl &control)
{
    train.validate();
    validation.validate();
    if (settings.steps < 1 || settings.batchPairs < 1 || settings.evalEvery < 1)
        throw Error("training needs at least one step, one pair per batch and a validation interval");
    const std::vector<std::pair<std::int64_t, std::int64_t>> pairs = train.consecutivePairs();
    if (pairs.size() < 2)
        throw Error("training needs at least two pairs of consecutive face crops of one video");
    const torch::Tensor fake = train.labels > 0.5;
    if (!fake.any().item<bool>() || fake.all().item<bool>())
        throw Error("training needs face crops of both real and fake videos");

    const auto started = std::chrono::steady_clock::now();
    network->to(settings.device);

    const bool regularised = settings.spatialTvWeight > 0.0 || settings.temporalTvWeight > 0.0;
    auto trainStep = [&](std::int64_t step) {
        // Batches depend only on the seed and the step, so a resumed run continues exactly.
        std::mt19937_64 rng(settings.seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(step));
        std::uniform_int_distribution<std::size_t> pick(0, pairs.size() - 1);
        std::vector<std::int64_t> order;
        for (std::int64_t p = 0; p < settings.batchPairs; ++p) {
            const auto &[a, b] = pairs[pick(rng)];
            order.push_back(a);
            order.push_back(b);
        }
        const torch::Tensor index = torch::tensor(order, torch::kLong);
        const torch::Tensor crops = augmentRuns(train.crops.index_select(0, index).to(torch::kFloat) / 255.0, 2, rng).to(settings.device);
        const torch::Tensor labels = train.labels.index_select(0, index).to(settings.device);
        const torch::Tensor input = imagenetNormalised(crops);
        if (!regularised)
            return detectorStepOutput(network->forward(input).reshape({-1}), labels, settings, {}, {});
        auto [cam, score] = gradCamWithGraph(network, input);
        const torch::Tensor mass = unitMass(cam);
        const torch::Tensor evenFrames = mass.slice(0, 0, mass.size(0), 2), oddFrames = mass.slice(0, 1, mass.size(0), 2);
        return detectorStepOutput(score, labels, settings, spatialTotalVariation(mass).mean(), temporalTotalVariation(evenFrames, oddFrames).mean());
    };
    network->train();
    DetectorTrainingSummary summary = runDetectorTraining(*network, settings, trainStep, [&] { return validateDetector(network, validation); },
                                                          onValidation, control);
    network->eval();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

StepOutput detectorStepOutput(const torch::Tensor &logits, const torch::Tensor &labels, const DetectorTrainingSettings &settings,
                              const torch::Tensor &tvSpatial, const torch::Tensor &tvTemporal)
{
    StepOutput out;
    const torch::Tensor classification = F::binary_cross_entropy_with_logits(logits, labels);
    out.loss = classification;
    if (tvSpatial.defined()) {
        out.loss = out.loss + settings.spatialTvWeight * tvSpatial + settings.temporalTvWeight * tvTemporal;
        out.metrics.emplace_back("tv_spatial", tvSpatial.item<double>());
        out.metrics.emplace_back("tv_temporal", tvTemporal.item<double>());
    }
    out.metrics.emplace_back("classification_loss", classification.item<double>());
    return out;
}

DetectorTrainingSummary runDetectorTraining(torch::nn::Module &network, const DetectorTrainingSettings &settings,
                                            const std::function<StepOutput(std::int64_t)> &step,
                                            const std::function<DetectorValidation()> &validateNow,
                                            const std::function<void(const DetectorValidation &)> &onValidation, const JobControl &control)
{
    // A network that explained before (ClipDetector and FrameDetector freeze the weights) trains.
    for (torch::Tensor &p : network.parameters())
        p.requires_grad_(true);
    DetectorTrainingSummary summary;
    summary.initial = validateNow();
    OptimizerSettings optimizerSettings;
    optimizerSettings.kind = OptimizerKind::AdamW;
    optimizerSettings.learningRate = settings.learningRate;
    optimizerSettings.weightDecay = settings.weightDecay;
    std::unique_ptr<torch::optim::Optimizer> optimizer = makeOptimizer(network.parameters(), optimizerSettings);
    TrainingOptions options;
    options.totalSteps = settings.steps;
    options.evalEvery = settings.evalEvery;
    options.checkpointEvery = settings.evalEvery;
    options.checkpointStem = settings.checkpointStem;
    options.optimizerKind = OptimizerKind::AdamW;
    options.clipGradNorm = 5.0;
    const WarmupCosineSchedule schedule(settings.learningRate, std::max<std::int64_t>(1, settings.steps / 20), settings.steps);
    options.learningRate = [&schedule](std::int64_t s) { return schedule.at(s); };

    // The mean classification loss between validations, from what each step reports.
    double lossSum = 0.0;
    std::int64_t lossCount = 0;
    const auto countedStep = [&](std::int64_t s) {
        StepOutput out = step(s);
        for (const auto &[name, value] : out.metrics)
            if (name == "classification_loss") {
                lossSum += value;
                ++lossCount;
            }
        return out;
    };
    DetectorValidation last;
    auto validate = [&]() {
        const bool wasTraining = network.is_training();
        last = validateNow();
        network.train(wasTraining);
        // The loop keeps the best by this number: the validation AUC (log loss where AUC is undefined).
        return std::isfinite(last.rocAuc) ? last.rocAuc : -last.logLoss;
    };
    auto onMetrics = [&](std::int64_t s, const Metrics &metrics) {
        for (const auto &[name, value] : metrics) {
            if (name != "validation")
                continue;
            last.step = s + 1;
            last.trainLoss = lossCount > 0 ? lossSum / double(lossCount) : kNaN;
            lossSum = 0.0;
            lossCount = 0;
            summary.history.push_back(last);
            if (onValidation)
                onValidation(last);
        }
    };
    std::int64_t startStep = 0;
    if (settings.resume && !settings.checkpointStem.empty() && std::filesystem::exists(settings.checkpointStem + ".json"))
        startStep = std::min(loadTrainingCheckpoint(settings.checkpointStem, network, *optimizer, options.optimizerKind).step, options.totalSteps);
    const TrainingResult result = runTraining(network, *optimizer, countedStep, validate, options, onMetrics, control, startStep);
    summary.steps = result.stepsDone;
    return summary;
}

} // namespace periscope::deepfake
