// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli open-vocab: dino.txt on images: for each image the segmentation by the prompts
// (a label PNG) and a JSON file with the image embedding, the prompts' text embeddings, the
// zero-shot probabilities and the patch-level similarity of every prompt.
#include "app/cli/BatchRun.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/cli/DeviceOption.h"
#include "app/data/ImageInputs.h"
#include "app/data/SlotImageSet.h"
#include "app/figures/OpenVocabFigure.h"
#include "app/models/BuiltInOpenVocabModels.h"
#include "app/models/ModelCatalogue.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/json/Json.h"
#include "engine/media/image/ImageFile.h"
#include "engine/openvocab/OpenVocabFiles.h"
#include "engine/openvocab/OpenVocabModel.h"
#include "engine/openvocab/OpenVocabTraining.h"
#include "engine/openvocab/ScenePrompts.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
using namespace periscope::openvocab;

constexpr int kMaxPrompts = 256;
constexpr int kMaxPromptLength = 1000;

json::Value numbers(const float *values, std::size_t count)
{
    json::Array out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(json::Value(double(values[i])));
    return json::Value(std::move(out));
}

json::Value rowsOf(const std::vector<float> &values, std::size_t rows)
{
    json::Array out;
    const std::size_t length = rows ? values.size() / rows : 0;
    for (std::size_t r = 0; r < rows; ++r)
        out.push_back(numbers(values.data() + r * length, length));
    return json::Value(std::move(out));
}

// "p1;p2;..." -> the prompts, trimmed; a usage error names the problem.
std::optional<QString> parsePrompts(const QString &text, std::vector<std::string> &prompts)
{
    QSet<QString> seen;
    for (const QString &part : text.split(QLatin1Char(';'))) {
        const QString prompt = part.simplified();
        if (prompt.isEmpty())
            continue;
        if (prompt.size() > kMaxPromptLength)
            return QStringLiteral("a prompt is longer than %1 characters").arg(kMaxPromptLength);
        if (seen.contains(prompt))
            return QStringLiteral("the prompt \"%1\" is given twice").arg(prompt);
        seen.insert(prompt);
        prompts.push_back(prompt.toStdString());
    }
    if (prompts.empty())
        return QStringLiteral("give at least one prompt (--prompts \"red objects;metal cubes\")");
    if (int(prompts.size()) > kMaxPrompts)
        return QStringLiteral("at most %1 prompts").arg(kMaxPrompts);
    return std::nullopt;
}

// 0 for background, 1 + the prompt elsewhere: readable as an index mask by any tool.
Image labelImage(const OpenVocabResult &result)
{
    Image mask(result.mapWidth, result.mapHeight, 1, PixelFormat::UInt8);
    for (int y = 0; y < result.mapHeight; ++y)
        for (int x = 0; x < result.mapWidth; ++x)
            mask.row(y)[x] = std::uint8_t(result.labels[std::size_t(y) * std::size_t(result.mapWidth) + std::size_t(x)] + 1);
    return mask;
}

// The run's report from its images' records ({"name", "counts"?} or {"skipped"}, in the run's
// order): for scene folders each prompt's IoU over all scored images, their pixels summed, and
// the shuffled-prompt level; for other images nothing (their results are the files). A run and
// `merge` both report through here.
MergeOutcome openVocabSummary(const json::Value &context, const std::vector<json::Value> &items)
{
    std::vector<std::string> prompts;
    for (const json::Value &p : member(context, "prompts").asArray())
        prompts.push_back(p.asString());
    SceneScoreboard scores(prompts);
    int written = 0;
    for (const json::Value &item : items) {
        if (item.find("skipped"))
            continue;
        ++written;
        if (const json::Value *counts = item.find("counts"))
            scores.addCounts(*counts);
    }
    MergeOutcome outcome;
    if (written == 0) {
        outcome.failure = QStringLiteral("no image could be read");
        return outcome;
    }
    if (!member(context, "scenes").asBool())
        return outcome;
    // Prompts that name no attributes (or one a scene does not have) are not scored.
    json::Value report = json::Object{};
    report.set("scored_images", scores.images());
    json::Array perPrompt;
    const std::vector<double> values = scores.perPrompt();
    for (std::size_t p = 0; p < prompts.size(); ++p) {
        json::Value row = json::Object{};
        row.set("prompt", prompts[p]);
        row.set("iou", scores.isScored(int(p)) ? json::finiteOrNull(values[p]) : json::Value());
        row.set("scored", scores.isScored(int(p)));
        perPrompt.push_back(std::move(row));
    }
    report.set("prompts", json::Value(std::move(perPrompt)));
    report.set("mean_iou", json::finiteOrNull(scores.mean()));
    report.set("background", member(context, "background"));
    if (scores.hasChance())
        report.set("shuffled_mean_iou", json::finiteOrNull(scores.shuffledMean()));
    outcome.summary = std::move(report);
    return outcome;
}

CliOptions openVocabOptions()
{
    CliOptions options(QStringLiteral("open-vocab"), QStringLiteral(
        "Runs dino.txt (Jose et al., CVPR 2025) on images: a frozen DINOv2 backbone, dino.txt's vision head and\n"
        "text encoder. The image is resized so its longer side is --input-side (sides rounded to the patch)\n"
        "and normalised with ImageNet's mean and std. Each prompt is embedded alone or averaged over CLIP's 80\n"
        "ImageNet templates (--templates). Zero-shot: softmax(100 x cosine) of the image embedding ([CLS] and\n"
        "the mean patch token) with each prompt. Dense: the head's patch tokens upsampled bicubically to the\n"
        "map (the image, its longer side at most --map-side), normalised per pixel and dotted with each\n"
        "prompt's patch half; each pixel takes the best prompt, or background below --background.\n"
        "Writes DIR/<name>.openvocab.png (0 background, 1 + the prompt's index) and DIR/<name>.openvocab.json\n"
        "(image_embedding, text_embeddings, zero_shot, zero_shot_cosine, patch_grid [rows, cols],\n"
        "patch_similarity: one row-major list per prompt, map_size, coverage per prompt).\n"
        "A scene folder (periscope-cli scenes) is scored: prompts about attributes (\"red objects\", \"metal\n"
        "cubes\", \"small spheres\") select the objects that have them, and each prompt's pixels are compared\n"
        "with theirs in the instance masks; stdout then has the IoU per prompt over the folder (pixels summed\n"
        "over its images) and their mean. Each image's best zero-shot prompt is said on stderr."));
    options.positionals(QStringLiteral("IMAGE"), QStringLiteral("an image or a folder of images"), 1, -1, QStringLiteral("give at least one image"));
    options.text(QStringLiteral("--prompts"), QStringLiteral("\"P1;P2;...\""), QStringLiteral("the prompts, separated by semicolons")).require();
    options.text(QStringLiteral("--model"), QStringLiteral("DIR|NAME|FILE"),
                 QStringLiteral("a folder with dino.txt's files (DINOv2 *_pretrain.pth, *_vision_head.pth, *_text_encoder.pth, "
                                "bpe_simple_vocab_16e6.txt.gz); %1: the released files from the model catalogue "
                                "(periscope-cli models fetch); %2: the small one built in, trained here on generated scenes; or a "
                                "small one's .safetensors (periscope-cli train-open-vocab)")
                     .arg(releasedOpenVocabModelName(), builtInOpenVocabModelName()))
        .byDefault(releasedOpenVocabModelName());
    options.text(QStringLiteral("--backbone"), QStringLiteral("FILE"), QStringLiteral("the DINOv2 backbone (instead of the folder's)"));
    options.text(QStringLiteral("--head"), QStringLiteral("FILE"), QStringLiteral("the dino.txt vision head (instead of the folder's)"));
    options.text(QStringLiteral("--text"), QStringLiteral("FILE"), QStringLiteral("the dino.txt text encoder (instead of the folder's)"));
    options.text(QStringLiteral("--bpe"), QStringLiteral("FILE"), QStringLiteral("CLIP's vocabulary (instead of the folder's)"));
    options.choice(QStringLiteral("--templates"), {QStringLiteral("none"), QStringLiteral("imagenet")}, QStringLiteral("prompt templates"))
        .byDefault(QStringLiteral("none"));
    options.number(QStringLiteral("--background"), -1.0, 1.0,
                   QStringLiteral("the cosine below which a pixel is background (default: the model's suggestion where it has one, else -1: none)"));
    options.integer(QStringLiteral("--input-side"), 14, 4096, QStringLiteral("the longer side the network sees")).byDefault(QStringLiteral("448"));
    options.integer(QStringLiteral("--map-side"), 1, 8192, QStringLiteral("the longer side of the maps at most")).byDefault(QStringLiteral("1024"));
    options.choice(QStringLiteral("--zero-shot-input"), {QStringLiteral("full"), QStringLiteral("crop224")},
                   QStringLiteral("the image the zero-shot ranking and image_embedding come from: the whole image at --input-side, or DINOv2's "
                                  "classification crop (shorter side 256, centred 224 x 224) as the dino.txt notebook classifies"))
        .byDefault(QStringLiteral("full"));
    options.flag(QStringLiteral("--bf16"), QStringLiteral("keep the weights in bfloat16 (half the memory)"));
    declareDeviceOption(options, QStringLiteral("where the model runs"));
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.figure(QStringLiteral("a figure of the first image: its segmentation with a legend, and each prompt's similarity on one scale"));
    options.imageLimit();
    options.shardable();
    return options;
}

int runOpenVocab(const QStringList &arguments)
{
    CliOptions options = openVocabOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    std::vector<std::string> prompts;
    if (const std::optional<QString> problem = parsePrompts(options.value(QStringLiteral("--prompts")), prompts))
        return options.usageError(*problem);
    const QString folder = options.value(QStringLiteral("--model"));
    OpenVocabFiles files{options.value(QStringLiteral("--backbone")).toStdString(), options.value(QStringLiteral("--head")).toStdString(),
                         options.value(QStringLiteral("--text")).toStdString(), options.value(QStringLiteral("--bpe")).toStdString()};
    // Every shard lists every input: all number the images alike, and each image's key (its
    // input's place and its path under it) says whose it is.
    std::vector<SlotImage> images;
    QStringList keys;
    bool scenesGiven = false;
    const QStringList inputs = options.positionalValues();
    for (int argument = 0; argument < inputs.size(); ++argument) {
        const QString &input = inputs[argument];
        const std::size_t before = images.size();
        if (QFileInfo(input).isDir() && isSceneFolder(input)) {
            try {
                const SlotImageSet set = loadSlotImages({input}, {}, /*decode=*/false);
                images.insert(images.end(), set.images.begin(), set.images.end());
                scenesGiven = true;
            } catch (const std::exception &e) {
                return options.failure(e);
            }
        } else if (QFileInfo(input).isDir()) {
            const QStringList inFolder = imageFilesIn(input);
            if (inFolder.isEmpty())
                return options.failure(QStringLiteral("%1 holds no images").arg(input));
            for (const QString &path : inFolder)
                images.push_back({QFileInfo(path).completeBaseName(), path, {}, {}, {}, {}});
        } else {
            images.push_back({QFileInfo(input).completeBaseName(), input, {}, {}, {}, {}});
        }
        for (std::size_t k = before; k < images.size(); ++k)
            keys << QStringLiteral("%1:%2").arg(argument).arg(QFileInfo(input).isDir() ? QDir(input).relativeFilePath(images[k].imagePath)
                                                                                        : QFileInfo(input).fileName());
    }
    // Output names, made unique over the whole list before anything is read: an image's files
    // are named alike whichever shard writes them and whether or not others could be read.
    QStringList names;
    {
        QSet<QString> usedNames;
        for (const SlotImage &image : images) {
            QString name = image.name;
            for (int n = 2; usedNames.contains(name); ++n)
                name = image.name + QStringLiteral("-%1").arg(n);
            usedNames.insert(name);
            names << name;
        }
    }
    BatchRun run(options, arguments);
    if (run.isShard() && options.isSet(QStringLiteral("--figure")))
        return options.usageError(QStringLiteral("--figure shows the run's first image, which one shard may not have: draw it in a run without --shard"));
    const QString outDir = options.value(QStringLiteral("--out"));
    if (!QDir().mkpath(outDir))
        return options.failure(QStringLiteral("cannot create %1").arg(outDir));
    try {
        OpenVocabLoadOptions load;
        load.device = readDeviceOption(options);
        load.bf16 = options.flagValue(QStringLiteral("--bf16"));
        const std::shared_ptr<OpenVocabModel> model = loadOpenVocabModel(folder, files, load);
        std::fprintf(stderr, "open-vocab: %s\n", model->describe().c_str());
        const PromptTemplates templates = parsePromptTemplates(options.value(QStringLiteral("--templates")).toStdString());
        const PromptSet promptSet = model->embedPrompts(prompts, templates);
        for (std::size_t p = 0; p < prompts.size(); ++p)
            if (!promptSet.unknownWords[p].empty()) {
                QStringList unknown;
                for (const std::string &w : promptSet.unknownWords[p])
                    unknown << QString::fromStdString(w);
                options.warn(QStringLiteral("\"%1\": the model never saw %2").arg(QString::fromStdString(prompts[p]), unknown.join(QLatin1String(", "))));
            }
        OpenVocabOptions analysis;
        const double suggested = model->suggestedBackground();
        analysis.background = options.isSet(QStringLiteral("--background")) ? options.numberValue(QStringLiteral("--background"))
                              : std::isfinite(suggested)                      ? suggested
                                                                              : -1.0;
        analysis.inputSide = int(options.integerValue(QStringLiteral("--input-side")));
        analysis.mapSide = int(options.integerValue(QStringLiteral("--map-side")));
        analysis.zeroShotCrop = options.value(QStringLiteral("--zero-shot-input")) == QLatin1String("crop224");
        const QString figurePath = options.value(QStringLiteral("--figure"));
        std::optional<OpenVocabFigure> figure;
        for (std::size_t k = 0; k < images.size(); ++k) {
            if (!run.selection().ownsKey(keys[int(k)]))
                continue;
            SlotImage &image = images[k];
            const QString path = image.imagePath;
            try {
                QString warning;
                decodeSlotImage(image, &warning);
                if (!warning.isEmpty())
                    options.warn(warning);
            } catch (const Error &e) {
                options.warn(QStringLiteral("%1 skipped: %2").arg(path, QString::fromUtf8(e.what())));
                run.add(int(k), json::Object{{"skipped", path.toStdString()}});
                continue;
            }
            const OpenVocabResult result = model->analyse(image.image, promptSet, analysis);
            if (!figurePath.isEmpty() && !figure)
                figure = openVocabFigure(image.name, image.image, result, prompts);
            // The image's own pixel counts: the folder's scores are summed from them, here or in
            // `merge` after a sharded run.
            json::Value item = json::Object{{"name", names[int(k)].toStdString()}};
            const bool scorable = !image.mask.isNull() && !image.objects.empty();
            if (scorable && image.mask.width() == result.mapWidth && image.mask.height() == result.mapHeight) {
                SceneScoreboard one(prompts);
                one.add(result.labels, promptTruth(prompts, image.mask, image.objects, result.mapWidth, result.mapHeight));
                item.set("counts", one.counts());
            } else if (scorable) {
                options.warn(QStringLiteral("%1 not scored: its map is smaller than its mask (raise --map-side)").arg(path));
            }
            image.image = Image();
            image.mask = Image();
            const QString &name = names[int(k)];
            media::writeImage(QDir(outDir).filePath(name + QStringLiteral(".openvocab.png")).toStdString(), labelImage(result));
            json::Value doc = json::Object{};
            doc.set("image", path.toStdString());
            doc.set("model", model->describe());
            json::Array promptList;
            for (const std::string &p : prompts)
                promptList.push_back(json::Value(p));
            doc.set("prompts", json::Value(std::move(promptList)));
            doc.set("templates", toString(templates));
            doc.set("input_size", json::Array{result.inputWidth, result.inputHeight});
            doc.set("image_embedding", numbers(result.imageEmbedding.data(), result.imageEmbedding.size()));
            doc.set("text_embeddings", rowsOf(promptSet.embeddings, prompts.size()));
            doc.set("zero_shot", numbers(result.zeroShot.data(), result.zeroShot.size()));
            doc.set("zero_shot_cosine", numbers(result.zeroShotCosine.data(), result.zeroShotCosine.size()));
            doc.set("patch_grid", json::Array{result.patchRows, result.patchCols});
            doc.set("patch_similarity", rowsOf(result.patchSimilarity, prompts.size()));
            doc.set("map_size", json::Array{result.mapWidth, result.mapHeight});
            json::Array coverage;
            for (double c : result.coverage)
                coverage.push_back(json::Value(c));
            doc.set("coverage", json::Value(std::move(coverage)));
            const std::string text = doc.dump(1);
            writeFileAtomically(QDir(outDir).filePath(name + QStringLiteral(".openvocab.json")).toStdString(), text.data(), text.size());
            const auto best = std::max_element(result.zeroShot.begin(), result.zeroShot.end()) - result.zeroShot.begin();
            std::fprintf(stderr, "%s: \"%s\" %.3f\n", qPrintable(name), prompts[std::size_t(best)].c_str(), double(result.zeroShot[std::size_t(best)]));
            run.add(int(k), item);
        }
        json::Array promptNames;
        for (const std::string &p : prompts)
            promptNames.emplace_back(p);
        const json::Value context = json::Object{{"model", model->describe()},
                                                 {"prompts", json::Value(std::move(promptNames))},
                                                 {"scenes", scenesGiven},
                                                 {"background", analysis.background}};
        if (run.isShard())
            return run.finishShard(outDir, int(images.size()), context);
        const MergeOutcome outcome = openVocabSummary(context, run.items());
        if (!outcome.failure.isEmpty())
            return options.failure(outcome.failure);
        if (figure) {
            const auto segmentation = openVocabSegmentationPanel(*figure);
            const auto similarity = openVocabSimilarityPanel(*figure);
            FigureOptions figureOptions;
            figureOptions.caption = QStringLiteral("%1: segmentation by the prompts (background below %2), each prompt's similarity from %3 to %4; %5")
                                        .arg(figure->title)
                                        .arg(analysis.background, 0, 'f', 2)
                                        .arg(double(figure->low), 0, 'f', 2)
                                        .arg(double(figure->high), 0, 'f', 2)
                                        .arg(QFileInfo(folder).completeBaseName());
            QString error;
            if (!exportFigure({segmentation.get(), similarity.get()}, 2, figureOptions, figurePath, &error))
                return options.failure(error);
            std::fprintf(stderr, "open-vocab: figure %s\n", qPrintable(figurePath));
        }
        if (!outcome.summary.isNull())
            std::printf("%s\n", outcome.summary.dump(1).c_str());
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand openVocabCommand()
{
    return {QStringLiteral("open-vocab"), QStringLiteral("dino.txt: segment images by typed prompts, zero-shot ranking (Open vocabulary)"),
            true /* --figure draws text */, runOpenVocab, openVocabOptions,
            [](const MergedRun &run) { return openVocabSummary(run.context, run.items); }};
}

} // namespace periscope::app
