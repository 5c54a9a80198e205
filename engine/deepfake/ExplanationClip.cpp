// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/ExplanationClip.h"
#include "engine/deepfake/CachedExplanationClip.h"
#include "engine/deepfake/FrameExplanations.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"

#include <algorithm>
#include <cmath>

namespace periscope::deepfake {

namespace {
// A colormap's table as a [256, 3] float tensor, for indexing.
torch::Tensor tableTensor(Colormap map)
{
    const std::array<Rgb8, 256> &table = colormapTable(map);
    torch::Tensor t = torch::empty({256, 3});
    auto a = t.accessor<float, 2>();
    for (int i = 0; i < 256; ++i) {
        a[i][0] = table[std::size_t(i)].r;
        a[i][1] = table[std::size_t(i)].g;
        a[i][2] = table[std::size_t(i)].b;
    }
    return t;
}

// Fills the pixels of rectangle [x0, x1) x [y0, y1), clipped to the image [H, W, 3].
void fill(torch::Tensor &rgb, double x0, double y0, double x1, double y1, const torch::Tensor &colour)
{
    const std::int64_t h = rgb.size(0), w = rgb.size(1);
    const std::int64_t left = std::clamp<std::int64_t>(std::int64_t(std::floor(x0)), 0, w),
                       right = std::clamp<std::int64_t>(std::int64_t(std::ceil(x1)), 0, w);
    const std::int64_t top = std::clamp<std::int64_t>(std::int64_t(std::floor(y0)), 0, h),
                       bottom = std::clamp<std::int64_t>(std::int64_t(std::ceil(y1)), 0, h);
    if (right > left && bottom > top)
        rgb.slice(0, top, bottom).slice(1, left, right).copy_(colour.view({1, 1, 3}).expand({bottom - top, right - left, 3}));
}
} // namespace

namespace {
// One annotated frame: `heatmap` [H, W] (undefined: none), the strip of every frame's `scores`
// with the mark at k.
Image annotate(const Image &frame, const torch::Tensor &heatmap, const std::optional<FaceBox> &faceBox,
               const std::vector<std::optional<double>> &scores, std::size_t k, float scale, Colormap colormap, double opacity)
{
    const std::int64_t height = frame.height(), width = frame.width();
    torch::Tensor rgb = imageAsTensorHWC(frame).to(torch::kFloat).clone();
    if (rgb.size(2) != 3)
        throw Error("an annotated frame needs an RGB frame");
    // The heatmap, blended with a weight that grows with its value.
    if (scale > 0.0f && heatmap.defined()) {
        const torch::Tensor h = (torch::relu(heatmap.to(torch::kFloat)) / scale).clamp(0.0, 1.0);
        const torch::Tensor index = (h * 255.0).round().to(torch::kLong);
        const torch::Tensor colour = tableTensor(colormap).index_select(0, index.flatten()).view({height, width, 3});
        const torch::Tensor alpha = (opacity * h).unsqueeze(2);
        rgb = rgb * (1.0 - alpha) + colour * alpha;
    }
    const std::optional<double> score = scores[k];
    // The face box, 2 pixels wide: red where the frame is called fake, green where real.
    if (const std::optional<FaceBox> &box = faceBox) {
        const torch::Tensor colour = score && *score >= 0.5 ? torch::tensor({230.0f, 40.0f, 40.0f}) : torch::tensor({40.0f, 220.0f, 60.0f});
        const double l = box->left, t = box->top, r = box->left + box->width, b = box->top + box->height;
        fill(rgb, l - 2, t - 2, r + 2, t, colour);
        fill(rgb, l - 2, b, r + 2, b + 2, colour);
        fill(rgb, l - 2, t, l, b, colour);
        fill(rgb, r, t, r + 2, b, colour);
    }
    // The score strip: one column per position along the video, coloured by the score of the
    // explained frame there (grey where it had no face), and a white mark at this frame.
    const std::int64_t strip = std::max<std::int64_t>(4, height / 40), count = std::int64_t(scores.size());
    const torch::Tensor table = tableTensor(Colormap::Coolwarm);
    for (std::int64_t x = 0; x < width; ++x) {
        const std::optional<double> s = scores[std::size_t(std::min(count - 1, x * count / std::max<std::int64_t>(1, width)))];
        const torch::Tensor colour = s ? table[std::int64_t(std::lround(std::clamp(*s, 0.0, 1.0) * 255.0))] : torch::tensor({128.0f, 128.0f, 128.0f});
        rgb.slice(0, height - strip, height).select(1, x).copy_(colour.view({1, 3}).expand({strip, 3}));
    }
    const double markX = (double(k) + 0.5) * double(width) / double(count);
    fill(rgb, markX - 1, double(height - strip - 2), markX + 1, double(height), torch::tensor({255.0f, 255.0f, 255.0f}));

    Image out(int(width), int(height), 3, PixelFormat::UInt8);
    imageAsTensorHWC(out).copy_(rgb.round().clamp(0, 255).to(torch::kUInt8));
    return out;
}

// The top-left even-sized part a 4:2:0 encoder takes.
Image evenSized(const Image &annotated, int width, int height)
{
    if (annotated.width() == width && annotated.height() == height)
        return annotated;
    Image even(width, height, 3, PixelFormat::UInt8);
    imageAsTensorHWC(even).copy_(imageAsTensorHWC(annotated).slice(0, 0, height).slice(1, 0, width));
    return even;
}
} // namespace

Image annotatedFrame(const Image &frame, const ExplanationClipRequest &request, std::size_t k, float scale)
{
    return annotate(frame, request.heatmaps[std::int64_t(k)], request.boxes[k], request.scores, k, scale, request.colormap, request.opacity);
}

void writeExplanationClip(const ExplanationClipRequest &request, const JobControl &control)
{
    const std::size_t count = request.frames.size();
    if (count == 0 || !request.heatmaps.defined() || request.heatmaps.dim() != 3 || std::size_t(request.heatmaps.size(0)) != count ||
        request.boxes.size() != count || request.scores.size() != count)
        throw Error("an explanation clip needs one heatmap, box and score per frame");
    const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(request.video, control);
    const media::VideoInfo &info = reader->info();
    if (request.heatmaps.size(1) != info.height || request.heatmaps.size(2) != info.width)
        throw Error("the heatmaps are not the size of " + request.video);
    const float scale = torch::relu(request.heatmaps).max().item<float>();
    const std::int64_t spacing = count > 1 ? std::max<std::int64_t>(1, request.frames[1] - request.frames[0]) : 1;
    media::VideoWriterOptions options;
    options.frameRate = request.frameRate > 0.0 ? request.frameRate : std::max(1.0, (info.frameRate > 0.0 ? info.frameRate : 25.0) / double(spacing));
    // A 4:2:0 encoder keeps even sizes: the annotated frame's top-left part.
    const int width = info.width & ~1, height = info.height & ~1;
    const std::unique_ptr<media::VideoWriter> writer = media::VideoWriter::create(request.out, width, height, options);
    for (std::size_t k = 0; k < count; ++k) {
        control.throwIfCancelled();
        control.reportProgress(double(k) / double(count), "writing the clip");
        writer->write(evenSized(annotatedFrame(reader->frameAt(request.frames[k]).rgb, request, k, scale), width, height));
    }
    writer->finish();
}

void writeCachedExplanationClip(const ExplanationCache &cache, const std::string &video, const std::string &out, const JobControl &control)
{
    const std::vector<ExplanationCache::Entry> entries = cache.entries();
    if (entries.empty())
        throw Error("no frame of " + video + " has been explained yet");
    const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(video, control);
    const media::VideoInfo &info = reader->info();
    // First pass, over the small crop maps only: the largest value, drawn fully opaque, so colours
    // compare across frames as in writeExplanationClip (placing a map interpolates it, never above
    // its largest value).
    float scale = 0.0f;
    std::vector<std::optional<double>> scores;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        control.throwIfCancelled();
        const Image map = cache.heatmap(entries[k].frame);
        if (!map.isNull())
            scale = std::max(scale, torch::relu(imageAsTensorHWC(map)).max().item<float>());
        scores.emplace_back(entries[k].score);
    }
    media::VideoWriterOptions options;
    options.frameRate = info.frameRate > 0.0 ? info.frameRate : 25.0;
    const int width = info.width & ~1, height = info.height & ~1;
    const std::unique_ptr<media::VideoWriter> writer = media::VideoWriter::create(out, width, height, options);
    media::VideoFrame frame;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        control.throwIfCancelled();
        if (k % 8 == 0)
            control.reportProgress(double(k) / double(entries.size()), "writing the clip");
        const std::int64_t index = entries[k].frame;
        // In order where the explained frames follow each other; a seek over a gap.
        if (index > frame.index && index - frame.index <= 16) {
            while (frame.index < index && reader->readNext(frame)) {
            }
        }
        if (frame.index != index)
            frame = reader->frameAt(index);
        const Image map = cache.heatmap(index);
        torch::Tensor heatmap;
        if (!map.isNull())
            heatmap = imageAsTensorHWC(heatmapInFrame(map, entries[k].crop, info.width, info.height, false)).select(2, 0);
        writer->write(evenSized(annotate(frame.rgb, heatmap, entries[k].box, scores, k, scale, Colormap::Jet, 0.6), width, height));
    }
    writer->finish();
}

} // namespace periscope::deepfake
