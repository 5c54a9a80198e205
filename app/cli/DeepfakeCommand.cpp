// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli deepfake: a detector's score and explanation of each video, frame by frame, in
// full-frame pixels, with the explanation metrics (engine/deepfake/VideoExplainer.h); with several
// methods, each method's outputs, and for one video the frames x methods figure with the metric
// table (app/figures/DeepfakeFigure.h).
#include "app/cli/BatchRun.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "app/cli/DeviceOption.h"
#include "app/figures/DeepfakeFigure.h"
#include "app/models/BuiltInDeepfakeModels.h"
#include "engine/core/color/Colormap.h"
#include "engine/core/errors/Error.h"
#include "engine/deepfake/DetectorDataset.h"
#include "engine/deepfake/ExplanationFigure.h"
#include "engine/deepfake/FrameExplanations.h"
#include "engine/deepfake/VideoExplainer.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
CliOptions deepfakeOptions()
{
    CliOptions options(QStringLiteral("deepfake"),
                       QStringLiteral("Scores and explains each video with a frame detector (EfficientNet with one logit, torchvision's\n"
                                      "names) or a clip detector (MViT-v2, scoring runs of consecutive frames): the face found in each\n"
                                      "frame, cropped as the detector sees it, explained, and the map put back on the frame. Writes DIR/NAME.deepfake.json (per frame: index, time, face box, score;\n"
                                      "the video's score; the explanation metrics of docs/explanation-metrics.md) and\n"
                                      "DIR/NAME.heatmaps.safetensors (\"heatmaps\" float32 [T, H, W], \"frames\" int64 [T])."));
    options.positionals(QStringLiteral("VIDEO"), QStringLiteral("videos, or one folder (DFDC, FaceForensics++ or plain: every video, and\n"
                                                                "DIR/folder.deepfake.json with the detection quality and the metrics over them)"),
                        1, -1);
    options.text(QStringLiteral("--model"), QStringLiteral("W"),
                 QStringLiteral("the detector's weights, or a catalogue name (the built-in %1)").arg(builtInDeepfakeModelName()))
        .require();
    const QStringList architectures = choicesOf(deepfake::frameDetectorArchitectures()) + choicesOf(deepfake::clipDetectorArchitectures());
    options.choice(QStringLiteral("--arch"), architectures,
                   QStringLiteral("the detector's architecture (default: its sidecar W.json's, else efficientnet_b0)"));
    options.text(QStringLiteral("--method"), QStringLiteral("M[,M...]"),
                 QStringLiteral("the explanation methods: gradcam, gradcampp, ig, smoothgrad, occlusion, rollout (attention\n"
                                "rollout, for the MViT clip models); with several, each writes DIR/NAME.METHOD.* (a folder: DIR/METHOD/)"))
        .byDefault(QStringLiteral("gradcam"));
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.text(QStringLiteral("--boxes"), QStringLiteral("B.json"), QStringLiteral("face boxes instead of detection, for one video"));
    options.text(QStringLiteral("--masks"), QStringLiteral("M"), QStringLiteral("manipulation masks for the metrics, for one video"));
    options.text(QStringLiteral("--original"), QStringLiteral("V"),
                 QStringLiteral("for one fake without --masks: the real video it was made from; their difference gives the masks"));
    options.integer(QStringLiteral("--difference-threshold"), 0, 254,
                    QStringLiteral("difference masks (--original, a DFDC folder's fakes): a pixel is manipulated where a channel\n"
                                   "differs by more than this, of 255"))
        .byDefault(QStringLiteral("25"));
    options.integer(QStringLiteral("--difference-median"), 1, 31, QStringLiteral("difference masks: the median filter's side (odd; 1: none)"))
        .byDefault(QStringLiteral("5"));
    options.integer(QStringLiteral("--max-frames"), 1, kNoLimit, QStringLiteral("the first N frames only"));
    options.integer(QStringLiteral("--every"), 1, 100000, QStringLiteral("explain every Nth frame")).byDefault(QStringLiteral("1"));
    options.integer(QStringLiteral("--size"), 32, 1024,
                    QStringLiteral("the face crop's side in pixels (default: the size it was trained at, from W.json, else 224)"));
    declareDeviceOption(options, QStringLiteral("where the detector runs"));
    options.integer(QStringLiteral("--batch"), 1, 256, QStringLiteral("faces scored and explained together")).byDefault(QStringLiteral("8"));
    options.flag(QStringLiteral("--export-clip"),
                 QStringLiteral("also DIR/NAME.explained.mp4: each explained frame with its heatmap, face box and the score strip"));
    options.choice(QStringLiteral("--colormap"), choicesOf(colormapNames()), QStringLiteral("the clip's and the figure's heatmap colours"))
        .byDefault(QStringLiteral("jet"));
    options.text(QStringLiteral("--figure"), QStringLiteral("F"),
                 QStringLiteral("for one video: a figure (.png, .svg or .pdf) of a few frames across and each method's map\n"
                                "over the face down, with the methods x metrics table"));
    options.integer(QStringLiteral("--figure-frames"), 1, 16, QStringLiteral("the figure's frames, spread over the explained ones"))
        .byDefault(QStringLiteral("4"));
    options.shardable();
    return options;
}

// A folder's summary for each method from its videos' records (items {"ordinal", "records": one
// per method}, in the folder's order): METHOD/folder.deepfake.json (DIR/folder.deepfake.json for
// one method) and a line per method. A run and `merge` both end through here.
MergeOutcome deepfakeFolderSummary(const json::Value &context, const std::vector<json::Value> &items, const QString &outDir)
{
    std::vector<std::string> methods;
    for (const json::Value &m : member(context, "methods").asArray())
        methods.push_back(m.asString());
    deepfake::VideoExplanationRequest common;
    common.weights = member(context, "weights").asString();
    common.architecture = member(context, "architecture").asString();
    common.difference.threshold = int(member(context, "difference_threshold").asInt64());
    common.difference.medianSize = int(member(context, "difference_median").asInt64());
    const std::string folder = member(context, "folder").asString(), layout = member(context, "layout").asString();
    const bool labelled = member(context, "labelled").asBool();
    MergeOutcome outcome;
    QStringList lines;
    int failedRuns = 0;
    for (std::size_t m = 0; m < methods.size(); ++m) {
        std::vector<json::Value> records;
        for (const json::Value &item : items) {
            const json::Array &perMethod = member(item, "records").asArray();
            if (perMethod.size() != methods.size())
                throw Error("a video's record has " + std::to_string(perMethod.size()) + " methods, not " + std::to_string(methods.size()));
            records.push_back(perMethod[m]);
        }
        common.method = methods[m];
        common.outFolder = (methods.size() > 1 ? QDir(outDir).filePath(QString::fromStdString(methods[m])) : outDir).toStdString();
        const deepfake::FolderExplanationResult result = deepfake::summarizeFolder(folder, layout, labelled, common, records);
        const auto number = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("none"); };
        lines << QStringLiteral("%1: %2 videos (%3 failed); ROC AUC %4, AP %5, log loss %6 -> %7")
                     .arg(QString::fromStdString(methods[m]))
                     .arg(result.videos)
                     .arg(result.failed)
                     .arg(number(result.detection.rocAuc), number(result.detection.averagePrecision), number(result.detection.logLoss),
                          QString::fromStdString(result.json));
        if (result.failed == result.videos) {
            outcome.failure = QStringLiteral("no video of %1 could be explained").arg(QString::fromStdString(folder));
            break;
        }
        failedRuns += result.failed > 0;
    }
    if (outcome.failure.isEmpty() && failedRuns > 0)
        outcome.failure = QStringLiteral("some videos could not be explained (each folder.deepfake.json says why)");
    outcome.text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return outcome;
}

// The frames x methods figure of one video's runs, with the metric table and a caption.
bool writeFigure(const QString &path, const QString &video, const QString &model, const std::vector<std::string> &methods,
                 const std::vector<deepfake::VideoExplanationResult> &results, const deepfake::ExplanationFigureOptions &figureOptions,
                 QString *error)
{
    try {
        const deepfake::ExplanationFigureData data = deepfake::explanationFigure(video.toStdString(), methods, results, figureOptions);
        QVector<DeepfakeMetricsRow> rows;
        for (std::size_t m = 0; m < methods.size(); ++m)
            rows.push_back({QString::fromStdString(methods[m]), results[m].metrics.summary});
        FigureOptions options;
        options.widthInches = 0.0; // as wide as the frames need
        options.caption = QStringLiteral("%1, %2: the face in %3 frames and each method's map over it; the metrics over the %4 explained "
                                         "frames (mean [95 % interval]).")
                              .arg(QFileInfo(video).fileName(), QFileInfo(model).fileName())
                              .arg(data.frames.size())
                              .arg(results.front().frames);
        return exportDeepfakeFigure(data, rows, options, path, error);
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
}

int runDeepfake(const QStringList &arguments)
{
    CliOptions options = deepfakeOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QStringList videos = options.positionalValues();
    std::vector<std::string> methods;
    for (const QString &name : options.value(QStringLiteral("--method")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::string method = name.trimmed().toStdString();
        const std::vector<std::string> known = deepfake::clipExplanationMethodNames();
        if (std::find(known.begin(), known.end(), method) == known.end())
            return options.usageError(QStringLiteral("--method %1 is not a method: gradcam, gradcampp, ig, smoothgrad, occlusion or rollout").arg(name));
        if (std::find(methods.begin(), methods.end(), method) == methods.end())
            methods.push_back(method);
    }
    if (methods.empty())
        return options.usageError(QStringLiteral("--method needs at least one method"));
    const bool severalMethods = methods.size() > 1;
    const QString figure = options.value(QStringLiteral("--figure"));
    if (!figure.isEmpty()) {
        const QString suffix = QFileInfo(figure).suffix().toLower();
        if (videos.size() != 1 || QFileInfo(videos.front()).isDir())
            return options.usageError(QStringLiteral("--figure draws one video: give one VIDEO with it"));
        if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
            return options.usageError(QStringLiteral("--figure writes .png, .svg or .pdf, not %1").arg(figure));
    }
    if ((options.isSet(QStringLiteral("--boxes")) || options.isSet(QStringLiteral("--masks")) || options.isSet(QStringLiteral("--original"))) &&
        (videos.size() != 1 || QFileInfo(videos.front()).isDir()))
        return options.usageError(QStringLiteral("--boxes, --masks and --original describe one video: give one VIDEO with them"));
    if (options.isSet(QStringLiteral("--masks")) && options.isSet(QStringLiteral("--original")))
        return options.usageError(QStringLiteral("--masks and --original both give the masks: give one of them"));
    if (options.integerValue(QStringLiteral("--difference-median")) % 2 == 0)
        return options.usageError(QStringLiteral("--difference-median must be odd"));
    const QString out = options.value(QStringLiteral("--out"));
    if (!QDir().mkpath(out))
        return options.failure(QStringLiteral("cannot create the folder %1").arg(out));
    deepfake::VideoExplanationRequest common;
    QString modelError;
    const QString weights = resolveDeepfakeModel(options.value(QStringLiteral("--model")), &modelError);
    if (weights.isEmpty())
        return options.failure(modelError);
    try {
        common.device = readDeviceOption(options);
        // The architecture and crop size the detector was trained with, unless given.
        const deepfake::DetectorSpec spec = deepfake::detectorSpecFor(weights.toStdString(), "gradcam");
        common.weights = spec.weights;
        common.architecture = options.isSet(QStringLiteral("--arch")) ? options.value(QStringLiteral("--arch")).toStdString() : spec.architecture;
        common.inputSize = options.isSet(QStringLiteral("--size")) ? int(options.integerValue(QStringLiteral("--size"))) : spec.inputSize;
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    common.batchFrames = options.integerValue(QStringLiteral("--batch"));
    common.exportClip = options.flagValue(QStringLiteral("--export-clip"));
    common.colormap = options.value(QStringLiteral("--colormap")).toStdString();
    common.outFolder = out.toStdString();
    common.difference.threshold = int(options.integerValue(QStringLiteral("--difference-threshold")));
    common.difference.medianSize = int(options.integerValue(QStringLiteral("--difference-median")));
    common.maxFrames = options.isSet(QStringLiteral("--max-frames")) ? options.integerValue(QStringLiteral("--max-frames")) : 0;
    common.every = options.integerValue(QStringLiteral("--every"));
    BatchRun run(options, arguments);
    if (videos.size() == 1 && QFileInfo(videos.front()).isDir()) {
        // A folder: its layout says each video's label, boxes and masks. Every shard lists it
        // whole; a video's path in it says whose the video is. With several methods, each
        // method's outputs in its own subfolder (folder.deepfake.json names one method).
        const QString folder = videos.front();
        deepfake::VideoFolder listed;
        try {
            listed = deepfake::readVideoFolder(folder.toStdString());
        } catch (const std::exception &e) {
            return options.failure(e);
        }
        const QDir root(QFileInfo(folder).absoluteFilePath());
        std::vector<deepfake::VideoExplanationRequest> requests;
        for (const std::string &method : methods) {
            deepfake::VideoExplanationRequest request = common;
            request.method = method;
            if (severalMethods)
                request.outFolder = QDir(out).filePath(QString::fromStdString(method)).toStdString();
            QDir().mkpath(QString::fromStdString(request.outFolder));
            requests.push_back(request);
        }
        try {
            for (std::size_t k = 0; k < listed.videos.size(); ++k) {
                if (!run.selection().ownsKey(root.relativeFilePath(QString::fromStdString(listed.videos[k].path))))
                    continue;
                json::Array records;
                for (const deepfake::VideoExplanationRequest &request : requests)
                    records.push_back(deepfake::explainFolderVideo(listed, folder.toStdString(), k, request,
                                                                   [](const std::string &line) { std::printf("%s\n", line.c_str()); }));
                run.add(int(k), json::Object{{"records", json::Value(std::move(records))}});
            }
            json::Array methodNames;
            for (const std::string &method : methods)
                methodNames.emplace_back(method);
            const json::Value context = json::Object{{"folder", root.absolutePath().toStdString()},
                                                     {"layout", listed.layout},
                                                     {"labelled", listed.labelled},
                                                     {"methods", json::Value(std::move(methodNames))},
                                                     {"weights", common.weights},
                                                     {"architecture", common.architecture},
                                                     {"difference_threshold", common.difference.threshold},
                                                     {"difference_median", common.difference.medianSize}};
            if (run.isShard())
                return run.finishShard(out, int(listed.videos.size()), context);
            const MergeOutcome outcome = deepfakeFolderSummary(context, run.items(), out);
            std::fputs(outcome.text.toUtf8().constData(), stdout);
            if (!outcome.failure.isEmpty())
                return options.failure(outcome.failure);
        } catch (const std::exception &e) {
            return options.failure(e);
        }
        return 0;
    }
    if (run.isShard())
        return options.usageError(QStringLiteral("--shard splits a folder of videos: give one DIR"));
    // Each video's outputs get their own name: videos of one name from different folders
    // (fake/x.mp4 and real/x.avi) would otherwise overwrite each other's results.
    QSet<QString> stemsTaken;
    int failed = 0;
    for (const QString &video : videos) {
        deepfake::VideoExplanationRequest request = common;
        request.video = video.toStdString();
        const QFileInfo info(video);
        QString stem = info.completeBaseName();
        if (stemsTaken.contains(stem))
            stem = info.dir().dirName() + QStringLiteral("-") + info.completeBaseName();
        for (int n = 2; stemsTaken.contains(stem); ++n)
            stem = info.completeBaseName() + QStringLiteral("-%1").arg(n);
        stemsTaken.insert(stem);
        request.boxes = options.value(QStringLiteral("--boxes")).toStdString();
        request.masks = options.value(QStringLiteral("--masks")).toStdString();
        request.original = options.value(QStringLiteral("--original")).toStdString();
        std::vector<deepfake::VideoExplanationResult> results;
        try {
            for (const std::string &method : methods) {
                request.method = method;
                request.outputStem = (severalMethods ? stem + QLatin1Char('.') + QString::fromStdString(method) : stem).toStdString();
                const deepfake::VideoExplanationResult result = deepfake::explainVideo(request);
                std::printf("%s%s%s: %lld frames, %lld with a face, score %s -> %s%s%s\n", qPrintable(video), severalMethods ? ", " : "",
                            severalMethods ? method.c_str() : "", static_cast<long long>(result.frames),
                            static_cast<long long>(result.framesWithFace),
                            std::isfinite(result.videoScore) ? qPrintable(QString::number(result.videoScore, 'f', 3)) : "none",
                            result.json.c_str(), result.clip.empty() ? "" : ", ", result.clip.c_str());
                results.push_back(result);
            }
        } catch (const std::exception &e) {
            if (videos.size() == 1)
                return options.failure(e);
            options.warn(QStringLiteral("%1: %2").arg(video, QString::fromUtf8(e.what())));
            ++failed;
            continue;
        }
        if (!figure.isEmpty()) {
            deepfake::ExplanationFigureOptions figureOptions;
            figureOptions.frames = int(options.integerValue(QStringLiteral("--figure-frames")));
            figureOptions.colormap = parseColormap(common.colormap);
            QString error;
            if (!writeFigure(figure, video, weights, methods, results, figureOptions, &error))
                return options.failure(QStringLiteral("%1: %2").arg(figure, error));
            std::printf("figure -> %s\n", qPrintable(figure));
        }
    }
    if (failed == videos.size())
        return options.failure(QStringLiteral("no video could be explained"));
    return failed > 0 ? 1 : 0;
}
} // namespace

CliCommand deepfakeCommand()
{
    return {QStringLiteral("deepfake"), QStringLiteral("score and explain videos with a frame or clip detector, with the explanation metrics"),
            true /* --figure draws text */, runDeepfake, deepfakeOptions,
            [](const MergedRun &run) { return deepfakeFolderSummary(run.context, run.items, run.folder); }};
}

} // namespace periscope::app
