// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli probe FILE                         stream information as JSON
// periscope-cli frame FILE (--index N | --time S) --out OUT.png   exactly that frame
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/PathGuard.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoReader.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace periscope::app {

namespace {
int runProbe(const QStringList &arguments)
{
    CliOptions options(QStringLiteral("probe"),
                       QStringLiteral("Prints a video's stream information (codec, size, frame rate, duration, exact frame count, start "
                                      "time, rotation, variable frame rate) as JSON."));
    options.positionals(QStringLiteral("FILE"), QStringLiteral("the video"), 1, 1);
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QString file = options.positionalValues().first();
    try {
        const auto reader = periscope::media::VideoReader::open(file.toStdString());
        const periscope::media::VideoInfo &info = reader->info();
        QJsonObject out{{QStringLiteral("file"), file},
                        {QStringLiteral("container"), QString::fromStdString(info.container)},
                        {QStringLiteral("codec"), QString::fromStdString(info.codec)},
                        {QStringLiteral("width"), info.width},
                        {QStringLiteral("height"), info.height},
                        {QStringLiteral("frameRate"), info.frameRate},
                        {QStringLiteral("durationSeconds"), info.durationSeconds},
                        {QStringLiteral("frameCount"), double(info.frameCount)},
                        {QStringLiteral("startTimeSeconds"), info.startTimeSeconds},
                        {QStringLiteral("rotationDegrees"), info.rotationDegrees},
                        {QStringLiteral("variableFrameRate"), info.variableFrameRate},
                        {QStringLiteral("hasAudio"), info.hasAudio},
                        {QStringLiteral("bitRate"), double(info.bitRate)}};
        // Always there, so that a script can rely on it: a cut-off file is not a shorter video.
        out.insert(QStringLiteral("damaged"), !reader->damage().empty());
        if (!reader->damage().empty())
            out.insert(QStringLiteral("damage"), QString::fromStdString(reader->damage()));
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    } catch (const std::exception &e) {
        return options.failure(e);
    }
}

int runFrame(const QStringList &arguments)
{
    CliOptions options(QStringLiteral("frame"), QStringLiteral("Writes exactly that frame (indices count from 0; times from the stream's start)."));
    options.positionals(QStringLiteral("FILE"), QStringLiteral("the video"), 1, 1);
    options.integer(QStringLiteral("--index"), 0, kNoLimit, QStringLiteral("the frame's index"));
    options.number(QStringLiteral("--time"), 0.0, 1e9, QStringLiteral("the frame shown at this time, in seconds")).valueName = QStringLiteral("SECONDS");
    options.text(QStringLiteral("--out"), QStringLiteral("OUT.png"), QStringLiteral("the image to write")).require().output();
    options.setSynopsis({QStringLiteral("FILE (--index N | --time SECONDS) --out OUT.png")});
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    if (options.isSet(QStringLiteral("--index")) == options.isSet(QStringLiteral("--time")))
        return options.usageError(QStringLiteral("give one of --index or --time (try --help)"));
    const QString file = options.positionalValues().first();
    const QString out = options.value(QStringLiteral("--out"));
    const std::optional<periscope::FileIdentity> input = periscope::fileIdentity(file.toStdString());
    if (input && input == periscope::fileIdentity(out.toStdString()))
        return options.failure(QStringLiteral("--out %1 is the video itself: choose another file (nothing was written)").arg(out));
    try {
        const auto reader = periscope::media::VideoReader::open(file.toStdString());
        const periscope::media::VideoFrame frame = options.isSet(QStringLiteral("--index"))
                                                       ? reader->frameAt(options.integerValue(QStringLiteral("--index")))
                                                       : reader->frameAtTime(options.numberValue(QStringLiteral("--time")));
        periscope::media::writeImage(out.toStdString(), frame.rgb);
        std::printf("frame %lld at %.3f s -> %s\n", static_cast<long long>(frame.index), frame.timeSeconds, qPrintable(out));
        return 0;
    } catch (const std::exception &e) {
        return options.failure(e);
    }
}
} // namespace

CliCommand probeCommand()
{
    return {QStringLiteral("probe"), QStringLiteral("a video's stream information as JSON"), false, runProbe};
}

CliCommand frameCommand()
{
    return {QStringLiteral("frame"), QStringLiteral("write exactly one frame of a video to an image"), false, runFrame};
}

} // namespace periscope::app
