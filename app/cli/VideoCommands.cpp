// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli probe FILE                         stream information as JSON
// periscope-cli frame FILE (--index N | --time S) --out OUT.png   exactly that frame
#include "app/cli/CliCommands.h"

#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoReader.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace periscope::app {

namespace {
int runProbe(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::printf("usage: periscope-cli probe FILE\n"
                    "Prints a video's stream information (codec, size, frame rate, duration, exact frame\n"
                    "count, start time, rotation, variable frame rate) as JSON.\n");
        return 0;
    }
    if (arguments.size() != 1)
        return cliFail(2, QStringLiteral("probe: expected one FILE (try --help)"));
    try {
        const auto reader = periscope::media::VideoReader::open(arguments.first().toStdString());
        const periscope::media::VideoInfo &info = reader->info();
        QJsonObject out{{QStringLiteral("file"), arguments.first()},
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
        if (!reader->damage().empty())
            out.insert(QStringLiteral("damage"), QString::fromStdString(reader->damage()));
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    } catch (const periscope::Error &e) {
        return cliFail(1, QStringLiteral("probe: %1").arg(QString::fromUtf8(e.what())));
    }
}

int runFrame(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help"))) {
        std::printf("usage: periscope-cli frame FILE (--index N | --time SECONDS) --out OUT.png\n"
                    "Writes exactly that frame (indices count from 0; times from the stream's start).\n");
        return 0;
    }
    QString file, out;
    bool haveIndex = false, haveTime = false;
    qint64 index = 0;
    double seconds = 0.0;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        bool ok = true;
        if (argument == QLatin1String("--index") && hasValue) {
            index = arguments.at(++i).toLongLong(&ok);
            haveIndex = true;
        } else if (argument == QLatin1String("--time") && hasValue) {
            seconds = arguments.at(++i).toDouble(&ok);
            haveTime = true;
        } else if (argument == QLatin1String("--out") && hasValue) {
            out = arguments.at(++i);
        } else if (!argument.startsWith(QLatin1Char('-')) && file.isEmpty()) {
            file = argument;
        } else {
            return cliFail(2, QStringLiteral("frame: unexpected argument '%1'").arg(argument));
        }
        if (!ok)
            return cliFail(2, QStringLiteral("frame: '%1' is not a number").arg(arguments.at(i)));
    }
    if (file.isEmpty() || out.isEmpty() || haveIndex == haveTime)
        return cliFail(2, QStringLiteral("frame: expected FILE, one of --index or --time, and --out (try --help)"));
    try {
        const auto reader = periscope::media::VideoReader::open(file.toStdString());
        const periscope::media::VideoFrame frame = haveIndex ? reader->frameAt(index) : reader->frameAtTime(seconds);
        periscope::media::writeImage(out.toStdString(), frame.rgb);
        std::printf("frame %lld at %.3f s -> %s\n", static_cast<long long>(frame.index), frame.timeSeconds, qPrintable(out));
        return 0;
    } catch (const periscope::Error &e) {
        return cliFail(1, QStringLiteral("frame: %1").arg(QString::fromUtf8(e.what())));
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
