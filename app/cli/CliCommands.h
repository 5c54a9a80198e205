// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <exception>
#include <functional>

namespace periscope::app {

// One `periscope-cli` subcommand. `run` receives the arguments after the subcommand's name
// and returns the exit code; errors are one line on stderr and a non-zero code.
struct CliCommand {
    QString name;
    QString summary;
    bool needsGui = false; // draws figures (text needs fonts): runs under a QGuiApplication, offscreen
    std::function<int(const QStringList &arguments)> run;
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

QList<CliCommand> cliCommands();

// Prints "periscope-cli: MESSAGE" on stderr and returns `code`.
int cliFail(int code, const QString &message);
// The same for an exception escaping a command: "periscope-cli: COMMAND: first line", exit 1.
// Engine errors are one line already; a LibTorch error's first line says what went wrong, the
// rest is a C++ backtrace.
int cliFail(const QString &command, const std::exception &error);

} // namespace periscope::app
