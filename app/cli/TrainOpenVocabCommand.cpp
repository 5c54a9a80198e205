// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli train-open-vocab: the small dino.txt (Jose et al., CVPR 2025) trained on a scene
// folder over the frozen Slots ViT, with progress on stderr and a JSON summary on stdout.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/cli/TrainingOptions.h"
#include "app/data/SlotImageSet.h"
#include "app/models/BuiltInSlotModels.h"

#include "engine/core/errors/Error.h"
#include "engine/openvocab/OpenVocabTraining.h"

#include <QFileInfo>

#include <cstdio>

namespace periscope::app {

namespace {
int runTrainOpenVocab(const QStringList &arguments)
{
    const openvocab::OpenVocabTrainingSettings defaults;
    CliOptions options(
        QStringLiteral("train-open-vocab"),
        QStringLiteral(
            "Trains a small dino.txt (Jose et al., CVPR 2025) on a scene folder (periscope-cli scenes): the Slots\n"
            "model's ViT (--backbone) stays frozen as DINOv2 does in the paper; dino.txt's vision head (SwiGLU\n"
            "blocks with LayerScale, then ln_final; image embedding = [CLS] and the mean patch token) and a\n"
            "causal text encoder over whole words learn with CLIP's contrastive loss and a learnable\n"
            "temperature; every caption of the batch that holds for an image is a positive of it. Captions are\n"
            "drawn from each scene's objects (\"a large red metal sphere\", \"two metal cubes\", \"two cubes and\n"
            "a cylinder\"); every image is also seen mirrored. Where the scenes have masks, a region term\n"
            "(--region-weight) puts one object's mean patch token and the floor's against the captions' patch\n"
            "halves, which the dense maps need at this scale. After each epoch,\n"
            "on the held-out scenes: the loss, image-to-caption accuracy, and the prompt mIoU of colours,\n"
            "shapes, materials and sizes (\"red objects\", \"spheres\", ...) against the masks, at the\n"
            "background threshold that scores best there (kept in the weights as the model's suggestion).\n"
            "Writes FILE (safetensors, its word list and backbone in the metadata) after every epoch and\n"
            "FILE.json beside it."));
    options.text(QStringLiteral("--data"), QStringLiteral("DIR"), QStringLiteral("a scene folder with its JSON (and masks, for the mIoU)")).require();
    options.text(QStringLiteral("--backbone"), QStringLiteral("NAME|FILE"),
                 QStringLiteral("the frozen Slots model: %1 (built in) or weights; a file must stay beside the weights written")
                     .arg(builtInSlotModelName()))
        .byDefault(builtInSlotModelName());
    options.integer(QStringLiteral("--head-blocks"), 0, 8, QStringLiteral("blocks of the vision head")).byDefault(QString::number(defaults.headBlocks));
    options.integer(QStringLiteral("--text-width"), 64, 1024, QStringLiteral("the text encoder's width (a multiple of 64)"))
        .byDefault(QString::number(defaults.textWidth));
    options.integer(QStringLiteral("--text-layers"), 1, 24, QStringLiteral("the text encoder's blocks")).byDefault(QString::number(defaults.textLayers));
    options.integer(QStringLiteral("--captions"), 1, 256, QStringLiteral("captions drawn per scene")).byDefault(QString::number(defaults.captionsPerImage));
    options.number(QStringLiteral("--region-weight"), 0.0, 100.0, QStringLiteral("weight of the region term (0: the paper's loss only)"))
        .byDefault(QString::number(defaults.regionWeight));
    options.number(QStringLiteral("--weight-decay"), 0.0, 10.0, QStringLiteral("AdamW's weight decay")).byDefault(QString::number(defaults.weightDecay));
    declareTrainingOptions(options, defaults, {2, false});
    options.imageLimit();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    openvocab::OpenVocabTrainingSettings settings;
    readTrainingOptions(options, settings);
    settings.headBlocks = int(options.integerValue(QStringLiteral("--head-blocks")));
    settings.textWidth = int(options.integerValue(QStringLiteral("--text-width")));
    settings.textLayers = int(options.integerValue(QStringLiteral("--text-layers")));
    settings.captionsPerImage = int(options.integerValue(QStringLiteral("--captions")));
    settings.weightDecay = options.numberValue(QStringLiteral("--weight-decay"));
    settings.regionWeight = options.numberValue(QStringLiteral("--region-weight"));
    if (settings.textWidth % 64 != 0)
        return options.usageError(QStringLiteral("--text-width must be a multiple of 64 (dino.txt's heads are 64 wide)"));
    const QString data = options.value(QStringLiteral("--data"));
    if (!QFileInfo(data).isDir() || !isSceneFolder(data))
        return options.failure(QStringLiteral("%1 is not a scene folder (periscope-cli scenes writes one)").arg(data));
    const QString backbone = options.value(QStringLiteral("--backbone"));
    QString error;
    const QString backbonePath = resolveSlotModel(backbone, &error);
    if (backbonePath.isEmpty())
        return options.failure(error);
    settings.backbonePath = backbonePath.toStdString();
    settings.backboneName = (backbone == builtInSlotModelName() ? backbone : QFileInfo(backbonePath).fileName()).toStdString();
    try {
        const SlotImageSet set = loadSlotImages({data});
        for (const QString &warning : set.warnings)
            options.warn(warning);
        std::vector<openvocab::OpenVocabTrainingSample> samples;
        for (const SlotImage &image : set.images)
            samples.push_back({image.image, image.mask, image.objects});
        std::fprintf(stderr, "train-open-vocab: %zu scenes%s, backbone %s\n", samples.size(), set.hasMasks ? " with masks" : "",
                     qPrintable(backbonePath));
        const openvocab::OpenVocabTrainingSummary summary = openvocab::trainOpenVocab(samples, settings, {}, [&](const openvocab::OpenVocabEpoch &e) {
            std::fprintf(stderr, "epoch %d/%d: loss %.4f, validation %.4f, caption accuracy %.3f", e.epoch, settings.epochs, e.trainLoss,
                         e.validationLoss, e.validationAccuracy);
            if (e.validationMiou >= 0)
                std::fprintf(stderr, ", prompt mIoU %.3f at background %.2f", e.validationMiou, e.background);
            std::fprintf(stderr, ", scale %.1f (%.1f s)\n", e.logitScale, e.seconds);
            std::fflush(stderr);
        });
        json::Value out = summary.toJson();
        out.set("weights", settings.outPath);
        out.set("backbone", settings.backboneName);
        out.set("masks", set.hasMasks);
        std::fputs((out.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand trainOpenVocabCommand()
{
    return {QStringLiteral("train-open-vocab"), QStringLiteral("train a small dino.txt on scenes over the Slots ViT"), false, runTrainOpenVocab};
}

} // namespace periscope::app
