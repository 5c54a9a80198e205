// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/FakeVideos.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/io/MappedFile.h"
#include "engine/deepfake/ExplanationFiles.h"
#include "engine/deepfake/FaceFollower.h"
#include "engine/deepfake/SelfBlend.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"

#include <torch/torch.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

namespace periscope::deepfake {

namespace {
namespace fs = std::filesystem;

// The top-left width x height of an image, copied (the encoder drops an odd last column or row,
// and the masks must match the fake pixel for pixel).
Image topLeft(const Image &image, int width, int height)
{
    if (image.width() == width && image.height() == height)
        return image;
    Image out(width, height, image.channels(), image.format());
    imageAsTensorHWC(out).copy_(imageAsTensorHWC(image).slice(0, 0, height).slice(1, 0, width));
    return out;
}

std::string frameName(std::int64_t frame)
{
    char name[32];
    std::snprintf(name, sizeof name, "%06lld.png", static_cast<long long>(frame));
    return name;
}
} // namespace

FakeVideoResult makeSelfBlendedFake(const FakeVideoRequest &request, const JobControl &control)
{
    const fs::path input(request.input);
    const std::string stem = input.stem().string();
    const fs::path out(request.outFolder);
    FakeVideoResult result;
    result.real = "real/" + input.filename().string();
    result.fake = "fake/" + stem + ".mp4";
    result.masks = "masks/" + stem;
    result.boxes = "boxes/" + stem + ".json";
    std::error_code error;
    for (const char *folder : {"real", "fake", "masks", "boxes"})
        fs::create_directories(out / folder, error);
    fs::create_directories(out / result.masks, error);
    if (error)
        throw Error("cannot create the folders under " + request.outFolder + ": " + error.message());

    const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(request.input, control);
    const media::VideoInfo &info = reader->info();
    const std::int64_t frames = request.maxFrames > 0 ? std::min(request.maxFrames, info.frameCount) : info.frameCount;
    if (frames <= 0)
        throw Error(request.input + " has no frames");
    const int width = info.width & ~1, height = info.height & ~1; // what a 4:2:0 encoder keeps
    if (width < 2 || height < 2)
        throw Error(request.input + " is too small to encode (" + std::to_string(info.width) + " x " + std::to_string(info.height) + ")");
    media::VideoWriterOptions options;
    options.frameRate = info.frameRate > 0.0 ? info.frameRate : 25.0;
    const std::unique_ptr<media::VideoWriter> writer = media::VideoWriter::create((out / result.fake).string(), width, height, options);

    FaceFollower faces(request.boxes, request.minFace);
    std::map<std::int64_t, std::optional<FaceBox>> boxes;
    const BlendTrajectory trajectory(request.seed);
    for (std::int64_t i = 0; i < frames; ++i) {
        control.throwIfCancelled();
        control.reportProgress(double(i) / double(frames), stem);
        const Image frame = reader->frameAt(i).rgb;
        const std::optional<FaceBox> face = faces.at(i, frame);
        boxes[i] = face;
        BlendedFrame blended;
        if (face) {
            blended = selfBlend(frame, *face, trajectory.at(i));
            ++result.framesWithFace;
        } else {
            blended.fake = frame;
            blended.mask = Image(frame.width(), frame.height(), 1, PixelFormat::UInt8);
            imageAsTensorHWC(blended.mask).zero_();
        }
        writer->write(topLeft(blended.fake, width, height));
        media::writeImage((out / result.masks / frameName(i)).string(), topLeft(blended.mask, width, height));
    }
    writer->finish();
    writeFaceBoxes((out / result.boxes).string(), boxes);
    result.frames = frames;
    // The original beside the fake, unless it is already there.
    const fs::path real = out / result.real;
    if (!fs::equivalent(input, real, error)) {
        fs::copy_file(input, real, fs::copy_options::overwrite_existing, error);
        if (error)
            throw Error("cannot copy " + request.input + " to " + real.string() + ": " + error.message());
    }
    return result;
}

void writeFakesMetadata(const std::string &outFolder, const std::vector<FakeVideoResult> &results)
{
    json::Value metadata = json::Object{};
    for (const FakeVideoResult &r : results) {
        json::Value fake = json::Object{};
        fake.set("label", "FAKE");
        fake.set("original", r.real);
        fake.set("mask", r.masks);
        fake.set("boxes", r.boxes);
        fake.set("kind", "self-blend");
        fake.set("frames", r.frames);
        fake.set("frames_with_face", r.framesWithFace);
        metadata.set(r.fake, std::move(fake));
        json::Value real = json::Object{};
        real.set("label", "REAL");
        real.set("boxes", r.boxes);
        metadata.set(r.real, std::move(real));
    }
    const std::string text = metadata.dump(1) + "\n";
    writeFileAtomically((fs::path(outFolder) / "metadata.json").string(), text.data(), text.size());
}

} // namespace periscope::deepfake
