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
    return detect(image, FaceBox{0, 0, image.width(), image.height()}, minSize, 0);
}

std::vector<FaceBox> FaceDetector::detect(const Image &image, const FaceBox &region, int minSize, int maxSize) const
{
    if (image.format() != PixelFormat::UInt8 || (image.channels() != 3 && image.channels() != 1))
        throw Error("face detection needs an 8-bit RGB or gray image");
    const int x0 = std::clamp(region.x, 0, image.width()), y0 = std::clamp(region.y, 0, image.height());
    const int x1 = std::clamp(region.x + region.width, x0, image.width());
    const int y1 = std::clamp(region.y + region.height, y0, image.height());
    if (x1 - x0 < minSize || y1 - y0 < minSize)
        return {};
    const cv::Mat view(image.height(), image.width(), image.channels() == 3 ? CV_8UC3 : CV_8UC1,
                       const_cast<std::uint8_t *>(image.bits()), std::size_t(image.rowBytes()));
    // Equalised over the whole frame, as a whole-frame search sees it, so that a search in a
    // region finds what the whole-frame search would find there (equalising the region alone
    // would raise its contrast and find faces the whole frame does not show). Never in the
    // caller's pixels.
    cv::Mat gray;
    if (image.channels() == 3)
        cv::cvtColor(view, gray, cv::COLOR_RGB2GRAY);
    else
        gray = view.clone();
    cv::equalizeHist(gray, gray);
    const cv::Mat part = gray(cv::Rect(x0, y0, x1 - x0, y1 - y0));
    std::vector<cv::Rect> found;
    d->cascade.detectMultiScale(part, found, 1.1, 5, 0, cv::Size(minSize, minSize),
                                maxSize > 0 ? cv::Size(maxSize, maxSize) : cv::Size());
    std::vector<FaceBox> faces;
    for (const cv::Rect &r : found)
        faces.push_back({x0 + r.x, y0 + r.y, r.width, r.height});
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
