// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli train-graph: trains the paper's InfectionGN on generated infection graphs or a
// SolubilityGN on molecules (built-in NCI set or a user's SMILES/SDF/CSV), with progress on
// stderr and a JSON summary on stdout.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/cli/TrainingOptions.h"

#include "engine/chem/molecules/Molecule.h"
#include "engine/chem/molecules/MoleculeFiles.h"
#include "engine/core/errors/Error.h"
#include "engine/graphs/GraphTraining.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
CliOptions trainGraphOptions()
{
    const graphs::GraphTrainingSettings defaults;
    CliOptions options(
        QStringLiteral("train-graph"),
        QStringLiteral(
            "Trains a graph network of Baldassarre & Azizpour (ICML-W 2019). Infection graphs are generated with\n"
            "the paper's training parameters (--graphs N). Molecules come from FILE (.smi, .sdf or .csv) or,\n"
            "without --data, from rdkit-data's NCI set; their target is RDKit's ESOL estimate (esol, default),\n"
            "Crippen logP (logp) or a CSV column (measured, with --target-column). Writes the weights after\n"
            "every epoch, FILE.json beside them (architecture, aggregation, metrics) and FILE.checkpoint.* to\n"
            "--resume from. Progress goes to stderr, a JSON summary to stdout."));
    options.choice(QStringLiteral("--task"), {QStringLiteral("infection"), QStringLiteral("molecules")}, QStringLiteral("what to learn")).require();
    declareTrainingOptions(options, defaults);
    options.choice(QStringLiteral("--aggregation"), {QStringLiteral("sum"), QStringLiteral("mean"), QStringLiteral("max")},
                   QStringLiteral("how messages are aggregated"))
        .byDefault(QString::fromStdString(defaults.aggregation));
    options.flag(QStringLiteral("--no-bias"), QStringLiteral("layers without bias (as the paper's bias-free variants)"));
    options.number(QStringLiteral("--l1"), 0.0, 10.0, QStringLiteral("L1 penalty on the weights"));
    options.integer(QStringLiteral("--graphs"), 2, 1000000, QStringLiteral("infection: how many graphs to generate")).byDefault(QStringLiteral("2000"));
    options.text(QStringLiteral("--data"), QStringLiteral("FILE"), QStringLiteral("molecules: a .smi, .sdf or .csv file"));
    options.integer(QStringLiteral("--limit"), 2, kNoLimit, QStringLiteral("molecules: use at most this many"));
    options.choice(QStringLiteral("--target"), {QStringLiteral("esol"), QStringLiteral("logp"), QStringLiteral("measured")},
                   QStringLiteral("molecules: what to predict"))
        .byDefault(QStringLiteral("esol"));
    options.text(QStringLiteral("--smiles-column"), QStringLiteral("NAME"), QStringLiteral("molecules: the CSV column of SMILES"));
    options.text(QStringLiteral("--target-column"), QStringLiteral("NAME"), QStringLiteral("molecules: the CSV column of --target measured"));
    options.integer(QStringLiteral("--layers"), 1, 16, QStringLiteral("molecules: hidden graph layers")).byDefault(QString::number(defaults.layers));
    options.integer(QStringLiteral("--width"), 8, 4096, QStringLiteral("molecules: hidden width"))
        .byDefault(QString::number(defaults.width))
        .validatedBy([](const QString &value) { return value.trimmed().toLongLong() % 8 == 0; }, QStringLiteral("a multiple of 8 in [8, 4096]"));
    return options;
}

int runTrainGraph(const QStringList &arguments)
{
    CliOptions options = trainGraphOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    graphs::GraphTrainingSettings settings;
    const QString task = options.value(QStringLiteral("--task"));
    const QString dataPath = options.value(QStringLiteral("--data"));
    const QString target = options.value(QStringLiteral("--target"));
    const QString smilesColumn = options.value(QStringLiteral("--smiles-column"));
    const QString targetColumn = options.value(QStringLiteral("--target-column"));
    const int graphCount = int(options.integerValue(QStringLiteral("--graphs")));
    const std::size_t limit = options.isSet(QStringLiteral("--limit")) ? std::size_t(options.integerValue(QStringLiteral("--limit"))) : 0;
    readTrainingOptions(options, settings);
    settings.bias = !options.flagValue(QStringLiteral("--no-bias"));
    if (options.isSet(QStringLiteral("--l1")))
        settings.l1 = options.numberValue(QStringLiteral("--l1"));
    if (options.isSet(QStringLiteral("--aggregation")))
        settings.aggregation = options.value(QStringLiteral("--aggregation")).toStdString();
    if (options.isSet(QStringLiteral("--layers")))
        settings.layers = int(options.integerValue(QStringLiteral("--layers")));
    if (options.isSet(QStringLiteral("--width")))
        settings.width = options.integerValue(QStringLiteral("--width"));
    if (task == QLatin1String("infection") && !dataPath.isEmpty())
        return options.usageError(QStringLiteral("--data is for molecules; infection graphs are generated (--graphs N)"));
    if (target == QLatin1String("measured") && targetColumn.isEmpty())
        return options.usageError(QStringLiteral("--target measured needs --target-column NAME"));

    try {
        std::vector<graphs::GraphExample> examples;
        json::Value data = json::Object{};
        if (task == QLatin1String("infection")) {
            settings.task = graphs::GraphTask::Infection;
            examples = graphs::generateInfectionExamples(graphCount, settings.seed);
            data.set("graphs", graphCount);
            settings.targetName = "infected";
        } else {
            settings.task = graphs::GraphTask::Molecules;
            const chem::MoleculeTarget kind = chem::parseMoleculeTarget(target.toStdString());
            chem::MoleculeSet set = dataPath.isEmpty()
                                        ? chem::readNciMolecules(chem::defaultNciPath(), limit)
                                        : chem::readMolecules(dataPath.toStdString(), smilesColumn.toStdString(), targetColumn.toStdString());
            if (limit > 0 && set.molecules.size() > limit)
                set.molecules.resize(limit);
            const std::size_t shown = std::min<std::size_t>(set.warnings.size(), 10);
            for (std::size_t w = 0; w < shown; ++w)
                options.warn(QString::fromStdString(set.warnings[w]));
            if (set.warnings.size() > shown)
                options.warn(QStringLiteral("%1 more rows skipped").arg(set.warnings.size() - shown));
            examples = chem::moleculeExamples(set.molecules, kind);
            data.set("molecules", std::int64_t(set.molecules.size()));
            data.set("skipped", std::int64_t(set.warnings.size()));
            data.set("source", dataPath.isEmpty() ? chem::defaultNciPath() : dataPath.toStdString());
            settings.targetName = kind == chem::MoleculeTarget::Measured ? targetColumn.toStdString() : chem::moleculeTargetKey(kind);
        }
        const graphs::GraphTrainingSummary summary =
            graphs::trainGraphNetwork(examples, settings, {}, [&](const graphs::GraphEpoch &e) {
                std::fprintf(stderr, "epoch %d/%d: train loss %.4f, validation loss %.4f, %s %.4f (%.1f s)\n", e.epoch, settings.epochs,
                             e.trainLoss, e.validationLoss, settings.task == graphs::GraphTask::Infection ? "node accuracy" : "RMSE",
                             e.validationMetric, e.seconds);
                std::fflush(stderr);
            });
        json::Value out = summary.toJson();
        out.set("weights", settings.outPath);
        out.set("target", settings.targetName);
        out.set("data", data);
        std::fputs((out.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand trainGraphCommand()
{
    return {QStringLiteral("train-graph"), QStringLiteral("train InfectionGN or a molecule model (SolubilityGN)"), false, runTrainGraph};
}

} // namespace periscope::app
