// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/media/faces/FaceDetector.h"
#include "engine/media/video/VideoReader.h"

#include <QFile>
#include <QTest>

using namespace periscope;
using namespace periscope::media;

class TestFaces : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void intersectionOverUnionKnownCases();
    void trackerKeepsIdentitiesThroughMotionAndGaps();
    void trackerSeparatesCrossingFaces();
    void detectsTheFaceInTheDemoVideo();
    void missingCascadeSaysWhatToInstall();
};

void TestFaces::intersectionOverUnionKnownCases()
{
    QCOMPARE(intersectionOverUnion({0, 0, 10, 10}, {0, 0, 10, 10}), 1.0);
    QCOMPARE(intersectionOverUnion({0, 0, 10, 10}, {5, 0, 10, 10}), 50.0 / 150.0);
    QCOMPARE(intersectionOverUnion({0, 0, 10, 10}, {20, 20, 5, 5}), 0.0);
}

void TestFaces::trackerKeepsIdentitiesThroughMotionAndGaps()
{
    FaceTracker tracker(0.3, 3);
    int id = -1;
    for (int frame = 0; frame < 20; ++frame) {
        if (frame >= 8 && frame < 11)
            continue; // missed for 3 frames: the same face afterwards
        const auto out = tracker.update(frame, {{100 + 3 * frame, 50, 60, 60}});
        QCOMPARE(int(out.size()), 1);
        if (id < 0)
            id = out.front().trackId;
        QCOMPARE(out.front().trackId, id);
    }
    for (int frame = 20; frame < 25; ++frame)
        tracker.update(frame, {}); // gone for longer than maxMisses
    const auto later = tracker.update(25, {{160, 50, 60, 60}});
    QVERIFY(later.front().trackId != id);
    QCOMPARE(int(tracker.tracks().size()), 2);
    QVERIFY(!tracker.tracks().front().active);
    QCOMPARE(tracker.tracks().front().lastFrame, std::int64_t(19));
}

void TestFaces::trackerSeparatesCrossingFaces()
{
    // Two faces moving towards each other keep their identities while they overlap partly.
    FaceTracker tracker(0.2, 2);
    int left = -1, right = -1;
    for (int frame = 0; frame < 10; ++frame) {
        const FaceBox a{10 + 8 * frame, 40, 50, 50}, b{200 - 8 * frame, 40, 50, 50};
        const auto out = tracker.update(frame, {b, a}); // order of detections must not matter
        if (frame == 0) {
            right = out[0].trackId;
            left = out[1].trackId;
        }
        QCOMPARE(out[0].trackId, right);
        QCOMPARE(out[1].trackId, left);
    }
}

void TestFaces::detectsTheFaceInTheDemoVideo()
{
    const QString video = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");
    if (!QFile::exists(video) || !QFile::exists(QString::fromStdString(FaceDetector::defaultCascadePath())))
        QSKIP("opencv-doc and opencv-data are not installed (scripts/install-deps.sh installs them)");
    FaceDetector detector;
    auto reader = VideoReader::open(video.toStdString());
    FaceTracker tracker;
    int framesWithFaces = 0;
    for (std::int64_t frame = 0; frame < reader->info().frameCount; frame += 10) {
        const std::vector<FaceBox> faces = detector.detect(reader->frameAt(frame).rgb, 60);
        framesWithFaces += !faces.empty();
        for (const FaceBox &f : faces) {
            QVERIFY(f.x >= 0 && f.y >= 0 && f.x + f.width <= reader->info().width && f.y + f.height <= reader->info().height);
            QVERIFY(f.width >= 60);
        }
        tracker.update(frame, faces);
    }
    QVERIFY2(framesWithFaces >= 5, qPrintable(QString::number(framesWithFaces))); // the clip is mostly faces
    QVERIFY(!tracker.tracks().empty());
}

void TestFaces::missingCascadeSaysWhatToInstall()
{
    try {
        FaceDetector detector("/no/such/cascade.xml");
        QFAIL("a missing cascade was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("opencv-data"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestFaces)
#include "tst_faces.moc"
