// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli demo --out DIR: the headless demo. It builds the workbench offscreen, runs
// every demo that a workspace registers, and writes each one's figure plus a screenshot of the
// whole window, so a machine without a display still shows what Periscope does.
#include "app/cli/CliCommands.h"

#include "app/shell/Autosave.h"
#include "app/shell/JobManager.h"
#include "app/shell/LibraryVersions.h"
#include "app/shell/MainWindow.h"
#include "app/shell/Translations.h"
#include "app/shell/WorkspaceRegistry.h"
#include "app/workspaces/welcome/WelcomeWorkspace.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace periscope::app {

namespace {
constexpr int kDemoJobTimeoutMs = 20 * 60 * 1000;

int runDemo(const QStringList &arguments)
{
    QString outFolder;
    QString language;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--help")) {
            std::printf("usage: periscope-cli demo --out DIR [--lang CODE]\n"
                        "Runs every workspace's built-in demo offscreen and writes the figures,\n"
                        "a screenshot of the workbench and a manifest (demo.json) to DIR.\n");
            return 0;
        }
        if (argument == QLatin1String("--out") && i + 1 < arguments.size()) {
            outFolder = arguments.at(++i);
        } else if (argument == QLatin1String("--lang") && i + 1 < arguments.size()) {
            language = arguments.at(++i);
        } else {
            return cliFail(2, QStringLiteral("demo: unexpected argument '%1'").arg(argument));
        }
    }
    if (outFolder.isEmpty())
        return cliFail(2, QStringLiteral("demo: --out DIR is required"));
    QDir out(outFolder);
    if (!out.mkpath(QStringLiteral(".")))
        return cliFail(1, QStringLiteral("demo: cannot create %1").arg(outFolder));
    QString error;
    if (!installTranslations(language, &error))
        return cliFail(2, QStringLiteral("demo: %1").arg(error));

    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.resize(1440, 900);
    window.show();

    QJsonArray figures;
    int failures = 0;
    for (const DemoEntry &demo : window.allDemoEntries()) {
        const QString name = QStringLiteral("%1-%2.png").arg(demo.workspaceId, demo.id);
        std::printf("demo %s/%s: %s\n", qPrintable(demo.workspaceId), qPrintable(demo.id), qPrintable(demo.title));
        std::fflush(stdout);
        if (!window.openDemoChecked(demo.workspaceId, demo.id, &error) ||
            !window.jobs()->waitForIdle(kDemoJobTimeoutMs) ||
            !window.exportFigure(out.filePath(name), &error)) {
            std::fprintf(stderr, "periscope-cli: demo %s/%s failed: %s\n", qPrintable(demo.workspaceId),
                         qPrintable(demo.id), qPrintable(error.isEmpty() ? QStringLiteral("timed out") : error));
            ++failures;
            continue;
        }
        figures.append(QJsonObject{{QStringLiteral("file"), name},
                                   {QStringLiteral("workspace"), demo.workspaceId},
                                   {QStringLiteral("demo"), demo.id},
                                   {QStringLiteral("title"), demo.title},
                                   {QStringLiteral("description"), demo.description}});
    }

    window.activateWorkspace(QString::fromLatin1(WelcomeWorkspace::kId));
    QApplication::processEvents();
    const QString screenshot = QStringLiteral("workbench.png");
    if (!window.saveScreenshot(out.filePath(screenshot), &error))
        return cliFail(1, QStringLiteral("demo: %1").arg(error));
    figures.prepend(QJsonObject{{QStringLiteral("file"), screenshot},
                                {QStringLiteral("workspace"), QString::fromLatin1(WelcomeWorkspace::kId)},
                                {QStringLiteral("title"), QStringLiteral("The workbench window")}});

    const QJsonObject manifest{{QStringLiteral("periscope"), QCoreApplication::applicationVersion()},
                               {QStringLiteral("versions"), libraryVersionsJson()},
                               {QStringLiteral("figures"), figures},
                               {QStringLiteral("failures"), failures}};
    QFile manifestFile(out.filePath(QStringLiteral("demo.json")));
    if (!manifestFile.open(QIODevice::WriteOnly) ||
        manifestFile.write(QJsonDocument(manifest).toJson()) < 0)
        return cliFail(1, QStringLiteral("demo: cannot write %1").arg(manifestFile.fileName()));
    manifestFile.close();
    window.autosave()->finishCleanly();

    std::printf("headless demo: wrote %d figure(s) to %s\n", int(figures.size()),
                qPrintable(QDir(outFolder).absolutePath()));
    return failures == 0 ? 0 : 1;
}
} // namespace

CliCommand demoCommand()
{
    return {QStringLiteral("demo"), QStringLiteral("run every workspace's demo headless and write the figures"),
            true, runDemo};
}

} // namespace periscope::app
