// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/OpenVocabTraining.h"

#include "engine/core/device/Device.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/training/Optimizers.h"
#include "engine/core/training/TrainingLoop.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/openvocab/DenseSimilarity.h"
#include "engine/openvocab/SceneCaptions.h"
#include "engine/openvocab/ScenePrompts.h"
#include "engine/openvocab/SmallDinoTxt.h"
#include "engine/openvocab/WordVocabulary.h"

#include <chrono>
#include <filesystem>
#include <map>
#include <cmath>
#include <random>
#include <sstream>

namespace periscope::openvocab {

namespace {
using Clock = std::chrono::steady_clock;
namespace F = torch::nn::functional;

double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

torch::Tensor rgbOf(const Image &image)
{
    torch::Tensor t = imageToTensor(image);
    if (t.size(0) == 1)
        t = t.expand({3, -1, -1});
    else if (t.size(0) == 4)
        t = t.narrow(0, 0, 3);
    if (t.size(0) != 3)
        throw Error("train-open-vocab: images need 1, 3 or 4 channels");
    return t;
}

// Every image's captions as word rows, with what each claims.
struct CaptionBank {
    torch::Tensor rows; // [images, K, context] int64
    torch::Tensor ends; // [images, K]
    std::vector<std::vector<std::optional<std::vector<CaptionClaim>>>> claims; // [images][K]
};

CaptionBank tokenizeCaptions(const std::vector<std::vector<std::string>> &captions, const WordVocabulary &words, int perImage, int context)
{
    CaptionBank bank;
    const auto n = std::int64_t(captions.size());
    bank.rows = torch::zeros({n, perImage, context}, torch::kLong);
    bank.ends = torch::zeros({n, perImage}, torch::kLong);
    bank.claims.resize(std::size_t(n));
    auto rows = bank.rows.accessor<std::int64_t, 3>();
    auto ends = bank.ends.accessor<std::int64_t, 2>();
    for (std::int64_t i = 0; i < n; ++i) {
        const std::vector<std::string> &list = captions[std::size_t(i)];
        for (int k = 0; k < perImage; ++k) {
            // Scenes with fewer different captions repeat theirs.
            const std::string &caption = list[std::size_t(k) % list.size()];
            const WordTokens t = words.encode(caption, context);
            for (int c = 0; c < context; ++c)
                rows[i][k][c] = t.rows[std::size_t(c)];
            ends[i][k] = t.endPosition;
            bank.claims[std::size_t(i)].push_back(captionClaims(caption));
        }
    }
    return bank;
}

// holds[i][j]: caption j of the batch is true of image i (its own always is; a caption that
// cannot be read only of its own image).
torch::Tensor captionTruth(const std::vector<const std::vector<scenes::SceneObjectAttributes> *> &objects,
                           const std::vector<const std::optional<std::vector<CaptionClaim>> *> &claims)
{
    const auto n = std::int64_t(objects.size());
    torch::Tensor holds = torch::eye(n);
    auto h = holds.accessor<float, 2>();
    for (std::int64_t i = 0; i < n; ++i)
        for (std::int64_t j = 0; j < n; ++j)
            if (i != j && *claims[std::size_t(j)] && claimsHold(**claims[std::size_t(j)], *objects[std::size_t(i)]))
                h[i][j] = 1.0f;
    return holds;
}

// CLIP's symmetric loss where every caption true of an image is a positive of it: the
// generator's scenes share most of what a caption can say, so one positive per row would push
// apart images that the caption describes equally well.
torch::Tensor contrastiveLoss(const torch::Tensor &image, const torch::Tensor &text, const torch::Tensor &holds, const torch::Tensor &scale)
{
    const torch::Tensor logits = scale * F::normalize(image, F::NormalizeFuncOptions().dim(1)).matmul(F::normalize(text, F::NormalizeFuncOptions().dim(1)).t());
    const torch::Tensor t = holds.to(logits.device());
    const torch::Tensor imageToText = -((t / t.sum(1, true)) * torch::log_softmax(logits, 1)).sum(1).mean();
    const torch::Tensor captions = t.t();
    const torch::Tensor textToImage = -((captions / captions.sum(1, true)) * torch::log_softmax(logits.t(), 1)).sum(1).mean();
    return 0.5 * (imageToText + textToImage);
}

std::string joined(const std::vector<std::string> &words)
{
    std::string out;
    for (const std::string &w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string number(double value)
{
    std::ostringstream s;
    s.precision(4);
    s << value;
    return s.str();
}

// The longer side of the maps validation scores at: enough for the objects, cheap to upsample to.
constexpr int kValidationMapSide = 96;
} // namespace

std::vector<std::vector<bool>> promptTruth(const std::vector<std::string> &prompts, const Image &mask,
                                           const std::vector<scenes::SceneObjectAttributes> &objects, int mapWidth, int mapHeight)
{
    if (mask.isNull() || mask.channels() != 1 || mask.format() != PixelFormat::UInt8 || mapWidth < 1 || mapHeight < 1)
        throw Error("prompt truth: the mask must be one 8-bit channel and the map not empty");
    std::vector<std::vector<bool>> truth;
    std::vector<int> sourceX(static_cast<std::size_t>(mapWidth)), sourceY(static_cast<std::size_t>(mapHeight));
    for (int x = 0; x < mapWidth; ++x)
        sourceX[std::size_t(x)] = std::min(mask.width() - 1, int((x + 0.5) * mask.width() / mapWidth));
    for (int y = 0; y < mapHeight; ++y)
        sourceY[std::size_t(y)] = std::min(mask.height() - 1, int((y + 0.5) * mask.height() / mapHeight));
    for (const std::string &prompt : prompts) {
        const std::optional<AttributeQuery> query = parseScenePrompt(prompt);
        std::vector<bool> selected(256, false);
        for (const scenes::SceneObjectAttributes &o : objects)
            if (query && o.maskId > 0 && o.maskId < 256 && query->matches(o.color, o.material, o.shape, o.size))
                selected[std::size_t(o.maskId)] = true;
        std::vector<bool> pixels(std::size_t(mapWidth) * std::size_t(mapHeight), false);
        for (int y = 0; y < mapHeight; ++y) {
            const std::uint8_t *row = mask.row(sourceY[std::size_t(y)]);
            for (int x = 0; x < mapWidth; ++x)
                pixels[std::size_t(y) * std::size_t(mapWidth) + std::size_t(x)] = selected[row[sourceX[std::size_t(x)]]];
        }
        truth.push_back(std::move(pixels));
    }
    return truth;
}

json::Value OpenVocabTrainingSummary::toJson() const
{
    json::Array list;
    for (const OpenVocabEpoch &e : epochs) {
        json::Value v = json::Object{};
        v.set("epoch", e.epoch);
        v.set("train_loss", e.trainLoss);
        v.set("validation_loss", e.validationLoss);
        v.set("validation_caption_accuracy", e.validationAccuracy);
        if (e.validationMiou >= 0) {
            v.set("validation_prompt_miou", e.validationMiou);
            v.set("background", e.background);
        }
        v.set("logit_scale", e.logitScale);
        v.set("learning_rate", e.learningRate);
        v.set("seconds", e.seconds);
        list.push_back(std::move(v));
    }
    json::Value out = json::Object{};
    out.set("train_images", trainCount);
    out.set("validation_images", validationCount);
    out.set("parameters", parameters);
    out.set("words", words);
    out.set("seconds", seconds);
    out.set("epochs", std::move(list));
    return out;
}

OpenVocabTrainingSummary trainOpenVocab(const std::vector<OpenVocabTrainingSample> &samples, const OpenVocabTrainingSettings &settings,
                                        const JobControl &job, const std::function<void(const OpenVocabEpoch &)> &onEpoch)
{
    const Clock::time_point started = Clock::now();
    if (settings.outPath.empty())
        throw Error("train-open-vocab: no output path");
    if (settings.epochs < 1 || settings.batchSize < 2 || settings.headBlocks < 0 || settings.textLayers < 1 || settings.textWidth < 64 ||
        settings.textWidth % 64 != 0 || settings.context < 4 || settings.captionsPerImage < 1 || !(settings.learningRate > 0.0))
        throw Error("train-open-vocab: epochs >= 1, batch >= 2, a text width that is a multiple of 64, a context of at least 4 and a positive learning rate");
    if (samples.size() < 4)
        throw Error("train-open-vocab: give at least 4 scenes");
    torch::manual_seed(settings.seed);
    const torch::Device device = cudaAvailable() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);

    // Captions, then the words they use.
    std::mt19937_64 random(settings.seed * 1000003ULL + 11ULL);
    std::vector<std::vector<std::string>> captions;
    std::vector<std::string> allCaptions;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (samples[i].objects.empty())
            throw Error("train-open-vocab: scene " + std::to_string(i + 1) + " lists no objects (give a scene folder with its JSON)");
        captions.push_back(sceneCaptions(samples[i].objects, settings.captionsPerImage, random));
        allCaptions.insert(allCaptions.end(), captions.back().begin(), captions.back().end());
    }
    for (const auto &group : sceneEvaluationPromptGroups())
        allCaptions.insert(allCaptions.end(), group.begin(), group.end());
    const WordVocabulary words(WordVocabulary::wordsOf(allCaptions));
    const CaptionBank bank = tokenizeCaptions(captions, words, settings.captionsPerImage, settings.context);

    // The frozen backbone's tokens of every image and its mirror image, computed once.
    job.reportProgress(0.0, "backbone tokens");
    const SlotVisionBackbone backbone = SlotVisionBackbone::load(settings.backbonePath, device);
    torch::Tensor tokens; // [images, 2, 1 + patches, D]
    {
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> chunks;
        constexpr std::size_t kChunk = 64;
        for (std::size_t begin = 0; begin < samples.size(); begin += kChunk) {
            job.throwIfCancelled();
            std::vector<torch::Tensor> inputs;
            for (std::size_t i = begin; i < std::min(samples.size(), begin + kChunk); ++i) {
                if (samples[i].image.isNull())
                    throw Error("train-open-vocab: scene " + std::to_string(i + 1) + " has no image");
                const torch::Tensor x = backbone.prepare(rgbOf(samples[i].image));
                inputs.push_back(x);
                inputs.push_back(x.flip(3));
            }
            const torch::Tensor t = backbone.tokens(torch::cat(inputs, 0).to(device));
            chunks.push_back(t.view({-1, 2, t.size(1), t.size(2)}));
        }
        tokens = torch::cat(chunks, 0);
    }
    // Which object each patch shows (0: the floor, or no mask), read at the patch's centre in the
    // whole image the backbone squeezes to its square; the mirrored tokens read it mirrored.
    const int gridSide = backbone.grid();
    std::vector<std::vector<int>> patchObject(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const Image &mask = samples[i].mask;
        if (mask.isNull() || mask.channels() != 1 || mask.format() != PixelFormat::UInt8)
            continue;
        std::vector<int> &ids = patchObject[i];
        ids.resize(std::size_t(gridSide * gridSide));
        for (int r = 0; r < gridSide; ++r)
            for (int c = 0; c < gridSide; ++c) {
                const int x = std::min(mask.width() - 1, int((c + 0.5) * mask.width() / gridSide));
                const int y = std::min(mask.height() - 1, int((r + 0.5) * mask.height() / gridSide));
                ids[std::size_t(r * gridSide + c)] = mask.row(y)[x];
            }
    }
    const std::int64_t grid = backbone.grid();

    VisionHeadConfig headConfig;
    headConfig.dim = backbone.dim();
    headConfig.heads = std::max<std::int64_t>(1, headConfig.dim / 64);
    headConfig.blocks = settings.headBlocks;
    headConfig.hidden = alignedSwiGluHidden(4 * headConfig.dim, 64);
    headConfig.layerScale = true;
    TextConfig textConfig;
    textConfig.vocabulary = words.rowCount();
    textConfig.context = settings.context;
    textConfig.dim = settings.textWidth;
    textConfig.heads = settings.textWidth / 64;
    textConfig.layers = settings.textLayers;
    textConfig.hidden = 4 * settings.textWidth;
    textConfig.projection = headConfig.embeddingWidth();
    SmallDinoTxt model(headConfig, textConfig);
    model->to(device);

    const DataSplit split = seededSplit(samples.size(), settings.validationFraction, settings.seed);
    const auto batchSize = std::size_t(std::min<std::size_t>(std::size_t(settings.batchSize), split.train.size()));
    const std::int64_t batchesPerEpoch = std::max<std::int64_t>(1, std::int64_t(2 * split.train.size() / batchSize));

    OpenVocabTrainingSummary summary;
    summary.trainCount = std::int64_t(split.train.size());
    summary.validationCount = std::int64_t(split.heldOut);
    summary.words = std::int64_t(words.words().size());
    for (const auto &p : model->parameters())
        summary.parameters += p.numel();

    const auto embedImages = [&](const torch::Tensor &batchTokens) {
        return poolHeadTokens(model->vision_head->forward(batchTokens), 0, grid, grid);
    };
    const auto embedTexts = [&](const torch::Tensor &rows, const torch::Tensor &ends) { return model->text_encoder->encode(rows, ends); };
    const auto scale = [&]() { return model->logit_scale.exp().clamp_max(100.0); };

    // Validation: the held-out images with their first caption, and the masks where there are some.
    const torch::Tensor validationIndex = torch::tensor(std::vector<std::int64_t>(split.validation.begin(), split.validation.end()), torch::kLong);
    const auto groups = sceneEvaluationPromptGroups();
    double bestBackground = 0.0;
    const auto truthOf = [&](const std::vector<std::size_t> &images, const std::vector<std::int64_t> &captionIndex) {
        std::vector<const std::vector<scenes::SceneObjectAttributes> *> objects;
        std::vector<const std::optional<std::vector<CaptionClaim>> *> claims;
        for (std::size_t k = 0; k < images.size(); ++k) {
            objects.push_back(&samples[images[k]].objects);
            claims.push_back(&bank.claims[images[k]][std::size_t(captionIndex[k])]);
        }
        return captionTruth(objects, claims);
    };
    const torch::Tensor validationTruth = truthOf(split.validation, std::vector<std::int64_t>(split.validation.size(), 0));
    auto validate = [&]() {
        const torch::Tensor v = validationIndex.to(device);
        const torch::Tensor batchTokens = tokens.index_select(0, v).select(1, 0);
        const torch::Tensor rows = bank.rows.index_select(0, validationIndex).select(1, 0).to(device);
        const torch::Tensor ends = bank.ends.index_select(0, validationIndex).select(1, 0).to(device);
        const VisionOutputs vision = embedImages(batchTokens);
        const torch::Tensor text = embedTexts(rows, ends);
        const torch::Tensor loss = contrastiveLoss(vision.imageEmbedding, text, validationTruth, scale());
        return std::make_pair(loss.item<double>(), std::make_pair(vision, text));
    };
    // Prompt mIoU per background threshold over the validation masks; the best one is kept.
    const std::vector<double> thresholds = {-1.0, 0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6};
    auto scoreMasks = [&](const VisionOutputs &vision) -> std::pair<double, double> {
        std::vector<std::vector<PromptIoU>> ious(thresholds.size());
        std::vector<torch::Tensor> patchHalves;
        const std::int64_t half = headConfig.embeddingWidth() / 2;
        for (const auto &group : groups) {
            std::vector<std::int64_t> rows, ends;
            for (const std::string &prompt : group) {
                const WordTokens t = words.encode(prompt, settings.context);
                rows.insert(rows.end(), t.rows.begin(), t.rows.end());
                ends.push_back(t.endPosition);
            }
            const torch::Tensor text = embedTexts(torch::tensor(rows, torch::kLong).view({-1, settings.context}).to(device), torch::tensor(ends, torch::kLong).to(device));
            patchHalves.push_back(F::normalize(text.narrow(1, half, half), F::NormalizeFuncOptions().dim(1)));
            for (auto &perThreshold : ious)
                perThreshold.emplace_back(int(group.size()));
        }
        bool any = false;
        for (std::size_t k = 0; k < split.validation.size(); ++k) {
            const OpenVocabTrainingSample &s = samples[split.validation[k]];
            if (s.mask.isNull() || split.heldOut == 0)
                continue;
            any = true;
            const double longer = std::max(s.mask.width(), s.mask.height());
            const int w = std::max(1, int(std::lround(s.mask.width() * kValidationMapSide / longer)));
            const int h = std::max(1, int(std::lround(s.mask.height() * kValidationMapSide / longer)));
            const torch::Tensor patchGrid = vision.patchTokens[std::int64_t(k)].t().reshape({-1, grid, grid});
            for (std::size_t g = 0; g < groups.size(); ++g) {
                const std::vector<std::vector<bool>> truth = promptTruth(groups[g], s.mask, s.objects, w, h);
                const torch::Tensor dense = denseSimilarity(patchGrid, patchHalves[g], h, w);
                const auto [best, label] = dense.max(0);
                for (std::size_t t = 0; t < thresholds.size(); ++t) {
                    const torch::Tensor labels = torch::where(best < thresholds[t], torch::full_like(label, -1), label).to(torch::kCPU, torch::kInt).contiguous();
                    ious[t][g].add(std::vector<int>(labels.data_ptr<int>(), labels.data_ptr<int>() + labels.numel()), truth);
                }
            }
        }
        if (!any)
            return {-1.0, 0.0};
        double bestMiou = -1.0, threshold = 0.0;
        for (std::size_t t = 0; t < thresholds.size(); ++t) {
            double sum = 0.0;
            int n = 0;
            for (const PromptIoU &iou : ious[t])
                for (double value : iou.perPrompt())
                    if (!std::isnan(value)) {
                        sum += value;
                        ++n;
                    }
            const double miou = n > 0 ? sum / n : 0.0;
            if (miou > bestMiou) {
                bestMiou = miou;
                threshold = thresholds[t];
            }
        }
        return {bestMiou, threshold};
    };

    OptimizerSettings optimizerSettings;
    optimizerSettings.kind = OptimizerKind::AdamW;
    optimizerSettings.learningRate = settings.learningRate;
    optimizerSettings.weightDecay = settings.weightDecay;
    optimizerSettings.beta2 = 0.98; // CLIP's
    std::unique_ptr<torch::optim::Optimizer> optimizer = makeOptimizer(model->parameters(), optimizerSettings);
    TrainingOptions options;
    options.totalSteps = std::int64_t(settings.epochs) * batchesPerEpoch;
    options.evalEvery = batchesPerEpoch;
    options.optimizerKind = OptimizerKind::AdamW;
    options.clipGradNorm = 1.0;
    const WarmupCosineSchedule schedule(settings.learningRate, std::int64_t(std::lround(settings.warmupFraction * double(options.totalSteps))),
                                        options.totalSteps);
    options.learningRate = [&schedule](std::int64_t step) { return schedule.at(step); };
    options.checkpointEvery = batchesPerEpoch;
    options.checkpointStem = checkpointStemFor(settings.outPath);
    std::int64_t startStep = 0;
    if (settings.resume && std::filesystem::exists(options.checkpointStem + ".json"))
        startStep = std::min(loadTrainingCheckpoint(options.checkpointStem, *model, *optimizer, options.optimizerKind).step, options.totalSteps);

    // An epoch visits every training image and its mirror image once, in a new order.
    std::vector<std::pair<std::size_t, int>> order;
    double lossSum = 0.0;
    std::int64_t batches = 0;
    Clock::time_point epochStarted = Clock::now();
    // The masks' part of the small recipe (the paper has no masks): in every image of the batch
    // one object's patch tokens, averaged, and the floor's, against the patch halves of the
    // batch's captions. A caption is about an object when one of its phrases names it; the floor
    // is what no caption is about. Rows and columns with no positive add nothing.
    const auto regionLoss = [&](const torch::Tensor &patchTokens, const torch::Tensor &textHalf, const std::vector<std::size_t> &images,
                                const std::vector<std::int64_t> &flips, const std::vector<std::int64_t> &captionIndex, std::mt19937_64 &rng) {
        std::vector<torch::Tensor> regions;
        std::vector<std::vector<float>> about; // [region][caption]
        const auto n = images.size();
        for (std::size_t b = 0; b < n; ++b) {
            const std::vector<int> &ids = patchObject[images[b]];
            if (ids.empty())
                continue;
            std::vector<std::int64_t> floor;
            std::map<int, std::vector<std::int64_t>> objects;
            for (int r = 0; r < gridSide; ++r)
                for (int c = 0; c < gridSide; ++c) {
                    const int id = ids[std::size_t(r * gridSide + c)];
                    const std::int64_t at = r * gridSide + (flips[b] ? gridSide - 1 - c : c);
                    (id == 0 ? floor : objects[id]).push_back(at);
                }
            const auto &attributes = samples[images[b]].objects;
            std::vector<int> candidates;
            for (const auto &entry : objects) {
                // A named copy: C++17 lambdas cannot capture structured bindings (clang refuses).
                const int id = entry.first;
                if (std::any_of(attributes.begin(), attributes.end(), [id](const auto &o) { return o.maskId == id; }))
                    candidates.push_back(id);
            }
            if (!candidates.empty()) {
                const int id = candidates[std::uniform_int_distribution<std::size_t>(0, candidates.size() - 1)(rng)];
                const auto &o = *std::find_if(attributes.begin(), attributes.end(), [&](const auto &a) { return a.maskId == id; });
                regions.push_back(patchTokens[std::int64_t(b)].index_select(0, torch::tensor(objects[id], torch::kLong).to(device)).mean(0));
                std::vector<float> row(n, 0.0f);
                for (std::size_t j = 0; j < n; ++j)
                    if (const auto &claims = bank.claims[images[j]][std::size_t(captionIndex[j])])
                        for (const CaptionClaim &claim : *claims)
                            if (claim.query.matches(o.color, o.material, o.shape, o.size))
                                row[j] = 1.0f;
                about.push_back(row);
            }
            if (!floor.empty()) {
                regions.push_back(patchTokens[std::int64_t(b)].index_select(0, torch::tensor(floor, torch::kLong).to(device)).mean(0));
                about.emplace_back(n, 0.0f);
            }
        }
        if (regions.empty())
            return torch::zeros({}, textHalf.options());
        torch::Tensor t = torch::empty({std::int64_t(about.size()), std::int64_t(n)});
        for (std::size_t r = 0; r < about.size(); ++r)
            for (std::size_t j = 0; j < n; ++j)
                t[std::int64_t(r)][std::int64_t(j)] = about[r][j];
        t = t.to(device);
        const torch::Tensor logits =
            scale() * F::normalize(torch::stack(regions), F::NormalizeFuncOptions().dim(1)).matmul(F::normalize(textHalf, F::NormalizeFuncOptions().dim(1)).t());
        const auto directed = [](const torch::Tensor &l, const torch::Tensor &targets) {
            const torch::Tensor count = targets.sum(1, true);
            const torch::Tensor rowLoss = -((targets / count.clamp_min(1.0)) * torch::log_softmax(l, 1)).sum(1);
            const torch::Tensor used = count.squeeze(1) > 0;
            return (rowLoss * used).sum() / used.sum().clamp_min(1);
        };
        return 0.5 * (directed(logits, t) + directed(logits.t(), t.t()));
    };

    auto trainStep = [&](std::int64_t step) {
        const std::int64_t inEpoch = step % batchesPerEpoch;
        std::mt19937_64 rng(settings.seed + 7919ULL * std::uint64_t(step + 1));
        if (inEpoch == 0 || order.empty()) {
            order.clear();
            for (std::size_t i : split.train)
                for (int flip = 0; flip < 2; ++flip)
                    order.emplace_back(i, flip);
            std::shuffle(order.begin(), order.end(), rng);
        }
        std::vector<std::int64_t> image, flip, caption; // flip: 1 for the mirrored tokens
        std::vector<std::size_t> imageIndex;
        for (std::size_t k = std::size_t(inEpoch) * batchSize; k < std::min(order.size(), std::size_t(inEpoch + 1) * batchSize); ++k) {
            imageIndex.push_back(order[k].first);
            image.push_back(std::int64_t(order[k].first));
            flip.push_back(order[k].second);
            caption.push_back(std::uniform_int_distribution<std::int64_t>(0, settings.captionsPerImage - 1)(rng));
        }
        const torch::Tensor i = torch::tensor(image, torch::kLong), f = torch::tensor(flip, torch::kLong), c = torch::tensor(caption, torch::kLong);
        const torch::Tensor batchTokens = tokens.index({i.to(device), f.to(device)});
        const torch::Tensor rows = bank.rows.index({i, c}).to(device), ends = bank.ends.index({i, c}).to(device);
        const VisionOutputs vision = embedImages(batchTokens);
        const torch::Tensor text = embedTexts(rows, ends), holds = truthOf(imageIndex, caption);
        // dino.txt's loss on the whole embedding, and the same on the patch halves alone: at this
        // scale the [CLS] half can carry the whole match, and the patch half (what segments)
        // would learn little; the second term asks the mean patch token to match by itself.
        const std::int64_t half = text.size(1) / 2;
        torch::Tensor loss = contrastiveLoss(vision.imageEmbedding, text, holds, scale());
        if (settings.regionWeight > 0.0)
            loss = loss + settings.regionWeight * regionLoss(vision.patchTokens, text.narrow(1, half, half), imageIndex, flip, caption, rng);
        lossSum += loss.item<double>();
        ++batches;
        return StepOutput{loss, {}};
    };
    double validationLoss = 0.0, validationAccuracy = 0.0, validationMiou = -1.0;
    auto validateEpoch = [&]() {
        model->eval();
        const auto [loss, outputs] = validate();
        const auto &[vision, text] = outputs;
        // Image -> caption: the best of the validation captions is right when it holds for the image.
        const torch::Tensor best = F::normalize(vision.imageEmbedding, F::NormalizeFuncOptions().dim(1))
                                       .matmul(F::normalize(text, F::NormalizeFuncOptions().dim(1)).t())
                                       .argmax(1)
                                       .to(torch::kCPU);
        validationAccuracy = validationTruth.gather(1, best.unsqueeze(1)).mean().item<double>();
        validationLoss = loss;
        std::tie(validationMiou, bestBackground) = scoreMasks(vision);
        model->train();
        return loss;
    };
    auto onMetrics = [&](std::int64_t step, const Metrics &metrics) {
        for (const auto &[name, value] : metrics) {
            if (name != "validation")
                continue;
            OpenVocabEpoch e;
            e.epoch = int(step / batchesPerEpoch) + 1;
            e.trainLoss = batches > 0 ? lossSum / double(batches) : 0.0;
            e.validationLoss = validationLoss;
            e.validationAccuracy = validationAccuracy;
            e.validationMiou = validationMiou;
            e.background = bestBackground;
            e.logitScale = scale().item<double>();
            e.learningRate = learningRate(*optimizer);
            e.seconds = secondsSince(epochStarted);
            summary.epochs.push_back(e);
            lossSum = 0.0;
            batches = 0;
            epochStarted = Clock::now();
            summary.seconds = secondsSince(started);
            json::Value sidecar = summary.toJson();
            sidecar.set("model", "dino.txt (Jose et al., CVPR 2025), small, on the Slots ViT");
            sidecar.set("backbone", settings.backboneName);
            writeWeightsAndSidecar(settings.outPath, *model,
                                   {{"architecture", kSmallArchitecture},
                                    {"words", joined(words.words())},
                                    {"backbone", settings.backboneName},
                                    {"backbone_sha256", backbone.sha256()},
                                    {"background", number(bestBackground)}},
                                   sidecar);
            if (onEpoch)
                onEpoch(e);
        }
    };
    model->train();
    runTraining(*model, *optimizer, trainStep, validateEpoch, options, onMetrics, job, startStep);
    model->eval();
    summary.seconds = secondsSince(started);
    return summary;
}

} // namespace periscope::openvocab
