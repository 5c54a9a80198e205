// SPDX-License-Identifier: GPL-3.0-or-later
// The options every training command shares (train-colorizer, train-graph, train-slots, and the
// workspaces to come): where the weights go, epochs, batch size, learning rate, the seeded split
// and resuming. Each engine's settings struct has these fields under the same names.
#pragma once

#include "app/cli/CliOptions.h"

#include <cstdint>

namespace periscope::app {

struct TrainingOptionLimits {
    int minBatchSize = 1; // contrastive losses need two images in a batch
    bool holdOutRequired = false; // the validation split may not be empty
};

template <typename Settings>
void declareTrainingOptions(CliOptions &options, const Settings &defaults, TrainingOptionLimits limits = {})
{
    options.text(QStringLiteral("--out"), QStringLiteral("FILE.safetensors"),
                 QStringLiteral("the weights to write after every epoch, FILE.json beside them"))
        .require()
        .output();
    options.integer(QStringLiteral("--epochs"), 1, 100000, QStringLiteral("training epochs")).byDefault(QString::number(defaults.epochs));
    options.integer(QStringLiteral("--batch-size"), limits.minBatchSize, 100000, QStringLiteral("examples per batch"))
        .byDefault(QString::number(defaults.batchSize));
    options.number(QStringLiteral("--lr"), 0.0, 10.0, QStringLiteral("learning rate"), true).byDefault(QString::number(defaults.learningRate));
    options.integer(QStringLiteral("--seed"), 0, kNoLimit, QStringLiteral("seed of the split, the data order and the initial weights"))
        .byDefault(QString::number(defaults.seed));
    options.number(QStringLiteral("--validation"), 0.0, 0.9, QStringLiteral("fraction held out for validation"), limits.holdOutRequired)
        .byDefault(QString::number(defaults.validationFraction));
    options.flag(QStringLiteral("--resume"), QStringLiteral("continue from FILE.checkpoint.* when it exists"));
}

// Reads what declareTrainingOptions declared into `settings`, leaving the defaults of options
// that were not given (a preset's, say).
template <typename Settings>
void readTrainingOptions(const CliOptions &options, Settings &settings)
{
    settings.outPath = options.value(QStringLiteral("--out")).toStdString();
    settings.resume = options.flagValue(QStringLiteral("--resume"));
    if (options.isSet(QStringLiteral("--epochs")))
        settings.epochs = int(options.integerValue(QStringLiteral("--epochs")));
    if (options.isSet(QStringLiteral("--batch-size")))
        settings.batchSize = int(options.integerValue(QStringLiteral("--batch-size")));
    if (options.isSet(QStringLiteral("--lr")))
        settings.learningRate = options.numberValue(QStringLiteral("--lr"));
    if (options.isSet(QStringLiteral("--seed")))
        settings.seed = std::uint64_t(options.integerValue(QStringLiteral("--seed")));
    if (options.isSet(QStringLiteral("--validation")))
        settings.validationFraction = options.numberValue(QStringLiteral("--validation"));
}

} // namespace periscope::app
