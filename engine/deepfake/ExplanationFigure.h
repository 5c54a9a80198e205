// SPDX-License-Identifier: GPL-3.0-or-later
// What a DeepFake explanation figure shows of one video: a few frames spread over it, each as the
// face's square (the square the detector cropped, at the figure's resolution), and each method's
// heatmap blended over that square (its positive part scaled by the cell's largest value, so every
// cell uses the whole colormap: methods' maps have different units), with each frame's score. The
// frames are those every method explained. `periscope-cli deepfake --figure` builds it from the
// explainer's outputs, the DeepFake workspace from its explanation caches, and
// app/figures/DeepfakeFigure.h draws it with the metric table. No torch in this header.
#pragma once

#include "engine/core/color/Colormap.h"
#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/deepfake/ExplanationMetrics.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace periscope::deepfake {

class ExplanationCache;
struct VideoExplanationResult;

struct ExplanationFigureFrame {
    std::int64_t index = -1;
    double time = 0.0;   // seconds
    FaceBox box;         // the face, in the frame's pixels
    Image face;          // side x side, 8-bit RGB: the detector's square around the face
};

struct ExplanationFigureMethod {
    std::string method;                         // gradcam, ...
    std::vector<Image> overlays;                // per frame: side x side 8-bit RGB, the map over the face
    std::vector<std::optional<double>> scores;  // per frame: P(fake) as this run scored it
    std::vector<bool> empty;                    // per frame: the map has nothing positive (the face alone)
};

struct ExplanationFigureData {
    std::string video;
    Colormap colormap = Colormap::Jet; // the overlays'
    std::vector<ExplanationFigureFrame> frames;
    std::vector<ExplanationFigureMethod> methods;
};

struct ExplanationFigureOptions {
    int frames = 4;                  // at most this many, spread over the frames every method explained
    int side = 192;                  // each square's side in pixels
    Colormap colormap = Colormap::Jet;
    double opacity = 0.6;            // the map's weight where it is largest (as the annotated clip)
};

// `count` of the sorted `candidates`, spread evenly (the first and the last among them when count
// >= 2); all of them when there are no more than `count`.
std::vector<std::int64_t> spreadFrames(const std::vector<std::int64_t> &candidates, int count);

// From explainVideo's results on one video, one result per method (`methods[i]` names results[i]):
// the heatmaps are read back from each result's file. The frames are those with a face and a score
// in every result. Throws periscope::Error (no frame explained by every method, an unreadable file);
// cancellable between frames.
ExplanationFigureData explanationFigure(const std::string &video, const std::vector<std::string> &methods,
                                        const std::vector<VideoExplanationResult> &results, const ExplanationFigureOptions &options,
                                        const JobControl &control = {});

// From explanation caches of one video, one per method (the workspace's: ExplanationCache in
// FrameExplanations.h). Throws as above.
ExplanationFigureData explanationFigure(const std::string &video, const std::vector<std::string> &methods,
                                        const std::vector<std::shared_ptr<const ExplanationCache>> &caches,
                                        const ExplanationFigureOptions &options, const JobControl &control = {});

} // namespace periscope::deepfake
