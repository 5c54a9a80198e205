// SPDX-License-Identifier: GPL-3.0-or-later
// The face crop and its way back: the square's geometry by hand, frame <-> crop coordinates as
// exact inverses, the crop's pixels (exact at scale 1, black padding where the square leaves the
// frame, a constant frame staying constant when shrunk), and a crop heatmap landing on the frame
// pixels it was computed from.
#include "engine/core/errors/Error.h"
#include "engine/deepfake/FaceCrop.h"

#include <torch/torch.h>

#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::deepfake;

namespace {
// A 3-channel 8-bit frame whose pixel (x, y) holds (x % 256, y % 256, 77).
Image coordinateFrame(int width, int height)
{
    Image frame(width, height, 3, PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            frame.setSample(x, y, 0, float(x % 256));
            frame.setSample(x, y, 1, float(y % 256));
            frame.setSample(x, y, 2, 77.0f);
        }
    return frame;
}
} // namespace

class TestFaceCrop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void squareAroundTheGrownBox();
    void coordinatesMapBothWays();
    void cropAtScaleOneIsTheCutItself();
    void paddingIsBlackAndShrinkingKeepsConstants();
    void heatmapsLandWhereTheyWereComputed();
    void badCropsAreRefused();
};

void TestFaceCrop::squareAroundTheGrownBox()
{
    // Box 40 x 60 at (100, 50): centre (120, 80), side round(1.3 * 60) = 78, corner (81, 41).
    const FaceCrop crop = faceCropFor({100, 50, 40, 60}, 224);
    QCOMPARE(crop.side, 78);
    QCOMPARE(crop.left, 81);
    QCOMPARE(crop.top, 41);
    QCOMPARE(crop.size, 224);
    // A wide box: the square takes its width; no growth: the longer side itself.
    const FaceCrop wide = faceCropFor({0, 0, 50, 20}, 64, 1.0);
    QCOMPARE(wide.side, 50);
    QCOMPARE(wide.left, 0);
    QCOMPARE(wide.top, -15); // centre y 10 - 25: above the frame, padded
}

void TestFaceCrop::coordinatesMapBothWays()
{
    const FaceCrop crop = faceCropFor({37.5, 12.25, 61, 47}, 112);
    for (const double x : {-3.0, 0.0, 12.345, 80.5, 500.0}) {
        QVERIFY(std::abs(crop.frameX(crop.cropX(x)) - x) < 1e-12);
        QVERIFY(std::abs(crop.frameY(crop.cropY(x)) - x) < 1e-12);
    }
    // The square's corners are the crop's corners.
    QCOMPARE(crop.cropX(crop.left), 0.0);
    QVERIFY(std::abs(crop.cropX(crop.left + crop.side) - crop.size) < 1e-12);
}

void TestFaceCrop::cropAtScaleOneIsTheCutItself()
{
    const Image frame = coordinateFrame(120, 90);
    FaceCrop crop = faceCropFor({30, 20, 40, 40}, 0 + 52); // side round(1.3 * 40) = 52 = size
    QCOMPARE(crop.side, 52);
    const Image cut = cropFace(frame, crop);
    QCOMPARE(cut.width(), 52);
    QCOMPARE(cut.height(), 52);
    QCOMPARE(cut.format(), PixelFormat::UInt8);
    for (const auto &[u, v] : {std::pair{0, 0}, std::pair{51, 0}, std::pair{17, 33}, std::pair{51, 51}}) {
        QCOMPARE(cut.sample(u, v, 0), float(crop.left + u));
        QCOMPARE(cut.sample(u, v, 1), float(crop.top + v));
        QCOMPARE(cut.sample(u, v, 2), 77.0f);
    }
}

void TestFaceCrop::paddingIsBlackAndShrinkingKeepsConstants()
{
    Image gray(100, 80, 3, PixelFormat::UInt8);
    for (int y = 0; y < gray.height(); ++y)
        for (int x = 0; x < gray.width(); ++x)
            for (int c = 0; c < 3; ++c)
                gray.setSample(x, y, c, 200.0f);
    // A face at the top-left corner: the square starts above and left of the frame.
    FaceCrop crop = faceCropFor({0, 0, 40, 40}, 26); // side 52 at (-6, -6): scale 1/2
    QCOMPARE(crop.left, -6);
    QCOMPARE(crop.top, -6);
    const Image out = cropFace(gray, crop);
    QCOMPARE(out.width(), 26);
    // Crop pixel (0, 0) covers frame [-6, -2)^2: all padding. Pixel (10, 10) covers [14, 18)^2: all frame.
    QCOMPARE(out.sample(0, 0, 1), 0.0f);
    QCOMPARE(out.sample(10, 10, 1), 200.0f);
    QCOMPARE(out.sample(25, 25, 1), 200.0f);
    // Shrinking by 2 filters over 4 frame pixels (an antialiasing triangle twice as wide, weights
    // 1/8, 3/8, 3/8, 1/8): pixel (4, 10), over frame x in [1, 5), sees no padding; pixel (3, 10),
    // over [-1, 3), has the padding pixel -1 at weight 1/8: 200 * 7/8.
    QCOMPARE(out.sample(4, 10, 1), 200.0f);
    QCOMPARE(out.sample(3, 10, 1), 175.0f);
}

void TestFaceCrop::heatmapsLandWhereTheyWereComputed()
{
    const FaceCrop crop = faceCropFor({50, 30, 40, 40}, 26); // side 52 at (44, 24): scale 1/2
    // A constant heatmap: exactly that value on the square, zero outside it.
    const torch::Tensor ones = heatmapToFrame(torch::ones({26, 26}), crop, 100, 120);
    QCOMPARE(ones.size(0), 100);
    QCOMPARE(ones.size(1), 120);
    QCOMPARE(ones.sum().item<double>(), 52.0 * 52.0);
    QCOMPARE(ones[24][44].item<float>(), 1.0f);
    QCOMPARE(ones[24 + 51][44 + 51].item<float>(), 1.0f);
    QCOMPARE(ones[23][44].item<float>(), 0.0f);
    QCOMPARE(ones[24][96].item<float>(), 0.0f);
    // A hot crop pixel (row 5, column 20) lands on the frame pixels it covers: x in [84, 86), y in [34, 36).
    torch::Tensor spike = torch::zeros({26, 26});
    spike[5][20] = 1.0f;
    const torch::Tensor landed = heatmapToFrame(spike, crop, 100, 120);
    const std::int64_t at = landed.argmax().item<std::int64_t>();
    const std::int64_t y = at / 120, x = at % 120;
    QVERIFY2(x >= 84 && x < 86 && y >= 34 && y < 36, qPrintable(QStringLiteral("(%1, %2)").arg(x).arg(y)));
    QVERIFY(std::abs(crop.cropX(x + 0.5) - 20.5) <= 0.5 && std::abs(crop.cropY(y + 0.5) - 5.5) <= 0.5);
    // A square that leaves the frame: only its inside part lands.
    const FaceCrop corner = faceCropFor({0, 0, 40, 40}, 26);
    QCOMPARE(heatmapToFrame(torch::ones({26, 26}), corner, 100, 120).sum().item<double>(), 46.0 * 46.0);
}

void TestFaceCrop::badCropsAreRefused()
{
    QVERIFY_THROWS_EXCEPTION(Error, faceCropFor({0, 0, 0, 10}, 64));
    QVERIFY_THROWS_EXCEPTION(Error, faceCropFor({0, 0, 10, 10}, 0));
    QVERIFY_THROWS_EXCEPTION(Error, faceCropFor({0, 0, 10, 10}, 64, -1.0));
    QVERIFY_THROWS_EXCEPTION(Error, heatmapToFrame(torch::ones({8, 8}), faceCropFor({0, 0, 10, 10}, 16), 20, 20));
    QVERIFY_THROWS_EXCEPTION(Error, cropFace(Image(), faceCropFor({0, 0, 10, 10}, 16)));
}

QTEST_GUILESS_MAIN(TestFaceCrop)
#include "tst_facecrop.moc"
