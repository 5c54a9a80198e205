// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/FaceFollower.h"

#include "engine/deepfake/ExplanationFiles.h"
#include "engine/media/faces/FaceDetector.h"

#include <vector>

namespace periscope::deepfake {

FaceFollower::FaceFollower(const std::string &boxesPath, int minFace)
    : m_minFace(minFace), m_tracker(std::make_unique<media::FaceTracker>())
{
    if (!boxesPath.empty())
        m_given = readFaceBoxes(boxesPath);
    else
        m_detector = std::make_unique<media::FaceDetector>();
}

FaceFollower::FaceFollower(std::map<std::int64_t, std::optional<FaceBox>> boxes)
    : m_minFace(0), m_given(std::move(boxes)), m_tracker(std::make_unique<media::FaceTracker>())
{
}

FaceFollower::~FaceFollower() = default;

std::optional<FaceBox> FaceFollower::at(std::int64_t frame, const Image &image)
{
    if (!m_detector) {
        const auto it = m_given.find(frame);
        return it != m_given.end() ? it->second : std::nullopt;
    }
    const std::vector<media::FaceTracker::Assignment> seen = m_tracker->update(frame, m_detector->detect(image, m_minFace));
    // The face followed so far while it lasts; otherwise the largest.
    const media::FaceTracker::Assignment *main = nullptr;
    for (const media::FaceTracker::Assignment &a : seen)
        if (a.trackId == m_mainTrack)
            main = &a;
    for (const media::FaceTracker::Assignment &a : seen)
        if (!main || (main->trackId != m_mainTrack && a.box.area() > main->box.area()))
            main = &a;
    if (!main) {
        // Missed for a few frames (a turned head, motion blur): the track lives on in the
        // tracker, and the face is held where it was rather than blinking off for a frame.
        for (const media::FaceTracker::Track &track : m_tracker->tracks())
            if (track.id == m_mainTrack && track.active && m_smoothed)
                return m_smoothed;
        m_smoothed.reset();
        return std::nullopt;
    }
    const FaceBox box{double(main->box.x), double(main->box.y), double(main->box.width), double(main->box.height)};
    if (!m_smoothed || main->trackId != m_mainTrack) {
        m_smoothed = box;
    } else {
        constexpr double kFollow = 0.4; // of the new box per frame
        FaceBox &s = *m_smoothed;
        s.left += kFollow * (box.left - s.left);
        s.top += kFollow * (box.top - s.top);
        s.width += kFollow * (box.width - s.width);
        s.height += kFollow * (box.height - s.height);
    }
    m_mainTrack = main->trackId;
    return m_smoothed;
}

} // namespace periscope::deepfake
