// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/FakeVideos.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/io/MappedFile.h"
#include "engine/deepfake/ExplanationFiles.h"
#include "engine/deepfake/FaceFollower.h"
#include "engine/deepfake/SelfBlend.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/image/SeamlessClone.h"
#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"

#include <torch/torch.h>

#include <cstdio>
#include <cmath>
#include <filesystem>
#include <functional>
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

// A video copied into the folder (real/), unless it is already that file.
void copyBeside(const std::string &video, const fs::path &copy)
{
    std::error_code error;
    if (fs::equivalent(fs::path(video), copy, error))
        return;
    error.clear();
    fs::copy_file(video, copy, fs::copy_options::overwrite_existing, error);
    if (error)
        throw Error("cannot copy " + video + " to " + copy.string() + ": " + error.message());
}

std::string frameName(std::int64_t frame)
{
    char name[32];
    std::snprintf(name, sizeof name, "%06lld.png", static_cast<long long>(frame));
    return name;
}
} // namespace

namespace {
// Writes the fake of request.input named `fakeStem`: each frame, with its face when one is found,
// goes through `fake` (frame index, frame, face box) -> the fake frame and its mask; frames
// without a face are kept, with an empty mask. Then the boxes, and the original beside the fake.
using FakeFrame = std::function<BlendedFrame(std::int64_t, const Image &, const FaceBox &)>;

FakeVideoResult writeFake(const FakeVideoRequest &request, const std::string &fakeStem, const FakeFrame &fake, const JobControl &control)
{
    const fs::path input(request.input);
    const std::string stem = input.stem().string();
    const fs::path out(request.outFolder);
    FakeVideoResult result;
    result.real = "real/" + input.filename().string();
    result.fake = "fake/" + fakeStem + ".mp4";
    result.masks = "masks/" + fakeStem;
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
    for (std::int64_t i = 0; i < frames; ++i) {
        control.throwIfCancelled();
        control.reportProgress(double(i) / double(frames), stem);
        const Image frame = reader->frameAt(i).rgb;
        const std::optional<FaceBox> face = faces.at(i, frame);
        boxes[i] = face;
        BlendedFrame made;
        if (face)
            made = fake(i, frame, *face);
        if (made.fake.isNull()) {
            made.fake = frame;
            made.mask = Image(frame.width(), frame.height(), 1, PixelFormat::UInt8);
            imageAsTensorHWC(made.mask).zero_();
        } else {
            ++result.framesWithFace;
        }
        writer->write(topLeft(made.fake, width, height));
        media::writeImage((out / result.masks / frameName(i)).string(), topLeft(made.mask, width, height));
    }
    writer->finish();
    writeFaceBoxes((out / result.boxes).string(), boxes);
    result.frames = frames;
    copyBeside(request.input, out / result.real);
    return result;
}

// The source's face resampled onto the target's: the square around each box grown 1.3x, mapped
// one onto the other (bilinear, edges repeated), over the region `region` of the target frame.
Image sourceFaceOver(const Image &source, const FaceBox &from, const FaceBox &to, int left, int top, int width, int height)
{
    namespace F = torch::nn::functional;
    const torch::Tensor pixels = imageToTensor(source).unsqueeze(0); // [1, 3, H, W] in [0, 1]
    const double scaleX = from.width / to.width, scaleY = from.height / to.height;
    const double toX = to.left + to.width / 2.0, toY = to.top + to.height / 2.0;
    const double fromX = from.left + from.width / 2.0, fromY = from.top + from.height / 2.0;
    // Target pixel centre -> source pixel centre -> grid_sample's [-1, 1] (align_corners false).
    const torch::Tensor xs = (torch::arange(width, torch::kDouble) + left + 0.5 - toX) * scaleX + fromX;
    const torch::Tensor ys = (torch::arange(height, torch::kDouble) + top + 0.5 - toY) * scaleY + fromY;
    const torch::Tensor gx = (xs / source.width() * 2.0 - 1.0).view({1, width}).expand({height, width});
    const torch::Tensor gy = (ys / source.height() * 2.0 - 1.0).view({height, 1}).expand({height, width});
    const torch::Tensor grid = torch::stack({gx, gy}, 2).unsqueeze(0).to(torch::kFloat);
    const torch::Tensor sampled =
        F::grid_sample(pixels, grid, F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kBorder).align_corners(false));
    return imageFromTensor((sampled[0].clamp(0.0, 1.0) * 255.0).round().to(torch::kUInt8));
}
} // namespace

FakeVideoResult makeSelfBlendedFake(const FakeVideoRequest &request, const JobControl &control)
{
    const BlendTrajectory trajectory(request.seed);
    FakeVideoResult result = writeFake(request, fs::path(request.input).stem().string(),
                                       [&](std::int64_t i, const Image &frame, const FaceBox &face) {
                                           return selfBlend(frame, face, trajectory.at(i));
                                       },
                                       control);
    result.kind = "self-blend";
    return result;
}

FakeVideoResult makeSwappedFake(const FakeVideoRequest &request, const JobControl &control)
{
    if (request.source.empty())
        throw Error("a face swap needs a second video, the face's source");
    const std::unique_ptr<media::VideoReader> source = media::VideoReader::open(request.source, control);
    const std::int64_t sourceFrames = source->info().frameCount;
    if (sourceFrames <= 0)
        throw Error(request.source + " has no frames");
    // The source's faces are given or found; a source shorter than the target is played again
    // from its start; a source frame without a face lends the last face found.
    std::unique_ptr<FaceFollower> sourceFaces;
    std::int64_t lastLoop = -1;
    Image lastSource;
    std::optional<FaceBox> lastSourceFace;
    const auto swap = [&](std::int64_t i, const Image &frame, const FaceBox &face) -> BlendedFrame {
        const std::int64_t j = i % sourceFrames;
        if (i / sourceFrames != lastLoop) {
            sourceFaces = std::make_unique<FaceFollower>(request.sourceBoxes, request.minFace); // the tracker restarts with the loop
            lastLoop = i / sourceFrames;
        }
        const Image sourceFrame = source->frameAt(j).rgb;
        if (const std::optional<FaceBox> found = sourceFaces->at(j, sourceFrame)) {
            lastSource = sourceFrame;
            lastSourceFace = found;
        }
        if (!lastSourceFace)
            return {};
        // The region replaced: the face box grown 1.3x, inside the frame; in it, an ellipse on the
        // face (half axes 0.45 and 0.55 of the box, as the self-blend's) is cloned.
        const double cx = face.left + face.width / 2.0, cy = face.top + face.height / 2.0;
        const int left = std::max(0, int(std::floor(cx - 0.65 * face.width))), top = std::max(0, int(std::floor(cy - 0.65 * face.height)));
        const int right = std::min(frame.width(), int(std::ceil(cx + 0.65 * face.width)));
        const int bottom = std::min(frame.height(), int(std::ceil(cy + 0.65 * face.height)));
        if (right - left < 4 || bottom - top < 4)
            return {};
        const Image patch = sourceFaceOver(lastSource, *lastSourceFace, face, left, top, right - left, bottom - top);
        Image ellipse(right - left, bottom - top, 1, PixelFormat::UInt8);
        for (int y = 0; y < ellipse.height(); ++y) {
            std::uint8_t *row = ellipse.row(y);
            for (int x = 0; x < ellipse.width(); ++x) {
                const double dx = (left + x + 0.5 - cx) / (0.45 * face.width), dy = (top + y + 0.5 - cy) / (0.55 * face.height);
                row[x] = dx * dx + dy * dy <= 1.0 ? 255 : 0;
            }
        }
        BlendedFrame out;
        out.fake = media::seamlessClone(patch, ellipse, frame, left, top);
        // The ground truth: exactly the pixels that changed.
        const torch::Tensor changed = (imageAsTensorHWC(out.fake) != imageAsTensorHWC(frame)).any(2);
        out.mask = imageFromTensor((changed.to(torch::kUInt8) * 255).unsqueeze(0));
        return out;
    };
    const std::string fakeStem = fs::path(request.input).stem().string() + "_" + fs::path(request.source).stem().string();
    FakeVideoResult result = writeFake(request, fakeStem, swap, control);
    result.kind = "swap";
    result.source = "real/" + fs::path(request.source).filename().string();
    copyBeside(request.source, fs::path(request.outFolder) / result.source);
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
        fake.set("kind", r.kind);
        if (!r.source.empty())
            fake.set("source", r.source);
        fake.set("frames", r.frames);
        fake.set("frames_with_face", r.framesWithFace);
        metadata.set(r.fake, std::move(fake));
        json::Value real = json::Object{};
        real.set("label", "REAL");
        real.set("boxes", r.boxes);
        metadata.set(r.real, std::move(real));
    }
    // A swap's face source is real footage too; listed (without boxes) unless it is a target itself.
    for (const FakeVideoResult &r : results)
        if (!r.source.empty() && !metadata.find(r.source)) {
            json::Value real = json::Object{};
            real.set("label", "REAL");
            metadata.set(r.source, std::move(real));
        }
    const std::string text = metadata.dump(1) + "\n";
    writeFileAtomically((fs::path(outFolder) / "metadata.json").string(), text.data(), text.size());
}

} // namespace periscope::deepfake
