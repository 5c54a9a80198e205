// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli train-deepfake: trains the DeepFake frame detector on a folder of labelled videos
// (what `periscope-cli fakes` writes), optionally with the total-variation regulariser on its
// Grad-CAM explanations (engine/deepfake/DetectorDataset.h); progress on stderr, a JSON summary on
// stdout.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/cli/TrainingOptions.h"
#include "app/cli/DeviceOption.h"

#include "engine/core/json/Json.h"
#include "engine/deepfake/DetectorDataset.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
CliOptions trainDeepfakeOptions()
{
    CliOptions options(
        QStringLiteral("train-deepfake"),
        QStringLiteral(
            "Trains a DeepFake frame detector (EfficientNet with one logit, torchvision's names), or a clip\n"
            "detector (MViT-v2, on runs of consecutive crops), on the videos of DIR, labelled by DIR/metadata.json (the DFDC layout `periscope-cli fakes` writes) or laid out as\n"
            "FaceForensics++ (original_sequences/, manipulated_sequences/). The face of every Nth frame is\n"
            "found and cropped as `periscope-cli deepfake` crops it; batches are pairs of consecutive crops\n"
            "of one video (same flip and colour change). Validation holds out whole\n"
            "originals with their fakes (with one original, its last frames) and reports ROC AUC, log loss\n"
            "and the spatial and temporal smoothness of Grad-CAM (docs/explanation-metrics.md). --tv-spatial\n"
            "and --tv-temporal add the total variation of the detector's own Grad-CAM to the loss, as\n"
            "Baldassarre et al. (BMVC 2022) study. AdamW with warm-up and cosine decay. Writes the weights\n"
            "after every epoch, FILE.json beside them and FILE.checkpoint.* to --resume from."));
    options.text(QStringLiteral("--data"), QStringLiteral("DIR"), QStringLiteral("the folder with metadata.json, or FaceForensics++'s")).require();
    const QStringList architectures = choicesOf(deepfake::frameDetectorArchitectures()) + choicesOf(deepfake::clipDetectorArchitectures());
    options.choice(QStringLiteral("--arch"), architectures,
                   QStringLiteral("the detector's architecture: a frame model, or a clip model (MViT-v2; its clip length and crop size are its own)"))
        .byDefault(QStringLiteral("efficientnet_b0"));
    options.text(QStringLiteral("--init"), QStringLiteral("FILE"), QStringLiteral("torchvision's ImageNet weights for the features"));
    options.integer(QStringLiteral("--size"), 32, 1024, QStringLiteral("the face crop's side in pixels")).byDefault(QStringLiteral("224"));
    options.integer(QStringLiteral("--every"), 1, 100000, QStringLiteral("a crop from every Nth frame")).byDefault(QStringLiteral("5"));
    options.integer(QStringLiteral("--max-frames"), 1, kNoLimit, QStringLiteral("the first N frames of each video only"));
    options.number(QStringLiteral("--tv-spatial"), 0.0, 1000.0, QStringLiteral("weight of Grad-CAM's spatial total variation"))
        .byDefault(QStringLiteral("0"));
    options.number(QStringLiteral("--tv-temporal"), 0.0, 1000.0, QStringLiteral("weight of Grad-CAM's change between frames"))
        .byDefault(QStringLiteral("0"));
    declareDeviceOption(options, QStringLiteral("where the network trains"));
    declareTrainingOptions(options, deepfake::DetectorTrainingRequest{}, {2, true});
    return options;
}

int runTrainDeepfake(const QStringList &arguments)
{
    CliOptions options = trainDeepfakeOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    deepfake::DetectorTrainingRequest request;
    readTrainingOptions(options, request);
    request.data = options.value(QStringLiteral("--data")).toStdString();
    request.architecture = options.value(QStringLiteral("--arch")).toStdString();
    if (request.batchSize % 2 != 0 && !deepfake::isClipArchitecture(request.architecture))
        return options.usageError(QStringLiteral("--batch-size must be even: a batch is pairs of consecutive frames"));
    request.initialWeights = options.value(QStringLiteral("--init")).toStdString();
    request.inputSize = int(options.integerValue(QStringLiteral("--size")));
    request.every = options.integerValue(QStringLiteral("--every"));
    if (options.isSet(QStringLiteral("--max-frames")))
        request.maxFramesPerVideo = options.integerValue(QStringLiteral("--max-frames"));
    request.spatialTvWeight = options.numberValue(QStringLiteral("--tv-spatial"));
    request.temporalTvWeight = options.numberValue(QStringLiteral("--tv-temporal"));
    try {
        request.device = readDeviceOption(options);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    if (!QFileInfo(options.value(QStringLiteral("--data"))).isDir())
        return options.failure(QStringLiteral("%1 is not a folder").arg(options.value(QStringLiteral("--data"))));
    try {
        const deepfake::DetectorTrainingReport report = deepfake::trainDetectorOnFolder(request, [](const std::string &line) {
            std::fprintf(stderr, "train-deepfake: %s\n", line.c_str());
            std::fflush(stderr);
        });
        json::Value out = report.toJson();
        out.set("architecture", request.architecture);
        std::fputs((out.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand trainDeepfakeCommand()
{
    return {QStringLiteral("train-deepfake"), QStringLiteral("train the DeepFake frame detector on real and fake videos"), false,
            runTrainDeepfake};
}

} // namespace periscope::app
