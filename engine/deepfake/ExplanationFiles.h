// SPDX-License-Identifier: GPL-3.0-or-later
// The explanation metrics over files, for `periscope-cli explanation-metrics` and any tool's
// heatmaps: heatmaps as safetensors (`heatmaps` [T, H, W] real, optional `frames` int64 [T]: the
// frames' indices in the video), manipulation masks as safetensors (`masks` [T, H, W], non-zero
// where manipulated), a folder of mask images (sorted by name; image i is video frame i) or a mask
// video (frame i is video frame i) where a pixel with any channel at least half on is masked, and
// face boxes as JSON ({"frames": [{"index": I, "face_box":
// [left, top, width, height] or null}, ...]}, which `periscope-cli deepfake` writes).
#pragma once

#include "engine/core/json/Json.h"
#include "engine/deepfake/ExplanationMetrics.h"

#include <cstdint>
#include <map>
#include <optional>

#include <string>
#include <vector>

namespace at {
class Tensor;
}

namespace periscope::deepfake {

class ManipulationMasks;

struct ExplanationFiles {
    std::string heatmaps;  // required
    std::string masks;     // empty: none
    std::string boxes;     // empty: none
    bool perFrame = true;  // the JSON lists every frame's values too
};

// Face boxes by frame index from {"frames": [{"index": I, "face_box": [left, top, width, height] |
// null}, ...]} (nullopt: the frame has no face). Throws periscope::Error with a one-line reason.
std::map<std::int64_t, std::optional<FaceBox>> readFaceBoxes(const std::string &path);
// Writes boxes in that format, atomically.
void writeFaceBoxes(const std::string &path, const std::map<std::int64_t, std::optional<FaceBox>> &boxes);

// Manipulation masks [T, H, W] (bool) for the given video frames, from a safetensors file, a
// folder of mask images or a mask video (see above). Engine-internal (torch).
at::Tensor readManipulationMasks(const std::string &path, const std::vector<std::int64_t> &frames, std::int64_t height, std::int64_t width);
// The same from any source (ManipulationMasks.h: a file, or a fake's difference to its original);
// `name` says which in the messages.
at::Tensor readManipulationMasks(ManipulationMasks &source, const std::string &name, const std::vector<std::int64_t> &frames,
                                 std::int64_t height, std::int64_t width);

// The metrics as JSON ({"heatmaps": path, "frames", "empty_frames", "metrics": {name: {n, mean,
// low, high}}, "per_frame": [...]}). Throws periscope::Error with a one-line reason.
json::Value scoreExplanationFiles(const ExplanationFiles &files);

} // namespace periscope::deepfake
