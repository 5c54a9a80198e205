// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/GuiCommandLine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>

namespace periscope::app {

namespace {
QString checkReadableFile(const QString &path, const QString &what, bool folderAllowed = false)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("cannot open %1 %2: no such file").arg(what, path);
    if (info.isDir() && !folderAllowed)
        return QStringLiteral("cannot open %1 %2: it is a folder").arg(what, path);
    if (!info.isReadable())
        return QStringLiteral("cannot open %1 %2: permission denied").arg(what, path);
    return {};
}
} // namespace

GuiCommandLine parseGuiCommandLine(const QStringList &arguments)
{
    GuiCommandLine result;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Periscope: a workbench for looking inside vision models."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version."));
    const QCommandLineOption workspace(QStringLiteral("workspace"), QStringLiteral("Start in workspace ID."), QStringLiteral("ID"));
    const QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Open FILE (repeatable)."), QStringLiteral("FILE"));
    const QCommandLineOption project(QStringLiteral("project"), QStringLiteral("Open a .periscope project."), QStringLiteral("FILE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window to OUT.png once the opened files are loaded, then exit."),
                                        QStringLiteral("OUT.png"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Interface language: en, sv, it."), QStringLiteral("CODE"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("Compute device: auto, cpu or cuda."),
                                    QStringLiteral("DEVICE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Run every workspace's demo offscreen, write the figures to DIR, then exit."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption windowSize(QStringLiteral("window-size"),
                                        QStringLiteral("Open the window at WIDTHxHEIGHT pixels (screenshots at a known size)."),
                                        QStringLiteral("WxH"));
    parser.addOptions({help, version, workspace, open, project, screenshot, lang, device, demo, windowSize});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Files to open."), QStringLiteral("[FILE...]"));
    // The help is asked for before the QApplication exists, so Qt cannot name the program
    // ("<executable_name>"); the man page is made from this text.
    result.helpText = parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("periscope"));

    auto usageError = [&](const QString &message) {
        result.error = message;
        result.exitCode = 2;
        return result;
    };
    auto fileError = [&](const QString &message) {
        result.error = message;
        result.exitCode = 1;
        return result;
    };

    if (!parser.parse(arguments))
        return usageError(parser.errorText().section(QLatin1Char('\n'), 0, 0));
    if (parser.isSet(help)) {
        result.showHelp = true;
        return result;
    }
    if (parser.isSet(version)) {
        result.showVersion = true;
        return result;
    }
    for (const QCommandLineOption &single : {workspace, project, screenshot, lang, device, demo, windowSize}) {
        if (parser.values(single).size() > 1)
            return usageError(QStringLiteral("--%1 given more than once").arg(single.names().constLast()));
    }

    GuiOptions &o = result.options;
    o.workspace = parser.value(workspace);
    o.openFiles = parser.values(open) + parser.positionalArguments();
    o.project = parser.value(project);
    o.screenshot = parser.value(screenshot);
    o.language = parser.value(lang);
    o.device = parser.value(device);
    o.demoFolder = parser.value(demo);
    if (parser.isSet(demo) && o.demoFolder.isEmpty())
        return usageError(QStringLiteral("--demo needs a folder"));
    if (parser.isSet(demo) && parser.isSet(screenshot))
        return usageError(QStringLiteral("--demo and --screenshot exclude each other"));

    if (parser.isSet(windowSize)) {
        // 640x480 up to 8K: smaller cannot hold a workspace, larger is a typo.
        const QStringList sides = parser.value(windowSize).toLower().split(QLatin1Char('x'));
        bool wideOk = false, highOk = false;
        const int width = sides.size() == 2 ? sides[0].toInt(&wideOk) : 0;
        const int height = sides.size() == 2 ? sides[1].toInt(&highOk) : 0;
        if (!wideOk || !highOk || width < 640 || height < 480 || width > 7680 || height > 4320)
            return usageError(QStringLiteral("--window-size %1: expected WIDTHxHEIGHT between 640x480 and 7680x4320")
                                  .arg(parser.value(windowSize)));
        o.windowSize = QSize(width, height);
    }
    if (parser.isSet(workspace) && o.workspace.isEmpty())
        return usageError(QStringLiteral("--workspace needs a workspace id"));
    if (parser.isSet(device) && !QStringList{QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")}.contains(o.device))
        return usageError(QStringLiteral("unknown device '%1' (expected auto, cpu or cuda)").arg(o.device));
    if (parser.isSet(lang) && o.language.isEmpty())
        return usageError(QStringLiteral("--lang needs a language code (en, sv, it)"));
    if (parser.isSet(screenshot)) {
        const QFileInfo out(o.screenshot);
        const QByteArray suffix = out.suffix().toLower().toLatin1();
        if (o.screenshot.isEmpty())
            return usageError(QStringLiteral("--screenshot needs an output file"));
        if (suffix.isEmpty() || !QImageWriter::supportedImageFormats().contains(suffix))
            return usageError(QStringLiteral("--screenshot %1: unsupported image format (use .png)").arg(o.screenshot));
        if (!out.absoluteDir().exists())
            return fileError(QStringLiteral("cannot write screenshot %1: folder %2 does not exist")
                                 .arg(o.screenshot, out.absolutePath()));
    }
    if (!o.project.isEmpty()) {
        const QString problem = checkReadableFile(o.project, QStringLiteral("project"));
        if (!problem.isEmpty())
            return fileError(problem);
    }
    for (const QString &file : std::as_const(o.openFiles)) {
        const QString problem = checkReadableFile(file, QStringLiteral("file"), true); // a folder of photos
        if (!problem.isEmpty())
            return fileError(problem);
    }
    return result;
}

} // namespace periscope::app
