// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli scenes: a folder of CLEVR-like scenes (images, instance masks, CLEVR JSON,
// manifest) from a seed. Debian's VTK renders through GLX, so with no DISPLAY a private Xvfb is
// started for the run (and said so); without Xvfb the command says how to get one.
#include "app/cli/BatchRun.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "app/common/DisplayProbe.h"

#include "engine/core/errors/Error.h"
#include "engine/scenes/SceneRenderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

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
        // -displayfd: the server takes the first free display itself and says which on stdout. Two
        // runs starting at once (the shards of a Slurm array on one node) never share a server,
        // as they could when each guessed a free number from the lock files.
        m_process = std::make_unique<QProcess>();
        m_process->start(xvfb, {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"), QStringLiteral("0"),
                                QStringLiteral("1280x1024x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
        QByteArray number;
        if (m_process->waitForStarted(5000)) {
            for (int wait = 0; wait < 200 && m_process->state() == QProcess::Running && !number.endsWith('\n'); ++wait) {
                m_process->waitForReadyRead(50);
                number += m_process->readAllStandardOutput();
            }
        }
        bool ok = false;
        const int display = number.trimmed().toInt(&ok);
        if (!ok || m_process->state() != QProcess::Running) {
            *error = QStringLiteral("no DISPLAY, and Xvfb did not start");
            return false;
        }
        qputenv("DISPLAY", QStringLiteral(":%1").arg(display).toLatin1());
        std::fprintf(stderr, "scenes: no DISPLAY: rendering on a private Xvfb :%d\n", display);
        return true;
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
    options.shardable();
    return options;
}

// The scene settings the parsed options give (the same for the run and for `merge`).
scenes::SceneSettings sceneSettings(const CliOptions &options)
{
    scenes::SceneSettings settings =
        options.flagValue(QStringLiteral("--relations")) ? scenes::SceneSettings::forRelations() : scenes::SceneSettings{};
    if (options.isSet(QStringLiteral("--size")))
        parsePair(options.value(QStringLiteral("--size")), QLatin1Char('x'), &settings.width, &settings.height);
    if (options.isSet(QStringLiteral("--objects")))
        parsePair(options.value(QStringLiteral("--objects")), QLatin1Char('-'), &settings.minObjects, &settings.maxObjects);
    return settings;
}

// What one run prints: the counts, the folder and the seed (a string: seeds exceed doubles).
json::Value scenesSummary(const scenes::DatasetSummary &summary, const QString &folder, std::uint64_t seed)
{
    json::Value result = summary.toJson();
    result.set("folder", QDir(folder).absolutePath().toStdString());
    result.set("seed", std::to_string(seed));
    return result;
}

// The shards rendered the scenes; scenes.json and manifest.json are written here, from every
// scene's description in index order, into the folder `merge` was given.
MergeOutcome mergeScenes(const MergedRun &run)
{
    CliOptions options = scenesOptions();
    if (const std::optional<QString> problem = options.problemWith(run.arguments))
        throw Error("the shards' arguments are not those of scenes: " + problem->toStdString());
    const std::uint64_t seed = std::uint64_t(options.integerValue(QStringLiteral("--seed")));
    std::vector<json::Value> descriptions;
    for (const json::Value &item : run.items)
        descriptions.push_back(member(item, "scene"));
    scenes::DatasetSummary summary = scenes::writeDatasetIndex(QDir(run.folder).absolutePath().toStdString(), seed, sceneSettings(options), descriptions);
    summary.seconds = run.seconds; // the shards' time added up
    MergeOutcome outcome;
    outcome.summary = scenesSummary(summary, run.folder, seed);
    return outcome;
}

int runScenes(const QStringList &arguments)
{
    CliOptions options = scenesOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const scenes::SceneSettings settings = sceneSettings(options);
    const int count = int(options.integerValue(QStringLiteral("--count")));
    const std::uint64_t seed = std::uint64_t(options.integerValue(QStringLiteral("--seed")));
    const QString out = options.value(QStringLiteral("--out"));
    BatchRun run(options, arguments);
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
        const JobControl progress({}, [&progressClock](double fraction, const std::string &message) {
            // At most one line a second (and the last): a thousand scenes are a thousand lines otherwise.
            if (fraction < 1.0 && progressClock.isValid() && progressClock.elapsed() < 1000)
                return;
            progressClock.start();
            std::fprintf(stderr, "scenes: %s\n", message.c_str());
            std::fflush(stderr);
        });
        const std::string folder = QDir(out).absolutePath().toStdString();
        if (run.isShard()) {
            // Scene k goes to shard k mod N: every shard renders as many scenes, give or take one.
            std::vector<int> mine;
            for (int i = 0; i < count; ++i)
                if (run.selection().ownsIndex(i))
                    mine.push_back(i);
            const std::vector<json::Value> descriptions = scenes::renderScenes(folder, count, seed, settings, mine, progress);
            for (std::size_t k = 0; k < mine.size(); ++k)
                run.add(mine[k], json::Object{{"scene", descriptions[k]}});
            const json::Value context = json::Object{{"seed", std::to_string(seed)}, {"count", count}, {"width", settings.width}, {"height", settings.height}};
            return run.finishShard(out, count, context);
        }
        const scenes::DatasetSummary summary = scenes::generateDataset(folder, count, seed, settings, progress);
        std::fputs((scenesSummary(summary, out, seed).dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}

} // namespace

CliCommand scenesCommand()
{
    return {QStringLiteral("scenes"), QStringLiteral("render CLEVR-like scenes with masks and CLEVR JSON (VTK; Xvfb when headless)"), false,
            runScenes, scenesOptions, mergeScenes};
}

} // namespace periscope::app
