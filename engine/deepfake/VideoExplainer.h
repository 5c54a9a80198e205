// SPDX-License-Identifier: GPL-3.0-or-later
// A DeepFake detector's explanation of a video, frame by frame: the face found (Haar detector and
// tracker, or given boxes), cropped as the detector sees it (FaceCrop), scored by a frame model
// (EfficientNet with one logit, torchvision's names) or, in runs of consecutive frames, by a clip
// model (MViT-v2, ClipDetector.h), explained on the crop (Grad-CAM, Grad-CAM++, Integrated
// Gradients, SmoothGrad, occlusion, or attention rollout for MViT) and mapped back to full-frame pixels; then the
// video's score and the explanation metrics (ExplanationMetrics.h), with the manipulation masks
// where given. What `periscope-cli deepfake` runs and the DeepFake workspace will show.
#pragma once

#include "engine/core/device/Device.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/deepfake/DetectorDataset.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/deepfake/ManipulationMasks.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace periscope::deepfake {

struct VideoExplanationRequest {
    std::string video;
    std::string weights;                     // EfficientNet-B0..B7 or MViT-v2 with one logit ("fake"), torchvision's names
    std::string architecture = "efficientnet_b0"; // or mvit_v2_s, mvit_v2_mini (clip models)
    std::string method = "gradcam";          // gradcam, gradcampp, ig, smoothgrad, occlusion; rollout (clip models)
    std::string outFolder;                   // gets <stem>.deepfake.json and <stem>.heatmaps.safetensors
    std::string outputStem;                  // <stem>; empty: the video's file name without its extension
    std::string boxes;                       // face boxes instead of detection (as for the metrics); empty: detect
    std::string masks;                       // manipulation masks for the metrics (as for the metrics); empty: none
    std::string original;                    // without masks: the real video a fake was made from, whose
                                             // difference to it gives the masks (DFDC); empty: none
    DifferenceMaskSettings difference;       // how that difference is thresholded and cleaned
    std::int64_t maxFrames = 0;              // 0: every frame
    std::int64_t every = 1;                  // explain every Nth frame
    int inputSize = 224;                     // the crop's side in pixels (a clip model's is its own)
    DevicePreference device = DevicePreference::Auto; // where the detector runs (decoding stays on the CPU)
    std::int64_t batchFrames = 8;            // faces scored and explained together (a clip model: its clip length)
    bool exportClip = false;                 // also <stem>.explained.mp4: the frames annotated (ExplanationClip.h)
    std::string colormap = "jet";            // the clip's heatmap colours (engine/core/color/Colormap.h)
};

struct VideoExplanationResult {
    std::string json;          // the per-frame scores, the video score and the metrics
    std::string heatmaps;      // "heatmaps" float32 [T, H, W] in full-frame pixels, "frames" int64 [T]
    std::string clip;          // the annotated clip; empty unless asked for
    std::int64_t frames = 0;   // explained
    std::int64_t framesWithFace = 0;
    double videoScore = 0.0;   // mean probability of "fake" over the frames with a face; NaN without one
    ExplanationMetrics metrics; // what the JSON holds under "explanation_metrics"
    // Per explained frame, as the JSON lists them: its index, time, face and score.
    std::vector<std::int64_t> frameIndices;
    std::vector<double> times;
    std::vector<std::optional<FaceBox>> boxes;
    std::vector<std::optional<double>> scores;
};

// Throws periscope::Error with a one-line reason; cancellable between frames.
VideoExplanationResult explainVideo(const VideoExplanationRequest &request, const JobControl &control = {});

// Every video of a folder in the layouts readVideoFolder reads (DFDC, FaceForensics++, plain),
// each explained as `common` says (video, stem, boxes and masks are the folder's: each video's
// box file and shipped masks where the folder has them, else a fake's difference to its original
// as common.difference says), into common.outFolder as
// <relative path with '-' for '/'>.deepfake.json and .heatmaps.safetensors; then
// folder.deepfake.json: each video's label, score and files (or the reason it failed), the
// detection quality of the video scores for a labelled folder, and the explanation metrics over
// the videos (aggregateVideos). A video that fails is reported and the others go on.
struct FolderExplanationResult {
    std::string json;              // folder.deepfake.json
    int videos = 0, failed = 0;
    DetectionQuality detection;    // NaN without labels (or one class)
    FolderExplanationMetrics metrics;
};
FolderExplanationResult explainFolder(const std::string &folder, const VideoExplanationRequest &common,
                                      const std::function<void(const std::string &line)> &onVideo = {}, const JobControl &control = {});

// explainFolder in its two halves, for a folder explained by several processes (`periscope-cli
// deepfake DIR --shard I/N`): explainFolderVideo explains video `index` of readVideoFolder's list
// and returns its record ("entry": its line of folder.deepfake.json, "fake", "means": the video's
// seven metric means, null where it has none); summarizeFolder writes folder.deepfake.json into
// common.outFolder from every video's record in the list's order. The file is the one
// explainFolder writes. summarizeFolder throws periscope::Error on a record it cannot read.
json::Value explainFolderVideo(const VideoFolder &listed, const std::string &folder, std::size_t index, const VideoExplanationRequest &common,
                               const std::function<void(const std::string &line)> &onVideo = {}, const JobControl &control = {});
FolderExplanationResult summarizeFolder(const std::string &folder, const std::string &layout, bool labelled, const VideoExplanationRequest &common,
                                        const std::vector<json::Value> &records);

} // namespace periscope::deepfake
