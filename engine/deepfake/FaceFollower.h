// SPDX-License-Identifier: GPL-3.0-or-later
// Where the face is in each frame of a video, for the fake maker and the explainer alike: given
// boxes ({"frames": [{"index", "face_box"}]}), or OpenCV's Haar detector with the tracker, the
// main track's box smoothed over time (a detector's box jitters by a few pixels from frame to
// frame; a jittering crop or mask would flicker where the video does not) and held through a
// few missed frames. Frames must be asked for in increasing order.
//
// While it follows a face, the detector looks only around the face's last box and at scales near
// its size; the whole frame is searched every kFullSearchEvery frames (a new face, a cut) and on
// every frame while no face is followed.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/media/faces/FaceDetector.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>


namespace periscope::deepfake {

class FaceFollower {
public:
    // `boxesPath` empty: detect faces of at least `minFace` pixels. Throws periscope::Error for
    // an unreadable boxes file or a missing cascade.
    FaceFollower(const std::string &boxesPath, int minFace = 40);
    // Given boxes by frame index (a fake's faces are its original's, frame for frame).
    explicit FaceFollower(std::map<std::int64_t, std::optional<FaceBox>> boxes);
    ~FaceFollower();
    FaceFollower(const FaceFollower &) = delete;
    FaceFollower &operator=(const FaceFollower &) = delete;

    // The face in this frame, or nullopt.
    std::optional<FaceBox> at(std::int64_t frame, const Image &image);

    // Frames asked for between whole-frame searches while a face is followed (a fifth of a
    // second at 25 frames/s: a face entering the frame is found that late at worst).
    static constexpr int kFullSearchEvery = 5;
    // Whole-frame searches so far (for tests and benchmarks).
    std::int64_t fullSearches() const { return m_fullSearches; }

private:
    int m_minFace;
    std::map<std::int64_t, std::optional<FaceBox>> m_given;
    std::unique_ptr<media::FaceDetector> m_detector;
    std::unique_ptr<media::FaceTracker> m_tracker;
    int m_mainTrack = -1;
    std::optional<FaceBox> m_smoothed;
    std::optional<media::FaceBox> m_lastSeen; // the main face's last detection, unsmoothed
    int m_sinceFullSearch = 0;
    std::int64_t m_fullSearches = 0;

    std::vector<media::FaceBox> detect(const Image &image);
};

} // namespace periscope::deepfake
