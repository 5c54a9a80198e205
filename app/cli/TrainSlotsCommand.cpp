// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli train-slots: self-supervised training of the object-centric model (ICLR-W 2022)
// on a scene folder or any folder of images, with progress on stderr and a JSON summary on stdout.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/cli/TrainingOptions.h"
#include "app/data/SlotImageSet.h"

#include "engine/core/errors/Error.h"
#include "engine/slots/SlotTraining.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
CliOptions trainSlotsOptions()
{
    CliOptions options(
        QStringLiteral("train-slots"),
        QStringLiteral(
            "Trains the object-centric model of Baldassarre & Azizpour (ICLR-W 2022) on the images in DIR: a\n"
            "scene folder (periscope-cli scenes, or CLEVR's scenes JSON and images) or any folder of images.\n"
            "Two augmented views per image (random resized crop 0.3-1, flip, colour jitter); NT-Xent on the\n"
            "global projections, the Hungarian-matched object loss on the slot projections (ctr_img: the\n"
            "other slots of the image's two views are the negatives; ctr_all: every other slot of the batch;\n"
            "sim_img: matched cosine only), temperature 0.1; AdamW with warm-up and cosine decay.\n"
            "--preset small (64 px in 4 px patches, 30 epochs, batches of 32: about 23 minutes for 1,000\n"
            "images on one CPU core) or paper (128 px, 50 epochs, batches of 64, for a GPU); --arch changes\n"
            "the network (heads=4, iterations=3, slots=11, dim=64, layers=4, image_size=..., as\n"
            "`periscope-cli slots --help` lists). Where the validation images have instance masks, each\n"
            "epoch reports the slot masks' mean IoU and foreground ARI, beside the untrained model's. Writes\n"
            "the weights after every epoch, FILE.json beside them and FILE.checkpoint.* to --resume from."));
    options.text(QStringLiteral("--data"), QStringLiteral("DIR"), QStringLiteral("the scene folder or folder of images")).require();
    options.choice(QStringLiteral("--preset"), {QStringLiteral("small"), QStringLiteral("paper")},
                   QStringLiteral("image size, epochs and batch size; the options below refine it"))
        .byDefault(QStringLiteral("small"));
    options.choice(QStringLiteral("--object-loss"), {QStringLiteral("ctr_img"), QStringLiteral("ctr_all"), QStringLiteral("sim_img")},
                   QStringLiteral("the slot loss"));
    options.number(QStringLiteral("--global-weight"), 0.0, 100.0, QStringLiteral("weight of the global NT-Xent loss"));
    options.number(QStringLiteral("--object-weight"), 0.0, 100.0, QStringLiteral("weight of the object loss"));
    options.number(QStringLiteral("--temperature"), 0.0, 10.0, QStringLiteral("temperature of both losses"), true);
    options.text(QStringLiteral("--arch"), QStringLiteral("KEY=VALUE"), QStringLiteral("changes one architecture setting")).repeat();
    options.text(QStringLiteral("--init"), QStringLiteral("FILE"), QStringLiteral("weights to start from"));
    declareTrainingOptions(options, slot::trainingPreset("small"), {2, true});
    return options;
}

int runTrainSlots(const QStringList &arguments)
{
    CliOptions options = trainSlotsOptions();
    options.imageLimit();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QString preset = options.value(QStringLiteral("--preset"));
    slot::SlotTrainingSettings settings;
    try {
        settings = slot::trainingPreset(preset.toStdString());
        for (const QString &arch : options.values(QStringLiteral("--arch")))
            settings.architecture = slot::parseArchOption(arch.toStdString(), settings.architecture);
    } catch (const Error &e) {
        return options.usageError(QString::fromUtf8(e.what()));
    }
    const QString data = options.value(QStringLiteral("--data"));
    readTrainingOptions(options, settings);
    if (options.isSet(QStringLiteral("--object-loss")))
        settings.objectLoss = options.value(QStringLiteral("--object-loss")).toStdString();
    if (options.isSet(QStringLiteral("--global-weight")))
        settings.globalWeight = options.numberValue(QStringLiteral("--global-weight"));
    if (options.isSet(QStringLiteral("--object-weight")))
        settings.objectWeight = options.numberValue(QStringLiteral("--object-weight"));
    if (options.isSet(QStringLiteral("--temperature")))
        settings.globalTemperature = settings.objectTemperature = options.numberValue(QStringLiteral("--temperature"));
    if (options.isSet(QStringLiteral("--init")))
        settings.initWeights = options.value(QStringLiteral("--init")).toStdString();
    if (settings.globalWeight + settings.objectWeight <= 0.0)
        return options.usageError(QStringLiteral("--global-weight and --object-weight cannot both be 0"));
    if (!QFileInfo(data).isDir())
        return options.failure(QStringLiteral("%1 is not a folder").arg(data));
    try {
        const SlotImageSet set = loadSlotImages({data});
        for (const QString &warning : set.warnings)
            options.warn(warning);
        if (set.images.size() < 4)
            return options.failure(QStringLiteral("%1 holds %2 readable images; at least 4 are needed").arg(data).arg(set.images.size()));
        std::vector<slot::SlotTrainingSample> samples;
        for (const SlotImage &image : set.images)
            samples.push_back({image.image, image.mask});
        std::fprintf(stderr, "train-slots: %zu images%s, preset %s\n", samples.size(), set.hasMasks ? " with masks" : "", qPrintable(preset));
        const slot::SlotTrainingSummary summary = slot::trainSlots(samples, settings, {}, [&](const slot::SlotEpoch &e) {
            if (e.validationIoU >= 0)
                std::fprintf(stderr, "epoch %d/%d: loss %.4f (global %.4f, objects %.4f), validation %.4f, IoU %.3f, FG-ARI %.3f (%.1f s)\n",
                             e.epoch, settings.epochs, e.trainLoss, e.globalLoss, e.objectLoss, e.validationLoss, e.validationIoU,
                             e.validationAri, e.seconds);
            else
                std::fprintf(stderr, "epoch %d/%d: loss %.4f (global %.4f, objects %.4f), validation %.4f (%.1f s)\n", e.epoch,
                             settings.epochs, e.trainLoss, e.globalLoss, e.objectLoss, e.validationLoss, e.seconds);
            std::fflush(stderr);
        });
        json::Value out = summary.toJson();
        out.set("weights", settings.outPath);
        out.set("preset", preset.toStdString());
        out.set("object_loss", settings.objectLoss);
        out.set("images", std::int64_t(samples.size()));
        out.set("masks", set.hasMasks);
        std::fputs((out.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand trainSlotsCommand()
{
    return {QStringLiteral("train-slots"), QStringLiteral("train the object-centric slot model (ICLR-W 2022) on scenes or images"), false,
            runTrainSlots};
}

} // namespace periscope::app
