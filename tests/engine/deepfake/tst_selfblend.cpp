// SPDX-License-Identifier: GPL-3.0-or-later
// Self-blended fakes: the same seed gives the same parameters and the same pixels; a pixel whose
// mask is 0 is exactly the original, and every changed pixel is inside the mask; the mask sits on
// the face and reaches the blend ratio; the parameters stay in their ranges and drift slowly.
#include "engine/core/errors/Error.h"
#include "engine/deepfake/SelfBlend.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace periscope;
using namespace periscope::deepfake;

namespace {
// A textured 8-bit frame (a face-sized blob on a gradient, with noise): the copy differs from it
// wherever the alterations act.
Image texturedFrame(int width, int height, std::uint32_t seed)
{
    std::mt19937 random(seed);
    Image frame(width, height, 3, PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double face = std::exp(-((x - 80.0) * (x - 80.0) + (y - 60.0) * (y - 60.0)) / 900.0);
            frame.setSample(x, y, 0, float(std::min(255.0, 60.0 + 150.0 * face + (x % 7) * 3.0 + double(random() % 9))));
            frame.setSample(x, y, 1, float(std::min(255.0, 40.0 + 110.0 * face + (y % 5) * 4.0 + double(random() % 9))));
            frame.setSample(x, y, 2, float(std::min(255.0, 90.0 + 40.0 * face + double(random() % 9))));
        }
    return frame;
}

bool samePixels(const Image &a, const Image &b)
{
    if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels())
        return false;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            for (int c = 0; c < a.channels(); ++c)
                if (a.sample(x, y, c) != b.sample(x, y, c))
                    return false;
    return true;
}
} // namespace

class TestSelfBlend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameSeedSameFake();
    void onlyMaskedPixelsChange();
    void maskSitsOnTheFace();
    void parametersStayInRangeAndDriftSlowly();
    void faceOutsideTheFrameChangesNothing();
    void badInputsAreRefused();
};

void TestSelfBlend::sameSeedSameFake()
{
    const Image frame = texturedFrame(160, 120, 1);
    const FaceBox box{50, 25, 60, 70};
    const BlendedFrame a = selfBlend(frame, box, BlendTrajectory(42).at(17));
    const BlendedFrame b = selfBlend(frame, box, BlendTrajectory(42).at(17));
    QVERIFY(samePixels(a.fake, b.fake));
    QVERIFY(samePixels(a.mask, b.mask));
    const BlendedFrame other = selfBlend(frame, box, BlendTrajectory(43).at(17));
    QVERIFY(!samePixels(a.mask, other.mask));
    // Fixed numbers from the seed (the generator and our uniform are specified to the bit).
    const BlendParameters p = BlendTrajectory(42).at(0);
    const BlendParameters q = BlendTrajectory(42).at(0);
    QCOMPARE(p.scale, q.scale);
    QCOMPARE(p.gain, q.gain);
}

void TestSelfBlend::onlyMaskedPixelsChange()
{
    const Image frame = texturedFrame(160, 120, 2);
    const FaceBox box{50, 25, 60, 70};
    const BlendTrajectory trajectory(7);
    for (const std::int64_t t : {0, 25, 90}) {
        const BlendedFrame blended = selfBlend(frame, box, trajectory.at(t));
        int changed = 0, masked = 0, changedInMask = 0;
        for (int y = 0; y < frame.height(); ++y)
            for (int x = 0; x < frame.width(); ++x) {
                const bool inMask = blended.mask.sample(x, y, 0) > 0;
                bool differs = false;
                for (int c = 0; c < 3; ++c)
                    differs = differs || blended.fake.sample(x, y, c) != frame.sample(x, y, c);
                QVERIFY2(inMask || !differs, qPrintable(QStringLiteral("frame %1: pixel (%2, %3) changed outside the mask").arg(t).arg(x).arg(y)));
                masked += inMask ? 1 : 0;
                changed += differs ? 1 : 0;
                changedInMask += (inMask && differs) ? 1 : 0;
            }
        // The copy differs from the frame almost everywhere the mask weighs enough to show it.
        QVERIFY2(changedInMask > masked / 2, qPrintable(QStringLiteral("%1 of %2 masked pixels changed").arg(changedInMask).arg(masked)));
        QVERIFY(changed > 500);
    }
}

void TestSelfBlend::maskSitsOnTheFace()
{
    const Image frame = texturedFrame(160, 120, 3);
    const FaceBox box{50, 25, 60, 70};
    const BlendParameters p = BlendTrajectory(11).at(5);
    const BlendedFrame blended = selfBlend(frame, box, p);
    // The box's centre carries the full ratio; far corners nothing.
    QCOMPARE(blended.mask.sample(80, 60, 0), float(std::round(p.ratio * 255.0)));
    QCOMPARE(blended.mask.sample(0, 0, 0), 0.0f);
    QCOMPARE(blended.mask.sample(159, 119, 0), 0.0f);
    // Nothing beyond the ellipse's furthest reach (axes times 1 + the wobble).
    const double reach = 1.0 + p.wobble[0] + p.wobble[1] + p.wobble[2];
    for (int y = 0; y < 120; ++y)
        for (int x = 0; x < 160; ++x)
            if (blended.mask.sample(x, y, 0) > 0) {
                const double dx = (x + 0.5 - 80.0) / (p.axisX * 60.0), dy = (y + 0.5 - 60.0) / (p.axisY * 70.0);
                QVERIFY(std::sqrt(dx * dx + dy * dy) <= reach + 1e-6);
            }
}

void TestSelfBlend::parametersStayInRangeAndDriftSlowly()
{
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const BlendTrajectory trajectory(seed);
        BlendParameters previous = trajectory.at(0);
        for (std::int64_t t = 0; t < 600; ++t) {
            const BlendParameters p = trajectory.at(t);
            QVERIFY(p.scale >= 0.95 && p.scale <= 1.05);
            QVERIFY(std::abs(p.shiftX) <= 0.03 && std::abs(p.shiftY) <= 0.03);
            for (double g : p.gain)
                QVERIFY(g >= 0.9 && g <= 1.1);
            QVERIFY(p.sharpness >= -1.0 && p.sharpness <= 1.0);
            QVERIFY(p.ratio >= 0.5 && p.ratio <= 1.0);
            QVERIFY(p.edge >= 0.05 && p.edge <= 0.15);
            // A curve's slope is at most 2 pi amplitude / 40 frames: a quarter of the range over
            // 40 frames * 2 pi, i.e. under 4 % of the range per frame.
            QVERIFY(std::abs(p.scale - previous.scale) <= 0.04 * 0.1);
            QVERIFY(std::abs(p.ratio - previous.ratio) <= 0.04 * 0.5);
            previous = p;
        }
    }
}

void TestSelfBlend::faceOutsideTheFrameChangesNothing()
{
    const Image frame = texturedFrame(64, 48, 4);
    const BlendedFrame blended = selfBlend(frame, FaceBox{500, 500, 40, 40}, BlendTrajectory(1).at(0));
    QVERIFY(samePixels(blended.fake, frame));
    QCOMPARE(blended.mask.width(), 64);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x)
            QCOMPARE(blended.mask.sample(x, y, 0), 0.0f);
}

void TestSelfBlend::badInputsAreRefused()
{
    QVERIFY_THROWS_EXCEPTION(Error, selfBlend(Image(), FaceBox{0, 0, 10, 10}, {}));
    QVERIFY_THROWS_EXCEPTION(Error, selfBlend(Image(8, 8, 1, PixelFormat::UInt8), FaceBox{0, 0, 4, 4}, {}));
    QVERIFY_THROWS_EXCEPTION(Error, selfBlend(texturedFrame(8, 8, 5), FaceBox{0, 0, 0, 4}, {}));
}

QTEST_GUILESS_MAIN(TestSelfBlend)
#include "tst_selfblend.moc"
