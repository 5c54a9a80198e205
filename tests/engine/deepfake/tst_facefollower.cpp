// SPDX-License-Identifier: GPL-3.0-or-later
// The face follower on real footage (opencv-doc's Megamind.avi, cuts and several faces): while it
// follows a face it searches near it and searches the whole frame only on schedule, and it still
// finds the faces a whole-frame search finds, where that search finds them. Also the detector's
// region search itself: the same face, in the frame's coordinates, and the caller's gray pixels
// left as they were (the search equalises its own copy).
#include "engine/deepfake/FaceFollower.h"
#include "engine/media/faces/FaceDetector.h"
#include "engine/media/video/VideoReader.h"

#include <QFile>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace periscope;
using namespace periscope::deepfake;

namespace {
const char *const kVideo = "/usr/share/doc/opencv-doc/examples/data/Megamind.avi";

bool haveFootage()
{
    return QFile::exists(QString::fromUtf8(kVideo)) && QFile::exists(QString::fromStdString(media::FaceDetector::defaultCascadePath()));
}

double overlap(const FaceBox &a, const media::FaceBox &b)
{
    return media::intersectionOverUnion(media::FaceBox{int(std::lround(a.left)), int(std::lround(a.top)), int(std::lround(a.width)),
                                                       int(std::lround(a.height))},
                                        b);
}
} // namespace

class TestFaceFollower : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void regionSearchFindsTheSameFace();
    void followsWithFewWholeFrameSearches();
};

void TestFaceFollower::regionSearchFindsTheSameFace()
{
    if (!haveFootage())
        QSKIP("opencv-doc and opencv-data are not installed (scripts/install-deps.sh installs them)");
    const media::FaceDetector detector;
    const auto reader = media::VideoReader::open(kVideo);
    int compared = 0;
    for (std::int64_t index = 0; index < 100; index += 9) {
        const Image frame = reader->frameAt(index).rgb;
        const std::vector<media::FaceBox> everywhere = detector.detect(frame, 40);
        if (everywhere.empty())
            continue;
        const media::FaceBox &face = everywhere.front();
        const int side = std::max(face.width, face.height);
        const std::vector<media::FaceBox> near =
            detector.detect(frame, media::FaceBox{face.x - side / 2, face.y - side / 2, 2 * side, 2 * side}, side * 2 / 3, side * 3 / 2);
        QVERIFY2(!near.empty(), qPrintable(QString("frame %1").arg(index)));
        const double iou = media::intersectionOverUnion(near.front(), face);
        qInfo("frame %d: IoU %.3f", int(index), iou);
        QVERIFY2(iou > 0.6, qPrintable(QString("frame %1: IoU %2").arg(index).arg(iou)));
        ++compared;
    }
    QVERIFY2(compared >= 5, qPrintable(QString::number(compared)));

    // A gray frame is searched, not changed.
    const Image rgb = reader->frameAt(0).rgb;
    Image gray(rgb.width(), rgb.height(), 1, PixelFormat::UInt8);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x)
            gray.setSample(x, y, 0, float((x * 7 + y * 3) % 64)); // a dim ramp that equalising would stretch
    const std::vector<std::uint8_t> before(gray.bits(), gray.bits() + std::size_t(gray.rowBytes()) * std::size_t(gray.height()));
    detector.detect(gray, 40);
    detector.detect(gray, media::FaceBox{10, 10, 100, 100}, 40, 80);
    QVERIFY(std::memcmp(before.data(), gray.bits(), before.size()) == 0);
    // A region outside the frame, or smaller than the smallest face, finds nothing.
    QVERIFY(detector.detect(rgb, media::FaceBox{-500, -500, 100, 100}, 40, 0).empty());
    QVERIFY(detector.detect(rgb, media::FaceBox{0, 0, 30, 30}, 40, 0).empty());
}

void TestFaceFollower::followsWithFewWholeFrameSearches()
{
    if (!haveFootage())
        QSKIP("opencv-doc and opencv-data are not installed (scripts/install-deps.sh installs them)");
    const media::FaceDetector detector;
    const auto reader = media::VideoReader::open(kVideo);
    FaceFollower follower("");
    const std::int64_t frames = std::min<std::int64_t>(120, reader->info().frameCount);
    int detected = 0, followed = 0, agreeing = 0, held = 0, followedWithoutDetection = 0;
    std::optional<FaceBox> previous;
    for (std::int64_t index = 0; index < frames; ++index) {
        const Image frame = reader->frameAt(index).rgb;
        const std::optional<FaceBox> box = follower.at(index, frame);
        // Held: the face was not found near where it was, and stays where it was seen last.
        const bool holding = box && previous && box->left == previous->left && box->top == previous->top && box->width == previous->width;
        previous = box;
        const std::vector<media::FaceBox> everywhere = detector.detect(frame, 40);
        followed += box.has_value();
        if (everywhere.empty()) {
            followedWithoutDetection += box.has_value();
            continue;
        }
        ++detected;
        if (box && std::any_of(everywhere.begin(), everywhere.end(), [&](const media::FaceBox &f) { return overlap(*box, f) > 0.5; }))
            ++agreeing;
        else
            held += holding;
    }
    const QString counts =
        QString("%1 frames: %2 with a face found by whole-frame search, %3 followed, %4 on one of them, %5 held, %6 whole-frame searches")
            .arg(frames)
            .arg(detected)
            .arg(followed)
            .arg(agreeing)
            .arg(held)
            .arg(follower.fullSearches());
    qInfo().noquote() << counts;
    QVERIFY2(detected >= frames / 2, qPrintable(counts)); // the footage is mostly faces
    // Where the whole frame shows a face, the follower is on one of them (its box smoothed over
    // time), or holds the face it follows through a few frames where that one was missed.
    QVERIFY2(agreeing >= detected * 80 / 100, qPrintable(counts));
    QVERIFY2(agreeing + held >= detected * 90 / 100, qPrintable(counts));
    // A face is held only through a few missed frames at a time, never made up.
    QVERIFY2(followedWithoutDetection <= (frames - detected) / 2 + 5, qPrintable(counts));
    // The point of following: whole-frame searches only on schedule while a face is followed.
    QVERIFY2(follower.fullSearches() <= frames / FaceFollower::kFullSearchEvery + (frames - followed) + 5, qPrintable(counts));
    QVERIFY2(follower.fullSearches() < frames / 2, qPrintable(counts));
}

QTEST_GUILESS_MAIN(TestFaceFollower)
#include "tst_facefollower.moc"
