// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/image/Image.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace periscope::media {

struct FaceBox {
    int x = 0, y = 0, width = 0, height = 0;
    int area() const { return width * height; }
};

double intersectionOverUnion(const FaceBox &a, const FaceBox &b);

// Frontal faces with OpenCV's Haar cascade from Debian's opencv-data package (no network, no
// model download). Good enough to find the face a DeepFake detector looks at; not a landmark
// detector.
class FaceDetector {
public:
    // Throws periscope::Error naming the file when the cascade is missing or unreadable.
    explicit FaceDetector(const std::string &cascadePath = defaultCascadePath());
    ~FaceDetector();

    // Faces in an 8-bit RGB (or gray) image, largest first; `minSize` in pixels.
    std::vector<FaceBox> detect(const Image &image, int minSize = 40) const;
    // Faces between `minSize` and `maxSize` pixels (0: no upper bound) inside `region` (clipped
    // to the image), in the image's coordinates. The cascade's cost is in its finest scales over
    // the whole frame; a follower that knows about where and how large the face is looks only
    // there, at those scales, for a small part of the cost.
    std::vector<FaceBox> detect(const Image &image, const FaceBox &region, int minSize, int maxSize) const;

    static std::string defaultCascadePath();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Follows faces across frames: each frame's detections are matched to the live tracks by
// intersection over union (optimal assignment), unmatched detections start tracks, and a track
// that goes unmatched for more than `maxMisses` frames ends.
class FaceTracker {
public:
    struct Track {
        int id = 0;
        FaceBox box;             // where it was last seen
        std::int64_t firstFrame = 0;
        std::int64_t lastFrame = 0;
        int misses = 0;
        bool active = true;
    };
    struct Assignment {
        int trackId;
        FaceBox box;
    };

    explicit FaceTracker(double minIoU = 0.3, int maxMisses = 5);
    std::vector<Assignment> update(std::int64_t frame, const std::vector<FaceBox> &detections);
    const std::vector<Track> &tracks() const { return m_tracks; }

private:
    double m_minIoU;
    int m_maxMisses;
    int m_nextId = 1;
    std::vector<Track> m_tracks;
};

} // namespace periscope::media
