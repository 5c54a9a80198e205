// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli slots: runs the object-centric model on images or scene folders and writes, per
// image, its slot masks and the slot attention, slots and global vector as JSON; where the
// images have instance masks, the masks' mean IoU and foreground ARI as CSV.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/figures/ImageConversion.h"
#include "app/figures/SlotsFigure.h"
#include "app/models/BuiltInSlotModels.h"
#include "app/data/SlotImageSet.h"

#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"
#include "engine/media/image/ImageFile.h"
#include "engine/slots/SlotEvaluation.h"
#include "engine/slots/SlotModel.h"
#include "engine/slots/SlotProbe.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSet>

#include <cmath>
#include <optional>
#include <cstdio>

namespace periscope::app {

namespace {
json::Value rows(const float *values, int count, int length)
{
    json::Array out;
    for (int r = 0; r < count; ++r) {
        json::Array row;
        for (int i = 0; i < length; ++i)
            row.push_back(double(values[std::size_t(r) * std::size_t(length) + std::size_t(i)]));
        out.push_back(json::Value(std::move(row)));
    }
    return json::Value(std::move(out));
}

bool writeText(const QString &path, const std::string &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(text.data(), qint64(text.size()));
    return file.commit();
}

CliOptions slotsOptions()
{
    CliOptions options(QStringLiteral("slots"), QStringLiteral(
        "Runs the object-centric model of Baldassarre & Azizpour (ICLR-W 2022) on images: INPUT is an image,\n"
    "a folder of images, or a scene folder (periscope-cli scenes; CLEVR's scenes JSON + images). Each\n"
    "image is centre-cropped to a square, resized to the model's input and normalised with ImageNet's\n"
    "mean and std. --model takes our .safetensors (its .json sidecar holds the architecture) or the\n"
    "paper's torch.save checkpoints ({\"model\": state_dict, ...}, the repository's key names), or the\n"
    "built-in model's name (the default). What the weights do not reveal comes from --arch, the paper's\n"
    "values by default: heads=4 iterations=3 slots=11 architecture=slot-mean|backbone\n"
    "attention_scale=false queries=learned|sampled global_pool=cls|avg.\n"
    "Writes DIR/<name>.slots.json (attention_first and attention_last: the slot-attention matrix of the\n"
    "first and last iteration after the softmax over slots, one list per slot, one value per patch\n"
    "token in row-major order; slots: one list per slot; global: a list) and DIR/<name>.masks.png (each\n"
    "pixel 1 + the slot whose upsampled attention is highest there, --iteration's map). Where the\n"
    "images have instance masks, DIR/scores.csv: each image's mean IoU of the Otsu-thresholded slot\n"
    "masks matched to the objects (Hungarian) and its foreground ARI, and the means. --probe fits the\n"
    "paper's linear VQA probe on the slots of scenes with objects (96 questions \"is there a <size>\n"
    "<colour> <material> <shape>?\", one linear layer per slot, max over slots; 75 % of the scenes) and\n"
    "reports its mean average precision and ROC AUC on the other 25 %."));
    options.positionals(QStringLiteral("INPUT"), QStringLiteral("an image, a folder of images or a scene folder"), 1, -1);
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.text(QStringLiteral("--model"), QStringLiteral("NAME|FILE"), QStringLiteral("the model")).byDefault(builtInSlotModelName());
    options.text(QStringLiteral("--arch"), QStringLiteral("KEY=VALUE"), QStringLiteral("what the weights do not reveal")).repeat();
    options.choice(QStringLiteral("--iteration"), {QStringLiteral("first"), QStringLiteral("last")},
                   QStringLiteral("the slot-attention iteration the masks come from"))
        .byDefault(QStringLiteral("last"));
    options.flag(QStringLiteral("--probe"), QStringLiteral("fit and score the linear VQA probe"));
    options.figure(QStringLiteral("a figure of the first image (slot masks with their legend, each slot's attention), as the workbench exports it"));
    return options;
}

int runSlots(const QStringList &arguments)
{
    CliOptions options = slotsOptions();
    options.imageLimit();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QStringList inputs = options.positionalValues();
    const QString model = options.value(QStringLiteral("--model"));
    const QString outDir = options.value(QStringLiteral("--out"));
    const bool last = options.value(QStringLiteral("--iteration")) == QLatin1String("last");
    const bool probe = options.flagValue(QStringLiteral("--probe"));
    const QString figurePath = options.value(QStringLiteral("--figure"));
    std::optional<SlotFigure> figure;
    slot::ArchOptions arch;
    try {
        for (const QString &value : options.values(QStringLiteral("--arch")))
            arch = slot::parseArchOption(value.toStdString(), arch);
    } catch (const Error &e) {
        return options.usageError(QString::fromUtf8(e.what()));
    }
    QString error;
    const QString weights = resolveSlotModel(model, &error);
    if (weights.isEmpty())
        return options.failure(error);
    if (!QDir().mkpath(outDir))
        return options.failure(QStringLiteral("cannot create %1").arg(outDir));
    try {
        const slot::SlotModel net = slot::SlotModel::load(weights.toStdString(), arch);
        // Listed here, decoded a chunk at a time below: a CLEVR split is thousands of images.
        const SlotImageSet set = loadSlotImages(inputs, {}, /*decode=*/false);
        std::fprintf(stderr, "slots: %s\n", net.describe().c_str());
        for (const QString &warning : set.warnings)
            options.warn(warning);
        const int size = net.inputSize();
        QString csv = QStringLiteral("image,objects,mean_iou,fg_ari\n");
        std::vector<slot::SlotScore> scores;
        QSet<QString> usedNames;
        json::Array perImage;
        std::vector<slot::ProbeSample> probeSamples;
        constexpr std::size_t kChunk = 32; // bounded memory on large folders
        for (std::size_t begin = 0; begin < set.images.size(); begin += kChunk) {
            std::vector<SlotImage> chunk;
            std::vector<Image> batch;
            for (std::size_t i = begin; i < std::min(set.images.size(), begin + kChunk); ++i) {
                SlotImage image = set.images[i];
                QString warning;
                try {
                    decodeSlotImage(image, &warning);
                } catch (const std::exception &e) {
                    options.warn(QStringLiteral("%1 skipped: %2").arg(image.imagePath, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
                    continue;
                }
                if (!warning.isEmpty())
                    options.warn(warning);
                batch.push_back(image.image);
                chunk.push_back(std::move(image));
            }
            const std::vector<slot::SlotResult> results = net.run(batch);
            for (std::size_t k = 0; k < results.size(); ++k) {
                const SlotImage &image = chunk[k];
                const slot::SlotResult &r = results[k];
                QString name = image.name;
                for (int n = 2; usedNames.contains(name); ++n)
                    name = image.name + QStringLiteral("-%1").arg(n);
                usedNames.insert(name);
                const slot::SlotMasks masks = slot::slotMasks(r, size, last);
                json::Value doc = json::Object{};
                doc.set("image", image.imagePath.toStdString());
                doc.set("input_size", size);
                doc.set("grid", r.grid);
                doc.set("attention_first", rows(r.attentionFirst.data(), r.slotCount, r.grid * r.grid));
                doc.set("attention_last", rows(r.attentionLast.data(), r.slotCount, r.grid * r.grid));
                doc.set("slots", rows(r.slotFeatures.data(), r.slotCount, r.dim));
                doc.set("global", rows(r.globalFeatures.data(), 1, r.dim).asArray().front());
                json::Array mass;
                for (double m : masks.mass)
                    mass.push_back(m);
                doc.set("attention_mass", json::Value(std::move(mass)));
                json::Value summary = json::Object{};
                summary.set("image", image.imagePath.toStdString());
                if (!image.mask.isNull()) {
                    const slot::SlotScore score = slot::scoreSlots(masks, slot::centreSquare(image.mask, size, true));
                    scores.push_back(score);
                    json::Array matches;
                    for (int s = 0; s < r.slotCount; ++s) {
                        json::Value m = json::Object{};
                        m.set("slot", s);
                        m.set("object", score.objectOfSlot[std::size_t(s)]);
                        m.set("iou", score.iouOfSlot[std::size_t(s)]);
                        const int id = score.objectOfSlot[std::size_t(s)];
                        if (id >= 1 && id <= int(image.objects.size()))
                            m.set("description", image.objects[std::size_t(id - 1)].describe());
                        matches.push_back(std::move(m));
                    }
                    doc.set("mean_iou", score.meanIoU);
                    doc.set("fg_ari", std::isnan(score.foregroundAri) ? json::Value() : json::Value(score.foregroundAri));
                    doc.set("matches", json::Value(std::move(matches)));
                    summary.set("mean_iou", score.meanIoU);
                    summary.set("fg_ari", std::isnan(score.foregroundAri) ? json::Value() : json::Value(score.foregroundAri));
                    csv += QStringLiteral("%1,%2,%3,%4\n")
                               .arg(name)
                               .arg(score.objects)
                               .arg(score.meanIoU, 0, 'f', 6)
                               .arg(std::isnan(score.foregroundAri) ? QString() : QString::number(score.foregroundAri, 'f', 6));
                }
                if (!image.objects.empty()) {
                    slot::ProbeSample sample;
                    sample.slotFeatures = r.slotFeatures;
                    for (const scenes::SceneObjectAttributes &o : image.objects)
                        sample.objects.push_back({o.size, o.color, o.material, o.shape});
                    probeSamples.push_back(std::move(sample));
                }
                if (!figurePath.isEmpty() && !figure) { // drawn larger than the model's input, as the workbench shows it
                    const slot::SlotMasks shown = slot::slotMasks(r, kSlotFigureSide, last);
                    const std::optional<slot::SlotScore> score =
                        image.mask.isNull() ? std::nullopt
                                            : std::optional(slot::scoreSlots(shown, slot::centreSquare(image.mask, kSlotFigureSide, true)));
                    figure = slotFigure(name, toQImage(slot::centreSquare(image.image, kSlotFigureSide, false)), shown, score ? &*score : nullptr);
                }
                const QString jsonPath = QDir(outDir).filePath(name + QStringLiteral(".slots.json"));
                if (!writeText(jsonPath, doc.dump()))
                    return options.failure(QStringLiteral("cannot write %1").arg(jsonPath));
                media::writeImage(QDir(outDir).filePath(name + QStringLiteral(".masks.png")).toStdString(), masks.labels);
                summary.set("json", jsonPath.toStdString());
                perImage.push_back(std::move(summary));
            }
            std::fprintf(stderr, "slots: %zu/%zu images\n", std::min(set.images.size(), begin + kChunk), set.images.size());
        }
        // A run that read nothing did not succeed, whatever it wrote (#17: it exited 0).
        if (perImage.empty())
            return options.failure(QStringLiteral("no image could be read (%1 listed; the warnings above say why)").arg(set.images.size()));
        json::Value out = json::Object{};
        out.set("model", weights.toStdString());
        out.set("description", net.describe());
        out.set("iteration", last ? "last" : "first");
        out.set("images", json::Value(std::move(perImage)));
        if (!scores.empty()) {
            const slot::SlotScoreSummary mean = slot::summarize(scores);
            csv += QStringLiteral("mean,%1,%2,%3\n")
                       .arg(mean.images)
                       .arg(mean.meanIoU, 0, 'f', 6)
                       .arg(std::isnan(mean.foregroundAri) ? QString() : QString::number(mean.foregroundAri, 'f', 6));
            const QString csvPath = QDir(outDir).filePath(QStringLiteral("scores.csv"));
            if (!writeText(csvPath, csv.toStdString()))
                return options.failure(QStringLiteral("cannot write %1").arg(csvPath));
            out.set("mean_iou", mean.meanIoU);
            out.set("fg_ari", std::isnan(mean.foregroundAri) ? json::Value() : json::Value(mean.foregroundAri));
            out.set("scores", csvPath.toStdString());
        }
        if (probe) {
            if (probeSamples.size() < 8)
                return options.failure(QStringLiteral("--probe needs at least 8 scenes with objects (a scene folder), got %1").arg(probeSamples.size()));
            const slot::ProbeResult p = slot::trainVqaProbe(probeSamples, net.slotCount(), net.dim());
            json::Value v = json::Object{};
            v.set("train_scenes", p.trainScenes);
            v.set("test_scenes", p.testScenes);
            v.set("questions_scored", p.questionsScored);
            v.set("mean_average_precision", p.meanAveragePrecision);
            v.set("chance_average_precision", p.chanceAveragePrecision);
            v.set("mean_roc_auc", p.meanRocAuc);
            out.set("vqa_probe", std::move(v));
        }
        if (figure) {
            const auto masksPanel = slotMasksPanel(*figure);
            const auto attentionPanel = slotAttentionPanel(*figure);
            FigureOptions figureOptions;
            figureOptions.caption = QStringLiteral("%1: slot masks and attention per slot; %2").arg(figure->title, QFileInfo(weights).completeBaseName());
            QString error;
            if (!exportFigure({masksPanel.get(), attentionPanel.get()}, 2, figureOptions, figurePath, &error))
                throw Error(error.toStdString());
            out.set("figure", figurePath.toStdString());
        }
        std::fputs((out.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand slotsCommand()
{
    return {QStringLiteral("slots"), QStringLiteral("slot masks, attention and embeddings of the object-centric model for images"),
            true /* --figure draws text */, runSlots};
}

} // namespace periscope::app
