// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/FaceFollower.h"

#include "engine/deepfake/ExplanationFiles.h"

#include <algorithm>
#include <cmath>

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
    const std::vector<media::FaceTracker::Assignment> seen = m_tracker->update(frame, detect(image));
    // The face followed so far while it lasts, unless another is at least twice as large (the
    // main face is the largest; the margin keeps two faces of about one size from taking turns);
    // otherwise the largest.
    const media::FaceTracker::Assignment *main = nullptr;
    for (const media::FaceTracker::Assignment &a : seen)
        if (a.trackId == m_mainTrack)
            main = &a;
    for (const media::FaceTracker::Assignment &a : seen)
        if (!main || (main->trackId != m_mainTrack && a.box.area() > main->box.area()) ||
            (main->trackId == m_mainTrack && a.box.area() >= 2 * main->box.area()))
            main = &a;
    if (!main) {
        // Missed for a few frames (a turned head, motion blur): the track lives on in the
        // tracker, and the face is held where it was rather than blinking off for a frame.
        for (const media::FaceTracker::Track &track : m_tracker->tracks())
            if (track.id == m_mainTrack && track.active && m_smoothed)
                return m_smoothed;
        m_smoothed.reset();
        m_lastSeen.reset();
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
    m_lastSeen = main->box;
    return m_smoothed;
}

std::vector<media::FaceBox> FaceFollower::detect(const Image &image)
{
    if (m_lastSeen && ++m_sinceFullSearch < kFullSearchEvery) {
        // Around the face's last box, twice its side (it may move half its side between frames),
        // at scales from 2/3 to 3/2 of its size. Not found there is a miss like any other: the
        // face is held, and the whole frame is searched on schedule (a cut, a face that left).
        const media::FaceBox &last = *m_lastSeen;
        const int side = std::max(last.width, last.height);
        const media::FaceBox region{last.x + last.width / 2 - side, last.y + last.height / 2 - side, 2 * side, 2 * side};
        const int minSize = std::max(m_minFace, int(std::floor(side / 1.5)));
        return m_detector->detect(image, region, minSize, int(std::ceil(side * 1.5)));
    }
    m_sinceFullSearch = 0;
    ++m_fullSearches;
    return m_detector->detect(image, m_minFace);
}

} // namespace periscope::deepfake
