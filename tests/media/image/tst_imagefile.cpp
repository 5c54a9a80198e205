// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/image/ImageHeader.h"

#include <QFile>
#include <cmath>
#include <QTemporaryDir>
#include <QTest>

using namespace periscope;
using namespace periscope::media;

namespace {
Image twoColors(int width, int height)
{
    // A red band on the left (8 pixels: one JPEG block, so chroma subsampling keeps it), the
    // rest blue: shows where a rotation moved the image.
    Image image(width, height, 3, PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            image.setSample(x, y, 0, x < 8 ? 255 : 0);
            image.setSample(x, y, 2, x < 8 ? 0 : 255);
        }
    return image;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
}
} // namespace

class TestImageFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void roundTripsFormats_data();
    void roundTripsFormats();
    void keepsAlphaAndSixteenBits();
    void detectsGrayscale();
    void appliesExifOrientation();
    void rejectsBrokenFiles_data();
    void rejectsBrokenFiles();
    void readsTheDemoPhotos();
    void readsLargePhotosReducedWhenAskedTo();
    void readsTheSizeFromTheHeader();
    void refusesDecompressionBombsBeforeDecoding();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestImageFile::roundTripsFormats_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("tolerance");
    QTest::newRow("png") << "png" << 0;
    QTest::newRow("tiff") << "tif" << 0;
    QTest::newRow("jpeg") << "jpg" << 24; // lossy; compared away from the red/blue edge
}

void TestImageFile::roundTripsFormats()
{
    QFETCH(QString, suffix);
    QFETCH(int, tolerance);
    const Image original = twoColors(32, 24);
    const std::string file = path(QStringLiteral("round.") + suffix).toStdString();
    writeImage(file, original);
    const ImageFile read = readImage(file);
    QCOMPARE(read.pixels.width(), 32);
    QCOMPARE(read.pixels.height(), 24);
    QCOMPARE(read.pixels.channels(), 3);
    QCOMPARE(read.bitDepth, 8);
    QVERIFY(!read.hasAlpha && !read.isGrayscale);
    for (int y = 0; y < 24; y += 5)
        for (const int x : {1, 3, 14, 20, 30})
            for (int c = 0; c < 3; ++c)
                QVERIFY2(std::abs(read.pixels.sample(x, y, c) - original.sample(x, y, c)) <= tolerance,
                         qPrintable(QStringLiteral("%1,%2,%3").arg(x).arg(y).arg(c)));
    QVERIFY_THROWS_EXCEPTION(Error, writeImage(path(QStringLiteral("x.gif")).toStdString(), original));
}

void TestImageFile::keepsAlphaAndSixteenBits()
{
    Image rgba(8, 4, 4, PixelFormat::UInt8);
    rgba.setSample(3, 2, 3, 77);
    rgba.setSample(3, 2, 1, 200);
    writeImage(path(QStringLiteral("alpha.png")).toStdString(), rgba);
    const ImageFile alpha = readImage(path(QStringLiteral("alpha.png")).toStdString());
    QVERIFY(alpha.hasAlpha);
    QCOMPARE(alpha.pixels.channels(), 4);
    QCOMPARE(alpha.pixels.sample(3, 2, 3), 77.0f);
    QCOMPARE(alpha.pixels.sample(3, 2, 1), 200.0f);
    QVERIFY_THROWS_EXCEPTION(Error, writeImage(path(QStringLiteral("alpha.jpg")).toStdString(), rgba));

    Image deep(5, 5, 1, PixelFormat::Float32);
    deep.setSample(2, 2, 0, 1000.0f / 65535.0f); // a value 8 bits cannot hold
    writeImage(path(QStringLiteral("deep.png")).toStdString(), deep);
    const ImageFile sixteen = readImage(path(QStringLiteral("deep.png")).toStdString());
    QCOMPARE(sixteen.bitDepth, 16);
    QCOMPARE(sixteen.pixels.format(), PixelFormat::Float32);
    QVERIFY(std::abs(sixteen.pixels.sample(2, 2, 0) * 65535.0f - 1000.0f) < 0.5f);
    QVERIFY(sixteen.isGrayscale);
}

void TestImageFile::detectsGrayscale()
{
    Image gray(6, 6, 3, PixelFormat::UInt8);
    for (int x = 0; x < 6; ++x)
        for (int c = 0; c < 3; ++c)
            gray.setSample(x, 3, c, float(x * 40));
    writeImage(path(QStringLiteral("gray.png")).toStdString(), gray);
    QVERIFY(readImage(path(QStringLiteral("gray.png")).toStdString()).isGrayscale);
    gray.setSample(5, 5, 2, 1.0f);
    QVERIFY(!isGrayscale(gray));
}

void TestImageFile::appliesExifOrientation()
{
    // A 40x20 JPEG whose EXIF says "rotate 90 degrees clockwise to display" (orientation 6),
    // as a phone held upright writes it.
    const QString plain = path(QStringLiteral("plain.jpg"));
    writeImage(plain.toStdString(), twoColors(40, 20));
    QByteArray jpeg = readAll(plain);
    const QByteArray exif = QByteArray::fromHex("FFE10022" "457869660000"          // APP1, length 34, "Exif\0\0"
                                                "4D4D002A00000008"                  // big-endian TIFF header, IFD at 8
                                                "0001" "011200030000000100060000"   // 1 entry: Orientation = 6
                                                "00000000");                        // no next IFD
    jpeg.insert(2, exif);
    const QString rotated = path(QStringLiteral("rotated.jpg"));
    writeAll(rotated, jpeg);
    const ImageFile read = readImage(rotated.toStdString());
    QCOMPARE(read.pixels.width(), 20);
    QCOMPARE(read.pixels.height(), 40);
    // The red band on the left is now the top rows.
    QVERIFY(read.pixels.sample(10, 2, 0) > 150 && read.pixels.sample(10, 2, 2) < 100);
    QVERIFY(read.pixels.sample(10, 30, 2) > 150 && read.pixels.sample(10, 30, 0) < 100);
}

void TestImageFile::rejectsBrokenFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing.png" << "no such image file";
    QTest::newRow("text") << "notes.png" << "not an image";
    QTest::newRow("truncated png") << "cut.png" << "truncated (no IEND chunk)";
    QTest::newRow("truncated jpeg") << "cut.jpg" << "truncated";
    QTest::newRow("empty") << "empty.bmp" << "not an image";
}

void TestImageFile::rejectsBrokenFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    writeAll(path(QStringLiteral("notes.png")), "just some text, not pixels\n");
    writeAll(path(QStringLiteral("empty.bmp")), QByteArray());
    Image big = twoColors(200, 150);
    writeImage(path(QStringLiteral("whole.png")).toStdString(), big);
    writeImage(path(QStringLiteral("whole.jpg")).toStdString(), big);
    const QByteArray png = readAll(path(QStringLiteral("whole.png")));
    writeAll(path(QStringLiteral("cut.png")), png.left(png.size() / 2));
    const QByteArray jpg = readAll(path(QStringLiteral("whole.jpg")));
    writeAll(path(QStringLiteral("cut.jpg")), jpg.left(jpg.size() / 2));
    try {
        readImage(path(name).toStdString());
        QFAIL("a broken file was read");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(name), e.what());
    }
}

void TestImageFile::readsTheSizeFromTheHeader()
{
    const Image image = twoColors(200, 150);
    for (const char *name : {"size.png", "size.jpg", "size.tif"}) {
        writeImage(path(QLatin1String(name)).toStdString(), image);
        const std::string format = QString::fromLatin1(name).endsWith(QLatin1String("png"))   ? "PNG"
                                   : QString::fromLatin1(name).endsWith(QLatin1String("jpg")) ? "JPEG"
                                                                                              : "TIFF";
        const auto size = readImageDimensions(path(QLatin1String(name)).toStdString(), format);
        QVERIFY2(size.has_value(), name);
        QCOMPARE(size->width, std::int64_t(200));
        QCOMPARE(size->height, std::int64_t(150));
    }
    // A BMP written by hand: 3 x 2, 24-bit, stored top-down (negative height).
    QByteArray bmp(54 + 2 * 12, '\0');
    auto put = [&bmp](int at, std::int32_t v) {
        for (int i = 0; i < 4; ++i)
            bmp[at + i] = char((std::uint32_t(v) >> (8 * i)) & 0xff);
    };
    bmp[0] = 'B';
    bmp[1] = 'M';
    put(2, int(bmp.size()));
    put(10, 54);
    put(14, 40);
    put(18, 3);
    put(22, -2);
    bmp[26] = 1;
    bmp[28] = 24;
    writeAll(path(QStringLiteral("size.bmp")), bmp);
    const auto size = readImageDimensions(path(QStringLiteral("size.bmp")).toStdString(), "BMP");
    QVERIFY(size.has_value());
    QCOMPARE(size->width, std::int64_t(3));
    QCOMPARE(size->height, std::int64_t(2));
    QCOMPARE(readImage(path(QStringLiteral("size.bmp")).toStdString()).pixels.height(), 2);
}

void TestImageFile::refusesDecompressionBombsBeforeDecoding()
{
    // A 200 x 150 PNG whose header is rewritten to declare 20000 x 20000 (1.2 GB of RGB): refused
    // from the header, so no decoder allocates anything.
    writeImage(path(QStringLiteral("small.png")).toStdString(), twoColors(200, 150));
    QByteArray png = readAll(path(QStringLiteral("small.png")));
    for (int at : {16, 20}) {
        png[at] = 0;
        png[at + 1] = 0;
        png[at + 2] = char(20000 >> 8);
        png[at + 3] = char(20000 & 0xff);
    }
    writeAll(path(QStringLiteral("bomb.png")), png);
    try {
        readImage(path(QStringLiteral("bomb.png")).toStdString());
        QFAIL("a decompression bomb was decoded");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("20000 x 20000 pixels is over the limit of 178956970")), e.what());
    }
    // The largest sizes a PNG header can hold: their product overflows 64 bits (found by
    // fuzz_image); it saturates and is refused the same way.
    for (int at = 16; at < 24; ++at)
        png[at] = char(0xff);
    writeAll(path(QStringLiteral("bomb.png")), png);
    QVERIFY_THROWS_EXCEPTION(Error, readImage(path(QStringLiteral("bomb.png")).toStdString()));
    QCOMPARE((ImageDimensions{4294967295, 4294967295}.pixels()), std::numeric_limits<std::int64_t>::max());
    // The limit is the process's setting: lowered, the real 30,000-pixel image is refused too.
    setMaxImagePixels(100 * 100);
    QVERIFY_THROWS_EXCEPTION(Error, readImage(path(QStringLiteral("small.png")).toStdString()));
    setMaxImagePixels(kDefaultMaxImagePixels);
    QCOMPARE(readImage(path(QStringLiteral("small.png")).toStdString()).pixels.width(), 200);
}

void TestImageFile::readsTheDemoPhotos()
{
    const QString folder = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/");
    if (!QFile::exists(folder + QStringLiteral("baboon.jpg")))
        QSKIP("opencv-doc's photos are not installed (scripts/install-deps.sh installs them)");
    const ImageFile baboon = readImage((folder + QStringLiteral("baboon.jpg")).toStdString());
    QCOMPARE(baboon.pixels.width(), 512);
    QVERIFY(!baboon.isGrayscale);
}

void TestImageFile::readsLargePhotosReducedWhenAskedTo()
{
    // A 2400x1600 photo: smooth gradients, so that any correct reduction keeps each pixel's colour
    // to a few levels (8-bit JPEG, DCT scaling against averaging 4x4 blocks).
    Image photo(2400, 1600, 3, PixelFormat::UInt8);
    for (int y = 0; y < photo.height(); ++y)
        for (int x = 0; x < photo.width(); ++x) {
            photo.setSample(x, y, 0, float(x * 255 / 2399));
            photo.setSample(x, y, 1, float(y * 255 / 1599));
            photo.setSample(x, y, 2, 128.0f);
        }
    for (const char *name : {"large.jpg", "large.png"}) {
        const std::string file = path(QString::fromLatin1(name)).toStdString();
        writeImage(file, photo);
        // 1600 / 4 = 400 keeps 300 on the short side; 1600 / 8 = 200 would not.
        const ImageFile reduced = readImage(file, 300);
        QCOMPARE(reduced.pixels.width(), 600);
        QCOMPARE(reduced.pixels.height(), 400);
        QCOMPARE(reduced.pixels.channels(), 3);
        for (const auto &[x, y] : {std::pair{10, 10}, std::pair{300, 200}, std::pair{590, 390}})
            for (int c = 0; c < 3; ++c) {
                const float expected = c == 0 ? (4 * x + 1.5f) * 255 / 2399 : c == 1 ? (4 * y + 1.5f) * 255 / 1599 : 128.0f;
                QVERIFY2(std::abs(reduced.pixels.sample(x, y, c) - expected) <= 6.0f,
                         qPrintable(QStringLiteral("%1 (%2, %3) channel %4: %5 vs %6").arg(QLatin1String(name)).arg(x).arg(y).arg(c)
                                        .arg(reduced.pixels.sample(x, y, c)).arg(expected)));
            }
        // Not reducible by two at 1000 (800 < 1000): read whole; and no reduction asked: whole.
        QCOMPARE(readImage(file, 1000).pixels.width(), 2400);
        QCOMPARE(readImage(file).pixels.width(), 2400);
    }
}

QTEST_GUILESS_MAIN(TestImageFile)
#include "tst_imagefile.moc"
