// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli scenes: a folder of CLEVR-like scenes (images, instance masks, CLEVR JSON,
// manifest) from a seed. Debian's VTK renders through GLX, so with no DISPLAY a private Xvfb is
// started for the run (and said so); without Xvfb the command says how to get one.
#include "app/cli/CliCommands.h"

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

const char *const kUsage =
    "usage: periscope-cli scenes --count N --out DIR [--seed N] [--size WxH] [--objects MIN-MAX]\n"
    "Renders N CLEVR-like scenes (3-10 spheres, cubes and cylinders; rubber or metal; CLEVR's 8\n"
    "colours; 2 sizes) at WxH (default 320x240) into DIR: images/, masks/ (instance ids, 0 =\n"
    "background), scenes/ (CLEVR's JSON with boxes, visible pixels, relations, captions),\n"
    "scenes.json and manifest.json. The same seed gives the same files. Needs an X server: with no\n"
    "DISPLAY a private Xvfb is started for the run.\n";

int fail(const QString &message)
{
    return cliFail(2, QStringLiteral("scenes: ") + message);
}

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

int runScenes(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    scenes::SceneSettings settings;
    int count = 0;
    std::uint64_t seed = 1;
    QString out;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &option = arguments[i];
        if (i + 1 >= arguments.size())
            return fail(QStringLiteral("%1 needs a value (try --help)").arg(option));
        const QString value = arguments[++i];
        bool ok = true;
        if (option == QLatin1String("--count")) {
            count = value.toInt(&ok);
            if (!ok || count < 1 || count > 1000000)
                return fail(QStringLiteral("--count takes an integer in [1, 1000000], not '%1'").arg(value));
        } else if (option == QLatin1String("--out")) {
            out = value;
        } else if (option == QLatin1String("--seed")) {
            seed = value.toULongLong(&ok);
            if (!ok)
                return fail(QStringLiteral("--seed takes a non-negative integer, not '%1'").arg(value));
        } else if (option == QLatin1String("--size")) {
            const QStringList parts = value.split(QLatin1Char('x'));
            bool okW = false, okH = false;
            settings.width = parts.value(0).toInt(&okW);
            settings.height = parts.value(1).toInt(&okH);
            if (parts.size() != 2 || !okW || !okH || settings.width < 32 || settings.height < 32 || settings.width > 4096 || settings.height > 4096)
                return fail(QStringLiteral("--size takes WxH with sides in [32, 4096], not '%1'").arg(value));
        } else if (option == QLatin1String("--objects")) {
            const QStringList parts = value.split(QLatin1Char('-'));
            bool okA = false, okB = false;
            settings.minObjects = parts.value(0).toInt(&okA);
            settings.maxObjects = parts.value(1).toInt(&okB);
            if (parts.size() != 2 || !okA || !okB || settings.minObjects < 1 || settings.maxObjects < settings.minObjects || settings.maxObjects > 20)
                return fail(QStringLiteral("--objects takes MIN-MAX within 1-20, not '%1'").arg(value));
        } else {
            return fail(QStringLiteral("unknown option '%1' (try --help)").arg(option));
        }
    }
    if (count == 0 || out.isEmpty())
        return fail(QStringLiteral("--count N and --out DIR are required"));
    PrivateDisplay display;
    if (qEnvironmentVariableIsEmpty("DISPLAY")) {
        QString error;
        if (!display.start(&error))
            return cliFail(1, QStringLiteral("scenes: ") + error);
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
        return cliFail(QStringLiteral("scenes"), e);
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
