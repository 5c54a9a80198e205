// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli train-slots: self-supervised training of the object-centric model (ICLR-W 2022)
// on a scene folder or any folder of images, with progress on stderr and a JSON summary on stdout.
#include "app/cli/CliCommands.h"
#include "app/workspaces/slots/SlotImageSet.h"

#include "engine/core/errors/Error.h"
#include "engine/slots/SlotTraining.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
const char *const kUsage =
    "usage: periscope-cli train-slots --data DIR --out FILE.safetensors [--preset small|paper] [--epochs N]\n"
    "                                 [--batch-size N] [--lr X] [--object-loss ctr_img|ctr_all|sim_img]\n"
    "                                 [--global-weight X] [--object-weight X] [--temperature X]\n"
    "                                 [--arch KEY=VALUE]... [--init FILE] [--seed N] [--validation X] [--resume]\n"
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
    "the weights after every epoch, FILE.json beside them and FILE.checkpoint.* to --resume from.\n";

int fail(const QString &message)
{
    return cliFail(2, QStringLiteral("train-slots: ") + message);
}

int runTrainSlots(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    // The preset first: the other options refine it.
    QString preset = QStringLiteral("small");
    for (int i = 0; i + 1 < arguments.size(); ++i)
        if (arguments[i] == QLatin1String("--preset"))
            preset = arguments[i + 1];
    slot::SlotTrainingSettings settings;
    try {
        settings = slot::trainingPreset(preset.toStdString());
    } catch (const Error &e) {
        return fail(QString::fromUtf8(e.what()));
    }
    QString data;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &option = arguments[i];
        if (option == QLatin1String("--resume")) {
            settings.resume = true;
            continue;
        }
        if (i + 1 >= arguments.size())
            return fail(QStringLiteral("%1 needs a value (try --help)").arg(option));
        const QString value = arguments[++i];
        bool ok = false;
        const double number = value.toDouble(&ok);
        auto integer = [&](double low, double high) { return ok && number == std::floor(number) && number >= low && number <= high; };
        auto bad = [&](const char *what) { return fail(QStringLiteral("%1 takes %2, not '%3'").arg(option, QLatin1String(what), value)); };
        if (option == QLatin1String("--data")) {
            data = value;
        } else if (option == QLatin1String("--out")) {
            settings.outPath = value.toStdString();
        } else if (option == QLatin1String("--preset")) {
            continue; // read above
        } else if (option == QLatin1String("--epochs")) {
            if (!integer(1, 100000))
                return bad("an integer in [1, 100000]");
            settings.epochs = int(number);
        } else if (option == QLatin1String("--batch-size")) {
            if (!integer(2, 4096))
                return bad("an integer in [2, 4096]");
            settings.batchSize = int(number);
        } else if (option == QLatin1String("--lr")) {
            if (!ok || !(number > 0.0 && number <= 1.0))
                return bad("a number in (0, 1]");
            settings.learningRate = number;
        } else if (option == QLatin1String("--object-loss")) {
            if (value != QLatin1String("ctr_img") && value != QLatin1String("ctr_all") && value != QLatin1String("sim_img"))
                return bad("ctr_img, ctr_all or sim_img");
            settings.objectLoss = value.toStdString();
        } else if (option == QLatin1String("--global-weight") || option == QLatin1String("--object-weight")) {
            if (!ok || !(number >= 0.0 && number <= 100.0))
                return bad("a number in [0, 100]");
            (option == QLatin1String("--global-weight") ? settings.globalWeight : settings.objectWeight) = number;
        } else if (option == QLatin1String("--temperature")) {
            if (!ok || !(number > 0.0 && number <= 10.0))
                return bad("a number in (0, 10]");
            settings.globalTemperature = settings.objectTemperature = number;
        } else if (option == QLatin1String("--arch")) {
            try {
                settings.architecture = slot::parseArchOption(value.toStdString(), settings.architecture);
            } catch (const Error &e) {
                return fail(QString::fromUtf8(e.what()));
            }
        } else if (option == QLatin1String("--init")) {
            settings.initWeights = value.toStdString();
        } else if (option == QLatin1String("--seed")) {
            settings.seed = value.toULongLong(&ok);
            if (!ok)
                return bad("a non-negative integer");
        } else if (option == QLatin1String("--validation")) {
            if (!ok || !(number > 0.0 && number <= 0.9))
                return bad("a fraction in (0, 0.9]");
            settings.validationFraction = number;
        } else {
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(option));
        }
    }
    if (data.isEmpty())
        return fail(QStringLiteral("--data DIR is required"));
    if (settings.outPath.empty())
        return fail(QStringLiteral("--out FILE.safetensors is required"));
    if (settings.globalWeight + settings.objectWeight <= 0.0)
        return fail(QStringLiteral("--global-weight and --object-weight cannot both be 0"));
    if (!QFileInfo(data).isDir())
        return cliFail(1, QStringLiteral("train-slots: %1 is not a folder").arg(data));
    try {
        const SlotImageSet set = loadSlotImages({data});
        for (const QString &warning : set.warnings)
            std::fprintf(stderr, "train-slots: warning: %s\n", qPrintable(warning));
        if (set.images.size() < 4)
            return cliFail(1, QStringLiteral("train-slots: %1 holds %2 readable images; at least 4 are needed").arg(data).arg(set.images.size()));
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
        return cliFail(QStringLiteral("train-slots"), e);
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
