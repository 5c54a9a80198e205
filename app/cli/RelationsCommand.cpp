// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli relations: recovers (subject, predicate, object) triplets by explaining the ws-vrd
// predicate classifier (Baldassarre et al., ECCV 2020) on a dataset folder or images, writing one
// NAME.relations.json per image and, where a ground truth exists, recall@K tables.
// periscope-cli train-relations: trains a relations model on image-level predicate labels.
#include "app/cli/BatchRun.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/cli/TrainingOptions.h"
#include "app/common/AtomicFile.h"
#include "app/data/RelationInputs.h"
#include "app/figures/RelationsFigure.h"
#include "app/models/BuiltInRelationModels.h"

#include "engine/core/errors/Error.h"
#include "engine/relations/RelationPrior.h"
#include "engine/relations/RelationRun.h"
#include "engine/relations/RelationTraining.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>

#include <algorithm>
#include <memory>
#include <optional>

#include <cstdio>
#include <filesystem>

namespace periscope::app {

namespace {

void writeOrThrow(const QString &path, const QByteArray &data)
{
    QString error;
    if (!writeFileAtomically(path, data, &error))
        throw Error(error.toStdString());
}

std::vector<int> parseSteps(const QString &text)
{
    std::vector<int> steps;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int k = part.trimmed().toInt(&ok);
        if (!ok || k < 1 || k > 100000)
            return {};
        steps.push_back(k);
    }
    return steps;
}

CliOptions relationsOptions()
{
    CliOptions options(
        QStringLiteral("relations"),
        QStringLiteral("Recovers visual relations by explaining a predicate classifier (Baldassarre et al., ECCV 2020): for\n"
                       "each of an image's top predicted predicates, the gradient of its score ranks the objects and\n"
                       "pairs, giving (subject, predicate, object) triplets. INPUT is a dataset folder (scenes from\n"
                       "`scenes --relations`, VRD's json_dataset/ + sg_dataset/, HICO-DET's annotations/ + images/) or\n"
                       "image files whose boxes come from --boxes. Writes OUT/NAME.relations.json per image (objects with\n"
                       "box [x1, y1, x2, y2], category and score; predicates with scores; triplets with subject, predicate,\n"
                       "object, score and hit where a truth exists), and with a truth OUT/relations.recall.csv (predicate,\n"
                       "phrase and relationship detection recall@K, per predicate too) and OUT/relations.json (summary).\n"
                       "Under --shard I/N each shard explains the images whose names hash to it; merge computes the recall\n"
                       "over all of them."));
    options.positionals(QStringLiteral("INPUT"), QStringLiteral("a dataset folder, or images with --boxes"), 1, 100000);
    options.text(QStringLiteral("--model"), QStringLiteral("NAME|FILE"), QStringLiteral("the model (weights with their .json)"))
        .byDefault(builtInRelationModelName());
    options.text(QStringLiteral("--boxes"), QStringLiteral("gt|FILE.json"),
                 QStringLiteral("the objects: the ground truth's boxes (gt), or a detector's in COCO's results format"))
        .byDefault(QStringLiteral("gt"));
    options.number(QStringLiteral("--min-score"), 0.0, 1.0, QStringLiteral("detections: the lowest score kept")).byDefault(QStringLiteral("0.3"));
    options.text(QStringLiteral("--split"), QStringLiteral("NAME"), QStringLiteral("VRD and HICO-DET: the split (test, train)")).byDefault(QStringLiteral("test"));
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require().output();
    options.integer(QStringLiteral("--top-predicates"), 1, 1000, QStringLiteral("predicates explained per image (the paper's k)")).byDefault(QStringLiteral("10"));
    options.integer(QStringLiteral("--top-relations"), 1, 100000, QStringLiteral("triplets kept per image")).byDefault(QStringLiteral("100"));
    options.choice(QStringLiteral("--method"), {QStringLiteral("gradient"), QStringLiteral("integrated_gradients"), QStringLiteral("lrp")},
                   QStringLiteral("how node and edge relevance are computed (lrp: layer-wise relevance of the logit, the Graphs workspace's rules)"))
        .byDefault(QStringLiteral("gradient"));
    options.choice(QStringLiteral("--relevance"), {QStringLiteral("l1"), QStringLiteral("l2"), QStringLiteral("sum_positives")},
                   QStringLiteral("how an input's relevance is pooled over its features"))
        .byDefault(QStringLiteral("l1"));
    options.flag(QStringLiteral("--activations"), QStringLiteral("relevance from gradient x input rather than the gradient alone (the paper's option)"));
    options.flag(QStringLiteral("--channel-mean"),
                 QStringLiteral("with --activations: RoI features times their gradient averaged over the RoI (Grad-CAM-like)"));
    options.flag(QStringLiteral("--explain-logits"),
                 QStringLiteral("explain each predicate's logit rather than its sigmoid score (which a confident classifier "
                                "saturates, leaving its sure predicates almost no relevance); not in the paper"));
    options.choice(QStringLiteral("--prior"), {QStringLiteral("s,o|p"), QStringLiteral("s,p,o")},
                   QStringLiteral("the paper's triplet-frequency prior: each candidate's score times P(s, o | p) or P(s, p, o) of its "
                                  "classes, counted in --prior-data's true triplets"));
    options.text(QStringLiteral("--prior-data"), QStringLiteral("DIR"), QStringLiteral("the dataset the prior is counted in (its --prior-split)"));
    options.text(QStringLiteral("--prior-split"), QStringLiteral("NAME"), QStringLiteral("VRD and HICO-DET: the split the prior is counted in"))
        .byDefault(QStringLiteral("train"));
    options.figure(QStringLiteral("a figure of the first analysed image (its boxes and relationship graph, its top triplets with hits), "
                                  "as the workbench exports it"));
    options.text(QStringLiteral("--figure-predicate"), QStringLiteral("NAME"),
                 QStringLiteral("the figure shows this predicate: its node relevance, its triplets, the true ones it missed"));
    options.text(QStringLiteral("--recall"), QStringLiteral("K,K,..."), QStringLiteral("the K of recall@K"))
        .byDefault(QStringLiteral("20,50,100"))
        .validatedBy([](const QString &v) { return !parseSteps(v).empty(); }, QStringLiteral("a list of positive integers"));
    options.shardable();
    return options;
}

json::Value stringList(const std::vector<std::string> &values)
{
    json::Array list;
    for (const std::string &v : values)
        list.emplace_back(v);
    return json::Value(std::move(list));
}

std::vector<std::string> stringsOf(const json::Value &list)
{
    std::vector<std::string> values;
    for (const json::Value &v : list.asArray())
        values.push_back(v.asString());
    return values;
}

// The run's report from its images' records (relationScoringRecord, in the run's order): the
// recall tables over every image, written to DIR/relations.recall.csv and DIR/relations.json
// with the settings in `context`. A run and `merge` both report through here.
MergeOutcome relationsSummary(const json::Value &context, const std::vector<json::Value> &items, const QString &outDir, const QString &figurePath = {})
{
    relations::RelationModelInfo info;
    info.objectClasses = stringsOf(member(context, "object_classes"));
    info.predicateClasses = stringsOf(member(context, "predicate_classes"));
    info.subjectClasses = stringsOf(member(context, "subject_classes"));
    std::vector<int> steps;
    for (const json::Value &k : member(context, "recall_steps").asArray())
        steps.push_back(int(std::clamp<std::int64_t>(k.asInt64(), 1, 100000)));
    std::vector<relations::ImageRelationResult> results;
    results.reserve(items.size());
    for (const json::Value &item : items)
        results.push_back(relations::relationResultFromRecord(item, info));
    const relations::RelationRunSummary summary = relations::summariseRelations(results, info, steps);
    MergeOutcome outcome;
    json::Value report = summary.toJson(info.predicateClasses);
    for (const char *key : {"model", "dataset", "boxes", "method", "explained"})
        report.set(key, member(context, key));
    if (const json::Value *prior = context.find("prior")) {
        report.set("prior", *prior);
        report.set("prior_triplets", member(context, "prior_triplets"));
    }
    const QDir out(outDir);
    if (summary.withTruth > 0)
        writeOrThrow(out.filePath(QStringLiteral("relations.recall.csv")), QByteArray::fromStdString(relations::recallCsv(summary, info.predicateClasses)));
    if (!figurePath.isEmpty())
        report.set("figure", figurePath.toStdString());
    writeOrThrow(out.filePath(QStringLiteral("relations.json")), QByteArray::fromStdString(report.dump(1) + "\n"));
    outcome.summary = std::move(report);
    if (summary.failed == summary.images)
        outcome.failure = QStringLiteral("no image could be analysed");
    return outcome;
}

int runRelations(const QStringList &arguments)
{
    CliOptions options = relationsOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QString priorKind = options.value(QStringLiteral("--prior")), priorData = options.value(QStringLiteral("--prior-data"));
    if (priorKind.isEmpty() != priorData.isEmpty())
        return options.usageError(QStringLiteral("--prior and --prior-data go together: the kind of prior and the dataset it is counted in"));
    QString error;
    const QString weights = resolveRelationModel(options.value(QStringLiteral("--model")), &error);
    if (weights.isEmpty())
        return options.failure(error);
    const QString boxes = options.value(QStringLiteral("--boxes"));
    const QDir out(options.value(QStringLiteral("--out")));
    try {
        std::unique_ptr<relations::RelationModel> model = relations::RelationModel::load(weights.toStdString());
        const relations::RelationModelInfo &info = model->info();
        relations::RelationDataset dataset = relationInputDataset(options.positionalValues(), options.value(QStringLiteral("--split")), info);
        if (dataset.kind == "images" && boxes == QLatin1String("gt"))
            return options.usageError(QStringLiteral("images have no ground truth: give their boxes with --boxes DETECTIONS.json"));
        if (!dataset.note.empty())
            options.warn(QString::fromStdString(dataset.note));
        if (boxes != QLatin1String("gt")) {
            const relations::DetectionReport report =
                relations::readDetections(boxes.toStdString(), dataset, options.numberValue(QStringLiteral("--min-score")));
            if (report.unknownImages > 0 || report.unknownCategories > 0)
                options.warn(QStringLiteral("%1 detections name an image that is not among the inputs, %2 a class the data does not have")
                                 .arg(report.unknownImages)
                                 .arg(report.unknownCategories));
        }
        if (const std::string note = relations::alignToModel(dataset, info); !note.empty())
            options.warn(QString::fromStdString(note));
        if (!QDir().mkpath(out.absolutePath()))
            return options.failure(QStringLiteral("cannot create %1").arg(out.absolutePath()));
        relations::ExplainerOptions explain;
        explain.topPredicates = int(options.integerValue(QStringLiteral("--top-predicates")));
        explain.topRelations = int(options.integerValue(QStringLiteral("--top-relations")));
        explain.method = relations::parseRelevanceMethod(options.value(QStringLiteral("--method")).toStdString());
        explain.pool = relations::parseRelevancePool(options.value(QStringLiteral("--relevance")).toStdString());
        explain.explainLogits = options.flagValue(QStringLiteral("--explain-logits"));
        explain.activations = options.flagValue(QStringLiteral("--activations"));
        explain.channelMean = options.flagValue(QStringLiteral("--channel-mean"));
        if (explain.channelMean && !explain.activations)
            return options.usageError(QStringLiteral("--channel-mean needs --activations"));
        if (!priorKind.isEmpty()) {
            relations::RelationDataset counted = relations::readRelationDataset(priorData.toStdString(), options.value(QStringLiteral("--prior-split")).toStdString());
            relations::alignToModel(counted, info);
            explain.prior = std::make_shared<relations::TripletPrior>(relations::countTripletPrior(counted, relations::parsePriorKind(priorKind.toStdString())));
        }
        const QString figurePath = options.value(QStringLiteral("--figure"));
        int figurePredicate = -1;
        if (const QString name = options.value(QStringLiteral("--figure-predicate")); !name.isEmpty()) {
            const auto &classes = info.predicateClasses;
            const auto found = std::find(classes.begin(), classes.end(), name.toStdString());
            if (found == classes.end())
                return options.usageError(QStringLiteral("--figure-predicate: the model has no predicate %1").arg(name));
            figurePredicate = int(found - classes.begin());
        }
        BatchRun run(options, arguments);
        if (run.isShard() && !figurePath.isEmpty())
            return options.usageError(QStringLiteral("--figure shows the run's first image, which one shard may not have: draw it in a run without --shard"));
        // Every shard reads the whole dataset (so all number its images alike) and explains the
        // images whose names hash to it.
        const std::size_t total = dataset.images.size();
        std::vector<int> ordinals;
        if (run.isShard()) {
            std::vector<relations::RelationImage> mine;
            for (std::size_t i = 0; i < total; ++i)
                if (run.selection().ownsKey(QString::fromStdString(dataset.images[i].name))) {
                    ordinals.push_back(int(i));
                    mine.push_back(std::move(dataset.images[i]));
                }
            dataset.images = std::move(mine);
        } else {
            for (std::size_t i = 0; i < total; ++i)
                ordinals.push_back(int(i));
        }
        std::optional<RelationFigure> figure;
        std::size_t done = 0;
        relations::analyseDataset(*model, dataset, explain, {}, [&](const relations::ImageRelationResult &r) {
            if (!r.error.empty())
                options.warn(QStringLiteral("%1: %2").arg(QString::fromStdString(r.image.name), QString::fromStdString(r.error)));
            const QString file = out.filePath(QFileInfo(QString::fromStdString(r.image.name)).completeBaseName() + QStringLiteral(".relations.json"));
            writeOrThrow(file, QByteArray::fromStdString(relations::relationResultJson(r, info).dump(1) + "\n"));
            run.add(ordinals[done++], relations::relationScoringRecord(r));
            if (!figurePath.isEmpty() && !figure && r.error.empty())
                figure = relationFigure(QImage(QString::fromStdString(r.image.imagePath)), r, info, figurePredicate);
        });
        json::Value context = json::Object{{"model", weights.toStdString()},
                                           {"dataset", dataset.kind},
                                           {"boxes", boxes.toStdString()},
                                           {"method", relations::relevanceMethodName(explain.method)},
                                           {"explained", explain.explainLogits ? "logits" : "scores"}};
        if (explain.prior) {
            context.set("prior", relations::priorKindName(explain.prior->kind));
            context.set("prior_triplets", explain.prior->triplets);
        }
        context.set("object_classes", stringList(info.objectClasses));
        context.set("predicate_classes", stringList(info.predicateClasses));
        context.set("subject_classes", stringList(info.subjectClasses));
        json::Array steps;
        for (int k : parseSteps(options.value(QStringLiteral("--recall"))))
            steps.emplace_back(k);
        context.set("recall_steps", json::Value(std::move(steps)));
        if (run.isShard())
            return run.finishShard(out.path(), int(total), context);
        if (figure) {
            FigureOptions figureOptions;
            figureOptions.caption = figure->title + QStringLiteral("; ") + QFileInfo(weights).completeBaseName();
            QString figureError;
            if (!exportRelationFigure(*figure, figureOptions, figurePath, &figureError))
                return options.failure(figureError);
        }
        const MergeOutcome outcome = relationsSummary(context, run.items(), out.path(), figure ? figurePath : QString());
        std::printf("%s\n", outcome.summary.dump(1).c_str());
        if (!outcome.failure.isEmpty())
            return options.failure(outcome.failure);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}

CliOptions trainRelationsOptions()
{
    const relations::RelationTrainingSettings defaults;
    CliOptions options(
        QStringLiteral("train-relations"),
        QStringLiteral("Trains the ws-vrd relational network (Baldassarre et al., ECCV 2020) with a small CNN backbone on\n"
                       "image-level predicate labels only: the set of predicates of each image's true triplets, never\n"
                       "which objects they join. --data is a relations dataset folder (scenes from `scenes --relations`,\n"
                       "VRD, HICO-DET). After every epoch: validation loss, predicate mAP and the relations recovered by\n"
                       "explaining the classifier (scores as the paper / logits), scored by recall@K against a random\n"
                       "ranking. Writes the weights after\n"
                       "every epoch, FILE.json beside them and FILE.checkpoint.* to --resume from. Progress on stderr,\n"
                       "a JSON summary on stdout."));
    options.text(QStringLiteral("--data"), QStringLiteral("DIR"), QStringLiteral("the dataset folder")).require();
    options.text(QStringLiteral("--split"), QStringLiteral("NAME"), QStringLiteral("VRD and HICO-DET: the split to train on")).byDefault(QStringLiteral("train"));
    declareTrainingOptions(options, defaults, {1, true});
    options.choice(QStringLiteral("--readout"), {QStringLiteral("FC_AGG"), QStringLiteral("AGG_FC")}, QStringLiteral("the readout mode"))
        .byDefault(QString::fromStdString(defaults.model.readout));
    options.choice(QStringLiteral("--pooling"), {QStringLiteral("max"), QStringLiteral("mean"), QStringLiteral("add")}, QStringLiteral("the readout pooling"))
        .byDefault(QString::fromStdString(defaults.model.pooling));
    options.integer(QStringLiteral("--width"), 8, 4096, QStringLiteral("width of the fully connected layers")).byDefault(QString::number(defaults.model.width));
    options.integer(QStringLiteral("--max-side"), 32, 4096, QStringLiteral("images are scaled down to this longer side")).byDefault(QString::number(defaults.model.maxSide));
    return options;
}

int runTrainRelations(const QStringList &arguments)
{
    CliOptions options = trainRelationsOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    relations::RelationTrainingSettings settings;
    readTrainingOptions(options, settings);
    settings.model.readout = options.value(QStringLiteral("--readout")).toStdString();
    settings.model.pooling = options.value(QStringLiteral("--pooling")).toStdString();
    settings.model.width = options.integerValue(QStringLiteral("--width"));
    settings.model.maxSide = int(options.integerValue(QStringLiteral("--max-side")));
    try {
        const relations::RelationDataset data =
            relations::readRelationDataset(options.value(QStringLiteral("--data")).toStdString(), options.value(QStringLiteral("--split")).toStdString());
        if (!data.note.empty())
            options.warn(QString::fromStdString(data.note));
        const relations::RelationTrainingSummary summary = relations::trainRelations(data, settings, {}, [&](const relations::RelationEpoch &e) {
            QString recall;
            for (std::size_t s = 0; s < settings.recallSteps.size() && s < e.validationRecall.size(); ++s)
                recall += QStringLiteral(" R@%1 %2 / %3 (random %4)")
                              .arg(settings.recallSteps[s])
                              .arg(e.validationRecall[s], 0, 'f', 3)
                              .arg(e.validationRecallLogits[s], 0, 'f', 3)
                              .arg(e.randomRecall[s], 0, 'f', 3);
            std::fprintf(stderr, "epoch %d/%d: train loss %.4f, validation loss %.4f, mAP %.3f,%s (%.1f s)\n", e.epoch, settings.epochs, e.trainLoss,
                         e.validationLoss, e.validationMap, qPrintable(recall), e.seconds);
            std::fflush(stderr);
        });
        json::Value out = summary.toJson();
        out.set("weights", settings.outPath);
        out.set("data", options.value(QStringLiteral("--data")).toStdString());
        std::printf("%s\n", out.dump(1).c_str());
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}

} // namespace

CliCommand relationsCommand()
{
    return {QStringLiteral("relations"), QStringLiteral("visual relations recovered by explaining a predicate classifier"),
            true /* --figure draws text */, runRelations, relationsOptions,
            [](const MergedRun &run) { return relationsSummary(run.context, run.items, run.folder); }};
}

CliCommand trainRelationsCommand()
{
    return {QStringLiteral("train-relations"), QStringLiteral("train a relations model on image-level predicate labels"), false, runTrainRelations};
}

} // namespace periscope::app
