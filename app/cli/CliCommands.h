// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliOptions.h"
#include "engine/core/json/Json.h"

#include <QString>
#include <QStringList>

#include <exception>
#include <functional>
#include <utility>

namespace periscope::app {

// What `merge` got from a command: what one run prints (its JSON summary, or for commands that
// report in lines, those lines), and the one-line failure one run would have ended with (empty
// when it would have succeeded).
struct MergeOutcome {
    json::Value summary;
    QString text; // printed as it is where there is no summary
    QString failure;
};

// One `periscope-cli` subcommand. `run` receives the arguments after the subcommand's name
// and returns the exit code; errors are one line on stderr and a non-zero code.
struct CliCommand {
    CliCommand(QString name, QString summary, bool needsGui, std::function<int(const QStringList &)> run,
               std::function<CliOptions()> options = {}, std::function<MergeOutcome(const MergedRun &)> merge = {})
        : name(std::move(name)), summary(std::move(summary)), needsGui(needsGui), run(std::move(run)), options(std::move(options)),
          merge(std::move(merge))
    {
    }

    QString name;
    QString summary;
    bool needsGui = false; // draws figures (text needs fonts): runs under a QGuiApplication, offscreen
    std::function<int(const QStringList &arguments)> run;
    // Batch commands that take --shard I/N (app/batch/Shards.h) also give their options, so that
    // `slurm` checks a run's arguments before it submits anything, and how `merge` turns the
    // shards' items into what one run writes.
    std::function<CliOptions()> options;
    std::function<MergeOutcome(const MergedRun &run)> merge;
};

// Each subcommand lives in its own file (InfoCommand.cpp, DemoCommand.cpp, ...).
CliCommand infoCommand();
CliCommand demoCommand();
CliCommand weightsCommand();
CliCommand probeCommand();
CliCommand frameCommand();
CliCommand explainGraphCommand();
CliCommand trainGraphCommand();
CliCommand colorizeCommand();
CliCommand trainColorizerCommand();
CliCommand studyCommand();
CliCommand scenesCommand();
CliCommand slotsCommand();
CliCommand trainSlotsCommand();
CliCommand relationsCommand();
CliCommand trainRelationsCommand();
CliCommand trainDeepfakeCommand();
CliCommand modelsCommand();
CliCommand explanationMetricsCommand();
CliCommand fakesCommand();
CliCommand forwardCommand();
CliCommand deepfakeCommand();
CliCommand tokenizeCommand();
CliCommand openVocabCommand();
CliCommand trainOpenVocabCommand();
CliCommand mergeCommand();
CliCommand slurmCommand();

QList<CliCommand> cliCommands();

// Prints "periscope-cli: MESSAGE" on stderr and returns `code`.
int cliFail(int code, const QString &message);
// The same for an exception escaping a command: "periscope-cli: COMMAND: first line", exit 1.
// Engine errors are one line already; a LibTorch error's first line says what went wrong, the
// rest is a C++ backtrace.
int cliFail(const QString &command, const std::exception &error);

} // namespace periscope::app
