// SPDX-License-Identifier: GPL-3.0-or-later
// Videos made here with FFmpeg's own libraries (through VideoWriter) carry their frame number as
// a pattern of black and white blocks that survives compression; every read checks it.
#include "engine/core/errors/Error.h"
#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

#include <sys/stat.h>

using namespace periscope;
using namespace periscope::media;

namespace {
constexpr int kWidth = 160, kHeight = 128, kBits = 10, kBlock = 16;

Image patternFrame(std::int64_t index)
{
    Image image(kWidth, kHeight, 3, PixelFormat::UInt8);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const bool bitRow = y < kBlock;
            const bool bit = bitRow && ((index >> (x / kBlock)) & 1);
            const float value = bitRow ? (bit ? 255.0f : 0.0f) : float((x + y + index * 3) % 200 + 20); // moving texture below
            for (int c = 0; c < 3; ++c)
                image.setSample(x, y, c, value);
        }
    return image;
}

std::int64_t readPattern(const Image &image)
{
    std::int64_t index = 0;
    for (int b = 0; b < kBits; ++b)
        if (image.sample(b * kBlock + kBlock / 2, kBlock / 2, 0) > 128.0f)
            index |= std::int64_t(1) << b;
    return index;
}

void writeVideo(const std::string &path, int frames, VideoWriterOptions options, const std::vector<double> &times = {})
{
    auto writer = VideoWriter::create(path, kWidth, kHeight, options);
    for (int i = 0; i < frames; ++i) {
        if (options.explicitTimestamps)
            writer->write(patternFrame(i), times[std::size_t(i)]);
        else
            writer->write(patternFrame(i));
    }
    writer->finish();
}
} // namespace

class TestVideo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void seeksExactlyAtAConstantRate_data();
    void seeksExactlyAtAConstantRate();
    void handlesAVariableFrameRate();
    void honoursANonZeroStartTime();
    void playsATruncatedFileUpToTheDamage_data();
    void playsATruncatedFileUpToTheDamage();
    void rejectsWhatIsNotAVideo();
    void opensOnlyLocalFilesAndNeverBlocks();
    void readsAndSeeksMpegTransportStreams();
    void writerRefusesMisuse();
    void readsTheDemoVideos();
    void copiesTheSourcesAudio();
    void hardwareRequestStillDecodesExactly();
    void playsBeforeTheIndexIsBuilt();

private:
    std::string path(const QString &name) const { return m_dir.filePath(name).toStdString(); }
    QTemporaryDir m_dir;
};

void TestVideo::seeksExactlyAtAConstantRate_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("codec");
    QTest::newRow("mpeg4 in mp4") << "cfr-mpeg4.mp4" << "mpeg4";
    QTest::newRow("mpeg4 in avi") << "cfr-mpeg4.avi" << "mpeg4";
    QTest::newRow("h264 in mp4") << "cfr-h264.mp4" << "h264";
    QTest::newRow("h264 in mkv") << "cfr-h264.mkv" << "h264";
}

void TestVideo::seeksExactlyAtAConstantRate()
{
    QFETCH(QString, file);
    QFETCH(QString, codec);
    if (codec == QLatin1String("h264") && !h264EncoderAvailable())
        QSKIP("this FFmpeg has no H.264 encoder");
    VideoWriterOptions options;
    options.frameRate = 24.0;
    options.codec = codec.toStdString();
    const std::string video = path(file);
    writeVideo(video, 60, options);

    auto reader = VideoReader::open(video);
    const VideoInfo &info = reader->info();
    QCOMPARE(info.frameCount, std::int64_t(60));
    QCOMPARE(info.width, kWidth);
    QCOMPARE(info.height, kHeight);
    QCOMPARE(QString::fromStdString(info.codec), codec);
    QVERIFY2(std::abs(info.frameRate - 24.0) < 0.01, qPrintable(QString::number(info.frameRate)));
    QVERIFY2(std::abs(info.durationSeconds - 2.5) < 0.01, qPrintable(QString::number(info.durationSeconds)));
    QVERIFY(!info.variableFrameRate);
    QCOMPARE(reader->damage(), std::string());

    // Sequential decoding: every frame, in order, with its time.
    VideoFrame frame;
    for (std::int64_t i = 0; i < 60; ++i) {
        QVERIFY2(reader->readNext(frame), qPrintable(QString::number(i)));
        QCOMPARE(frame.index, i);
        QCOMPARE(readPattern(frame.rgb), i);
        QVERIFY(std::abs(frame.timeSeconds - double(i) / 24.0) < 1e-3);
    }
    QVERIFY(!reader->readNext(frame));

    // Random access: every seek returns exactly the requested frame.
    std::mt19937 random(3);
    std::vector<std::int64_t> requests = {59, 0, 13, 12, 11, 11, 47, 46, 2, 58};
    for (int i = 0; i < 40; ++i)
        requests.push_back(std::uniform_int_distribution<std::int64_t>(0, 59)(random));
    for (const std::int64_t index : requests) {
        const VideoFrame f = reader->frameAt(index);
        QCOMPARE(f.index, index);
        QCOMPARE(readPattern(f.rgb), index);
    }
    QCOMPARE(reader->frameAtTime(1.0).index, std::int64_t(24));
    QCOMPARE(reader->frameAtTime(1.0 + 0.5 / 24.0).index, std::int64_t(24)); // mid-frame: the frame on screen
    QCOMPARE(reader->frameIndexAtTime(100.0), std::int64_t(59));
    const std::vector<std::int64_t> keyframes = reader->keyframeIndices();
    QCOMPARE(keyframes.front(), std::int64_t(0));
    QVERIFY(keyframes.size() >= 5); // one every 12 frames
    QVERIFY_THROWS_EXCEPTION(Error, reader->frameAt(60));
    QVERIFY_THROWS_EXCEPTION(Error, reader->frameAt(-1));
}

void TestVideo::handlesAVariableFrameRate()
{
    std::vector<double> times;
    double t = 0.0;
    for (int i = 0; i < 30; ++i) {
        times.push_back(t);
        t += i % 10 == 9 ? 0.2 : (i % 2 ? 0.03 : 0.05); // uneven, with pauses
    }
    VideoWriterOptions options;
    options.codec = "mpeg4";
    options.explicitTimestamps = true;
    const std::string video = path(QStringLiteral("vfr.mkv"));
    writeVideo(video, 30, options, times);

    auto reader = VideoReader::open(video);
    QVERIFY(reader->info().variableFrameRate);
    QCOMPARE(reader->info().frameCount, std::int64_t(30));
    for (std::int64_t i : {29, 3, 17, 9, 10, 0}) {
        const VideoFrame f = reader->frameAt(i);
        QCOMPARE(readPattern(f.rgb), i);
        QVERIFY2(std::abs(f.timeSeconds - times[std::size_t(i)]) < 1.5e-3, qPrintable(QString::number(f.timeSeconds)));
        // Any moment while the frame is on screen shows it.
        QCOMPARE(reader->frameAtTime(times[std::size_t(i)] + 0.01).index, i);
    }
}

void TestVideo::honoursANonZeroStartTime()
{
    VideoWriterOptions options;
    options.codec = "mpeg4";
    options.frameRate = 25.0;
    options.startTimeSeconds = 10.0;
    const std::string video = path(QStringLiteral("late.ts"));
    writeVideo(video, 40, options);
    auto reader = VideoReader::open(video);
    QVERIFY2(reader->info().startTimeSeconds >= 10.0, qPrintable(QString::number(reader->info().startTimeSeconds)));
    QCOMPARE(reader->info().frameCount, std::int64_t(40));
    const VideoFrame first = reader->frameAt(0);
    QCOMPARE(readPattern(first.rgb), std::int64_t(0));
    QCOMPARE(first.timeSeconds, 0.0); // times count from the stream's start
    QCOMPARE(readPattern(reader->frameAtTime(1.0).rgb), std::int64_t(25));
    QCOMPARE(readPattern(reader->frameAt(33).rgb), std::int64_t(33));
}

void TestVideo::playsATruncatedFileUpToTheDamage_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("mkv") << "cut.mkv";
    QTest::newRow("mp4 (index at the front)") << "cut.mp4";
    QTest::newRow("avi") << "cut.avi";
}

void TestVideo::playsATruncatedFileUpToTheDamage()
{
    QFETCH(QString, file);
    VideoWriterOptions options;
    options.codec = "mpeg4";
    const std::string whole = path(QStringLiteral("whole-") + file);
    writeVideo(whole, 60, options);
    QFile in(QString::fromStdString(whole));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    QFile out(QString::fromStdString(path(file)));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(int(bytes.size() * 0.6)));
    out.close();

    auto reader = VideoReader::open(path(file));
    const std::int64_t count = reader->info().frameCount;
    QVERIFY2(count > 10 && count < 60, qPrintable(QString::number(count)));
    VideoFrame frame;
    std::int64_t read = 0;
    while (reader->readNext(frame)) {
        QCOMPARE(readPattern(frame.rgb), frame.index);
        ++read;
    }
    QVERIFY2(read >= count - 2, qPrintable(QStringLiteral("%1 of %2").arg(read).arg(count)));
    QCOMPARE(readPattern(reader->frameAt(count / 2).rgb), count / 2);
    QVERIFY_THROWS_EXCEPTION(Error, reader->frameAt(59));
    // And it says so: a cut file is not a shorter video (#17; probe prints it). The whole one
    // is not flagged.
    QVERIFY2(!reader->damage().empty(), qPrintable(file));
    auto complete = VideoReader::open(whole);
    QCOMPARE(complete->info().frameCount, std::int64_t(60));
    QVERIFY2(complete->damage().empty(), complete->damage().c_str());
}

void TestVideo::rejectsWhatIsNotAVideo()
{
    const std::string text = path(QStringLiteral("notes.mp4"));
    QFile file(QString::fromStdString(text));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a video at all\n");
    file.close();
    for (const std::string &bad : {text, path(QStringLiteral("missing.mp4"))}) {
        try {
            VideoReader::open(bad);
            QFAIL("opened something that is not a video");
        } catch (const Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(QString::fromStdString(bad)), e.what());
        }
    }
}

void TestVideo::readsAndSeeksMpegTransportStreams()
{
    // MPEG-TS (broadcast and camera recordings): its timestamps start at 1.4 s and every packet
    // is 188 bytes; every frame must decode, in order and by index. H.264 with B-frames too,
    // where libx264 is there (auto).
    for (const char *codec : {"mpeg4", "auto"}) {
        try {
            VideoWriterOptions options;
            options.codec = codec;
            const std::string ts = path(QStringLiteral("stream-%1.ts").arg(QLatin1String(codec)));
            writeVideo(ts, 30, options);
            auto reader = VideoReader::open(ts);
            QCOMPARE(reader->info().frameCount, std::int64_t(30));
            VideoFrame frame;
            std::int64_t read = 0;
            while (reader->readNext(frame)) {
                QCOMPARE(readPattern(frame.rgb), frame.index);
                ++read;
            }
            QCOMPARE(read, std::int64_t(30));
            for (std::int64_t index : {std::int64_t(17), std::int64_t(3), std::int64_t(29), std::int64_t(0)})
                QCOMPARE(readPattern(reader->frameAt(index).rgb), index);
            QVERIFY2(reader->damage().empty(), reader->damage().c_str());
        } catch (const Error &e) {
            QFAIL(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(codec), QString::fromUtf8(e.what()))));
        }
    }
}

void TestVideo::opensOnlyLocalFilesAndNeverBlocks()
{
    // Each is refused at once with the reason; none blocks, none reaches another file or the
    // network. (Before: the FIFO blocked forever, the live playlist waited for segments, the
    // self-referencing ffconcat recursed, and "concat:" read the files it named.)
    auto refusal = [](const std::string &name) -> QString {
        try {
            VideoReader::open(name);
        } catch (const Error &e) {
            return QString::fromUtf8(e.what());
        }
        return {};
    };
    const std::string fifo = path(QStringLiteral("pipe.mp4"));
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    QVERIFY2(refusal(fifo).contains(QLatin1String("is a FIFO")), qPrintable(refusal(fifo)));
    QVERIFY(refusal(m_dir.path().toStdString()).contains(QLatin1String("is a folder")));

    const std::string list = path(QStringLiteral("loop.ffconcat"));
    QFile concat(QString::fromStdString(list));
    QVERIFY(concat.open(QIODevice::WriteOnly));
    concat.write("ffconcat version 1.0\nfile loop.ffconcat\n");
    concat.close();
    QVERIFY2(refusal(list).contains(QLatin1String("concat format")), qPrintable(refusal(list)));

    const std::string playlist = path(QStringLiteral("live.m3u8"));
    QFile hls(QString::fromStdString(playlist));
    QVERIFY(hls.open(QIODevice::WriteOnly));
    hls.write("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/segment.ts\n");
    hls.close();
    QVERIFY2(refusal(playlist).contains(QLatin1String("hls format")), qPrintable(refusal(playlist)));

    // A protocol in the name is just a (missing) file name.
    const std::string protocol = "concat:" + path(QStringLiteral("notes.mp4")) + "|" + list;
    QVERIFY2(refusal(protocol).contains(QLatin1String("No such file")), qPrintable(refusal(protocol)));
}

void TestVideo::writerRefusesMisuse()
{
    QVERIFY_THROWS_EXCEPTION(Error, VideoWriter::create(path(QStringLiteral("x.unknownformat")), 64, 64));
    VideoWriterOptions options;
    options.codec = "mpeg4";
    options.explicitTimestamps = true;
    {
        auto writer = VideoWriter::create(path(QStringLiteral("abandoned.mkv")), 65, 49, options); // odd: cropped
        writer->write(patternFrame(0), 0.5);
        QVERIFY_THROWS_EXCEPTION(Error, writer->write(patternFrame(1), 0.4)); // time went backwards
        QVERIFY_THROWS_EXCEPTION(Error, writer->write(patternFrame(1)));      // needs a time
    } // never finished: nothing left behind
    QVERIFY(!QFile::exists(QString::fromStdString(path(QStringLiteral("abandoned.mkv")))));
    QVERIFY(!QFile::exists(QString::fromStdString(path(QStringLiteral("abandoned.mkv.part")))));
}

void TestVideo::readsTheDemoVideos()
{
    // Megamind.avi: MPEG-4 with packed B-frames in AVI, whose first keyframe packet holds no
    // picture. Frame 0 must be the first picture, decodable by index and by sequence alike.
    const QString megamind = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");
    if (QFile::exists(megamind)) {
        auto clip = VideoReader::open(megamind.toStdString());
        QCOMPARE(clip->info().frameCount, std::int64_t(269));
        VideoFrame first;
        QVERIFY(clip->readNext(first));
        QCOMPARE(first.index, std::int64_t(0));
        const VideoFrame byIndex = clip->frameAt(0);
        QCOMPARE(std::memcmp(byIndex.rgb.bits(), first.rgb.bits(), std::size_t(first.rgb.rowBytes() * first.rgb.height())), 0);
        for (std::int64_t i : {268, 1, 134, 0, 267})
            QCOMPARE(clip->frameAt(i).index, i);
    }

    const QString video = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/vtest.avi");
    if (!QFile::exists(video))
        QSKIP("opencv-doc's videos are not installed (scripts/install-deps.sh installs them)");
    auto reader = VideoReader::open(video.toStdString());
    QVERIFY(reader->info().frameCount > 100);
    // A seek returns the same pixels as decoding up to that frame.
    VideoFrame sequential;
    for (int i = 0; i <= 37; ++i)
        QVERIFY(reader->readNext(sequential));
    const VideoFrame sought = reader->frameAt(37);
    reader->frameAt(3);
    const VideoFrame again = reader->frameAt(37);
    QCOMPARE(std::memcmp(sought.rgb.bits(), sequential.rgb.bits(), std::size_t(sought.rgb.rowBytes() * sought.rgb.height())), 0);
    QCOMPARE(std::memcmp(again.rgb.bits(), sequential.rgb.bits(), std::size_t(again.rgb.rowBytes() * again.rgb.height())), 0);
}

void TestVideo::copiesTheSourcesAudio()
{
    const std::string source = "/usr/share/doc/opencv-doc/examples/data/Megamind.avi";
    if (!QFile::exists(QString::fromStdString(source)))
        QSKIP("Megamind.avi (with audio) is not installed");
    VideoWriterOptions options;
    options.codec = "mpeg4";
    options.frameRate = 24.0;
    options.copyAudioFrom = source;
    const std::string video = path(QStringLiteral("with-audio.mkv"));
    writeVideo(video, 48, options); // two seconds
    auto reader = VideoReader::open(video);
    QVERIFY(reader->info().hasAudio);
    QCOMPARE(reader->info().frameCount, std::int64_t(48));
    QCOMPARE(readPattern(reader->frameAt(30).rgb), std::int64_t(30));
    // MPEG-TS carries the source's AC-3 too.
    writeVideo(path(QStringLiteral("with-audio.ts")), 24, options);
    QVERIFY(VideoReader::open(path(QStringLiteral("with-audio.ts")))->info().hasAudio);
    // A silent source gives a silent video.
    options.copyAudioFrom = video.substr(0, video.size() - 4) + "-silent.mkv";
    VideoWriterOptions plain;
    plain.codec = "mpeg4";
    writeVideo(options.copyAudioFrom, 10, plain);
    writeVideo(path(QStringLiteral("still-silent.mkv")), 10, options);
    QVERIFY(!VideoReader::open(path(QStringLiteral("still-silent.mkv")))->info().hasAudio);
    // A missing source is an error naming it.
    options.copyAudioFrom = "/no/such/source.mp4";
    try {
        VideoWriter::create(path(QStringLiteral("never.mkv")), kWidth, kHeight, options);
        QFAIL("a missing audio source was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("/no/such/source.mp4"), e.what());
    }
}

void TestVideo::hardwareRequestStillDecodesExactly()
{
    VideoWriterOptions options;
    options.codec = h264EncoderAvailable() ? "h264" : "mpeg4";
    const std::string video = path(QStringLiteral("hardware.mp4"));
    writeVideo(video, 30, options);
    VideoReaderOptions hardware;
    hardware.hardwareDecode = true;
    auto reader = VideoReader::open(video, {}, hardware);
    // On a machine without a usable device this is software decoding, silently; with one, the
    // frames come back through memory. Either way they are exact.
    qInfo("decoding with: %s", reader->info().hardwareDevice.empty() ? "software" : reader->info().hardwareDevice.c_str());
    for (std::int64_t i : {0, 29, 7, 15})
        QCOMPARE(readPattern(reader->frameAt(i).rgb), i);
}

void TestVideo::playsBeforeTheIndexIsBuilt()
{
    VideoWriterOptions options;
    options.codec = "mpeg4";
    options.frameRate = 24.0;
    const std::string video = path(QStringLiteral("unindexed.mkv"));
    writeVideo(video, 60, options);
    VideoReaderOptions slow;
    slow.indexStartDelayMs = 5000; // the scan waits: everything below happens before it exists
    auto reader = VideoReader::open(video, {}, slow);
    QVERIFY(!reader->indexReady());
    const VideoInfo &quick = reader->quickInfo();
    QVERIFY(!quick.frameCountExact);
    QCOMPARE(quick.width, kWidth);
    QVERIFY2(std::abs(quick.frameCount - 60) <= 2, qPrintable(QString::number(quick.frameCount))); // estimated
    VideoFrame frame;
    for (std::int64_t i = 0; i < 5; ++i) {
        QVERIFY(reader->readNext(frame));
        QCOMPARE(frame.index, i);
        QCOMPARE(readPattern(frame.rgb), i);
        QVERIFY(std::abs(frame.timeSeconds - double(i) / 24.0) < 1e-3);
    }
    QVERIFY(!reader->indexReady());
    // A stopped reader does not wait for its scan.
    {
        auto abandoned = VideoReader::open(video, {}, slow);
    }

    // Random access waits for the index, then is exact; sequential numbering stays consistent.
    VideoReaderOptions normal;
    auto indexed = VideoReader::open(video, {}, normal);
    QVERIFY(indexed->readNext(frame));
    QCOMPARE(readPattern(indexed->frameAt(40).rgb), std::int64_t(40));
    QVERIFY(indexed->indexReady());
    QVERIFY(indexed->info().frameCountExact);
    QCOMPARE(indexed->info().frameCount, std::int64_t(60));
    QVERIFY(indexed->readNext(frame));
    QCOMPARE(frame.index, std::int64_t(41));
    QCOMPARE(readPattern(frame.rgb), std::int64_t(41));
}

QTEST_GUILESS_MAIN(TestVideo)
#include "tst_video.moc"
