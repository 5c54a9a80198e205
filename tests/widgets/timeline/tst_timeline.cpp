// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/timeline/Timeline.h"

#include <QApplication>
#include <QMouseEvent>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using periscope::widgets::Timeline;

namespace {
void press(QWidget *widget, QPoint at, Qt::MouseButtons buttons = Qt::LeftButton)
{
    QMouseEvent event(QEvent::MouseButtonPress, QPointF(at), widget->mapToGlobal(QPointF(at)), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void moveWithButton(QWidget *widget, QPoint at)
{
    QMouseEvent event(QEvent::MouseMove, QPointF(at), widget->mapToGlobal(QPointF(at)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

int countColor(const QImage &image, QColor color)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y) == color;
    return n;
}
} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatsTimecode();
    void keysStepAndJump();
    void clickAndDragScrub();
    void playsAndPauses();
    void drawsTracksAndMarkers();
    void makesThumbnailsOffTheUiThread();
};

void TestTimeline::formatsTimecode()
{
    QCOMPARE(Timeline::timecode(0, 25.0), QStringLiteral("00:00:00:00"));
    QCOMPARE(Timeline::timecode(90, 30.0), QStringLiteral("00:00:03:00"));
    QCOMPARE(Timeline::timecode(30 * 3723 + 7, 30.0), QStringLiteral("01:02:03:07"));
    QCOMPARE(Timeline::timecode(48, 23.976), QStringLiteral("00:00:02:00")); // counted at the nominal 24
}

void TestTimeline::keysStepAndJump()
{
    Timeline timeline;
    timeline.setVideo(100, 25.0);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    QSignalSpy changed(&timeline, &Timeline::currentFrameChanged);
    QTest::keyClick(&timeline, Qt::Key_Right);
    QCOMPARE(timeline.currentFrame(), qint64(1));
    QTest::keyClick(&timeline, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(timeline.currentFrame(), qint64(11));
    QTest::keyClick(&timeline, Qt::Key_End);
    QCOMPARE(timeline.currentFrame(), qint64(99));
    QTest::keyClick(&timeline, Qt::Key_Right); // clamped
    QCOMPARE(timeline.currentFrame(), qint64(99));
    QTest::keyClick(&timeline, Qt::Key_Home);
    QCOMPARE(timeline.currentFrame(), qint64(0));
    QTest::keyClick(&timeline, Qt::Key_Left);
    QCOMPARE(timeline.currentFrame(), qint64(0));
    QCOMPARE(changed.count(), 4);
}

void TestTimeline::clickAndDragScrub()
{
    Timeline timeline;
    timeline.resize(600, 140);
    timeline.setVideo(200, 30.0);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    press(&timeline, QPoint(timeline.xOfFrame(50), 30));
    QCOMPARE(timeline.currentFrame(), qint64(50));
    moveWithButton(&timeline, QPoint(timeline.xOfFrame(120), 30));
    QCOMPARE(timeline.currentFrame(), qint64(120));
    moveWithButton(&timeline, QPoint(5000, 30));
    QCOMPARE(timeline.currentFrame(), qint64(199));
}

void TestTimeline::playsAndPauses()
{
    Timeline timeline;
    timeline.setVideo(40, 50.0); // 20 ms a frame
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    QSignalSpy playing(&timeline, &Timeline::playingChanged);
    QTest::keyClick(&timeline, Qt::Key_Space);
    QVERIFY(timeline.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(timeline.currentFrame() >= 5, 3000);
    QTest::keyClick(&timeline, Qt::Key_Space);
    QVERIFY(!timeline.isPlaying());
    const qint64 stopped = timeline.currentFrame();
    QTest::qWait(100);
    QCOMPARE(timeline.currentFrame(), stopped);
    // Playing to the end stops on the last frame.
    timeline.setCurrentFrame(37);
    timeline.play();
    QTRY_VERIFY_WITH_TIMEOUT(!timeline.isPlaying(), 3000);
    QCOMPARE(timeline.currentFrame(), qint64(39));
    QCOMPARE(playing.count(), 4);
}

void TestTimeline::drawsTracksAndMarkers()
{
    Timeline timeline;
    timeline.resize(500, 160);
    timeline.setVideo(100, 25.0);
    QVector<double> score(100);
    for (int i = 0; i < 100; ++i)
        score[i] = i < 50 ? 0.2 : 0.9;
    const QColor scoreColor(0, 160, 255), markerColor(255, 0, 255);
    timeline.addTrack(QStringLiteral("fake score"), score, scoreColor);
    timeline.addMarker(75, QStringLiteral("face lost"), markerColor);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    const QImage shot = timeline.grab().toImage();
    QVERIFY(countColor(shot, scoreColor) > 100);
    QVERIFY(countColor(shot, markerColor) > 20);
    timeline.clearTracks();
    QCOMPARE(countColor(timeline.grab().toImage(), scoreColor), 0);
}

void TestTimeline::makesThumbnailsOffTheUiThread()
{
    Timeline timeline;
    timeline.resize(600, 160);
    timeline.setVideo(300, 25.0);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    std::atomic<int> offThread{0}, calls{0};
    QThread *ui = QThread::currentThread();
    QSignalSpy ready(&timeline, &Timeline::thumbnailsReady);
    QVERIFY(timeline.thumbnailsComplete()); // none asked for
    QSemaphore started, release;
    timeline.setThumbnailProvider([&](qint64 frame, QSize size) {
        if (frame == 0) { // the first thumbnail waits until the test has looked
            started.release();
            release.acquire();
        }
        ++calls;
        if (QThread::currentThread() != ui)
            ++offThread;
        QImage image(size, QImage::Format_RGB32);
        image.fill(frame == 0 ? QColor(0, 200, 0) : QColor(200, 200, 0));
        return image;
    }, 6);
    QVERIFY(started.tryAcquire(1, 5000));
    QVERIFY(!timeline.thumbnailsComplete()); // what --screenshot waits for
    release.release();
    QVERIFY(ready.wait(5000));
    QVERIFY(timeline.thumbnailsComplete());
    QCOMPARE(calls.load(), 6);
    QCOMPARE(offThread.load(), 6);
    QCOMPARE(timeline.thumbnailCount(), 6);
    QVERIFY(countColor(timeline.grab().toImage(), QColor(0, 200, 0)) > 100);
    // A new video cancels and clears the old thumbnails.
    timeline.setVideo(10, 25.0);
    QCOMPARE(timeline.thumbnailCount(), 0);
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
