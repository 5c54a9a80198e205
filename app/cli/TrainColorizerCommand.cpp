// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli train-colorizer: trains a Deep Koalarization colorizer on a folder of colour
// photos (self-supervised), with progress on stderr and a JSON summary on stdout.
#include "app/cli/CliCommands.h"
#include "app/shell/ImageInputs.h"

#include "engine/colorize/ColorizerTraining.h"
#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
const char *const kUsage =
    "usage: periscope-cli train-colorizer --data DIR --out FILE.safetensors [--epochs N] [--size N]\n"
    "                                     [--arch koalarization|eccv16|siggraph17] [--loss mse|rebalanced]\n"
    "                                     [--init FILE] [--width 1|2|4|8] [--inception FILE]\n"
    "                                     [--batch-size N] [--lr X] [--seed N] [--validation X] [--resume]\n"
    "Trains a colorizer (Deep Koalarization unless --arch names Zhang et al.'s eccv16 or siggraph17) on\n"
    "the colour photos in DIR\n"
    "and its sub-folders: random crops and flips at --size (default 224), MSE on ab, a validation\n"
    "split with the predict-gray baseline beside it. --loss rebalanced trains Zhang's networks with\n"
    "their class-rebalanced cross-entropy over colour classes; --init starts from weights (e.g. the\n"
    "authors' .pth, to fine-tune). --width divides every layer's channels (1: the\n"
    "published network; 2: the built-in demo model's). --inception gives Inception-ResNet-v2 weights\n"
    "(timm's names) whose logits are the global features, frozen, as in the paper; without it a small\n"
    "branch is trained jointly in their place. Gray photos are skipped with a warning. Writes\n"
    "the weights after every epoch, FILE.json beside them and FILE.checkpoint.* to --resume from.\n";

int fail(const QString &message)
{
    return cliFail(2, QStringLiteral("train-colorizer: ") + message);
}

int runTrainColorizer(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    colorize::ColorizerTrainingSettings settings;
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
        } else if (option == QLatin1String("--epochs")) {
            if (!integer(1, 100000))
                return bad("an integer in [1, 100000]");
            settings.epochs = int(number);
        } else if (option == QLatin1String("--size")) {
            if (!integer(64, 1024) || int(number) % 8 != 0)
                return bad("a multiple of 8 in [64, 1024]");
            settings.size = int(number);
        } else if (option == QLatin1String("--arch")) {
            if (value != QLatin1String("koalarization") && value != QLatin1String("eccv16") && value != QLatin1String("siggraph17"))
                return bad("koalarization, eccv16 or siggraph17");
            settings.architecture = value.toStdString();
        } else if (option == QLatin1String("--loss")) {
            if (value != QLatin1String("mse") && value != QLatin1String("rebalanced"))
                return bad("mse or rebalanced");
            settings.loss = value.toStdString();
        } else if (option == QLatin1String("--init")) {
            settings.initWeights = value.toStdString();
        } else if (option == QLatin1String("--inception")) {
            settings.inceptionWeights = value.toStdString();
        } else if (option == QLatin1String("--width")) {
            if (!(ok && (number == 1 || number == 2 || number == 4 || number == 8)))
                return bad("1, 2, 4 or 8");
            settings.width = int(number);
        } else if (option == QLatin1String("--batch-size")) {
            if (!integer(1, 4096))
                return bad("an integer in [1, 4096]");
            settings.batchSize = int(number);
        } else if (option == QLatin1String("--lr")) {
            if (!ok || !(number > 0.0 && number <= 1.0))
                return bad("a number in (0, 1]");
            settings.learningRate = number;
        } else if (option == QLatin1String("--seed")) {
            settings.seed = value.toULongLong(&ok);
            if (!ok)
                return bad("a non-negative integer");
        } else if (option == QLatin1String("--validation")) {
            if (!ok || !(number >= 0.0 && number <= 0.9))
                return bad("a fraction in [0, 0.9]");
            settings.validationFraction = number;
        } else {
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(option));
        }
    }
    if (data.isEmpty())
        return fail(QStringLiteral("--data DIR is required"));
    if (settings.outPath.empty())
        return fail(QStringLiteral("--out FILE.safetensors is required"));
    if (!QFileInfo(data).isDir())
        return cliFail(1, QStringLiteral("train-colorizer: %1 is not a folder").arg(data));

    std::vector<Image> photos;
    int skipped = 0;
    for (const QString &path : imageFilesIn(data)) {
        try {
            const media::ImageFile file = media::readImage(path.toStdString());
            if (file.isGrayscale || file.hasAlpha || file.pixels.channels() != 3) {
                std::fprintf(stderr, "train-colorizer: warning: %s skipped (%s)\n", qPrintable(path),
                             file.isGrayscale ? "gray: no colour to learn" : "not an RGB photo");
                ++skipped;
                continue;
            }
            photos.push_back(file.pixels);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "train-colorizer: warning: %s skipped (%s)\n", qPrintable(path), e.what());
            ++skipped;
        }
    }
    if (photos.size() < 2)
        return cliFail(1, QStringLiteral("train-colorizer: %1 holds %2 colour photos; at least 2 are needed").arg(data).arg(photos.size()));
    try {
        const colorize::ColorizerTrainingSummary summary =
            colorize::trainColorizer(photos, settings, {}, [&](const colorize::ColorizerEpoch &e) {
                std::fprintf(stderr, "epoch %d/%d: train %.5f, validation %.5f (predict-gray %.5f) (%.1f s)\n", e.epoch, settings.epochs,
                             e.trainLoss, e.validationLoss, e.grayBaselineLoss, e.seconds);
                std::fflush(stderr);
            });
        json::Value out = summary.toJson();
        out.set("weights", settings.outPath);
        out.set("architecture", settings.architecture);
        out.set("loss", settings.loss);
        out.set("photos", std::int64_t(photos.size()));
        out.set("skipped", skipped);
        std::fputs((out.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return cliFail(QStringLiteral("train-colorizer"), e);
    }
    return 0;
}
} // namespace

CliCommand trainColorizerCommand()
{
    return {QStringLiteral("train-colorizer"), QStringLiteral("train a Koalarization colorizer on a folder of colour photos"), false,
            runTrainColorizer};
}

} // namespace periscope::app
