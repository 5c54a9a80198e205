// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files and tests.
//
// An annotated clip of a video's explanation, for showing and for papers: each explained frame
// with its heatmap blended over it (the positive part, scaled by the video's largest value so that
// colours compare across frames; transparent where it is zero), the face box (green where the
// frame's score says real, red where it says fake) and a strip along the bottom with every
// explained frame's score (blue real to red fake) and a white mark at the current frame. No text:
// the engine draws no fonts, and the numbers are in NAME.deepfake.json beside the clip.
#pragma once

#include "engine/core/color/Colormap.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/deepfake/ExplanationMetrics.h"

#include <torch/torch.h>

#include <optional>
#include <string>
#include <vector>

namespace periscope::deepfake {

struct ExplanationClipRequest {
    std::string video;                             // the explained video
    std::string out;                               // the clip (.mp4: H.264 where FFmpeg has it)
    torch::Tensor heatmaps;                        // [T, H, W] in the video's pixels
    std::vector<std::int64_t> frames;              // the T frames' indices
    std::vector<std::optional<FaceBox>> boxes;     // per explained frame
    std::vector<std::optional<double>> scores;     // P(fake) per explained frame
    Colormap colormap = Colormap::Jet;
    double opacity = 0.6;                          // the heatmap's weight where it is largest
    double frameRate = 0.0;                        // 0: the video's rate divided by the frames' spacing
};

// Throws periscope::Error; cancellable between frames.
void writeExplanationClip(const ExplanationClipRequest &request, const JobControl &control = {});

// One annotated frame (8-bit RGB), as the clip shows frame k of the request; `scale` is the
// value drawn fully opaque (the video's largest).
Image annotatedFrame(const Image &frame, const ExplanationClipRequest &request, std::size_t k, float scale);

} // namespace periscope::deepfake
