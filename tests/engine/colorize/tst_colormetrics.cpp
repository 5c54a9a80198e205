// SPDX-License-Identifier: GPL-3.0-or-later
// The colorization metrics on images whose values are known in closed form: PSNR, SSIM (also on
// images smaller than its window), mean CIEDE2000 (the formula itself is checked on Sharma's pairs
// in tst_metrics), Hasler-Süsstrunk colourfulness, the ab histogram and the gray version.
#include "engine/colorize/ColorizationMetrics.h"
#include "engine/core/color/ColorOps.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"

#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::colorize;

namespace {
// An 8-bit RGB image filled with one colour.
Image filled(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b)
{
    Image image(width, height, 3, PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint8_t *p = image.row(y) + 3 * x;
            p[0] = r;
            p[1] = g;
            p[2] = b;
        }
    return image;
}
} // namespace

class TestColorMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void psnrOfAKnownDifference();
    void ssimOfConstantImagesFollowsTheFormula();
    void ssimFallsWithNoise();
    void colourfulnessOfFlatImages();
    void chromaOfKnownColours();
    void abHistogramPlacesColoursInTheirCells();
    void grayVersionKeepsLightness();
    void mismatchedSizesAreRefused();
};

void TestColorMetrics::psnrOfAKnownDifference()
{
    // Every sample off by 51/255 = 0.2: MSE 0.04, PSNR 10 log10(1 / 0.04) = 13.979 dB.
    const Image a = filled(32, 24, 100, 100, 100), b = filled(32, 24, 151, 151, 151);
    const ColorComparison c = compareColors(a, b, true);
    QVERIFY(std::abs(c.psnr - 10.0 * std::log10(1.0 / 0.04)) < 1e-4);
    QVERIFY(std::isinf(compareColors(a, a).psnr));
    QCOMPARE(compareColors(a, a).meanDeltaE2000, 0.0);
    QCOMPARE(c.deltaE2000.channels(), 1);
    QCOMPARE(c.deltaE2000.width(), 32);
    QCOMPARE(c.deltaE2000.height(), 24);
    // Two grays differ in L only: ΔE00 = ΔL / S_L at the mean lightness.
    const double l1 = srgbToLab(torch::full({3, 1, 1}, 100.0 / 255.0))[0].item<double>();
    const double l2 = srgbToLab(torch::full({3, 1, 1}, 151.0 / 255.0))[0].item<double>();
    const double mean50 = std::pow((l1 + l2) / 2.0 - 50.0, 2);
    const double expected = (l2 - l1) / (1.0 + 0.015 * mean50 / std::sqrt(20.0 + mean50));
    QVERIFY2(std::abs(c.meanDeltaE2000 - expected) < 1e-3, qPrintable(QString::number(c.meanDeltaE2000)));
}

void TestColorMetrics::ssimOfConstantImagesFollowsTheFormula()
{
    // Flat images have no variance: SSIM = (2 x y + C1) / (x^2 + y^2 + C1) with C1 = 0.01^2.
    const Image a = filled(40, 30, 51, 51, 51), b = filled(40, 30, 102, 102, 102);
    const double x = 0.2, y = 0.4, c1 = 1e-4;
    const double expected = (2 * x * y + c1) / (x * x + y * y + c1);
    QVERIFY2(std::abs(compareColors(a, b).ssim - expected) < 1e-4, qPrintable(QString::number(compareColors(a, b).ssim)));
    QVERIFY(std::abs(compareColors(a, a).ssim - 1.0) < 1e-6);
    // Smaller than the window: the same formula from the global statistics.
    QVERIFY(std::abs(compareColors(filled(6, 5, 51, 51, 51), filled(6, 5, 102, 102, 102)).ssim - expected) < 1e-4);
}

void TestColorMetrics::ssimFallsWithNoise()
{
    torch::manual_seed(3);
    const torch::Tensor clean = torch::rand({3, 64, 64});
    const Image truth = imageFromTensorToUInt8(clean);
    const Image slight = imageFromTensorToUInt8((clean + 0.02 * torch::randn({3, 64, 64})).clamp(0, 1));
    const Image strong = imageFromTensorToUInt8((clean + 0.2 * torch::randn({3, 64, 64})).clamp(0, 1));
    const ColorComparison s = compareColors(slight, truth), t = compareColors(strong, truth);
    QVERIFY(s.ssim < 1.0 && s.ssim > t.ssim && t.ssim > -1.0);
    QVERIFY(s.psnr > t.psnr);
    QVERIFY(s.meanDeltaE2000 < t.meanDeltaE2000);
}

void TestColorMetrics::colourfulnessOfFlatImages()
{
    // A flat colour has no spread: M = 0.3 sqrt(rg^2 + yb^2). Pure red: rg = 255, yb = 127.5.
    QVERIFY(std::abs(colourfulness(filled(8, 8, 255, 0, 0)) - 0.3 * std::hypot(255.0, 127.5)) < 1e-6);
    QCOMPARE(colourfulness(filled(8, 8, 90, 90, 90)), 0.0);
    // Half red, half green: rg is +-255 (std 255, mean 0), yb 127.5 throughout.
    Image halves = filled(8, 8, 255, 0, 0);
    for (int y = 4; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
            halves.setSample(x, y, 0, 0);
            halves.setSample(x, y, 1, 255);
        }
    QVERIFY(std::abs(colourfulness(halves) - (255.0 + 0.3 * 127.5)) < 1e-6);
}

void TestColorMetrics::chromaOfKnownColours()
{
    // sRGB primaries in CIELab (D65), as tabulated by Lindbloom: red (53.2408, 80.0925, 67.2032),
    // green (87.7347, -86.1827, 83.1793). Sources differ in the white point's last digits, which
    // moves chroma by under 0.01.
    const double red = std::hypot(80.0925, 67.2032), green = std::hypot(-86.1827, 83.1793);
    QVERIFY(std::abs(meanChroma(filled(8, 8, 255, 0, 0)) - red) < 0.01);
    Image halves = filled(8, 8, 255, 0, 0);
    for (int y = 4; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
            halves.setSample(x, y, 0, 0);
            halves.setSample(x, y, 1, 255);
        }
    QVERIFY(std::abs(meanChroma(halves) - (red + green) / 2.0) < 0.01);
    // Equal channels are neutral. The matrix's Y row sums to 1.0000001, not 1: a gray's Y is 1e-7
    // too large relative to X and Z, which f(t) = t^(1/3) turns into a = 500 x 1e-7 / 3 = 2e-5.
    QVERIFY(meanChroma(filled(8, 8, 90, 90, 90)) < 1e-4);
}

void TestColorMetrics::abHistogramPlacesColoursInTheirCells()
{
    const AbHistogram gray = abHistogram(filled(10, 10, 128, 128, 128), 8, 100.0);
    QCOMPARE(gray.bins, 8);
    QCOMPARE(int(gray.counts.size()), 64);
    // a = b = 0 falls on the cell that starts at 0: row 4, column 4.
    QVERIFY(std::abs(gray.counts[4 * 8 + 4] - 1.0) < 1e-12);
    // Pure red: a ~ 80, b ~ 67 -> column 7 (75-100), row 6 (50-75).
    const AbHistogram red = abHistogram(filled(10, 10, 255, 0, 0), 8, 100.0);
    QVERIFY(std::abs(red.counts[6 * 8 + 7] - 1.0) < 1e-12);
    double total = 0.0;
    for (double c : abHistogram(filled(3, 3, 0, 0, 255), 16).counts)
        total += c;
    QVERIFY(std::abs(total - 1.0) < 1e-12);
    QVERIFY_THROWS_EXCEPTION(periscope::Error, abHistogram(filled(2, 2, 0, 0, 0), 1));
}

void TestColorMetrics::grayVersionKeepsLightness()
{
    const Image photo = filled(5, 4, 200, 60, 30);
    const Image gray = grayVersion(photo);
    for (int y = 0; y < gray.height(); ++y)
        for (int x = 0; x < gray.width(); ++x) {
            QCOMPARE(gray.sample(x, y, 0), gray.sample(x, y, 1));
            QCOMPARE(gray.sample(x, y, 1), gray.sample(x, y, 2));
        }
    QCOMPARE(gray.format(), PixelFormat::UInt8);
    const double lPhoto = srgbToLab(imageToTensor(photo))[0].mean().item<double>();
    const double lGray = srgbToLab(imageToTensor(gray))[0].mean().item<double>();
    QVERIFY2(std::abs(lPhoto - lGray) < 0.5, qPrintable(QStringLiteral("%1 vs %2").arg(lPhoto).arg(lGray)));
}

void TestColorMetrics::mismatchedSizesAreRefused()
{
    QVERIFY_THROWS_EXCEPTION(periscope::Error, compareColors(filled(4, 4, 0, 0, 0), filled(5, 4, 0, 0, 0)));
    QVERIFY_THROWS_EXCEPTION(periscope::Error, colourfulness(Image(4, 4, 2, PixelFormat::UInt8)));
}

QTEST_GUILESS_MAIN(TestColorMetrics)
#include "tst_colormetrics.moc"
