// SPDX-License-Identifier: GPL-3.0-or-later
// Poisson cloning (OpenCV's photo module behind media::seamlessClone): pixels outside the mask
// never change; a patch that is the image itself made brighter comes back as the image, since
// cloning keeps the patch's gradients and takes its level from the surroundings; a textured
// patch's texture appears inside the mask; bad arguments get a reason.
#include "engine/core/errors/Error.h"
#include "engine/media/image/SeamlessClone.h"

#include <QTest>

#include <cmath>

using namespace periscope;

namespace {
// A smooth 8-bit RGB gradient, w x h.
Image gradient(int w, int h)
{
    Image image(w, h, 3, PixelFormat::UInt8);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                image.setSample(x, y, c, float(40 + (x * 2 + y + c * 20) % 120));
    return image;
}

Image disc(int side)
{
    Image mask(side, side, 1, PixelFormat::UInt8);
    const double r = side / 2.0 - 3.0;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const double dx = x + 0.5 - side / 2.0, dy = y + 0.5 - side / 2.0;
            mask.setSample(x, y, 0, dx * dx + dy * dy <= r * r ? 255.0f : 0.0f);
        }
    return mask;
}
} // namespace

class TestSeamlessClone : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outsideTheMaskNothingChanges();
    void aBrighterCopyComesBackAsTheImage();
    void aTextureIsCarriedIn();
    void badArgumentsGetAReason();
};

void TestSeamlessClone::outsideTheMaskNothingChanges()
{
    const Image target = gradient(80, 60);
    Image patch(30, 30, 3, PixelFormat::UInt8);
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 30; ++x)
            for (int c = 0; c < 3; ++c)
                patch.setSample(x, y, c, float((x * 17 + y * 5 + c * 60) % 256));
    const Image mask = disc(30);
    const Image out = media::seamlessClone(patch, mask, target, 20, 15);
    int changedInside = 0;
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 80; ++x) {
            const bool inside = x >= 20 && x < 50 && y >= 15 && y < 45 && mask.sample(x - 20, y - 15, 0) > 0;
            bool changed = false;
            for (int c = 0; c < 3; ++c)
                changed = changed || out.sample(x, y, c) != target.sample(x, y, c);
            if (!inside)
                QVERIFY2(!changed, qPrintable(QStringLiteral("(%1, %2) changed outside the mask").arg(x).arg(y)));
            changedInside += changed ? 1 : 0;
        }
    QVERIFY(changedInside > 300);
}

void TestSeamlessClone::aBrighterCopyComesBackAsTheImage()
{
    const Image target = gradient(80, 60);
    Image patch(30, 30, 3, PixelFormat::UInt8);
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 30; ++x)
            for (int c = 0; c < 3; ++c)
                patch.setSample(x, y, c, target.sample(20 + x, 15 + y, c) + 50.0f);
    const Image out = media::seamlessClone(patch, disc(30), target, 20, 15);
    // The same gradients and the surroundings' level: the solution is the image, up to the
    // solver's rounding (a few levels of 255).
    double worst = 0.0;
    for (int y = 15; y < 45; ++y)
        for (int x = 20; x < 50; ++x)
            for (int c = 0; c < 3; ++c)
                worst = std::max(worst, double(std::abs(out.sample(x, y, c) - target.sample(x, y, c))));
    QVERIFY2(worst <= 4.0, qPrintable(QString::number(worst)));
}

void TestSeamlessClone::aTextureIsCarriedIn()
{
    const Image target = gradient(80, 60);
    Image patch(30, 30, 3, PixelFormat::UInt8);
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 30; ++x)
            for (int c = 0; c < 3; ++c)
                patch.setSample(x, y, c, ((x / 3 + y / 3) % 2) ? 200.0f : 60.0f); // 3 px checks
    const Image out = media::seamlessClone(patch, disc(30), target, 20, 15);
    // Across one check edge in the middle (patch rows 17 and 18, image rows 32 and 33), the
    // result steps as the patch does.
    const double step = out.sample(35, 32, 0) - out.sample(35, 33, 0);
    const double patchStep = patch.sample(15, 17, 0) - patch.sample(15, 18, 0);
    QVERIFY2(std::abs(step - patchStep) < 25.0 && std::abs(patchStep) > 100.0,
             qPrintable(QStringLiteral("step %1, the patch's %2").arg(step).arg(patchStep)));
}

void TestSeamlessClone::badArgumentsGetAReason()
{
    const Image target = gradient(40, 40);
    const Image patch = gradient(20, 20);
    QVERIFY_THROWS_EXCEPTION(Error, media::seamlessClone(patch, disc(20), target, 30, 0)); // sticks out
    QVERIFY_THROWS_EXCEPTION(Error, media::seamlessClone(patch, disc(10), target, 0, 0));  // mask of another size
    QVERIFY_THROWS_EXCEPTION(Error, media::seamlessClone(Image(20, 20, 1, PixelFormat::UInt8), disc(20), target, 0, 0));
    // An empty mask changes nothing.
    Image none(20, 20, 1, PixelFormat::UInt8);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x)
            none.setSample(x, y, 0, 0.0f);
    const Image out = media::seamlessClone(patch, none, target, 5, 5);
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 40; ++x)
            QCOMPARE(out.sample(x, y, 1), target.sample(x, y, 1));
}

QTEST_GUILESS_MAIN(TestSeamlessClone)
#include "tst_seamlessclone.moc"
