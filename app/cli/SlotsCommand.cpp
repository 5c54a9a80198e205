// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli slots: runs the object-centric model on images or scene folders and writes, per
// image, its slot masks and the slot attention, slots and global vector as JSON; where the
// images have instance masks, the masks' mean IoU and foreground ARI as CSV.
#include "app/cli/BatchRun.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/figures/ImageConversion.h"
#include "app/figures/SlotsFigure.h"
#include "app/models/BuiltInSlotModels.h"
#include "app/data/SlotImageSet.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/json/Json.h"
#include "engine/media/image/ImageFile.h"
#include "engine/slots/SlotEvaluation.h"
#include "engine/slots/SlotModel.h"
#include "engine/slots/SlotProbe.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
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
    "masks matched to the objects (Hungarian) and its foreground ARI, and the means; beside them\n"
    "partition_iou (the same matching on the arg-max partition, no threshold) and best_slot_iou (each\n"
    "object's best mask of that partition, one to one or not), which tell the threshold's share of a\n"
    "low IoU from the grouping's. --probe fits the\n"
    "paper's linear VQA probe on the slots of scenes with objects (96 questions \"is there a <size>\n"
    "<colour> <material> <shape>?\", one linear layer per slot, max over slots; 75 % of the scenes) and\n"
    "reports its mean average precision and ROC AUC on the other 25 %.\n"
    "Under --shard I/N the images go by whole batches (batch k to shard k mod N, in the listing's order),\n"
    "so every image is run in the batch one run gives it; merge fits the probe on all shards' slots."));
    options.positionals(QStringLiteral("INPUT"), QStringLiteral("an image, a folder of images or a scene folder"), 1, -1);
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.text(QStringLiteral("--model"), QStringLiteral("NAME|FILE"), QStringLiteral("the model")).byDefault(builtInSlotModelName());
    options.text(QStringLiteral("--arch"), QStringLiteral("KEY=VALUE"), QStringLiteral("what the weights do not reveal")).repeat();
    options.choice(QStringLiteral("--iteration"), {QStringLiteral("first"), QStringLiteral("last")},
                   QStringLiteral("the slot-attention iteration the masks come from"))
        .byDefault(QStringLiteral("last"));
    options.flag(QStringLiteral("--probe"), QStringLiteral("fit and score the linear VQA probe"));
    options.integer(QStringLiteral("--batch"), 1, 256, QStringLiteral("images per forward pass (memory against speed)")).byDefault(QStringLiteral("32"));
    options.figure(QStringLiteral("a figure of the first image (slot masks with their legend, each slot's attention), as the workbench exports it"));
    options.imageLimit();
    options.shardable();
    return options;
}

std::string csvNumber(const json::Value &value)
{
    return value.isNumber() ? QString::number(value.asNumber(), 'f', 6).toStdString() : std::string();
}

// The run's report from its images' records (in the run's order): the images, the masks' mean
// scores and scores.csv in `outDir`, and the VQA probe fitted on every scene's slots. A run and
// `merge` both report through here, so a sharded run reports what one run does.
MergeOutcome slotsSummary(const json::Value &context, const std::vector<json::Value> &items, const QString &outDir)
{
    MergeOutcome outcome;
    json::Array perImage;
    std::vector<slot::SlotScore> scores;
    std::vector<slot::ProbeSample> probeSamples;
    std::string csv = "image,objects,mean_iou,fg_ari,partition_iou,best_slot_iou\n";
    bool diagnostics = true; // every record has the partition's scores (parts written before them do not)
    const int slotCount = memberInt(context, "slot_count", 1, 1024);
    const int dim = memberInt(context, "dim", 1, 65536);
    for (const json::Value &item : items) {
        if (item.find("skipped"))
            continue;
        json::Value entry = json::Object{{"image", member(item, "image")}};
        if (const json::Value *iou = item.find("mean_iou")) {
            const json::Value &ari = member(item, "fg_ari");
            slot::SlotScore score;
            score.objects = memberInt(item, "objects", 0, 255); // ids in an 8-bit mask
            score.meanIoU = iou->asNumber();
            score.foregroundAri = ari.isNumber() ? ari.asNumber() : std::numeric_limits<double>::quiet_NaN();
            const json::Value *partition = item.find("partition_iou");
            const json::Value *best = item.find("best_slot_iou");
            diagnostics = diagnostics && partition && partition->isNumber() && best && best->isNumber();
            if (diagnostics) {
                score.partitionIoU = partition->asNumber();
                score.bestSlotIoU = best->asNumber();
            }
            scores.push_back(score);
            entry.set("mean_iou", *iou);
            entry.set("fg_ari", ari);
            csv += member(item, "name").asString() + "," + std::to_string(score.objects) + "," + csvNumber(*iou) + "," + csvNumber(ari) + "," +
                   (partition ? csvNumber(*partition) : std::string()) + "," + (best ? csvNumber(*best) : std::string()) + "\n";
        }
        if (const json::Value *probe = item.find("probe")) {
            slot::ProbeSample sample;
            for (const json::Value &row : member(*probe, "slots").asArray())
                for (const json::Value &v : row.asArray())
                    sample.slotFeatures.push_back(float(v.asNumber()));
            if (sample.slotFeatures.size() != std::size_t(slotCount) * std::size_t(dim))
                throw Error("an image's slots are not " + std::to_string(slotCount) + " x " + std::to_string(dim));
            for (const json::Value &o : member(*probe, "objects").asArray()) {
                const json::Array &a = o.asArray();
                if (a.size() != 4)
                    throw Error("an object's attributes are not size, colour, material, shape");
                sample.objects.push_back({a[0].asString(), a[1].asString(), a[2].asString(), a[3].asString()});
            }
            probeSamples.push_back(std::move(sample));
        }
        entry.set("json", member(item, "json"));
        perImage.push_back(std::move(entry));
    }
    // A run that read nothing did not succeed, whatever it wrote (#17: it exited 0).
    if (perImage.empty()) {
        outcome.failure = QStringLiteral("no image could be read (%1 listed; the warnings above say why)").arg(items.size());
        return outcome;
    }
    json::Value out = json::Object{};
    out.set("model", member(context, "model"));
    out.set("description", member(context, "description"));
    out.set("iteration", member(context, "iteration"));
    out.set("images", json::Value(std::move(perImage)));
    if (!scores.empty()) {
        const slot::SlotScoreSummary mean = slot::summarize(scores);
        const json::Value ari = std::isnan(mean.foregroundAri) ? json::Value() : json::Value(mean.foregroundAri);
        csv += "mean," + std::to_string(mean.images) + "," + csvNumber(mean.meanIoU) + "," + csvNumber(ari) + "," +
               (diagnostics ? csvNumber(mean.partitionIoU) + "," + csvNumber(mean.bestSlotIoU) : std::string(",")) + "\n";
        const QString csvPath = QDir(outDir).filePath(QStringLiteral("scores.csv"));
        writeFileAtomically(csvPath.toStdString(), csv.data(), csv.size());
        out.set("mean_iou", mean.meanIoU);
        out.set("fg_ari", ari);
        if (diagnostics) {
            out.set("partition_iou", mean.partitionIoU);
            out.set("best_slot_iou", mean.bestSlotIoU);
        }
        out.set("scores", csvPath.toStdString());
    }
    if (member(context, "probe").asBool()) {
        if (probeSamples.size() < 8) {
            outcome.failure = QStringLiteral("--probe needs at least 8 scenes with objects (a scene folder), got %1").arg(probeSamples.size());
            return outcome;
        }
        const slot::ProbeResult p = slot::trainVqaProbe(probeSamples, slotCount, dim);
        json::Value v = json::Object{};
        v.set("train_scenes", p.trainScenes);
        v.set("test_scenes", p.testScenes);
        v.set("questions_scored", p.questionsScored);
        v.set("mean_average_precision", p.meanAveragePrecision);
        v.set("chance_average_precision", p.chanceAveragePrecision);
        v.set("mean_roc_auc", p.meanRocAuc);
        out.set("vqa_probe", std::move(v));
    }
    outcome.summary = std::move(out);
    return outcome;
}

// One image's files (DIR/<name>.slots.json and .masks.png) and its record for the report.
json::Value writeImageResults(const SlotImage &image, const QString &name, const slot::SlotResult &r, int size, bool last, bool probe,
                              const QString &outDir)
{
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
    json::Value item = json::Object{{"name", name.toStdString()}, {"image", image.imagePath.toStdString()}};
    if (!image.mask.isNull()) {
        const slot::SlotScore score = slot::scoreSlots(masks, slot::centreSquare(image.mask, size, true));
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
        const json::Value ari = std::isnan(score.foregroundAri) ? json::Value() : json::Value(score.foregroundAri);
        doc.set("mean_iou", score.meanIoU);
        doc.set("fg_ari", ari);
        doc.set("partition_iou", score.partitionIoU);
        doc.set("best_slot_iou", score.bestSlotIoU);
        doc.set("matches", json::Value(std::move(matches)));
        item.set("objects", score.objects);
        item.set("mean_iou", score.meanIoU);
        item.set("fg_ari", ari);
        item.set("partition_iou", score.partitionIoU);
        item.set("best_slot_iou", score.bestSlotIoU);
    }
    // The probe is fitted over all scenes at the end, by merge after a sharded run: the scene's
    // slots and objects go with its record.
    if (probe && !image.objects.empty()) {
        json::Array objects;
        for (const scenes::SceneObjectAttributes &o : image.objects)
            objects.push_back(json::Array{o.size, o.color, o.material, o.shape});
        item.set("probe", json::Object{{"slots", rows(r.slotFeatures.data(), r.slotCount, r.dim)}, {"objects", json::Value(std::move(objects))}});
    }
    const QString jsonPath = QDir(outDir).filePath(name + QStringLiteral(".slots.json"));
    const std::string text = doc.dump();
    writeFileAtomically(jsonPath.toStdString(), text.data(), text.size());
    media::writeImage(QDir(outDir).filePath(name + QStringLiteral(".masks.png")).toStdString(), masks.labels);
    item.set("json", jsonPath.toStdString());
    return item;
}

int runSlots(const QStringList &arguments)
{
    CliOptions options = slotsOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QStringList inputs = options.positionalValues();
    const QString model = options.value(QStringLiteral("--model"));
    const QString outDir = options.value(QStringLiteral("--out"));
    const bool last = options.value(QStringLiteral("--iteration")) == QLatin1String("last");
    const bool probe = options.flagValue(QStringLiteral("--probe"));
    const std::size_t batchSize = std::size_t(options.integerValue(QStringLiteral("--batch")));
    const QString figurePath = options.value(QStringLiteral("--figure"));
    std::optional<SlotFigure> figure;
    slot::ArchOptions arch;
    try {
        for (const QString &value : options.values(QStringLiteral("--arch")))
            arch = slot::parseArchOption(value.toStdString(), arch);
    } catch (const Error &e) {
        return options.usageError(QString::fromUtf8(e.what()));
    }
    BatchRun run(options, arguments);
    if (run.isShard() && !figurePath.isEmpty())
        return options.usageError(QStringLiteral("--figure shows the run's first image, which one shard may not have: draw it in a run without --shard"));
    QString error;
    const QString weights = resolveSlotModel(model, &error);
    if (weights.isEmpty())
        return options.failure(error);
    if (!QDir().mkpath(outDir))
        return options.failure(QStringLiteral("cannot create %1").arg(outDir));
    try {
        const slot::SlotModel net = slot::SlotModel::load(weights.toStdString(), arch);
        // Listed here, decoded a batch at a time below: a CLEVR split is thousands of images.
        const SlotImageSet set = loadSlotImages(inputs, {}, /*decode=*/false);
        std::fprintf(stderr, "slots: %s\n", net.describe().c_str());
        for (const QString &warning : set.warnings)
            options.warn(warning);
        // Output names, made unique over the whole list before anything is read: an image's
        // files are named alike whichever shard writes them and whether others could be read.
        QStringList names;
        {
            QSet<QString> usedNames;
            for (const SlotImage &image : set.images) {
                QString name = image.name;
                for (int n = 2; usedNames.contains(name); ++n)
                    name = image.name + QStringLiteral("-%1").arg(n);
                usedNames.insert(name);
                names << name;
            }
        }
        const int size = net.inputSize();
        for (std::size_t begin = 0; begin < set.images.size(); begin += batchSize) {
            // Whole batches per shard: with sampled queries an image's slots depend on its place
            // in its batch, and the arithmetic on the batch's size.
            if (!run.selection().ownsIndex(qint64(begin / batchSize)))
                continue;
            const std::size_t end = std::min(set.images.size(), begin + batchSize);
            std::vector<json::Value> records(end - begin); // the batch's records, in the run's order
            std::vector<std::size_t> chunk;
            std::vector<SlotImage> decoded;
            std::vector<Image> batch;
            for (std::size_t i = begin; i < end; ++i) {
                SlotImage image = set.images[i];
                QString warning;
                try {
                    decodeSlotImage(image, &warning);
                } catch (const std::exception &e) {
                    options.warn(QStringLiteral("%1 skipped: %2").arg(image.imagePath, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
                    records[i - begin] = json::Object{{"skipped", image.imagePath.toStdString()}};
                    continue;
                }
                if (!warning.isEmpty())
                    options.warn(warning);
                batch.push_back(image.image);
                chunk.push_back(i);
                decoded.push_back(std::move(image));
            }
            const std::vector<slot::SlotResult> results = net.run(batch);
            for (std::size_t k = 0; k < results.size(); ++k) {
                const SlotImage &image = decoded[k];
                const slot::SlotResult &r = results[k];
                const QString &name = names[int(chunk[k])];
                if (!figurePath.isEmpty() && !figure) { // drawn larger than the model's input, as the workbench shows it
                    const slot::SlotMasks shown = slot::slotMasks(r, kSlotFigureSide, last);
                    const std::optional<slot::SlotScore> score =
                        image.mask.isNull() ? std::nullopt
                                            : std::optional(slot::scoreSlots(shown, slot::centreSquare(image.mask, kSlotFigureSide, true)));
                    figure = slotFigure(name, toQImage(slot::centreSquare(image.image, kSlotFigureSide, false)), shown, score ? &*score : nullptr);
                }
                records[chunk[k] - begin] = writeImageResults(image, name, r, size, last, probe, outDir);
            }
            for (std::size_t i = begin; i < end; ++i)
                run.add(int(i), records[i - begin]);
            std::fprintf(stderr, "slots: %zu/%zu images\n", end, set.images.size());
        }
        const json::Value context = json::Object{{"model", weights.toStdString()},
                                                 {"description", net.describe()},
                                                 {"iteration", last ? "last" : "first"},
                                                 {"probe", probe},
                                                 {"slot_count", net.slotCount()},
                                                 {"dim", net.dim()}};
        if (run.isShard())
            return run.finishShard(outDir, int(set.images.size()), context);
        MergeOutcome outcome = slotsSummary(context, run.items(), outDir);
        if (!outcome.failure.isEmpty())
            return options.failure(outcome.failure);
        json::Value &out = outcome.summary;
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
            true /* --figure draws text */, runSlots, slotsOptions,
            [](const MergedRun &run) { return slotsSummary(run.context, run.items, run.folder); }};
}

} // namespace periscope::app
