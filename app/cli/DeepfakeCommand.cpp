// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli deepfake: a detector's score and explanation of each video, frame by frame, in
// full-frame pixels, with the explanation metrics (engine/deepfake/VideoExplainer.h).
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "app/cli/DeviceOption.h"
#include "app/models/BuiltInDeepfakeModels.h"
#include "engine/core/color/Colormap.h"
#include "engine/deepfake/DetectorDataset.h"
#include "engine/deepfake/FrameExplanations.h"
#include "engine/deepfake/VideoExplainer.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

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
    options.choice(QStringLiteral("--method"),
                   {QStringLiteral("gradcam"), QStringLiteral("gradcampp"), QStringLiteral("ig"), QStringLiteral("smoothgrad"),
                    QStringLiteral("occlusion"), QStringLiteral("rollout")},
                   QStringLiteral("the explanation method (rollout: attention rollout, for the MViT clip models)"))
        .byDefault(QStringLiteral("gradcam"));
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.text(QStringLiteral("--boxes"), QStringLiteral("B.json"), QStringLiteral("face boxes instead of detection, for one video"));
    options.text(QStringLiteral("--masks"), QStringLiteral("M"), QStringLiteral("manipulation masks for the metrics, for one video"));
    options.integer(QStringLiteral("--max-frames"), 1, kNoLimit, QStringLiteral("the first N frames only"));
    options.integer(QStringLiteral("--every"), 1, 100000, QStringLiteral("explain every Nth frame")).byDefault(QStringLiteral("1"));
    options.integer(QStringLiteral("--size"), 32, 1024,
                    QStringLiteral("the face crop's side in pixels (default: the size it was trained at, from W.json, else 224)"));
    declareDeviceOption(options, QStringLiteral("where the detector runs"));
    options.integer(QStringLiteral("--batch"), 1, 256, QStringLiteral("faces scored and explained together")).byDefault(QStringLiteral("8"));
    options.flag(QStringLiteral("--export-clip"),
                 QStringLiteral("also DIR/NAME.explained.mp4: each explained frame with its heatmap, face box and the score strip"));
    options.choice(QStringLiteral("--colormap"), choicesOf(colormapNames()), QStringLiteral("the clip's heatmap colours"))
        .byDefault(QStringLiteral("jet"));
    return options;
}

int runDeepfake(const QStringList &arguments)
{
    CliOptions options = deepfakeOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QStringList videos = options.positionalValues();
    if ((options.isSet(QStringLiteral("--boxes")) || options.isSet(QStringLiteral("--masks"))) && videos.size() != 1)
        return options.usageError(QStringLiteral("--boxes and --masks describe one video: give one VIDEO with them"));
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
    common.method = options.value(QStringLiteral("--method")).toStdString();
    common.outFolder = out.toStdString();
    common.maxFrames = options.isSet(QStringLiteral("--max-frames")) ? options.integerValue(QStringLiteral("--max-frames")) : 0;
    common.every = options.integerValue(QStringLiteral("--every"));
    if (videos.size() == 1 && QFileInfo(videos.front()).isDir()) {
        // A folder: its layout says each video's label, boxes and masks.
        try {
            const deepfake::FolderExplanationResult result =
                deepfake::explainFolder(videos.front().toStdString(), common, [](const std::string &line) { std::printf("%s\n", line.c_str()); });
            const auto number = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("none"); };
            std::printf("%d videos (%d failed); ROC AUC %s, AP %s, log loss %s -> %s\n", result.videos, result.failed,
                        qPrintable(number(result.detection.rocAuc)), qPrintable(number(result.detection.averagePrecision)),
                        qPrintable(number(result.detection.logLoss)), result.json.c_str());
            if (result.failed == result.videos)
                return options.failure(QStringLiteral("no video of %1 could be explained").arg(videos.front()));
            return result.failed > 0 ? 1 : 0;
        } catch (const std::exception &e) {
            return options.failure(e);
        }
    }
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
        request.outputStem = stem.toStdString();
        request.method = options.value(QStringLiteral("--method")).toStdString();
        request.outFolder = out.toStdString();
        request.boxes = options.value(QStringLiteral("--boxes")).toStdString();
        request.masks = options.value(QStringLiteral("--masks")).toStdString();
        request.maxFrames = options.isSet(QStringLiteral("--max-frames")) ? options.integerValue(QStringLiteral("--max-frames")) : 0;
        request.every = options.integerValue(QStringLiteral("--every"));
        try {
            const deepfake::VideoExplanationResult result = deepfake::explainVideo(request);
            std::printf("%s: %lld frames, %lld with a face, score %s -> %s%s%s\n", qPrintable(video), static_cast<long long>(result.frames),
                        static_cast<long long>(result.framesWithFace),
                        std::isfinite(result.videoScore) ? qPrintable(QString::number(result.videoScore, 'f', 3)) : "none",
                        result.json.c_str(), result.clip.empty() ? "" : ", ", result.clip.c_str());
        } catch (const std::exception &e) {
            if (videos.size() == 1)
                return options.failure(e);
            options.warn(QStringLiteral("%1: %2").arg(video, QString::fromUtf8(e.what())));
            ++failed;
        }
    }
    if (failed == videos.size())
        return options.failure(QStringLiteral("no video could be explained"));
    return failed > 0 ? 1 : 0;
}
} // namespace

CliCommand deepfakeCommand()
{
    return {QStringLiteral("deepfake"), QStringLiteral("score and explain videos with a frame or clip detector, with the explanation metrics"), false,
            runDeepfake};
}

} // namespace periscope::app
