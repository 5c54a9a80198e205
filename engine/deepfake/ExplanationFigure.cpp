// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/ExplanationFigure.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/deepfake/FaceCrop.h"
#include "engine/deepfake/FrameExplanations.h"
#include "engine/deepfake/VideoExplainer.h"
#include "engine/media/video/VideoReader.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace periscope::deepfake {

namespace {

// The map's positive part blended over the face with a weight that grows with the value, as the
// annotated clip blends it; scaled by the cell's own largest value.
Image blendOver(const Image &face, const torch::Tensor &map, const ExplanationFigureOptions &options)
{
    const torch::Tensor rgb = imageAsTensorHWC(face).to(torch::kFloat);
    const torch::Tensor positive = map.to(torch::kFloat).clamp_min(0.0);
    const float largest = positive.max().item<float>();
    if (!(largest > 0.0f))
        return face; // nothing positive: the face alone
    const torch::Tensor h = positive / largest;
    const auto &table = colormapTable(options.colormap);
    torch::Tensor lut = torch::empty({256, 3}, torch::kFloat);
    float *entries = lut.data_ptr<float>();
    for (std::size_t i = 0; i < 256; ++i) {
        entries[3 * i] = table[i].r;
        entries[3 * i + 1] = table[i].g;
        entries[3 * i + 2] = table[i].b;
    }
    const torch::Tensor colour = lut.index({(h * 255.0f).round().clamp(0, 255).to(torch::kLong)});
    const torch::Tensor alpha = (options.opacity * h).unsqueeze(2);
    const torch::Tensor out = rgb * (1.0 - alpha) + colour * alpha;
    return imageFromTensor(out.round().clamp(0, 255).to(torch::kByte).permute({2, 0, 1}).contiguous());
}

// The frame's square around the face, at the figure's side.
FaceCrop figureSquare(const FaceCrop &detectorCrop, int side)
{
    FaceCrop square = detectorCrop;
    square.size = side;
    return square;
}

void checkOptions(const ExplanationFigureOptions &options, std::size_t methods, std::size_t sources)
{
    if (methods == 0)
        throw Error("a figure needs at least one explanation method");
    if (methods != sources)
        throw Error("a figure needs one explanation per method");
    if (options.frames < 1 || options.side < 16)
        throw Error("a figure needs at least one frame and squares of at least 16 pixels");
}

// The frames every one of `sources` explained (`explainedBy` counts the sources of each frame),
// spread as the options ask.
std::vector<std::int64_t> chooseFrames(const std::map<std::int64_t, int> &explainedBy, std::size_t sources, const std::string &video,
                                       const ExplanationFigureOptions &options)
{
    std::vector<std::int64_t> common;
    for (const auto &[frame, count] : explainedBy)
        if (count == int(sources))
            common.push_back(frame);
    if (common.empty())
        throw Error(video + ": no frame has a face explained by every method yet, so there is nothing to draw");
    return spreadFrames(common, options.frames);
}

ExplanationFigureData emptyFigure(const std::string &video, const std::vector<std::string> &methods, const ExplanationFigureOptions &options)
{
    ExplanationFigureData data;
    data.video = video;
    data.colormap = options.colormap;
    data.methods.resize(methods.size());
    for (std::size_t m = 0; m < methods.size(); ++m)
        data.methods[m].method = methods[m];
    return data;
}

// One method's cell of a frame: the map over the face, whether it has anything positive, the score.
void addCell(ExplanationFigureMethod &method, const Image &face, const Image &map, std::optional<double> score,
             const ExplanationFigureOptions &options)
{
    const torch::Tensor values = imageAsTensorHWC(map).select(2, 0);
    method.overlays.push_back(blendOver(face, values, options));
    method.empty.push_back(!(values.max().item<float>() > 0.0f));
    method.scores.push_back(score);
}

} // namespace

std::vector<std::int64_t> spreadFrames(const std::vector<std::int64_t> &candidates, int count)
{
    if (count < 1 || candidates.empty())
        return {};
    if (candidates.size() <= std::size_t(count))
        return candidates;
    if (count == 1)
        return {candidates[candidates.size() / 2]};
    std::vector<std::int64_t> out;
    for (int i = 0; i < count; ++i)
        out.push_back(candidates[std::size_t(std::llround(double(i) * double(candidates.size() - 1) / double(count - 1)))]);
    return out;
}

ExplanationFigureData explanationFigure(const std::string &video, const std::vector<std::string> &methods,
                                        const std::vector<VideoExplanationResult> &results, const ExplanationFigureOptions &options,
                                        const JobControl &control)
{
    checkOptions(options, methods.size(), results.size());
    // Frames with a face and a score in every run; the first run's face (the runs find the same
    // faces: the follower is deterministic).
    std::map<std::int64_t, int> explainedBy;
    for (const VideoExplanationResult &r : results)
        for (std::size_t k = 0; k < r.frameIndices.size(); ++k)
            if (k < r.boxes.size() && r.boxes[k] && k < r.scores.size() && r.scores[k])
                ++explainedBy[r.frameIndices[k]];
    const std::vector<std::int64_t> chosen = chooseFrames(explainedBy, results.size(), video, options);
    ExplanationFigureData data = emptyFigure(video, methods, options);
    std::vector<torch::Tensor> heatmaps; // views of the memory-mapped files
    for (std::size_t m = 0; m < methods.size(); ++m) {
        const SafetensorsContents contents = readSafetensors(results[m].heatmaps);
        const torch::Tensor *found = findTensor(contents.tensors, "heatmaps");
        if (!found || found->dim() != 3)
            throw Error(results[m].heatmaps + " has no [T, H, W] tensor named \"heatmaps\"");
        heatmaps.push_back(*found);
    }
    const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(video, control);
    for (std::size_t f = 0; f < chosen.size(); ++f) {
        control.throwIfCancelled();
        control.reportProgress(double(f) / double(chosen.size()), "frame " + std::to_string(chosen[f]));
        const media::VideoFrame decoded = reader->frameAt(chosen[f]);
        const VideoExplanationResult &first = results.front();
        const std::size_t k0 = std::size_t(std::find(first.frameIndices.begin(), first.frameIndices.end(), chosen[f]) - first.frameIndices.begin());
        ExplanationFigureFrame frame;
        frame.index = chosen[f];
        frame.time = k0 < first.times.size() ? first.times[k0] : decoded.timeSeconds;
        frame.box = *first.boxes[k0];
        const FaceCrop square = faceCropFor(frame.box, options.side);
        frame.face = cropFace(decoded.rgb, square);
        for (std::size_t m = 0; m < methods.size(); ++m) {
            const VideoExplanationResult &r = results[m];
            const std::size_t k = std::size_t(std::find(r.frameIndices.begin(), r.frameIndices.end(), chosen[f]) - r.frameIndices.begin());
            if (std::int64_t(k) >= heatmaps[m].size(0))
                throw Error(r.heatmaps + " holds fewer heatmaps than its run explained frames");
            const Image full = imageFromTensor(heatmaps[m][std::int64_t(k)].to(torch::kFloat).contiguous());
            addCell(data.methods[m], frame.face, cropFace(full, square), r.scores[k], options);
        }
        data.frames.push_back(std::move(frame));
    }
    return data;
}

ExplanationFigureData explanationFigure(const std::string &video, const std::vector<std::string> &methods,
                                        const std::vector<std::shared_ptr<const ExplanationCache>> &caches,
                                        const ExplanationFigureOptions &options, const JobControl &control)
{
    checkOptions(options, methods.size(), caches.size());
    std::map<std::int64_t, int> explainedBy;
    for (const auto &cache : caches) {
        if (!cache)
            throw Error("a figure needs the explanations of every method");
        for (const ExplanationCache::Entry &e : cache->entries())
            ++explainedBy[e.frame];
    }
    const std::vector<std::int64_t> chosen = chooseFrames(explainedBy, caches.size(), video, options);
    ExplanationFigureData data = emptyFigure(video, methods, options);
    const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(video, control);
    for (std::size_t f = 0; f < chosen.size(); ++f) {
        control.throwIfCancelled();
        control.reportProgress(double(f) / double(chosen.size()), "frame " + std::to_string(chosen[f]));
        const media::VideoFrame decoded = reader->frameAt(chosen[f]);
        const ExplanationCache::Entry first = *caches.front()->entry(chosen[f]);
        ExplanationFigureFrame frame;
        frame.index = chosen[f];
        frame.time = decoded.timeSeconds;
        frame.box = first.box;
        frame.face = cropFace(decoded.rgb, figureSquare(first.crop, options.side));
        for (std::size_t m = 0; m < methods.size(); ++m) {
            const std::optional<ExplanationCache::Entry> entry = caches[m]->entry(chosen[f]);
            const Image cropMap = caches[m]->heatmap(chosen[f]);
            if (!entry || cropMap.isNull())
                throw Error(video + ": the " + methods[m] + " explanation of frame " + std::to_string(chosen[f]) + " could not be read back");
            // The crop's map over the whole crop, resized to the figure's side. A method's crop
            // is the same square as the first method's (the same detector's faces), so the map
            // lies on the face drawn.
            addCell(data.methods[m], frame.face, cropFace(cropMap, FaceCrop{0, 0, entry->crop.size, options.side}), entry->score, options);
        }
        data.frames.push_back(std::move(frame));
    }
    return data;
}

} // namespace periscope::deepfake
