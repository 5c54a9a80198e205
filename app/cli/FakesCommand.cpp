// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli fakes: fake videos with ground-truth masks made from real ones (self-blended
// faces, or faces swapped between videos), in the DFDC layout, for training and scoring DeepFake
// detectors and their explanations.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "engine/deepfake/FakeVideos.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace periscope::app {

namespace {
CliOptions fakesOptions()
{
    CliOptions options(QStringLiteral("fakes"),
                       QStringLiteral("Makes a fake of each real video: the face in every frame blended with an altered copy of itself\n"
                                      "(--kind self-blend, after Shiohara and Yamasaki, CVPR 2022), the changes drifting smoothly over\n"
                                      "time; or replaced by the next video's face, resampled onto it and Poisson-cloned (--kind swap,\n"
                                      "at least two videos; the last takes the first's). Writes DIR/real/, DIR/fake/NAME.mp4,\n"
                                      "DIR/masks/NAME/FRAME.png (lossless, frame-aligned with the fake) and DIR/metadata.json in the\n"
                                      "DFDC layout. Faces are found with OpenCV's Haar cascade and a tracker, or given with --boxes."));
    options.positionals(QStringLiteral("VIDEO"), QStringLiteral("real videos"), 1, -1);
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the folder to write")).require();
    options.choice(QStringLiteral("--kind"), {QStringLiteral("self-blend"), QStringLiteral("swap")}, QStringLiteral("how the fakes are made"))
        .byDefault(QStringLiteral("self-blend"));
    options.integer(QStringLiteral("--seed"), 0, kNoLimit, QStringLiteral("seed of the blend parameters (video k uses seed + k)"))
        .byDefault(QStringLiteral("1"));
    options.integer(QStringLiteral("--max-frames"), 1, kNoLimit, QStringLiteral("the first N frames of each video only"));
    options.integer(QStringLiteral("--min-face"), 8, 4096, QStringLiteral("the smallest face to detect, in pixels")).byDefault(QStringLiteral("40"));
    options.text(QStringLiteral("--boxes"), QStringLiteral("B.json"),
                 QStringLiteral("face boxes instead of detection, for one video: {\"frames\": [{\"index\": I, \"face_box\": [l, t, w, h]}]}"));
    return options;
}

int runFakes(const QStringList &arguments)
{
    CliOptions options = fakesOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QStringList videos = options.positionalValues();
    const QString out = options.value(QStringLiteral("--out"));
    const bool swap = options.value(QStringLiteral("--kind")) == QLatin1String("swap");
    if (options.isSet(QStringLiteral("--boxes")) && (videos.size() != 1 || swap))
        return options.usageError(QStringLiteral("--boxes gives one video's faces: give one VIDEO with it, and no swap"));
    if (swap && videos.size() < 2)
        return options.usageError(QStringLiteral("--kind swap puts one video's face into another: give at least two VIDEOs"));
    if (!QDir().mkpath(out))
        return options.failure(QStringLiteral("cannot create the folder %1").arg(out));
    // An input inside the output folder's real/ would be copied over itself or replaced.
    for (const QString &video : videos)
        if (QFileInfo(video).absolutePath() == QDir(out).absoluteFilePath(QStringLiteral("fake")))
            return options.failure(QStringLiteral("%1 is in %2/fake, where the fakes are written: choose another --out").arg(video, out));
    std::vector<deepfake::FakeVideoResult> results;
    const std::uint64_t seed = std::uint64_t(options.integerValue(QStringLiteral("--seed")));
    int failed = 0;
    for (int k = 0; k < videos.size(); ++k) {
        deepfake::FakeVideoRequest request;
        request.input = videos[k].toStdString();
        request.outFolder = out.toStdString();
        request.seed = seed + std::uint64_t(k);
        request.maxFrames = options.isSet(QStringLiteral("--max-frames")) ? options.integerValue(QStringLiteral("--max-frames")) : 0;
        request.minFace = int(options.integerValue(QStringLiteral("--min-face")));
        request.boxes = options.value(QStringLiteral("--boxes")).toStdString();
        if (swap)
            request.source = videos[(k + 1) % videos.size()].toStdString();
        try {
            const deepfake::FakeVideoResult result = swap ? deepfake::makeSwappedFake(request) : deepfake::makeSelfBlendedFake(request);
            std::printf("%s -> %s: %lld frames, %lld with a face\n", qPrintable(videos[k]), result.fake.c_str(),
                        static_cast<long long>(result.frames), static_cast<long long>(result.framesWithFace));
            if (result.framesWithFace == 0)
                options.warn(QStringLiteral("%1: no face was found, the fake equals the original").arg(videos[k]));
            results.push_back(result);
        } catch (const std::exception &e) {
            options.warn(QStringLiteral("%1: %2").arg(videos[k], QString::fromUtf8(e.what())));
            ++failed;
        }
    }
    if (results.empty())
        return options.failure(QStringLiteral("no fake was made (%1 of %1 videos failed)").arg(failed));
    try {
        deepfake::writeFakesMetadata(out.toStdString(), results);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return failed > 0 ? 1 : 0;
}
} // namespace

CliCommand fakesCommand()
{
    return {QStringLiteral("fakes"), QStringLiteral("fake videos with ground-truth masks from real ones (self-blended or swapped faces)"), false,
            runFakes};
}

} // namespace periscope::app
