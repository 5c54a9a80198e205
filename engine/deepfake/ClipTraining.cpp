// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/ClipTraining.h"

#include "engine/core/errors/Error.h"

#include <chrono>
#include <random>

namespace periscope::deepfake {

namespace {
namespace F = torch::nn::functional;

// Total variations of unit-mass maps [N, t, h, w]: spatial within each slice, temporal between
// consecutive slices of a clip; means over slices (and over slice pairs).
std::pair<torch::Tensor, torch::Tensor> clipTotalVariations(const torch::Tensor &cam)
{
    const std::int64_t n = cam.size(0), t = cam.size(1), h = cam.size(2), w = cam.size(3);
    const torch::Tensor mass = unitMass(cam.reshape({n * t, h, w})).reshape({n, t, h, w});
    const torch::Tensor spatial = spatialTotalVariation(mass.reshape({n * t, h, w})).mean();
    if (t < 2)
        return {spatial, torch::zeros({}, cam.options())};
    const torch::Tensor earlier = mass.narrow(1, 0, t - 1).reshape({-1, h, w}), later = mass.narrow(1, 1, t - 1).reshape({-1, h, w});
    return {spatial, temporalTotalVariation(earlier, later).mean()};
}

void checkCropSize(const MViT &network, const CropSet &crops)
{
    const std::int64_t size = network->config().height;
    if (crops.crops.size(2) != size)
        throw Error("the clip detector takes " + std::to_string(size) + " px crops, not " + std::to_string(crops.crops.size(2)));
}
} // namespace

std::pair<torch::Tensor, torch::Tensor> clipGradCam(MViT &network, const torch::Tensor &clips, bool trainable)
{
    torch::AutoGradMode enable(true);
    const std::size_t last = network->blockCount() - 1;
    // Without a trainable graph the input carries it, so frozen weights work too.
    const torch::Tensor input = trainable ? clips : clips.detach().requires_grad_(true);
    const auto [tokens, grid] = network->encode(input, last);
    const torch::Tensor score = network->finish(tokens, grid, last).reshape({-1});
    const torch::Tensor grad = torch::autograd::grad({score.sum()}, {tokens}, {}, /*retain_graph=*/true, /*create_graph=*/trainable)[0];
    const std::int64_t cells = tokens.size(1) - 1;
    const torch::Tensor a = tokens.narrow(1, 1, cells), g = grad.narrow(1, 1, cells);
    const torch::Tensor cam = torch::relu((g.mean(1, true) * a).sum(2)).reshape({tokens.size(0), grid[0], grid[1], grid[2]});
    return {trainable ? cam : cam.detach(), trainable ? score : score.detach()};
}

torch::Tensor clipsOf(const torch::Tensor &crops, const std::vector<std::vector<std::int64_t>> &runs)
{
    std::vector<torch::Tensor> clips;
    for (const std::vector<std::int64_t> &run : runs)
        clips.push_back(crops.index_select(0, torch::tensor(run, torch::kLong)));
    torch::Tensor pixels = torch::stack(clips).to(torch::kFloat); // [R, T, 3, S, S]
    if (crops.scalar_type() == torch::kUInt8)
        pixels = pixels / 255.0;
    return ((pixels - MViTConfig::kMean) / MViTConfig::kStd).permute({0, 2, 1, 3, 4}).contiguous();
}

DetectorValidation validateClipDetector(MViT &network, const CropSet &crops)
{
    crops.validate();
    checkCropSize(network, crops);
    const MViTConfig &config = network->config();
    const std::vector<std::vector<std::int64_t>> runs = crops.consecutiveRuns(config.frames, /*overlapping=*/false);
    if (runs.empty())
        throw Error("validation needs a video with " + std::to_string(config.frames) + " face crops for one clip");
    const bool wasTraining = network->is_training();
    network->eval();
    const torch::Device device = network->parameters().front().device();
    std::vector<torch::Tensor> scores, maps;
    std::vector<float> labels;
    constexpr std::size_t kChunk = 2;
    for (std::size_t start = 0; start < runs.size(); start += kChunk) {
        const std::vector<std::vector<std::int64_t>> chunk(runs.begin() + std::ptrdiff_t(start),
                                                            runs.begin() + std::ptrdiff_t(std::min(runs.size(), start + kChunk)));
        const torch::Tensor clips = clipsOf(crops.crops, chunk).to(device);
        const auto [cam, score] = clipGradCam(network, clips, /*trainable=*/false);
        scores.push_back(torch::sigmoid(score).cpu());
        // The map of each frame at crop size, as the metrics are defined.
        maps.push_back(F::interpolate(cam.unsqueeze(1), F::InterpolateFuncOptions()
                                                            .size(std::vector<std::int64_t>{config.frames, config.height, config.width})
                                                            .mode(torch::kTrilinear)
                                                            .align_corners(false))
                           .reshape({-1, config.height, config.width})
                           .cpu());
        for (const std::vector<std::int64_t> &run : chunk)
            labels.push_back(crops.labels[run.front()].item<float>());
    }
    network->train(wasTraining);
    std::vector<std::pair<std::int64_t, std::int64_t>> consecutive;
    for (std::int64_t clip = 0; clip < std::int64_t(runs.size()); ++clip)
        for (std::int64_t f = 0; f + 1 < config.frames; ++f)
            consecutive.emplace_back(clip * config.frames + f, clip * config.frames + f + 1);
    return validationOf(torch::cat(scores), torch::tensor(labels), torch::cat(maps), consecutive);
}

DetectorTrainingSummary trainClipDetector(MViT &network, const CropSet &train, const CropSet &validation,
                                          const DetectorTrainingSettings &settings,
                                          const std::function<void(const DetectorValidation &)> &onValidation, const JobControl &control)
{
    train.validate();
    validation.validate();
    checkCropSize(network, train);
    checkCropSize(network, validation);
    if (settings.steps < 1 || settings.batchPairs < 1 || settings.evalEvery < 1)
        throw Error("training needs at least one step, one clip per batch and a validation interval");
    const std::int64_t frames = network->config().frames;
    const std::vector<std::vector<std::int64_t>> runs = train.consecutiveRuns(frames, /*overlapping=*/true);
    if (runs.size() < 2)
        throw Error("training needs at least two clips of " + std::to_string(frames) + " consecutive face crops of one video");
    bool anyFake = false, anyReal = false;
    for (const std::vector<std::int64_t> &run : runs)
        (train.labels[run.front()].item<float>() > 0.5f ? anyFake : anyReal) = true;
    if (!anyFake || !anyReal)
        throw Error("training needs clips of both real and fake videos");

    const auto started = std::chrono::steady_clock::now();
    network->to(settings.device);
    const bool regularised = settings.spatialTvWeight > 0.0 || settings.temporalTvWeight > 0.0;
    auto trainStep = [&](std::int64_t step) {
        // Batches depend only on the seed and the step, so a resumed run continues exactly.
        std::mt19937_64 rng(settings.seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(step));
        std::uniform_int_distribution<std::size_t> pick(0, runs.size() - 1);
        std::vector<std::vector<std::int64_t>> batch;
        std::vector<float> labels;
        std::vector<std::int64_t> order;
        for (std::int64_t b = 0; b < settings.batchPairs; ++b) {
            batch.push_back(runs[pick(rng)]);
            labels.push_back(train.labels[batch.back().front()].item<float>());
            order.insert(order.end(), batch.back().begin(), batch.back().end());
        }
        // The same augmentation over each clip.
        const torch::Tensor crops = augmentRuns(train.crops.index_select(0, torch::tensor(order, torch::kLong)).to(torch::kFloat) / 255.0, frames, rng);
        std::vector<std::vector<std::int64_t>> consecutive;
        for (std::size_t b = 0; b < batch.size(); ++b) {
            consecutive.emplace_back();
            for (std::int64_t f = 0; f < frames; ++f)
                consecutive.back().push_back(std::int64_t(b) * frames + f);
        }
        const torch::Tensor clips = clipsOf(crops, consecutive).to(settings.device);
        const torch::Tensor target = torch::tensor(labels).to(settings.device);
        if (!regularised)
            return detectorStepOutput(network->forward(clips).reshape({-1}), target, settings, {}, {});
        const auto [cam, score] = clipGradCam(network, clips, /*trainable=*/true);
        const auto [tvSpatial, tvTemporal] = clipTotalVariations(cam);
        return detectorStepOutput(score, target, settings, tvSpatial, tvTemporal);
    };
    network->train();
    DetectorTrainingSummary summary = runDetectorTraining(*network, settings, trainStep, [&] { return validateClipDetector(network, validation); },
                                                          onValidation, control);
    network->eval();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace periscope::deepfake
