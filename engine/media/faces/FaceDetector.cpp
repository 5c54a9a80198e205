// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/faces/FaceDetector.h"

#include "engine/core/errors/Error.h"
#include "engine/core/metrics/Hungarian.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <filesystem>

namespace periscope::media {

double intersectionOverUnion(const FaceBox &a, const FaceBox &b)
{
    const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.width, b.x + b.width), y1 = std::min(a.y + a.height, b.y + b.height);
    const double intersection = double(std::max(0, x1 - x0)) * double(std::max(0, y1 - y0));
    const double unionArea = double(a.area()) + double(b.area()) - intersection;
    return unionArea > 0 ? intersection / unionArea : 0.0;
}

struct FaceDetector::Impl {
    cv::CascadeClassifier cascade;
};

std::string FaceDetector::defaultCascadePath()
{
    return "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
}

FaceDetector::FaceDetector(const std::string &cascadePath) : d(std::make_unique<Impl>())
{
    if (!std::filesystem::is_regular_file(cascadePath))
        throw Error(cascadePath + ": the face detector's cascade is missing (Debian's opencv-data package installs it)");
    if (!d->cascade.load(cascadePath))
        throw Error(cascadePath + ": not a readable OpenCV cascade");
}

FaceDetector::~FaceDetector() = default;

std::vector<FaceBox> FaceDetector::detect(const Image &image, int minSize) const
{
    if (image.format() != PixelFormat::UInt8 || (image.channels() != 3 && image.channels() != 1))
        throw Error("face detection needs an 8-bit RGB or gray image");
    const cv::Mat view(image.height(), image.width(), image.channels() == 3 ? CV_8UC3 : CV_8UC1,
                       const_cast<std::uint8_t *>(image.bits()), std::size_t(image.rowBytes()));
    cv::Mat gray;
    if (image.channels() == 3)
        cv::cvtColor(view, gray, cv::COLOR_RGB2GRAY);
    else
        gray = view;
    cv::equalizeHist(gray, gray);
    std::vector<cv::Rect> found;
    d->cascade.detectMultiScale(gray, found, 1.1, 5, 0, cv::Size(minSize, minSize));
    std::vector<FaceBox> faces;
    for (const cv::Rect &r : found)
        faces.push_back({r.x, r.y, r.width, r.height});
    std::sort(faces.begin(), faces.end(), [](const FaceBox &a, const FaceBox &b) { return a.area() > b.area(); });
    return faces;
}

FaceTracker::FaceTracker(double minIoU, int maxMisses) : m_minIoU(minIoU), m_maxMisses(maxMisses) {}

std::vector<FaceTracker::Assignment> FaceTracker::update(std::int64_t frame, const std::vector<FaceBox> &detections)
{
    std::vector<std::size_t> live;
    for (std::size_t t = 0; t < m_tracks.size(); ++t)
        if (m_tracks[t].active)
            live.push_back(t);
    // Optimal matching on 1 - IoU; pairs below the IoU threshold are not matches.
    std::vector<int> matchOfDetection(detections.size(), -1);
    if (!live.empty() && !detections.empty()) {
        std::vector<double> cost(detections.size() * live.size());
        for (std::size_t i = 0; i < detections.size(); ++i)
            for (std::size_t j = 0; j < live.size(); ++j)
                cost[i * live.size() + j] = 1.0 - intersectionOverUnion(detections[i], m_tracks[live[j]].box);
        const std::vector<int> assignment = solveAssignment(cost, int(detections.size()), int(live.size()));
        for (std::size_t i = 0; i < detections.size(); ++i)
            if (assignment[i] >= 0 && 1.0 - cost[i * live.size() + std::size_t(assignment[i])] >= m_minIoU)
                matchOfDetection[i] = int(live[std::size_t(assignment[i])]);
    }
    std::vector<bool> seen(m_tracks.size(), false);
    std::vector<Assignment> out;
    for (std::size_t i = 0; i < detections.size(); ++i) {
        if (matchOfDetection[i] >= 0) {
            Track &track = m_tracks[std::size_t(matchOfDetection[i])];
            track.box = detections[i];
            track.lastFrame = frame;
            track.misses = 0;
            seen[std::size_t(matchOfDetection[i])] = true;
            out.push_back({track.id, detections[i]});
        } else {
            m_tracks.push_back({m_nextId++, detections[i], frame, frame, 0, true});
            seen.push_back(true);
            out.push_back({m_tracks.back().id, detections[i]});
        }
    }
    for (std::size_t t : live)
        if (!seen[t] && ++m_tracks[t].misses > m_maxMisses)
            m_tracks[t].active = false;
    return out;
}

} // namespace periscope::media
