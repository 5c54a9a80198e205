// SPDX-License-Identifier: GPL-3.0-or-later
// What the DeepFake workspace asks of the engine while a video is scrubbed: a detector kept loaded
// that scores and explains the faces of the frames it is given (FrameExplainer), and the on-disk
// cache of those explanations per video, detector and method (ExplanationCache), so a frame
// explained once is never computed again and a video reopens explained. No torch in this header.
#pragma once

#include "engine/core/device/Device.h"
#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/deepfake/FaceCrop.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace periscope::deepfake {

// "gradcam", "gradcampp", "ig", "smoothgrad", "occlusion"; the clip models' add "rollout"
// (declared in FrameDetector.h too, which needs torch).
std::vector<std::string> explanationMethodNames();
std::vector<std::string> clipExplanationMethodNames();

// Which detector explains, and how.
struct DetectorSpec {
    std::string weights;                   // EfficientNet-B0..B7 or MViT-v2 with one logit, torchvision's names
    std::string architecture = "efficientnet_b0"; // or a clip model: mvit_v2_s, mvit_v2_mini
    std::string method = "gradcam";        // gradcam, gradcampp, ig, smoothgrad, occlusion; rollout (clip models)
    int inputSize = 224;                   // the crop's side in pixels (a clip model's is its own)
    DevicePreference device = DevicePreference::Auto;
};

// The detector a weights file is, by its tensors' names and shapes (read from its header, nothing
// loaded): "mvit_v2_s" or "mvit_v2_mini" (conv_proj, blocks.N.attn: the block count and first
// width), "efficientnet_b0" .. "efficientnet_b7" (features.S.B: the block count and the last
// convolution's width); empty when the file is not readable weights or is none of these.
std::string detectorArchitectureOfWeights(const std::string &weights);

// The spec for a weights file: its JSON sidecar (WEIGHTS with the suffix .json, as train-deepfake
// writes it) gives the architecture and the crop size the detector was trained at; without one,
// the architecture its tensors say (detectorArchitectureOfWeights) at its own size (an MViT's, or
// 224 px), else EfficientNet-B0 at 224 px (torchvision's). Throws periscope::Error for a sidecar
// that is not readable JSON or names an architecture or size the engine does not have.
DetectorSpec detectorSpecFor(const std::string &weights, const std::string &method);

// One frame's face as the detector is given it.
struct FaceFrame {
    std::int64_t frame = -1;
    Image rgb;    // the whole frame, 8-bit RGB
    FaceBox box;  // in its pixels
};

// One frame's face as the detector saw and explained it.
struct FrameExplanation {
    std::int64_t frame = -1;
    FaceBox box;
    FaceCrop crop;
    double score = 0.0;  // P(fake)
    Image heatmap;       // crop.size x crop.size, float, one channel: the method's map on the crop
};

// A detector loaded once, on the device asked for, explaining faces in batches. A clip model's
// batch is one clip: the faces given together are consecutive frames, all get the clip's score,
// and a short last batch is filled up by repeating its last face (ClipDetector.h).
class FrameExplainer {
public:
    // Checks the method's name and loads the weights; throws periscope::Error with a one-line reason.
    explicit FrameExplainer(const DetectorSpec &spec);
    ~FrameExplainer();
    FrameExplainer(const FrameExplainer &) = delete;
    FrameExplainer &operator=(const FrameExplainer &) = delete;

    const DetectorSpec &spec() const;
    std::string deviceName() const;
    // Faces that go through the network together: 8 on a CPU, 64 on a GPU; a clip model's clip length.
    int batchFrames() const;

    // Scores and explains each face; results in the order given. Cancellable between passes.
    std::vector<FrameExplanation> explain(const std::vector<FaceFrame> &faces, const JobControl &control = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// A crop's heatmap in full-frame pixels (frameWidth x frameHeight, float, one channel), mapped back
// exactly as heatmapToFrame does; with `normalise`, its positive part divided by its maximum (an
// all-zero map stays zero), the scale the workspace and the metrics use per frame.
Image heatmapInFrame(const Image &cropHeatmap, const FaceCrop &crop, int frameWidth, int frameHeight, bool normalise);

// The explanations of one video by one detector and method, on disk under
//   ROOT/<16 hex digits of the key>/key.json and frames-<first>-<last>.safetensors
// The key names the video and the weights by absolute path, size and modification time, with the
// architecture, method and crop size: changing any of them (re-encoding the video, retraining the
// model) starts a new folder, and a stale explanation is never shown. Each store() writes one
// file atomically; files that do not read back (a crash while writing, a disk that filled) are
// skipped when the folder is indexed and their frames computed again. Thread-safe.
class ExplanationCache {
public:
    struct Entry {
        std::int64_t frame = -1;
        FaceBox box;
        FaceCrop crop;
        double score = 0.0;
    };

    // Creates the folder when missing and indexes what an earlier session left there. Throws
    // periscope::Error when the video or the weights cannot be read or the folder cannot be made.
    ExplanationCache(const std::string &root, const std::string &video, const DetectorSpec &spec);

    const std::string &folder() const { return m_folder; }
    bool contains(std::int64_t frame) const;
    std::optional<Entry> entry(std::int64_t frame) const;
    std::vector<Entry> entries() const; // by frame
    std::size_t size() const;
    // The crop heatmap of a stored frame, read from its file; a null Image when it is not stored.
    Image heatmap(std::int64_t frame) const;
    // Writes the explanations as one file (frames stored before are replaced by the new ones).
    void store(const std::vector<FrameExplanation> &explanations);

    // The key's text, as key.json holds it (for tests and the folder's reader).
    static std::string keyOf(const std::string &video, const DetectorSpec &spec);
    // Whether explanations of this video by this detector and method were stored under `root`
    // (their folder is there with this key): scoring asks before it opens, so it makes no folders.
    static bool exists(const std::string &root, const std::string &video, const DetectorSpec &spec);

private:
    struct Stored {
        Entry entry;
        std::string file;
        std::int64_t row = 0;
    };
    void index();

    std::string m_folder;
    mutable std::mutex m_mutex;
    std::map<std::int64_t, Stored> m_frames;
};

// Keeps the explanation caches under `root` within `maxBytes` (0: no limit): the folders used
// longest ago go first (a folder's last use is its key.json's modification time, which opening a
// cache sets), never the folder `keep`. Only what ExplanationCache made is removed: folders
// directly under root, not links, with a key.json inside. Returns the bytes removed; a folder
// that cannot be removed is left (another process may be reading it).
std::uint64_t pruneExplanationCaches(const std::string &root, std::uint64_t maxBytes, const std::string &keep = {});

// The explanation metrics (ExplanationMetrics.h) of every frame the cache holds, each crop map
// placed in its frame (frameWidth x frameHeight) as the workspace shows it, with the stored face
// box for locality and `maskOf(frame)` (8-bit, one channel, frame-sized, non-zero where
// manipulated; a null Image: none) for the mask metrics; frames that do not follow each other
// (no face between them, or not explained yet) break the temporal pairs. Frames whose map cannot be
// read any more are skipped. Cancellable between frames; progress per frame.
ExplanationMetrics scoreCachedExplanations(const ExplanationCache &cache, int frameWidth, int frameHeight,
                                           const std::function<Image(std::int64_t frame)> &maskOf = {}, const JobControl &control = {});

} // namespace periscope::deepfake
