// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli explain-graph: explains one output of a graph network (Baldassarre & Azizpour,
// ICML-W 2019) on an infection graph or a G.json graph and writes the relevance as JSON.
#include "app/cli/CliCommands.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/graphs/ExplainGraph.h"

#include <cstdio>

namespace periscope::app {

namespace {
const char *const kUsage =
    "usage: periscope-cli explain-graph (--infection-seed N | --graph G.json) --model FILE\n"
    "                                   [--arch KEY=VALUE]... --method sa|gbp|lrp|ig\n"
    "                                   [--target global|global:G|node:K] [--steps N] --out OUT.json\n"
    "Explains one output of a graph network: sensitivity analysis (sa), guided backpropagation\n"
    "(gbp), layer-wise relevance propagation (lrp) or Integrated Gradients (ig). --infection-seed\n"
    "generates a graph of the paper's test set; G.json is\n"
    "{\"nodes\": [[...]...], \"edges\": [[s, r]...], \"edge_features\": [[...]...]}.\n"
    "--model takes safetensors or torch.save weights (the paper's checkpoints load as they are);\n"
    "what the weights do not say comes from --arch aggregation=sum|mean|max, MODEL.json beside\n"
    "them, or the paper's experiment.latest.yaml in their folder. OUT.json holds node_outputs,\n"
    "global_output, target, node_relevance (per node, per feature), edge_relevance (per edge,\n"
    "per feature), deletion curves and, for infection graphs, the truth and ground-truth scores.\n";

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
    QString outPath;
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
        } else if (option == QLatin1String("--smiles") || option == QLatin1String("--sdf")) {
            return fail(QStringLiteral("%1: molecules are not supported yet (use --infection-seed or --graph)").arg(option));
        } else if (option == QLatin1String("--model")) {
            request.modelPath = value.toStdString();
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
        } else {
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(option));
        }
    }
    if (outPath.isEmpty())
        return fail(QStringLiteral("--out OUT.json is required"));
    if (!request.infectionSeed && request.graphJsonPath.empty())
        return fail(QStringLiteral("give --infection-seed N or --graph G.json"));
    if (request.infectionSeed && !request.graphJsonPath.empty())
        return fail(QStringLiteral("give either --infection-seed or --graph, not both"));
    try {
        const std::string text = graphs::runExplainGraph(request).dump(1) + "\n";
        writeFileAtomically(outPath.toStdString(), text.data(), text.size());
    } catch (const Error &e) {
        return cliFail(1, QStringLiteral("explain-graph: ") + QString::fromUtf8(e.what()));
    } catch (const std::exception &e) {
        // A LibTorch error: its first line says what went wrong, the rest is a C++ backtrace.
        return cliFail(1, QStringLiteral("explain-graph: ") + QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
    }
    return 0;
}
} // namespace

CliCommand explainGraphCommand()
{
    return {QStringLiteral("explain-graph"), QStringLiteral("explain a graph network's output (sa, gbp, lrp, ig) as JSON"), false,
            runExplainGraph};
}

} // namespace periscope::app
