// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/VideoExplainer.h"

#include "engine/core/attribution/Attribution.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/deepfake/ExplanationFiles.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/deepfake/FaceCrop.h"
#include "engine/deepfake/FaceFollower.h"
#include "engine/media/video/VideoReader.h"

#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>

namespace periscope::deepfake {

namespace {
namespace fs = std::filesystem;
namespace F = torch::nn::functional;

// Heatmaps of a whole video in full-frame pixels are kept in memory until written.
constexpr double kMaxHeatmapBytes = 4.0 * 1024 * 1024 * 1024;

EfficientNet loadDetector(const std::string &architecture, const std::string &weightsPath)
{
    const std::string prefix = "efficientnet_b";
    if (architecture.rfind(prefix, 0) != 0 || architecture.size() != prefix.size() + 1)
        throw Error("the frame detector must be efficientnet_b0 .. efficientnet_b7, not \"" + architecture + "\"");
    const StateDict weights = loadStateDict(weightsPath);
    const torch::Tensor *head = findTensor(weights, "classifier.1.weight");
    if (!head || head->dim() != 2)
        throw Error(weightsPath + " is not an EfficientNet checkpoint (no classifier.1.weight)");
    if (head->size(0) != 1)
        throw Error(weightsPath + " has " + std::to_string(head->size(0)) + " outputs; a DeepFake detector has one logit (\"fake\")");
    EfficientNet model(EfficientNetConfig::b(architecture.back() - '0', 1));
    const LoadReport report = applyStateDict(*model, weights, /*strict=*/false);
    if (!report.isComplete())
        throw Error(weightsPath + " does not fit " + architecture + ": " + report.summary());
    model->eval();
    return model;
}

// The crop as the detector's input: [1, 3, S, S], ImageNet's normalisation (torchvision's weights).
torch::Tensor detectorInput(const Image &crop)
{
    const torch::Tensor mean = torch::tensor({0.485f, 0.456f, 0.406f}).view({1, 3, 1, 1});
    const torch::Tensor std = torch::tensor({0.229f, 0.224f, 0.225f}).view({1, 3, 1, 1});
    return (imageToTensor(crop).unsqueeze(0) - mean) / std;
}

// The explanation on the crop, [S, S]: the method's map, summed over colour channels where it
// has them, resized to the crop where it is coarser (Grad-CAM's feature map).
torch::Tensor explainCrop(EfficientNet &model, const std::string &method, const torch::Tensor &input)
{
    const torch::Tensor target = torch::zeros({1}, torch::kLong);
    const std::int64_t size = input.size(2);
    const ScoreFunction score = [&](const torch::Tensor &x) { return model->forward(x); };
    torch::Tensor map;
    if (method == "gradcam" || method == "gradcampp") {
        const ScoreWithActivation withActivation = [&](const torch::Tensor &x, const std::string &layer) {
            return model->forwardWithActivation(x, layer);
        };
        const torch::Tensor cam = gradCam(withActivation, "features", input, target,
                                          method == "gradcam" ? CamVariant::GradCam : CamVariant::GradCamPlusPlus);
        map = F::interpolate(cam.unsqueeze(1), F::InterpolateFuncOptions()
                                                   .size(std::vector<std::int64_t>{size, size})
                                                   .mode(torch::kBilinear)
                                                   .align_corners(false))
                  .squeeze(1);
    } else if (method == "ig") {
        IntegratedGradientsOptions options;
        options.steps = 32;
        options.batchSize = 8;
        map = integratedGradients(score, input, target, options).attribution.sum(1);
    } else if (method == "smoothgrad") {
        SmoothGradOptions options;
        options.samples = 16;
        options.batchSize = 8;
        map = smoothGrad(score, input, target, options).abs().sum(1);
    } else if (method == "occlusion") {
        OcclusionOptions options;
        options.window = int(std::max<std::int64_t>(8, size / 8));
        options.stride = options.window / 2;
        map = occlusion(score, input, target, options);
    } else {
        throw Error("unknown explanation method \"" + method + "\" (gradcam, gradcampp, ig, smoothgrad, occlusion)");
    }
    return map.squeeze(0).detach();
}

json::Value numberOrNull(double value)
{
    return std::isfinite(value) ? json::Value(value) : json::Value();
}
} // namespace

VideoExplanationResult explainVideo(const VideoExplanationRequest &request, const JobControl &control)
{
    if (request.every < 1 || request.inputSize < 32)
        throw Error("explain every N >= 1 frames with a crop of at least 32 pixels");
    EfficientNet model = loadDetector(request.architecture, request.weights);
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
    // Method names are checked before the first frame, not after a minute of decoding.
    if (request.method != "gradcam" && request.method != "gradcampp" && request.method != "ig" && request.method != "smoothgrad" &&
        request.method != "occlusion")
        throw Error("unknown explanation method \"" + request.method + "\" (gradcam, gradcampp, ig, smoothgrad, occlusion)");

    FaceFollower faces(request.boxes);
    torch::Tensor heatmaps = torch::zeros({std::int64_t(indices.size()), info.height, info.width});
    std::vector<std::optional<FaceBox>> boxes;
    json::Array perFrame;
    VideoExplanationResult result;
    double scoreSum = 0.0;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        control.throwIfCancelled();
        control.reportProgress(double(k) / double(indices.size()), "frame " + std::to_string(indices[k]));
        const media::VideoFrame frame = reader->frameAt(indices[k]);
        const std::optional<FaceBox> face = faces.at(indices[k], frame.rgb);
        boxes.push_back(face);
        json::Value entry = json::Object{};
        entry.set("index", indices[k]);
        entry.set("time", frame.timeSeconds);
        if (!face) {
            entry.set("face_box", json::Value());
            entry.set("score", json::Value());
            perFrame.push_back(std::move(entry));
            continue;
        }
        const FaceCrop crop = faceCropFor(*face, request.inputSize);
        const torch::Tensor input = detectorInput(cropFace(frame.rgb, crop));
        double probability = 0.0;
        {
            torch::NoGradGuard noGrad;
            probability = torch::sigmoid(model->forward(input)).item<double>();
        }
        heatmaps[std::int64_t(k)].copy_(heatmapToFrame(explainCrop(model, request.method, input), crop, info.height, info.width));
        ++result.framesWithFace;
        scoreSum += probability;
        entry.set("face_box", json::Array{face->left, face->top, face->width, face->height});
        entry.set("score", probability);
        perFrame.push_back(std::move(entry));
    }
    result.frames = std::int64_t(indices.size());
    result.videoScore = result.framesWithFace > 0 ? scoreSum / double(result.framesWithFace) : std::numeric_limits<double>::quiet_NaN();

    const std::string stem = fs::path(request.video).stem().string();
    std::error_code error;
    fs::create_directories(request.outFolder, error);
    result.heatmaps = (fs::path(request.outFolder) / (stem + ".heatmaps.safetensors")).string();
    result.json = (fs::path(request.outFolder) / (stem + ".deepfake.json")).string();
    writeSafetensors(result.heatmaps, {{"heatmaps", heatmaps}, {"frames", torch::tensor(indices, torch::kLong)}});

    // The metrics of these heatmaps, with the boxes used and the masks where given.
    const torch::Tensor masks = request.masks.empty() ? torch::Tensor() : readManipulationMasks(request.masks, indices, info.height, info.width);
    const json::Value metrics = scoreExplanations(heatmaps, masks, boxes, indices).toJson(false);

    json::Value out = json::Object{};
    out.set("video", request.video);
    out.set("model", request.weights);
    out.set("architecture", request.architecture);
    out.set("method", request.method);
    out.set("frames", json::Value(std::move(perFrame)));
    out.set("frames_with_face", result.framesWithFace);
    out.set("video_score", numberOrNull(result.videoScore));
    out.set("explanation_metrics", metrics);
    const std::string text = out.dump(1) + "\n";
    writeFileAtomically(result.json, text.data(), text.size());
    return result;
}

} // namespace periscope::deepfake
