// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli explain-graph: explains one output of a graph network (Baldassarre & Azizpour,
// ICML-W 2019) on an infection graph or a G.json graph and writes the relevance as JSON.
#include "app/cli/CliCommands.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "app/workspaces/graphs/BuiltInGraphModels.h"
#include "app/workspaces/graphs/GraphScene.h"
#include "engine/chem/molecules/Molecule.h"
#include "engine/chem/molecules/MoleculeFiles.h"
#include "engine/graphs/ExplainGraph.h"
#include "widgets/graphview/GraphCanvas.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>
#include <optional>

namespace periscope::app {

namespace {
const char *const kUsage =
    "usage: periscope-cli explain-graph (--smiles S | --sdf FILE [--record N] | --infection-seed N | --graph G.json)\n"
    "                                   [--model FILE|infection|esol|logp] [--arch KEY=VALUE]...\n"
    "                                   --method sa|gbp|lrp|ig [--target global|global:G|node:K] [--steps N]\n"
    "                                   --out OUT.json [--figure OUT.png|svg|pdf]\n"
    "Explains one output of a graph network: sensitivity analysis (sa), guided backpropagation\n"
    "(gbp), layer-wise relevance propagation (lrp) or Integrated Gradients (ig). --smiles and --sdf\n"
    "read a molecule through RDKit (the paper's 47 atom and 6 bond features; --record picks an SD\n"
    "record, 1 by default); --infection-seed generates a graph of the paper's test set; G.json is\n"
    "{\"nodes\": [[...]...], \"edges\": [[s, r]...], \"edge_features\": [[...]...]}.\n"
    "--model takes safetensors or torch.save weights (the paper's checkpoints load as they are) or a\n"
    "built-in model's name; without it molecules use \"esol\" and infection graphs \"infection\".\n"
    "What the weights do not say comes from --arch aggregation=sum|mean|max, MODEL.json beside\n"
    "them, or the paper's experiment.latest.yaml in their folder. OUT.json holds node_outputs,\n"
    "global_output, target, node_relevance (per node, per feature), edge_relevance (per edge,\n"
    "per feature), deletion curves, for infection graphs the truth and ground-truth scores, and for\n"
    "molecules the atoms, RDKit's targets and the Spearman correlation of atom relevance with the\n"
    "Crippen logP contributions. --figure draws the graph or molecule with the relevance (node\n"
    "colour and size or atom halos, edge colour and width) and the scores.\n";

int fail(const QString &message)
{
    return cliFail(2, QStringLiteral("explain-graph: ") + message);
}

int runExplainGraph(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    graphs::ExplainGraphRequest request;
    QString outPath, smiles, sdfPath, model, figurePath;
    int record = 1;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &option = arguments[i];
        if (i + 1 >= arguments.size())
            return fail(QStringLiteral("%1 needs a value (try --help)").arg(option));
        const QString value = arguments[++i];
        bool ok = true;
        if (option == QLatin1String("--infection-seed")) {
            request.infectionSeed = value.toULongLong(&ok);
            if (!ok)
                return fail(QStringLiteral("--infection-seed takes a non-negative integer, not '%1'").arg(value));
        } else if (option == QLatin1String("--graph")) {
            request.graphJsonPath = value.toStdString();
        } else if (option == QLatin1String("--smiles")) {
            smiles = value;
        } else if (option == QLatin1String("--sdf")) {
            sdfPath = value;
        } else if (option == QLatin1String("--record")) {
            record = value.toInt(&ok);
            if (!ok || record < 1)
                return fail(QStringLiteral("--record takes a positive integer, not '%1'").arg(value));
        } else if (option == QLatin1String("--model")) {
            model = value;
        } else if (option == QLatin1String("--arch")) {
            const qsizetype eq = value.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return fail(QStringLiteral("--arch takes KEY=VALUE, not '%1'").arg(value));
            const QString key = value.left(eq);
            if (key != QLatin1String("aggregation"))
                return fail(QStringLiteral("unknown --arch key '%1' (known: aggregation)").arg(key));
            request.arch[key.toStdString()] = value.mid(eq + 1).toStdString();
        } else if (option == QLatin1String("--method")) {
            request.method = value.toStdString();
        } else if (option == QLatin1String("--target")) {
            request.target = value.toStdString();
        } else if (option == QLatin1String("--steps")) {
            request.integrationSteps = value.toInt(&ok);
            if (!ok || request.integrationSteps < 1 || request.integrationSteps > 100000)
                return fail(QStringLiteral("--steps takes an integer in [1, 100000], not '%1'").arg(value));
        } else if (option == QLatin1String("--out")) {
            outPath = value;
        } else if (option == QLatin1String("--figure")) {
            figurePath = value;
            const QString suffix = QFileInfo(value).suffix().toLower();
            if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
                return fail(QStringLiteral("--figure %1: use a .png, .svg or .pdf file").arg(value));
        } else {
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(option));
        }
    }
    if (outPath.isEmpty())
        return fail(QStringLiteral("--out OUT.json is required"));
    const int inputs = int(request.infectionSeed.has_value()) + int(!request.graphJsonPath.empty()) + int(!smiles.isNull()) +
                       int(!sdfPath.isEmpty());
    if (inputs == 0)
        return fail(QStringLiteral("give an input: --smiles S, --sdf FILE, --infection-seed N or --graph G.json"));
    if (inputs > 1)
        return fail(QStringLiteral("give one input only (--smiles, --sdf, --infection-seed or --graph)"));
    if (record != 1 && sdfPath.isEmpty())
        return fail(QStringLiteral("--record is for --sdf"));
    const bool molecule = !smiles.isNull() || !sdfPath.isEmpty();
    if (model.isEmpty()) {
        if (!request.graphJsonPath.empty())
            return fail(QStringLiteral("--model is required with --graph (a weights file or infection, esol, logp)"));
        model = molecule ? QStringLiteral("esol") : QStringLiteral("infection");
    }
    QString modelError;
    request.modelPath = resolveGraphModel(model, &modelError).toStdString();
    if (request.modelPath.empty())
        return cliFail(1, QStringLiteral("explain-graph: ") + modelError);
    try {
        std::optional<chem::Molecule> parsed;
        std::vector<std::string> warnings;
        if (!smiles.isNull()) {
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
            const auto panel = widgets::figurePanel(graphPicture(scene, &explanation, selected), QSizeF(480, 420));
            widgets::FigureOptions options;
            options.widthInches = 5.0;
            options.caption = scene.isMolecule() ? QStringLiteral("%1 · %2 · predicted %3").arg(scene.smiles, scene.model).arg(scene.globalOutput, 0, 'f', 3)
                                                 : QStringLiteral("%1 · %2").arg(explanation.target, scene.model);
            QString error;
            if (!widgets::exportFigure({panel.get()}, 1, options, figurePath, &error))
                throw Error(error.toStdString());
        }
        for (const std::string &warning : warnings)
            std::fprintf(stderr, "explain-graph: warning: %s\n", warning.c_str());
    } catch (const std::exception &e) {
        return cliFail(QStringLiteral("explain-graph"), e);
    }
    return 0;
}
} // namespace

CliCommand explainGraphCommand()
{
    return {QStringLiteral("explain-graph"), QStringLiteral("explain a graph network's output (sa, gbp, lrp, ig) as JSON"), true,
            runExplainGraph};
}

} // namespace periscope::app
