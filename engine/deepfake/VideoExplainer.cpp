// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/VideoExplainer.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/device/Device.h"
#include "engine/core/jobs/BoundedQueue.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/deepfake/ClipDetector.h"
#include "engine/deepfake/DetectorDataset.h"
#include "engine/deepfake/ExplanationClip.h"
#include "engine/deepfake/ExplanationFiles.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/deepfake/FaceCrop.h"
#include "engine/deepfake/FaceFollower.h"
#include "engine/deepfake/FrameDetector.h"
#include "engine/media/video/VideoReader.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <thread>

namespace periscope::deepfake {

namespace {
namespace fs = std::filesystem;

// Heatmaps of a whole video in full-frame pixels are kept in memory until written.
constexpr double kMaxHeatmapBytes = 4.0 * 1024 * 1024 * 1024;

} // namespace

VideoExplanationResult explainVideo(const VideoExplanationRequest &request, const JobControl &control)
{
    if (request.every < 1 || request.inputSize < 32 || request.batchFrames < 1)
        throw Error("explain every N >= 1 frames, in batches of at least one, with a crop of at least 32 pixels");
    // The method's name and the device are checked before the first frame, not after a minute of decoding.
    const ExplanationMethod method = parseExplanationMethod(request.method);
    const Colormap colormap = parseColormap(request.colormap);
    const DeviceInfo device = selectDevice(request.device);
    // A frame model (EfficientNet) explains each face crop; a clip model (MViT) explains runs of
    // consecutive crops, as many as it takes, and gives every frame of a run the run's score.
    std::optional<FrameDetector> frameDetector;
    std::optional<ClipDetector> clipDetector;
    if (isClipArchitecture(request.architecture))
        clipDetector = ClipDetector::load(request.architecture, request.weights, torch::Device(device.torchName()));
    else if (method == ExplanationMethod::AttentionRollout)
        throw Error("attention rollout explains a transformer's attention: use a clip model (--arch mvit_v2_s or mvit_v2_mini)");
    else
        frameDetector = FrameDetector::load(request.architecture, request.weights, torch::Device(device.torchName()));
    const int cropSize = clipDetector ? int(clipDetector->cropSize()) : request.inputSize;
    const std::int64_t batchFrames = clipDetector ? clipDetector->framesPerClip() : request.batchFrames;
    const std::unique_ptr<media::VideoReader> reader = media::VideoReader::open(request.video, control);
    const media::VideoInfo &info = reader->info();
    const std::int64_t last = request.maxFrames > 0 ? std::min(request.maxFrames, info.frameCount) : info.frameCount;
    std::vector<std::int64_t> indices;
    for (std::int64_t i = 0; i < last; i += request.every)
        indices.push_back(i);
    if (indices.empty())
        throw Error(request.video + " has no frames");
    const double bytes = double(indices.size()) * double(info.width) * double(info.height) * 4.0;
    if (bytes > kMaxHeatmapBytes)
        throw Error(request.video + ": " + std::to_string(indices.size()) + " full-frame heatmaps of " + std::to_string(info.width) + " x " +
                    std::to_string(info.height) + " would take " + std::to_string(int(bytes / (1 << 30))) +
                    " GB; explain fewer frames (--every, --max-frames)");

    FaceFollower faces(request.boxes);
    torch::Tensor heatmaps = torch::zeros({std::int64_t(indices.size()), info.height, info.width});
    std::vector<std::optional<FaceBox>> boxes(indices.size());
    std::vector<double> times(indices.size(), 0.0);
    std::vector<std::optional<double>> scores(indices.size());
    VideoExplanationResult result;

    // Faces of several frames are scored and explained in one batch. Frames are decoded, their
    // faces found and cropped on a second thread while the detector works on the previous batch,
    // so decoding and the cascade overlap the network (on the GPU, or the CPU's other cores); the
    // queue holds two batches, so decoding never runs far ahead in memory.
    struct Pending {
        std::size_t k;
        FaceCrop crop;
        torch::Tensor pixels; // [3, S, S] in [0, 1]
    };
    BoundedQueue<Pending> queue(std::size_t(2 * batchFrames));
    std::exception_ptr producerError;
    std::thread producer([&] {
        try {
            for (std::size_t k = 0; k < indices.size() && !queue.closed(); ++k) {
                control.throwIfCancelled();
                const media::VideoFrame frame = reader->frameAt(indices[k]);
                times[k] = frame.timeSeconds;
                boxes[k] = faces.at(indices[k], frame.rgb);
                if (!boxes[k])
                    continue;
                const FaceCrop crop = faceCropFor(*boxes[k], cropSize);
                if (!queue.push({k, crop, imageToTensor(cropFace(frame.rgb, crop))}))
                    break;
            }
        } catch (...) {
            producerError = std::current_exception();
        }
        queue.finish();
    });
    // Whatever ends the consumer (an error, a cancel), the producer is stopped and joined.
    struct StopProducer {
        BoundedQueue<Pending> &queue;
        std::thread &thread;
        ~StopProducer()
        {
            queue.close();
            if (thread.joinable())
                thread.join();
        }
    } stopProducer{queue, producer};

    std::vector<Pending> pending;
    auto flush = [&] {
        if (pending.empty())
            return;
        std::vector<torch::Tensor> crops;
        for (const Pending &p : pending)
            crops.push_back(p.pixels);
        torch::Tensor probability, maps;
        if (clipDetector) {
            const torch::Tensor clip = clipDetector->input(torch::stack(crops));
            maps = clipDetector->explain(method, clip, control)[0];
            probability = clipDetector->probabilities(clip).expand({std::int64_t(pending.size())});
        } else {
            const torch::Tensor input = frameDetector->input(torch::stack(crops));
            probability = frameDetector->probabilities(input);
            maps = frameDetector->explain(method, input, control);
        }
        for (std::size_t i = 0; i < pending.size(); ++i) {
            const Pending &p = pending[i];
            placeHeatmapInFrame(maps[std::int64_t(i)], p.crop, heatmaps[std::int64_t(p.k)]);
            scores[p.k] = probability[std::int64_t(i)].item<double>();
        }
        control.reportProgress(double(pending.back().k + 1) / double(indices.size()), "frame " + std::to_string(indices[pending.back().k]));
        pending.clear();
    };
    while (std::optional<Pending> next = queue.pop()) {
        control.throwIfCancelled();
        // A clip model scores the explained frames of each block of T (frames 0 .. T-1 of the
        // explained ones, T .. 2T-1, ...) together, frames without a face left out, as the
        // workspace does: a frame's clip never depends on where a run started.
        if (clipDetector && !pending.empty() && std::int64_t(next->k) / batchFrames != std::int64_t(pending.back().k) / batchFrames)
            flush();
        pending.push_back(std::move(*next));
        if (std::int64_t(pending.size()) >= batchFrames)
            flush();
    }
    flush();
    queue.close();
    producer.join();
    if (producerError)
        std::rethrow_exception(producerError);

    json::Array perFrame;
    double scoreSum = 0.0;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        json::Value entry = json::Object{};
        entry.set("index", indices[k]);
        entry.set("time", times[k]);
        if (boxes[k] && scores[k]) {
            const FaceBox &face = *boxes[k];
            entry.set("face_box", json::Array{face.left, face.top, face.width, face.height});
            entry.set("score", *scores[k]);
            scoreSum += *scores[k];
            ++result.framesWithFace;
        } else {
            entry.set("face_box", json::Value());
            entry.set("score", json::Value());
        }
        perFrame.push_back(std::move(entry));
    }
    result.frames = std::int64_t(indices.size());
    result.frameIndices = indices;
    result.times = times;
    result.boxes = boxes;
    result.scores = scores;
    result.videoScore = result.framesWithFace > 0 ? scoreSum / double(result.framesWithFace) : std::numeric_limits<double>::quiet_NaN();

    const std::string stem = request.outputStem.empty() ? fs::path(request.video).stem().string() : request.outputStem;
    std::error_code error;
    fs::create_directories(request.outFolder, error);
    result.heatmaps = (fs::path(request.outFolder) / (stem + ".heatmaps.safetensors")).string();
    result.json = (fs::path(request.outFolder) / (stem + ".deepfake.json")).string();
    writeSafetensors(result.heatmaps, {{"heatmaps", heatmaps}, {"frames", torch::tensor(indices, torch::kLong)}});
    if (request.exportClip) {
        ExplanationClipRequest clip;
        clip.video = request.video;
        clip.out = result.clip = (fs::path(request.outFolder) / (stem + ".explained.mp4")).string();
        clip.heatmaps = heatmaps;
        clip.frames = indices;
        clip.boxes = boxes;
        clip.scores = scores;
        clip.colormap = colormap;
        writeExplanationClip(clip, control);
    }

    // The metrics of these heatmaps, with the boxes used and the masks where given.
    torch::Tensor masks;
    if (!request.masks.empty()) {
        masks = readManipulationMasks(request.masks, indices, info.height, info.width);
    } else if (!request.original.empty()) {
        const std::unique_ptr<ManipulationMasks> difference = ManipulationMasks::fromDifference(request.video, request.original, request.difference);
        masks = readManipulationMasks(*difference, "the difference of " + request.video + " to " + request.original, indices, info.height,
                                      info.width);
    }
    result.metrics = scoreExplanations(heatmaps, masks, boxes, indices);
    const json::Value metrics = result.metrics.toJson(false);

    json::Value out = json::Object{};
    out.set("video", request.video);
    out.set("model", request.weights);
    out.set("architecture", request.architecture);
    out.set("method", request.method);
    if (clipDetector)
        out.set("clip_frames", clipDetector->framesPerClip()); // each run of this many frames with a face shares its score
    out.set("device", device.name);
    out.set("frames", json::Value(std::move(perFrame)));
    out.set("frames_with_face", result.framesWithFace);
    out.set("video_score", json::finiteOrNull(result.videoScore));
    out.set("explanation_metrics", metrics);
    const std::string text = out.dump(1) + "\n";
    writeFileAtomically(result.json, text.data(), text.size());
    return result;
}

namespace {
// The seven per-video means aggregateVideos takes the folder's over, in a fixed order.
std::vector<const MeanInterval *> videoMeans(const ExplanationSummary &s)
{
    return {&s.spatialSmoothness, &s.temporalSmoothness, &s.sparsity, &s.locality, &s.maskMass, &s.maskAuc, &s.maskTopKIoU};
}
std::vector<MeanInterval *> videoMeans(ExplanationSummary &s)
{
    return {&s.spatialSmoothness, &s.temporalSmoothness, &s.sparsity, &s.locality, &s.maskMass, &s.maskAuc, &s.maskTopKIoU};
}

const json::Value &recordField(const json::Value &record, const char *key)
{
    const json::Value *value = record.find(key);
    if (!value)
        throw Error(std::string("a folder video's record has no \"") + key + "\"");
    return *value;
}
} // namespace

json::Value explainFolderVideo(const VideoFolder &listed, const std::string &folder, std::size_t index, const VideoExplanationRequest &common,
                               const std::function<void(const std::string &)> &onVideo, const JobControl &control)
{
    if (index >= listed.videos.size())
        throw Error("video " + std::to_string(index) + " is not one of the folder's " + std::to_string(listed.videos.size()));
    const fs::path root = fs::absolute(fs::path(folder)).lexically_normal();
    const LabelledVideo &video = listed.videos[index];
    // The video's path inside the folder names its outputs: fake/x.mp4 and real/x.avi differ.
    std::string stem = fs::path(video.path).lexically_relative(root).replace_extension().generic_string();
    std::replace(stem.begin(), stem.end(), '/', '-');
    VideoExplanationRequest request = common;
    request.video = video.path;
    request.outputStem = stem;
    request.boxes = video.boxes;
    request.masks = video.fake ? video.masks : std::string();
    // DFDC ships no masks: a fake's difference to its original gives them.
    request.original = video.fake && video.masks.empty() && video.original != video.path ? video.original : std::string();
    json::Value entry = json::Object{};
    entry.set("video", fs::path(video.path).lexically_relative(root).generic_string());
    entry.set("masks", !request.masks.empty() ? json::Value("shipped") : !request.original.empty() ? json::Value("difference") : json::Value());
    if (listed.labelled)
        entry.set("label", video.fake ? "FAKE" : "REAL");
    json::Value record = json::Object{{"fake", video.fake}};
    try {
        const VideoExplanationResult result = explainVideo(request, control);
        entry.set("score", json::finiteOrNull(result.videoScore));
        entry.set("frames_with_face", result.framesWithFace);
        entry.set("json", fs::path(result.json).filename().string());
        entry.set("heatmaps", fs::path(result.heatmaps).filename().string());
        json::Array means;
        for (const MeanInterval *m : videoMeans(result.metrics.summary))
            means.push_back(m->n > 0 ? json::Value(m->mean) : json::Value());
        record.set("means", json::Value(std::move(means)));
        if (onVideo)
            onVideo(video.path + ": score " + (std::isfinite(result.videoScore) ? std::to_string(result.videoScore) : "none") + " -> " + result.json);
    } catch (const CancelledError &) {
        throw;
    } catch (const std::exception &e) {
        entry.set("error", std::string(e.what()));
        if (onVideo)
            onVideo(video.path + ": " + e.what());
    }
    record.set("entry", std::move(entry));
    return record;
}

FolderExplanationResult summarizeFolder(const std::string &folder, const std::string &layout, bool labelled, const VideoExplanationRequest &common,
                                        const std::vector<json::Value> &records)
{
    const fs::path root = fs::absolute(fs::path(folder)).lexically_normal();
    FolderExplanationResult out;
    std::vector<double> scores;
    std::vector<bool> fakes;
    std::vector<ExplanationMetrics> perVideo;
    json::Array entries;
    for (const json::Value &record : records) {
        const json::Value &entry = recordField(record, "entry");
        ++out.videos;
        if (entry.find("error")) {
            ++out.failed;
        } else {
            // Only the means (and whether there are any) count towards the folder's metrics.
            ExplanationMetrics metrics;
            const json::Array &means = recordField(record, "means").asArray();
            const std::vector<MeanInterval *> targets = videoMeans(metrics.summary);
            if (means.size() != targets.size())
                throw Error("a folder video's record has " + std::to_string(means.size()) + " metric means, not " + std::to_string(targets.size()));
            for (std::size_t m = 0; m < targets.size(); ++m)
                if (!means[m].isNull()) {
                    targets[m]->n = 1;
                    targets[m]->mean = means[m].asNumber();
                }
            perVideo.push_back(std::move(metrics));
            const json::Value &score = recordField(entry, "score");
            if (labelled && !score.isNull()) {
                scores.push_back(score.asNumber());
                fakes.push_back(recordField(record, "fake").asBool());
            }
        }
        entries.push_back(entry);
    }
    out.metrics = aggregateVideos(perVideo);
    json::Value summary = json::Object{};
    summary.set("folder", root.string());
    summary.set("layout", layout);
    summary.set("model", common.weights);
    summary.set("architecture", common.architecture);
    summary.set("method", common.method);
    json::Value difference = json::Object{};
    difference.set("threshold", common.difference.threshold);
    difference.set("median", common.difference.medianSize);
    summary.set("difference_masks", difference); // for fakes without shipped masks
    summary.set("videos", json::Value(std::move(entries)));
    summary.set("failed", out.failed);
    if (labelled && !scores.empty()) {
        out.detection = detectionQuality(scores, fakes);
        summary.set("detection_quality", out.detection.toJson());
    } else {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        out.detection.rocAuc = out.detection.averagePrecision = out.detection.logLoss = nan;
    }
    summary.set("explanation_metrics", out.metrics.toJson());
    std::error_code made;
    fs::create_directories(common.outFolder, made);
    out.json = (fs::path(common.outFolder) / "folder.deepfake.json").string();
    const std::string text = summary.dump(1) + "\n";
    writeFileAtomically(out.json, text.data(), text.size());
    return out;
}

FolderExplanationResult explainFolder(const std::string &folder, const VideoExplanationRequest &common,
                                      const std::function<void(const std::string &)> &onVideo, const JobControl &control)
{
    const VideoFolder listed = readVideoFolder(folder);
    std::error_code made;
    fs::create_directories(common.outFolder, made);
    std::vector<json::Value> records;
    for (std::size_t i = 0; i < listed.videos.size(); ++i) {
        control.throwIfCancelled();
        const JobControl part = control.subRange(double(i) / double(listed.videos.size()), double(i + 1) / double(listed.videos.size()));
        records.push_back(explainFolderVideo(listed, folder, i, common, onVideo, part));
    }
    return summarizeFolder(folder, listed.layout, listed.labelled, common, records);
}

} // namespace periscope::deepfake
