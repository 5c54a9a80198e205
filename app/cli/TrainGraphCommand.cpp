// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli train-graph: trains the paper's InfectionGN on generated infection graphs or a
// SolubilityGN on molecules (built-in NCI set or a user's SMILES/SDF/CSV), with progress on
// stderr and a JSON summary on stdout.
#include "app/cli/CliCommands.h"

#include "engine/chem/molecules/Molecule.h"
#include "engine/chem/molecules/MoleculeFiles.h"
#include "engine/core/errors/Error.h"
#include "engine/graphs/GraphTraining.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace periscope::app {

namespace {
const char *const kUsage =
    "usage: periscope-cli train-graph --task infection|molecules --out FILE.safetensors\n"
    "         [--epochs N] [--batch-size N] [--lr X] [--seed N] [--validation X] [--resume]\n"
    "         [--aggregation sum|mean|max] [--no-bias] [--l1 X]\n"
    "         infection: [--graphs N] (generated with the paper's training parameters)\n"
    "         molecules: [--data FILE] [--limit N] [--target esol|logp|measured]\n"
    "                    [--smiles-column NAME] [--target-column NAME] [--layers N] [--width N]\n"
    "Trains a graph network of Baldassarre & Azizpour (ICML-W 2019). Molecules come from FILE\n"
    "(.smi, .sdf or .csv) or, without --data, from rdkit-data's NCI set; their target is RDKit's\n"
    "ESOL estimate (esol, default), Crippen logP (logp) or a CSV column (measured, with\n"
    "--target-column). Writes the weights after every epoch, FILE.json beside them (architecture,\n"
    "aggregation, metrics) and FILE.checkpoint.* to --resume from. Progress goes to stderr, a JSON\n"
    "summary to stdout.\n";

int fail(const QString &message)
{
    return cliFail(2, QStringLiteral("train-graph: ") + message);
}

bool parseNumber(const QString &text, double low, double high, double *out)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !(v >= low && v <= high))
        return false;
    *out = v;
    return true;
}

int runTrainGraph(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    graphs::GraphTrainingSettings settings;
    QString task, dataPath, target = QStringLiteral("esol"), smilesColumn, targetColumn;
    int graphCount = 2000;
    std::size_t limit = 0;
    bool taskSeen = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &option = arguments[i];
        if (option == QLatin1String("--resume")) {
            settings.resume = true;
            continue;
        }
        if (option == QLatin1String("--no-bias")) {
            settings.bias = false;
            continue;
        }
        if (i + 1 >= arguments.size())
            return fail(QStringLiteral("%1 needs a value (try --help)").arg(option));
        const QString value = arguments[++i];
        double number = 0.0;
        auto bad = [&](const char *what) { return fail(QStringLiteral("%1 takes %2, not '%3'").arg(option, QLatin1String(what), value)); };
        if (option == QLatin1String("--task")) {
            task = value;
            taskSeen = true;
        } else if (option == QLatin1String("--out")) {
            settings.outPath = value.toStdString();
        } else if (option == QLatin1String("--epochs")) {
            if (!parseNumber(value, 1, 100000, &number) || number != std::floor(number))
                return bad("an integer in [1, 100000]");
            settings.epochs = int(number);
        } else if (option == QLatin1String("--batch-size")) {
            if (!parseNumber(value, 1, 100000, &number) || number != std::floor(number))
                return bad("an integer in [1, 100000]");
            settings.batchSize = int(number);
        } else if (option == QLatin1String("--lr")) {
            if (!parseNumber(value, 1e-9, 10, &number))
                return bad("a number in (0, 10]");
            settings.learningRate = number;
        } else if (option == QLatin1String("--l1")) {
            if (!parseNumber(value, 0, 10, &number))
                return bad("a number in [0, 10]");
            settings.l1 = number;
        } else if (option == QLatin1String("--seed")) {
            bool ok = false;
            settings.seed = value.toULongLong(&ok);
            if (!ok)
                return bad("a non-negative integer");
        } else if (option == QLatin1String("--validation")) {
            if (!parseNumber(value, 0, 0.9, &number))
                return bad("a fraction in [0, 0.9]");
            settings.validationFraction = number;
        } else if (option == QLatin1String("--aggregation")) {
            if (value != QLatin1String("sum") && value != QLatin1String("mean") && value != QLatin1String("max"))
                return bad("sum, mean or max");
            settings.aggregation = value.toStdString();
        } else if (option == QLatin1String("--graphs")) {
            if (!parseNumber(value, 2, 1000000, &number) || number != std::floor(number))
                return bad("an integer in [2, 1000000]");
            graphCount = int(number);
        } else if (option == QLatin1String("--data")) {
            dataPath = value;
        } else if (option == QLatin1String("--limit")) {
            if (!parseNumber(value, 2, 1e9, &number) || number != std::floor(number))
                return bad("an integer of at least 2");
            limit = std::size_t(number);
        } else if (option == QLatin1String("--target")) {
            target = value;
        } else if (option == QLatin1String("--smiles-column")) {
            smilesColumn = value;
        } else if (option == QLatin1String("--target-column")) {
            targetColumn = value;
        } else if (option == QLatin1String("--layers")) {
            if (!parseNumber(value, 0, 16, &number) || number != std::floor(number))
                return bad("an integer in [0, 16]");
            settings.layers = int(number);
        } else if (option == QLatin1String("--width")) {
            if (!parseNumber(value, 8, 4096, &number) || number != std::floor(number) || int(number) % 8 != 0)
                return bad("a multiple of 8 in [8, 4096]");
            settings.width = std::int64_t(number);
        } else {
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(option));
        }
    }
    if (!taskSeen)
        return fail(QStringLiteral("--task infection|molecules is required"));
    if (task != QLatin1String("infection") && task != QLatin1String("molecules"))
        return fail(QStringLiteral("--task takes infection or molecules, not '%1'").arg(task));
    if (settings.outPath.empty())
        return fail(QStringLiteral("--out FILE.safetensors is required"));
    if (task == QLatin1String("infection") && !dataPath.isEmpty())
        return fail(QStringLiteral("--data is for molecules; infection graphs are generated (--graphs N)"));
    if (target == QLatin1String("measured") && targetColumn.isEmpty())
        return fail(QStringLiteral("--target measured needs --target-column NAME"));

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
                std::fprintf(stderr, "train-graph: warning: %s\n", set.warnings[w].c_str());
            if (set.warnings.size() > shown)
                std::fprintf(stderr, "train-graph: warning: %zu more rows skipped\n", set.warnings.size() - shown);
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
        return cliFail(QStringLiteral("train-graph"), e);
    }
    return 0;
}
} // namespace

CliCommand trainGraphCommand()
{
    return {QStringLiteral("train-graph"), QStringLiteral("train InfectionGN or a molecule model (SolubilityGN)"), false, runTrainGraph};
}

} // namespace periscope::app
