// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli merge DIR...: one run's output from its shards' results (app/batch/Shards.h).
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/common/AtomicFile.h"

#include <QFileInfo>

#include <cstdio>

namespace periscope::app {

namespace {
CliOptions mergeOptions()
{
    CliOptions options(
        QStringLiteral("merge"),
        QStringLiteral("Joins the shards of a batch run (COMMAND ... --shard I/N, or `periscope-cli slurm`) into what one\n"
                       "run would have written: reads DIR/shards/COMMAND-I-of-N.json, checks that they are the N shards of\n"
                       "one run and that every item is in exactly one, recomputes the run's figures (means, intervals) from\n"
                       "the items, writes the files one run writes beside its per-item outputs (scenes: scenes.json and\n"
                       "manifest.json) and prints the run's JSON summary. Missing shards are named, with how to run them\n"
                       "again. Several DIRs when shards wrote to folders of their own; the first gets the run-wide files."));
    options.positionals(QStringLiteral("DIR"), QStringLiteral("a folder a shard wrote to (--out), or its shards/ folder"), 1, -1,
                        QStringLiteral("give the folder the shards wrote to"));
    options.text(QStringLiteral("--out"), QStringLiteral("FILE"), QStringLiteral("also write the summary to FILE")).output();
    return options;
}

int runMerge(const QStringList &arguments)
{
    CliOptions options = mergeOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    try {
        const MergedRun run = mergeShardResults(options.positionalValues());
        const CliCommand *command = nullptr;
        const QList<CliCommand> commands = cliCommands();
        for (const CliCommand &candidate : commands)
            if (candidate.name == run.command && candidate.merge)
                command = &candidate;
        if (!command)
            return options.failure(QStringLiteral("%1 runs are not merged by this periscope-cli (%2)").arg(run.command, QStringLiteral(PERISCOPE_VERSION)));
        const MergeOutcome outcome = command->merge(run);
        // Some runs print lines (deepfake), some nothing (open-vocab over plain images: its
        // results are the files).
        if (outcome.summary.isNull())
            std::fputs(outcome.text.toUtf8().constData(), stdout);
        if (!outcome.summary.isNull()) {
            const std::string text = outcome.summary.dump(1) + "\n";
            if (options.isSet(QStringLiteral("--out"))) {
                QString error;
                if (!writeFileAtomically(options.value(QStringLiteral("--out")), QByteArray::fromStdString(text), &error))
                    return options.failure(error);
            }
            std::fputs(text.c_str(), stdout);
        }
        std::fprintf(stderr, "merge: %s: %d items from %d shards\n", qPrintable(run.command), run.total, run.shards);
        if (!outcome.failure.isEmpty())
            return options.failure(outcome.failure);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand mergeCommand()
{
    return {QStringLiteral("merge"), QStringLiteral("join the shards of a batch run (--shard I/N) into what one run writes"), false, runMerge};
}

} // namespace periscope::app
