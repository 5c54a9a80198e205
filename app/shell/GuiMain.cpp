// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/GuiMain.h"

#include "app/shell/GuiCommandLine.h"
#include "app/shell/HeadlessDemo.h"
#include "app/common/ApplicationIdentity.h"
#include "app/common/DisplayProbe.h"
#include "app/shell/Autosave.h"
#include "app/shell/JobManager.h"
#include "app/shell/MainWindow.h"
#include "app/shell/Translations.h"
#include "app/shell/Workspace.h"
#include "app/shell/WorkspaceRegistry.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>

#include <cstdio>

namespace periscope::app {

namespace {
constexpr int kScreenshotJobTimeoutMs = 10 * 60 * 1000;

int failWith(int code, const QString &message)
{
    std::fprintf(stderr, "periscope: %s\n", qPrintable(message));
    return code;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// Opens what the command line named. In screenshot mode the first problem ends the run;
// interactively the window shows each problem and stays open.
bool openRequested(MainWindow &window, const GuiOptions &options, QString *error)
{
    QString problems;
    if (!options.project.isEmpty() && !window.loadProject(options.project, error, &problems))
        return false;
    if (!problems.isEmpty()) {
        *error = problems; // a screenshot of a project that opened only in part would mislead
        return false;
    }
    return window.openFromCommandLine(options.openFiles, options.workspace, error);
}
} // namespace

int runGui(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const GuiCommandLine commandLine = parseGuiCommandLine(arguments);
    if (commandLine.showHelp) {
        std::fputs(qPrintable(commandLine.helpText), stdout);
        return 0;
    }
    if (commandLine.showVersion) {
        std::printf("periscope %s\n", PERISCOPE_VERSION);
        return 0;
    }
    if (!commandLine.error.isEmpty())
        return failWith(commandLine.exitCode, commandLine.error);
    const GuiOptions &options = commandLine.options;
    const bool screenshotMode = !options.screenshot.isEmpty() || !options.demoFolder.isEmpty();

    // A DISPLAY nobody answers (a closed SSH session's) makes Qt abort: asked first, it is a
    // one-line reason, or no display at all for the screenshot and demo modes.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && displayIsStale()) {
        if (!screenshotMode)
            return failWith(1, QStringLiteral("no X server answers at DISPLAY=%1 (a stale display?): unset DISPLAY or "
                                              "start an X session; `periscope-cli demo` runs headless")
                                   .arg(qEnvironmentVariable("DISPLAY")));
        qunsetenv("DISPLAY");
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && !hasDisplay()) {
        if (!screenshotMode)
            return failWith(1, QStringLiteral("no display (DISPLAY is not set): run `periscope-cli demo` for "
                                              "the headless demo, or use --screenshot"));
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication application(argc, argv);
    setApplicationIdentity();
    QString error;
    // --lang, else the language chosen in the Preferences (issue #23: it was ignored). A language
    // asked for on the command line that Periscope lacks is an error; one left in the settings by
    // another version falls back to English.
    if (!installTranslations(startupLanguage(options.language), &error) && !options.language.isEmpty())
        return failWith(2, error);

    if (!options.demoFolder.isEmpty())
        return runHeadlessDemo(options.demoFolder, options.windowSize);

    const WorkspaceRegistry registry = WorkspaceRegistry::builtIn();
    if (!options.workspace.isEmpty() && !registry.ids().contains(options.workspace))
        return failWith(2, QStringLiteral("unknown workspace '%1' (available: %2)")
                               .arg(options.workspace, registry.ids().join(QStringLiteral(", "))));
    MainWindow window(registry);
    window.setInteractive(!screenshotMode);
    if (options.windowSize.isValid())
        window.resize(options.windowSize);
    if (!options.device.isEmpty())
        window.overrideDevice(options.device);

    if (screenshotMode) {
        window.show();
        if (!openRequested(window, options, &error))
            return failWith(1, error);
        if (!window.jobs()->waitForIdle(kScreenshotJobTimeoutMs))
            return failWith(1, QStringLiteral("timed out waiting for the opened files to load"));
        // Then what the view fetches outside the jobs (a decoded frame, thumbnails).
        QDeadlineTimer settled(kScreenshotJobTimeoutMs);
        for (;;) {
            QApplication::processEvents(QEventLoop::AllEvents, 20);
            Workspace *current = window.currentWorkspace();
            if (!current || current->isSettled())
                break;
            if (settled.hasExpired())
                return failWith(1, QStringLiteral("timed out waiting for the view to show the opened files"));
            QThread::msleep(10);
        }
        QApplication::processEvents(); // let the views repaint with the jobs' results
        if (!window.saveScreenshot(options.screenshot, &error))
            return failWith(1, error);
        window.autosave()->finishCleanly();
        return 0;
    }

    window.show();
    // After the event loop starts, so the window is on screen behind any question it asks.
    QTimer::singleShot(0, &window, [&window, options] {
        window.offerCrashRecovery();
        if (!options.project.isEmpty())
            window.openProject(options.project);
        window.openFromCommandLine(options.openFiles, options.workspace);
    });
    return application.exec();
}

} // namespace periscope::app
