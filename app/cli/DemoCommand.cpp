// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli demo --out DIR: the headless demo. The demo is pictures of the workbench, so the
// workbench program draws them (`periscope --demo DIR`, offscreen); this command runs it from
// beside itself, and the command line itself links no widget.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace periscope::app {

namespace {
constexpr int kDemoTimeoutMs = 60 * 60 * 1000;

int runDemo(const QStringList &arguments)
{
    CliOptions options(QStringLiteral("demo"), QStringLiteral("Runs every workspace's built-in demo offscreen and writes the figures, a screenshot of the\n"
                                                              "workbench and a manifest (demo.json) to DIR."));
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.text(QStringLiteral("--lang"), QStringLiteral("CODE"), QStringLiteral("the language of the figures (en, sv, it)"));
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QString outFolder = options.value(QStringLiteral("--out"));
    if (!QDir().mkpath(outFolder))
        return options.failure(QStringLiteral("cannot create %1").arg(outFolder));
    const QString workbench = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("periscope"));
    if (!QFileInfo(workbench).isExecutable())
        return options.failure(QStringLiteral("the demo is drawn by the workbench program, and %1 is missing").arg(workbench));
    QStringList demoArguments{QStringLiteral("--demo"), QDir(outFolder).absolutePath()};
    if (options.isSet(QStringLiteral("--lang")))
        demoArguments << QStringLiteral("--lang") << options.value(QStringLiteral("--lang"));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(workbench, demoArguments);
    if (!process.waitForStarted())
        return options.failure(QStringLiteral("cannot start %1: %2").arg(workbench, process.errorString()));
    if (!process.waitForFinished(kDemoTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return options.failure(QStringLiteral("the demo did not finish within an hour"));
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return options.failure(QStringLiteral("the workbench program crashed while drawing the demo"));
    return process.exitCode();
}
} // namespace

CliCommand demoCommand()
{
    return {QStringLiteral("demo"), QStringLiteral("run every workspace's demo headless and write the figures"), false, runDemo};
}

} // namespace periscope::app
