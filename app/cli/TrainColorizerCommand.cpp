// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli train-colorizer: trains a Deep Koalarization colorizer on a folder of colour
// photos (self-supervised), with progress on stderr and a JSON summary on stdout.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/cli/TrainingOptions.h"
#include "app/data/ImageInputs.h"

#include "engine/colorize/ColorizerTraining.h"
#include "engine/colorize/Colorizer.h"
#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
CliOptions trainColorizerOptions()
{
    const colorize::ColorizerTrainingSettings defaults;
    CliOptions options(
        QStringLiteral("train-colorizer"),
        QStringLiteral(
            "Trains a colorizer (Deep Koalarization unless --arch names Zhang et al.'s eccv16 or siggraph17) on\n"
            "the colour photos in DIR and its sub-folders: random crops and flips at --size, MSE on ab, a\n"
            "validation split with the predict-gray baseline beside it. --loss rebalanced trains Zhang's\n"
            "networks with their class-rebalanced cross-entropy over colour classes; --init starts from\n"
            "weights (e.g. the authors' .pth, to fine-tune). --width divides every layer's channels (1: the\n"
            "published network). --temperature is eccv16's annealed mean, kept with the weights. --inception\n"
            "gives Inception-ResNet-v2 weights (timm's names) whose logits are the global features, frozen, as\n"
            "in the paper; without it a small branch is trained jointly in their place. The rate warms up for\n"
            "an epoch, then decays (cosine) to 1 % of --lr. Gray photos are skipped with a warning. Writes the\n"
            "weights after every epoch (with --keep-best, only when the validation loss is the lowest yet: the\n"
            "sidecar's best_epoch), FILE.json beside them and FILE.checkpoint.* to --resume from."));
    options.text(QStringLiteral("--data"), QStringLiteral("DIR"), QStringLiteral("the folder of colour photos")).require();
    options.integer(QStringLiteral("--size"), 64, 1024, QStringLiteral("the crop side the network trains at"))
        .byDefault(QString::number(defaults.size))
        .validatedBy([](const QString &value) { return value.trimmed().toLongLong() % 8 == 0; }, QStringLiteral("a multiple of 8 in [64, 1024]"));
    options.choice(QStringLiteral("--arch"), {QStringLiteral("koalarization"), QStringLiteral("eccv16"), QStringLiteral("siggraph17")},
                   QStringLiteral("the network"))
        .byDefault(QString::fromStdString(defaults.architecture));
    options.choice(QStringLiteral("--loss"), {QStringLiteral("mse"), QStringLiteral("rebalanced")}, QStringLiteral("the loss on ab"))
        .byDefault(QString::fromStdString(defaults.loss));
    options.text(QStringLiteral("--init"), QStringLiteral("FILE"), QStringLiteral("weights to start from"));
    options.choice(QStringLiteral("--width"), {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4"), QStringLiteral("8")},
                   QStringLiteral("divides every layer's channels"))
        .byDefault(QString::number(defaults.width));
    options.text(QStringLiteral("--inception"), QStringLiteral("FILE"), QStringLiteral("Inception-ResNet-v2 weights for the global features"));
    options.number(QStringLiteral("--temperature"), colorize::Colorizer::kMinTemperature, 1.0, QStringLiteral("eccv16's annealed-mean temperature, kept with the weights"))
        .byDefault(QString::number(defaults.temperature));
    options.number(QStringLiteral("--weight-decay"), 0.0, 1.0, QStringLiteral("Adam's L2 penalty (Zhang et al.: 0.001)"), false, true)
        .byDefault(QString::number(defaults.weightDecay));
    options.flag(QStringLiteral("--keep-best"), QStringLiteral("keep the weights of the epoch with the lowest validation loss"));
    declareTrainingOptions(options, defaults);
    return options;
}

int runTrainColorizer(const QStringList &arguments)
{
    CliOptions options = trainColorizerOptions();
    options.imageLimit();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    colorize::ColorizerTrainingSettings settings;
    readTrainingOptions(options, settings);
    const QString data = options.value(QStringLiteral("--data"));
    settings.size = int(options.integerValue(QStringLiteral("--size")));
    settings.architecture = options.value(QStringLiteral("--arch")).toStdString();
    settings.loss = options.value(QStringLiteral("--loss")).toStdString();
    settings.width = int(options.integerValue(QStringLiteral("--width")));
    settings.initWeights = options.value(QStringLiteral("--init")).toStdString();
    settings.inceptionWeights = options.value(QStringLiteral("--inception")).toStdString();
    settings.temperature = options.numberValue(QStringLiteral("--temperature"));
    settings.weightDecay = options.numberValue(QStringLiteral("--weight-decay"));
    settings.keepBest = options.flagValue(QStringLiteral("--keep-best"));
    if (!QFileInfo(data).isDir())
        return options.failure(QStringLiteral("%1 is not a folder").arg(data));

    std::vector<Image> photos;
    int skipped = 0;
    for (const QString &path : imageFilesIn(data)) {
        try {
            const media::ImageFile file = media::readImage(path.toStdString());
            if (file.isGrayscale || file.hasAlpha || file.pixels.channels() != 3) {
                options.warn(QStringLiteral("%1 skipped (%2)").arg(path, file.isGrayscale ? QStringLiteral("gray: no colour to learn")
                                                                                         : QStringLiteral("not an RGB photo")));
                ++skipped;
                continue;
            }
            photos.push_back(file.pixels);
        } catch (const std::exception &e) {
            options.warn(QStringLiteral("%1 skipped (%2)").arg(path, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
            ++skipped;
        }
    }
    if (photos.size() < 2)
        return options.failure(QStringLiteral("%1 holds %2 colour photos; at least 2 are needed").arg(data).arg(photos.size()));
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
        return options.failure(e);
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
