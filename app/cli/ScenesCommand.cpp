// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli scenes: a folder of CLEVR-like scenes (images, instance masks, CLEVR JSON,
// manifest) from a seed. Debian's VTK renders through GLX, so with no DISPLAY a private Xvfb is
// started for the run (and said so); without Xvfb the command says how to get one.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/common/DisplayProbe.h"

#include "engine/core/errors/Error.h"
#include "engine/scenes/SceneRenderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <cstdio>
#include <memory>

namespace periscope::app {

namespace {

// A private X server for this process when there is no display; stopped with it.
class PrivateDisplay {
public:
    bool start(QString *error)
    {
        const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        if (xvfb.isEmpty()) {
            *error = QStringLiteral("no DISPLAY and no Xvfb to render on: install xvfb (apt install xvfb) or run inside an X session");
            return false;
        }
        for (int number = 87; number < 187; ++number) {
            if (QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(number)) || QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number)))
                continue;
            m_process = std::make_unique<QProcess>();
            m_process->start(xvfb, {QStringLiteral(":%1").arg(number), QStringLiteral("-screen"), QStringLiteral("0"),
                                    QStringLiteral("1280x1024x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
            if (!m_process->waitForStarted(5000))
                break;
            for (int wait = 0; wait < 100 && m_process->state() == QProcess::Running; ++wait) {
                if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number))) {
                    qputenv("DISPLAY", QStringLiteral(":%1").arg(number).toLatin1());
                    std::fprintf(stderr, "scenes: no DISPLAY: rendering on a private Xvfb :%d\n", number);
                    return true;
                }
                QThread::msleep(50);
            }
            m_process->kill();
            m_process->waitForFinished(2000);
        }
        *error = QStringLiteral("no DISPLAY, and Xvfb did not start");
        return false;
    }
    ~PrivateDisplay()
    {
        if (m_process && m_process->state() == QProcess::Running) {
            m_process->terminate();
            if (!m_process->waitForFinished(3000))
                m_process->kill();
        }
    }

private:
    std::unique_ptr<QProcess> m_process;
};

bool parsePair(const QString &value, QChar separator, int *first, int *second)
{
    const QStringList parts = value.split(separator);
    bool okFirst = false, okSecond = false;
    *first = parts.value(0).toInt(&okFirst);
    *second = parts.value(1).toInt(&okSecond);
    return parts.size() == 2 && okFirst && okSecond;
}

CliOptions scenesOptions()
{
    CliOptions options(QStringLiteral("scenes"),
                       QStringLiteral("Renders N CLEVR-like scenes (3-10 spheres, cubes and cylinders; rubber or metal; CLEVR's 8\n"
                                      "colours; 2 sizes) into DIR: images/, masks/ (instance ids, 0 = background), scenes/ (CLEVR's\n"
                                      "JSON with boxes, visible pixels, relations, captions), scenes.json and manifest.json. The same\n"
                                      "seed gives the same files. Needs an X server: with no DISPLAY a private Xvfb is started for the run."));
    options.integer(QStringLiteral("--count"), 1, 1000000, QStringLiteral("how many scenes")).require();
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.integer(QStringLiteral("--seed"), 0, kNoLimit, QStringLiteral("the seed of the first scene")).byDefault(QStringLiteral("1"));
    options.text(QStringLiteral("--size"), QStringLiteral("WxH"), QStringLiteral("image size in pixels"))
        .byDefault(QStringLiteral("320x240"))
        .validatedBy(
            [](const QString &value) {
                int w = 0, h = 0;
                return parsePair(value, QLatin1Char('x'), &w, &h) && w >= 32 && h >= 32 && w <= 4096 && h <= 4096;
            },
            QStringLiteral("WxH with sides in [32, 4096]"));
    options.text(QStringLiteral("--objects"), QStringLiteral("MIN-MAX"), QStringLiteral("objects per scene"))
        .byDefault(QStringLiteral("3-10"))
        .validatedBy(
            [](const QString &value) {
                int low = 0, high = 0;
                return parsePair(value, QLatin1Char('-'), &low, &high) && low >= 1 && high >= low && high <= 20;
            },
            QStringLiteral("MIN-MAX within 1-20"));
    options.flag(QStringLiteral("--relations"),
                 QStringLiteral("scenes for the Relations workspace: 3-6 objects (unless --objects), small objects stacked on "
                                "large cubes, objects touching, and the scene JSON's triplets of on, touching, near, same_color, "
                                "same_shape, same_material and larger_than"));
    return options;
}

int runScenes(const QStringList &arguments)
{
    CliOptions options = scenesOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    scenes::SceneSettings settings =
        options.flagValue(QStringLiteral("--relations")) ? scenes::SceneSettings::forRelations() : scenes::SceneSettings{};
    const int count = int(options.integerValue(QStringLiteral("--count")));
    const std::uint64_t seed = std::uint64_t(options.integerValue(QStringLiteral("--seed")));
    const QString out = options.value(QStringLiteral("--out"));
    if (options.isSet(QStringLiteral("--size")))
        parsePair(options.value(QStringLiteral("--size")), QLatin1Char('x'), &settings.width, &settings.height);
    if (options.isSet(QStringLiteral("--objects")))
        parsePair(options.value(QStringLiteral("--objects")), QLatin1Char('-'), &settings.minObjects, &settings.maxObjects);
    PrivateDisplay display;
    if (displayIsStale()) { // VTK aborts on a DISPLAY nobody answers: render on our own instead
        std::fprintf(stderr, "scenes: no X server answers at DISPLAY=%s\n", qPrintable(qEnvironmentVariable("DISPLAY")));
        qunsetenv("DISPLAY");
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY")) {
        QString error;
        if (!display.start(&error))
            return options.failure(error);
    }
    QElapsedTimer progressClock;
    try {
        const scenes::DatasetSummary summary = scenes::generateDataset(
            QDir(out).absolutePath().toStdString(), count, seed, settings,
            JobControl({}, [&progressClock](double fraction, const std::string &message) {
                // At most one line a second (and the last): a thousand scenes are a thousand lines otherwise.
                if (fraction < 1.0 && progressClock.isValid() && progressClock.elapsed() < 1000)
                    return;
                progressClock.start();
                std::fprintf(stderr, "scenes: %s\n", message.c_str());
                std::fflush(stderr);
            }));
        json::Value result = summary.toJson();
        result.set("folder", QDir(out).absolutePath().toStdString());
        result.set("seed", std::to_string(seed));
        std::fputs((result.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}

} // namespace

CliCommand scenesCommand()
{
    return {QStringLiteral("scenes"), QStringLiteral("render CLEVR-like scenes with masks and CLEVR JSON (VTK; Xvfb when headless)"), false,
            runScenes};
}

} // namespace periscope::app
