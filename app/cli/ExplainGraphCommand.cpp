// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli explain-graph: explains one output of a graph network (Baldassarre & Azizpour,
// ICML-W 2019) on an infection graph or a G.json graph and writes the relevance as JSON.
#include "app/cli/BatchRun.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "app/figures/GraphPicture.h"
#include "app/figures/GraphScene.h"
#include "app/models/BuiltInGraphModels.h"

#include "engine/chem/molecules/Molecule.h"
#include "engine/chem/molecules/MoleculeFiles.h"
#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/metrics/MeanInterval.h"
#include "engine/graphs/ExplainGraph.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>
#include <optional>

namespace periscope::app {

namespace {
CliOptions explainGraphOptions()
{
    CliOptions options(
        QStringLiteral("explain-graph"),
        QStringLiteral(
            "Explains one output of a graph network: sensitivity analysis (sa), guided backpropagation\n"
            "(gbp), layer-wise relevance propagation (lrp) or Integrated Gradients (ig). --smiles and --sdf\n"
            "read a molecule through RDKit (the paper's 47 atom and 6 bond features); --infection-seed\n"
            "generates a graph of the paper's test set; G.json is\n"
            "{\"nodes\": [[...]...], \"edges\": [[s, r]...], \"edge_features\": [[...]...]}.\n"
            "--model takes safetensors or torch.save weights (the paper's checkpoints load as they are) or a\n"
            "built-in model's name; without it molecules use \"esol\" and infection graphs \"infection\".\n"
            "What the weights do not say comes from --arch aggregation=sum|mean|max, MODEL.json beside\n"
            "them, or the paper's experiment.latest.yaml in their folder. OUT.json holds node_outputs,\n"
            "global_output, target, node_relevance (per node, per feature), edge_relevance (per edge,\n"
            "per feature), deletion curves, for infection graphs the truth and ground-truth scores, and for\n"
            "molecules the atoms, RDKit's targets and the Spearman correlation of atom relevance with the\n"
            "Crippen logP contributions. --figure draws the graph or molecule with the relevance (node\n"
            "colour and size or atom halos, edge colour and width) and the scores.\n"
            "--molecules FILE explains every molecule of an SD file, a CSV (a smiles column) or SMILES lines:\n"
            "OUT is then a folder of NNNNN.json (the molecule's place in the file), and stdout has each\n"
            "molecule's output and Spearman correlation with the Crippen contributions, with their mean and\n"
            "95 % interval; it runs in shards (--shard I/N, periscope-cli slurm)."));
    options.setSynopsis({QStringLiteral("(--smiles S | --sdf FILE [--record N] | --infection-seed N | --graph G.json | --molecules FILE [--shard I/N])"),
                         QStringLiteral("[--model FILE|infection|esol|logp] [--arch KEY=VALUE]..."),
                         QStringLiteral("[--method sa|gbp|lrp|ig] [--target global|global:G|node:K] [--steps N]"),
                         QStringLiteral("--out OUT.json [--figure OUT.png|svg|pdf]")});
    options.text(QStringLiteral("--smiles"), QStringLiteral("S"), QStringLiteral("a molecule"));
    options.text(QStringLiteral("--sdf"), QStringLiteral("FILE"), QStringLiteral("molecules in an SD file"));
    options.integer(QStringLiteral("--record"), 1, kNoLimit, QStringLiteral("the SD record to explain")).byDefault(QStringLiteral("1"));
    options.integer(QStringLiteral("--infection-seed"), 0, kNoLimit, QStringLiteral("an infection graph of the paper's test set"));
    options.text(QStringLiteral("--graph"), QStringLiteral("G.json"), QStringLiteral("a graph in JSON"));
    options.text(QStringLiteral("--molecules"), QStringLiteral("FILE"),
                 QStringLiteral("every molecule of an SD file, CSV or SMILES list, each into OUT/NNNNN.json (OUT a folder)"));
    options.text(QStringLiteral("--model"), QStringLiteral("FILE|NAME"), QStringLiteral("weights or a built-in model (infection, esol, logp)"));
    options.text(QStringLiteral("--arch"), QStringLiteral("KEY=VALUE"), QStringLiteral("what the weights do not say: aggregation=sum|mean|max"))
        .repeat()
        .validatedBy([](const QString &value) { return value.indexOf(QLatin1Char('=')) > 0; }, QStringLiteral("KEY=VALUE"));
    options.text(QStringLiteral("--method"), QStringLiteral("sa|gbp|lrp|ig"), QStringLiteral("the explanation method"))
        .byDefault(QString::fromStdString(graphs::ExplainGraphRequest().method));
    options.text(QStringLiteral("--target"), QStringLiteral("global|global:G|node:K"), QStringLiteral("the output to explain"))
        .byDefault(QString::fromStdString(graphs::ExplainGraphRequest().target));
    options.integer(QStringLiteral("--steps"), 1, 100000, QStringLiteral("Integrated Gradients' steps"))
        .byDefault(QString::number(graphs::ExplainGraphRequest().integrationSteps));
    options.text(QStringLiteral("--out"), QStringLiteral("OUT.json"), QStringLiteral("the explanation to write")).require().output();
    options.figure(QStringLiteral("a figure of the graph with its relevance"));
    options.shardable();
    return options;
}

// A file of molecules' summary from their records ({"molecule": ...} or {"failed": ...}, in the
// file's order): each molecule's output and correlation, the mean correlation with its 95 %
// interval over the molecules that have one. A run and `merge` both print this.
MergeOutcome moleculeBatchSummary(const json::Value &context, const std::vector<json::Value> &items)
{
    json::Array molecules, failed;
    std::vector<double> correlations;
    for (const json::Value &item : items) {
        if (const json::Value *failure = item.find("failed")) {
            failed.push_back(*failure);
            continue;
        }
        const json::Value &molecule = member(item, "molecule");
        if (const json::Value &rho = member(molecule, "spearman"); !rho.isNull())
            correlations.push_back(rho.asNumber());
        molecules.push_back(molecule);
    }
    MergeOutcome outcome;
    outcome.summary = context;
    outcome.summary.set("explained", int(molecules.size()));
    outcome.summary.set("molecules", json::Value(std::move(molecules)));
    outcome.summary.set("failed", json::Value(std::move(failed)));
    if (!correlations.empty()) {
        const MeanInterval m = meanInterval(correlations);
        outcome.summary.set("crippen_spearman", json::Object{{"n", m.n}, {"mean", m.mean}, {"low", m.low}, {"high", m.high}});
    }
    if (member(outcome.summary, "explained").asInt64() == 0)
        outcome.failure = QStringLiteral("no molecule could be explained");
    return outcome;
}

// --molecules FILE: every molecule explained into OUT/NNNNN.json; in shards, molecule k is shard
// k mod N's (a file's records are numbered by their place in it).
int runMoleculeBatch(const CliOptions &options, const QStringList &arguments, const graphs::ExplainGraphRequest &common)
{
    const QString file = options.value(QStringLiteral("--molecules")), out = options.value(QStringLiteral("--out"));
    if (options.isSet(QStringLiteral("--figure")))
        return options.usageError(QStringLiteral("--figure draws one molecule: give --smiles or --sdf with --record"));
    BatchRun run(options, arguments);
    try {
        const chem::MoleculeSet set = chem::readMolecules(file.toStdString());
        for (const std::string &warning : set.warnings)
            options.warn(QString::fromStdString(warning));
        if (!QDir().mkpath(out))
            return options.failure(QStringLiteral("cannot create the folder %1").arg(out));
        const int total = int(set.molecules.size());
        for (int k = 0; k < total; ++k) {
            if (!run.selection().ownsIndex(k))
                continue;
            const chem::Molecule &molecule = set.molecules[std::size_t(k)];
            const QString name = QStringLiteral("%1.json").arg(k + 1, 5, 10, QLatin1Char('0'));
            try {
                graphs::ExplainGraphRequest request = common;
                request.graph = molecule.graph;
                request.nodeTruth = molecule.crippenContributions;
                request.nodeTruthName = "crippen_logp_contribution";
                json::Value result = graphs::runExplainGraph(request);
                result.set("molecule", chem::moleculeJson(molecule));
                const std::string text = result.dump(1) + "\n";
                writeFileAtomically(QDir(out).filePath(name).toStdString(), text.data(), text.size());
                const json::Value *scores = result.find("scores");
                const json::Value *rho = scores ? scores->find("node_truth_spearman") : nullptr;
                run.add(k, json::Object{{"molecule", json::Object{{"index", k + 1},
                                                                  {"name", molecule.name},
                                                                  {"smiles", molecule.smiles},
                                                                  {"output_value", member(result, "output_value")},
                                                                  {"spearman", rho ? *rho : json::Value()},
                                                                  {"json", name.toStdString()}}}});
                std::fprintf(stderr, "explain-graph: %d/%d %s\n", k + 1, total, molecule.smiles.c_str());
            } catch (const std::exception &e) {
                const std::string reason = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0).toStdString();
                options.warn(QStringLiteral("molecule %1 (%2): %3").arg(k + 1).arg(QString::fromStdString(molecule.smiles), QString::fromStdString(reason)));
                run.add(k, json::Object{{"failed", json::Object{{"index", k + 1}, {"smiles", molecule.smiles}, {"error", reason}}}});
            }
        }
        const json::Value context = json::Object{{"model", common.modelPath}, {"method", common.method}, {"target", common.target}};
        if (run.isShard())
            return run.finishShard(out, total, context);
        const MergeOutcome outcome = moleculeBatchSummary(context, run.items());
        std::fputs((outcome.summary.dump(1) + "\n").c_str(), stdout);
        if (!outcome.failure.isEmpty())
            return options.failure(outcome.failure);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}

int runExplainGraph(const QStringList &arguments)
{
    CliOptions options = explainGraphOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    graphs::ExplainGraphRequest request;
    const QString outPath = options.value(QStringLiteral("--out"));
    const QString smiles = options.value(QStringLiteral("--smiles"));
    const QString sdfPath = options.value(QStringLiteral("--sdf"));
    QString model = options.value(QStringLiteral("--model"));
    const QString figurePath = options.value(QStringLiteral("--figure"));
    const qint64 record = options.integerValue(QStringLiteral("--record"));
    if (options.isSet(QStringLiteral("--infection-seed")))
        request.infectionSeed = std::uint64_t(options.integerValue(QStringLiteral("--infection-seed")));
    request.graphJsonPath = options.value(QStringLiteral("--graph")).toStdString();
    request.method = options.value(QStringLiteral("--method")).toStdString();
    request.target = options.value(QStringLiteral("--target")).toStdString();
    request.integrationSteps = int(options.integerValue(QStringLiteral("--steps")));
    for (const QString &arch : options.values(QStringLiteral("--arch"))) {
        const QString key = arch.section(QLatin1Char('='), 0, 0);
        if (key != QLatin1String("aggregation"))
            return options.usageError(QStringLiteral("unknown --arch key '%1' (known: aggregation)").arg(key));
        request.arch[key.toStdString()] = arch.section(QLatin1Char('='), 1).toStdString();
    }
    const bool batch = options.isSet(QStringLiteral("--molecules"));
    const int inputs = int(request.infectionSeed.has_value()) + int(!request.graphJsonPath.empty()) + int(options.isSet(QStringLiteral("--smiles"))) +
                       int(!sdfPath.isEmpty()) + int(batch);
    if (inputs == 0)
        return options.usageError(QStringLiteral("give an input: --smiles S, --sdf FILE, --infection-seed N, --graph G.json or --molecules FILE"));
    if (inputs > 1)
        return options.usageError(QStringLiteral("give one input only (--smiles, --sdf, --infection-seed, --graph or --molecules)"));
    if (options.isSet(QStringLiteral("--shard")) && !batch)
        return options.usageError(QStringLiteral("--shard splits a file of molecules: give --molecules FILE"));
    if (options.isSet(QStringLiteral("--record")) && sdfPath.isEmpty())
        return options.usageError(QStringLiteral("--record is for --sdf"));
    const bool hasSmiles = options.isSet(QStringLiteral("--smiles"));
    const bool molecule = hasSmiles || !sdfPath.isEmpty() || batch;
    if (model.isEmpty()) {
        if (!request.graphJsonPath.empty())
            return options.usageError(QStringLiteral("--model is required with --graph (a weights file or infection, esol, logp)"));
        model = molecule ? QStringLiteral("esol") : QStringLiteral("infection");
    }
    QString modelError;
    request.modelPath = resolveGraphModel(model, &modelError).toStdString();
    if (request.modelPath.empty())
        return options.failure(modelError);
    if (batch)
        return runMoleculeBatch(options, arguments, request);
    try {
        std::optional<chem::Molecule> parsed;
        std::vector<std::string> warnings;
        if (hasSmiles) {
            parsed = chem::moleculeFromSmiles(smiles.toStdString());
        } else if (!sdfPath.isEmpty()) {
            chem::MoleculeSet set = chem::readSdf(sdfPath.toStdString());
            if (std::size_t(record) > set.molecules.size())
                throw Error(sdfPath.toStdString() + " has " + std::to_string(set.molecules.size()) + " readable records, not " +
                            std::to_string(record) + (set.warnings.empty() ? "" : " (" + std::to_string(set.warnings.size()) + " skipped)"));
            parsed = std::move(set.molecules[std::size_t(record - 1)]);
            warnings = std::move(set.warnings); // said once the explanation succeeded: errors stay one line
        }
        if (parsed) {
            request.graph = parsed->graph;
            request.nodeTruth = parsed->crippenContributions;
            request.nodeTruthName = "crippen_logp_contribution";
        }
        json::Value result = graphs::runExplainGraph(request);
        if (parsed)
            result.set("molecule", chem::moleculeJson(*parsed));
        const std::string text = result.dump(1) + "\n";
        writeFileAtomically(outPath.toStdString(), text.data(), text.size());
        if (!figurePath.isEmpty()) {
            const QJsonObject qt = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
            const GraphScene scene = GraphScene::fromExplanation(qt);
            const MethodExplanation explanation = MethodExplanation::fromExplanation(qt);
            const int selected = explanation.target.startsWith(QLatin1String("node:")) ? explanation.target.mid(5).toInt() : -1;
            const auto panel = figurePanel(graphPicture(scene, &explanation, selected), QSizeF(480, 420));
            FigureOptions figure;
            figure.widthInches = 5.0;
            figure.caption = scene.isMolecule() ? QStringLiteral("%1 · %2 · predicted %3").arg(scene.smiles, scene.model).arg(scene.globalOutput, 0, 'f', 3)
                                                 : QStringLiteral("%1 · %2").arg(explanation.target, scene.model);
            QString error;
            if (!exportFigure({panel.get()}, 1, figure, figurePath, &error))
                throw Error(error.toStdString());
        }
        for (const std::string &warning : warnings)
            options.warn(QString::fromStdString(warning));
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand explainGraphCommand()
{
    return {QStringLiteral("explain-graph"), QStringLiteral("explain a graph network's output (sa, gbp, lrp, ig) as JSON"), true,
            runExplainGraph, explainGraphOptions, [](const MergedRun &run) { return moleculeBatchSummary(run.context, run.items); }};
}

} // namespace periscope::app
