// SPDX-License-Identifier: GPL-3.0-or-later
// periscope --demo DIR: the headless demo. It builds the workbench offscreen, runs every demo that
// a workspace registers, and writes each one's figure plus a screenshot of the whole window, so a
// machine without a display still shows what Periscope does. `periscope-cli demo` runs this.
#include "app/shell/HeadlessDemo.h"

#include "app/common/LibraryVersions.h"
#include "app/shell/Autosave.h"
#include "app/shell/JobManager.h"
#include "app/shell/MainWindow.h"
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

int fail(const QString &message)
{
    std::fprintf(stderr, "periscope: demo: %s\n", qPrintable(message));
    return 1;
}
} // namespace

int runHeadlessDemo(const QString &outFolder, const QSize &windowSize)
{
    QDir out(outFolder);
    if (!out.mkpath(QStringLiteral(".")))
        return fail(QStringLiteral("cannot create %1").arg(outFolder));
    QString error;
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.resize(windowSize.isValid() ? windowSize : QSize(1440, 900));
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
            std::fprintf(stderr, "periscope: demo %s/%s failed: %s\n", qPrintable(demo.workspaceId),
                         qPrintable(demo.id), qPrintable(error.isEmpty() ? QStringLiteral("timed out") : error));
            ++failures;
            continue;
        }
        QJsonObject entry{{QStringLiteral("file"), name},
                          {QStringLiteral("workspace"), demo.workspaceId},
                          {QStringLiteral("demo"), demo.id},
                          {QStringLiteral("title"), demo.title},
                          {QStringLiteral("description"), demo.description}};
        if (windowSize.isValid()) {
            QApplication::processEvents(); // the views repaint with the demo's results
            const QString shot = QStringLiteral("window-%1-%2.png").arg(demo.workspaceId, demo.id);
            if (!window.saveScreenshot(out.filePath(shot), &error)) {
                std::fprintf(stderr, "periscope: demo %s/%s: %s\n", qPrintable(demo.workspaceId), qPrintable(demo.id),
                             qPrintable(error));
                ++failures;
            }
            entry.insert(QStringLiteral("window"), shot);
            entry.insert(QStringLiteral("windowSize"), QStringLiteral("%1x%2").arg(window.width()).arg(window.height()));
        }
        figures.append(entry);
    }

    window.activateWorkspace(QString::fromLatin1(WelcomeWorkspace::kId));
    QApplication::processEvents();
    const QString screenshot = QStringLiteral("workbench.png");
    if (!window.saveScreenshot(out.filePath(screenshot), &error))
        return fail(error);
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
        return fail(QStringLiteral("cannot write %1").arg(manifestFile.fileName()));
    manifestFile.close();
    window.autosave()->finishCleanly();

    std::printf("headless demo: wrote %d figure(s) to %s\n", int(figures.size()),
                qPrintable(QDir(outFolder).absolutePath()));
    return failures == 0 ? 0 : 1;
}

} // namespace periscope::app
