// SPDX-License-Identifier: GPL-3.0-or-later
// Training a DeepFake frame detector on a folder of labelled videos: the DFDC layout that
// `periscope-cli fakes` writes (metadata.json with each video's label and, for a fake, its
// original), read with every path kept inside the folder; the faces of every Nth frame taken from
// the folder's box files or found (FaceFollower; a fake's from its original) and cropped as the detector sees them (FaceCrop); the videos split by original,
// so no footage is in both training and validation (with a single original, its last frames are
// held out instead); then trainFrameDetector (DetectorTraining.h) with the kit's weights, sidecar
// and resumable checkpoints. What `periscope-cli train-deepfake` runs.
#pragma once

#include "engine/core/device/Device.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/core/json/Json.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace periscope::deepfake {

// "efficientnet_b0" .. "efficientnet_b7": the frame detectors, as the CLI and the workspace offer them.
std::vector<std::string> frameDetectorArchitectures();
// "mvit_v2_mini", "mvit_v2_s": the clip detectors (ClipDetector.h), which score runs of frames.
std::vector<std::string> clipDetectorArchitectures();
bool isClipArchitecture(const std::string &architecture);

struct LabelledVideo {
    std::string path;     // absolute, inside the folder
    bool fake = false;
    std::string original; // the real video a fake was made from; a real video's own path
    std::string boxes;    // its face boxes ("boxes": what `fakes` writes), inside the folder; empty: none
    std::string masks;    // a fake's manipulation masks (ManipulationMasks::fromFile), inside the folder; empty: none
};

// The labelled videos of a folder, sorted by path, in either layout:
// - DFDC: FOLDER/metadata.json ({"fake/x.mp4": {"label": "FAKE", "original": "real/x.avi",
//   "boxes": "boxes/x.json", "mask": "masks/x"}, "real/x.avi": {"label": "REAL"}, ...};
//   "original", "boxes" and "mask" optional), as `periscope-cli fakes` writes it;
// - FaceForensics++: FOLDER/original_sequences/<source>/<compression>/videos/NNN.mp4 (real) and
//   FOLDER/manipulated_sequences/<method>/<compression>/videos/NNN_MMM.mp4 (fake; its original is
//   youtube's NNN.mp4 of the same compression where that is there; its masks
//   manipulated_sequences/<method>/masks/videos/NNN_MMM.mp4 where they are there). Throws periscope::Error naming the entry for a label
// that is neither, a path outside the folder (a symbolic link out, too), a missing file, a metadata
// file over 16 MB, or a folder in neither layout.
std::vector<LabelledVideo> readLabelledFolder(const std::string &folder);

// Any folder of videos, as the workspace opens it: a labelled one (above), or else the videos
// directly in it (by suffix: mp4, avi, mkv, mov, webm, m4v), unlabelled.
struct VideoFolder {
    std::string layout;   // "dfdc", "faceforensics" or "plain"
    bool labelled = false;
    std::vector<LabelledVideo> videos; // a plain folder's: fake false, original its own path
};
// Throws periscope::Error with a one-line reason (as readLabelledFolder; a plain folder without a
// video, or with over 100,000).
VideoFolder readVideoFolder(const std::string &folder);

struct DetectorTrainingRequest {
    std::string data;                      // a folder with metadata.json
    std::string outPath;                   // OUT.safetensors (+ OUT.json, OUT.checkpoint.*)
    bool resume = false;
    std::string architecture = "efficientnet_b0";
    std::string initialWeights;            // torchvision's ImageNet weights for the features (optional)
    int epochs = 10;                       // passes over the training pairs
    int batchSize = 16;                    // crops per step (pairs of consecutive frames)
    double learningRate = 1e-3;
    std::uint64_t seed = 1;
    double validationFraction = 0.25;      // of the originals (or of the frames, with one original)
    int inputSize = 224;
    std::int64_t every = 5;                // a crop from every Nth frame
    std::int64_t maxFramesPerVideo = 0;    // 0: all
    double spatialTvWeight = 0.0, temporalTvWeight = 0.0;
    DevicePreference device = DevicePreference::Auto; // where the network trains
};

struct DetectorTrainingReport {
    std::string weights, sidecar;
    int trainVideos = 0, validationVideos = 0;
    std::int64_t trainCrops = 0, validationCrops = 0, steps = 0;
    double rocAuc = 0.0, logLoss = 0.0, spatialSmoothness = 0.0, temporalSmoothness = 0.0; // last validation
    double seconds = 0.0;
    std::string device;                    // where it trained, as DeviceInfo::name says

    json::Value toJson() const;            // every field; null for a metric that is not finite
};

// Throws periscope::Error with a one-line reason; cancellable (between frames and steps, a
// checkpoint written first). `onLine` gets one line per video read and per validation.
DetectorTrainingReport trainDetectorOnFolder(const DetectorTrainingRequest &request,
                                             const std::function<void(const std::string &line)> &onLine = {},
                                             const JobControl &control = {});

} // namespace periscope::deepfake
