// SPDX-License-Identifier: GPL-3.0-or-later
// Fake videos from real ones: a synthetic clip with given face boxes becomes real/, fake/ and
// masks/ in the DFDC layout, with one lossless mask per fake frame, masks only where a box was
// given, the same files again from the same seed, and metadata.json naming it all. Where
// opencv-doc's Megamind.avi is installed, the Haar detector and tracker find its face.
#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/models/MViT.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/deepfake/DetectorDataset.h"
#include "engine/deepfake/CachedExplanationClip.h"
#include "engine/deepfake/ExplanationClip.h"
#include "engine/deepfake/FrameExplanations.h"
#include "engine/deepfake/FakeVideos.h"
#include "engine/deepfake/FrameDetector.h"
#include "engine/deepfake/ManipulationMasks.h"
#include "engine/deepfake/VideoExplainer.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"
#include "tests/engine/deepfake/SyntheticClip.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace periscope;
using namespace periscope::deepfake;

using namespace periscope::deepfake::testing;

class TestFakeVideos : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void givenBoxesMakeAFakeInTheDfdcLayout();
    void aSwapPutsTheOtherVideosFaceIn();
    void theHaarDetectorFindsMegamindsFace();
    void badRequestsGetAReason();
    void labelledFoldersKeepTheirPathsInside();
    void aDetectorTrainsOnAFakesFolder();
    void foldersOpenInEveryLayout();
    void masksComeFromFilesOrFromTheDifference();
};

void TestFakeVideos::givenBoxesMakeAFakeInTheDfdcLayout()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    writeClip(root + "/clip.mp4", root + "/boxes.json");
    FakeVideoRequest request;
    request.input = root + "/clip.mp4";
    request.outFolder = root + "/out";
    request.boxes = root + "/boxes.json";
    request.seed = 5;
    const FakeVideoResult result = makeSelfBlendedFake(request);
    QCOMPARE(result.frames, std::int64_t(12));
    QCOMPARE(result.framesWithFace, std::int64_t(10));
    QCOMPARE(result.fake, std::string("fake/clip.mp4"));
    QVERIFY(std::filesystem::exists(root + "/out/real/clip.mp4"));
    const auto fake = media::VideoReader::open(root + "/out/" + result.fake);
    QCOMPARE(fake->info().frameCount, std::int64_t(12));
    QCOMPARE(fake->info().width, 96);
    // One mask per fake frame, on the blob where a box was given, empty where none was.
    for (int t = 0; t < 12; ++t) {
        char name[32];
        std::snprintf(name, sizeof name, "/out/masks/clip/%06d.png", t);
        const int pixels = maskPixels(root + name);
        if (t < 10)
            QVERIFY2(pixels > 200 && pixels < 28 * 32 * 2, qPrintable(QStringLiteral("frame %1: %2 mask pixels").arg(t).arg(pixels)));
        else
            QCOMPARE(pixels, 0);
    }
    // The same seed: the same masks, byte for byte.
    request.outFolder = root + "/again";
    makeSelfBlendedFake(request);
    for (const char *frame : {"000000.png", "000005.png", "000009.png"})
        QVERIFY(readAll(root + "/out/masks/clip/" + frame) == readAll(root + "/again/masks/clip/" + frame));

    writeFakesMetadata(root + "/out", {result});
    const json::Value metadata = json::Value::parse(readAll(root + "/out/metadata.json"));
    QCOMPARE(metadata.find("fake/clip.mp4")->find("label")->asString(), std::string("FAKE"));
    QCOMPARE(metadata.find("fake/clip.mp4")->find("original")->asString(), std::string("real/clip.mp4"));
    QCOMPARE(metadata.find("fake/clip.mp4")->find("mask")->asString(), std::string("masks/clip"));
    QCOMPARE(metadata.find("real/clip.mp4")->find("label")->asString(), std::string("REAL"));
}

void TestFakeVideos::aSwapPutsTheOtherVideosFaceIn()
{
    // The orange blob's clip gets the green blob's face: inside an ellipse on its box (28 x 32:
    // at most pi x 12.6 x 17.6 = 697 pixels), nothing outside, nothing where no box was given;
    // the fake is greener there than its original.
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    writeClip(root + "/clip.mp4", root + "/boxes.json");
    writeClip(root + "/other.mp4", root + "/other-boxes.json", /*green=*/true);
    FakeVideoRequest request;
    request.input = root + "/clip.mp4";
    request.boxes = root + "/boxes.json";
    request.source = root + "/other.mp4";
    request.sourceBoxes = root + "/other-boxes.json";
    request.outFolder = root + "/out";
    const FakeVideoResult result = makeSwappedFake(request);
    QCOMPARE(result.fake, std::string("fake/clip_other.mp4"));
    QCOMPARE(result.kind, std::string("swap"));
    QCOMPARE(result.source, std::string("real/other.mp4"));
    QCOMPARE(result.framesWithFace, std::int64_t(10));
    QVERIFY(std::filesystem::exists(root + "/out/real/clip.mp4") && std::filesystem::exists(root + "/out/real/other.mp4"));
    for (int t = 0; t < 12; ++t) {
        char name[48];
        std::snprintf(name, sizeof name, "/out/masks/clip_other/%06d.png", t);
        const int pixels = maskPixels(root + name);
        if (t < 10)
            QVERIFY2(pixels > 100 && pixels <= 697, qPrintable(QStringLiteral("frame %1: %2 mask pixels").arg(t).arg(pixels)));
        else
            QCOMPARE(pixels, 0);
    }
    const Image mask = media::readImage(root + "/out/masks/clip_other/000005.png").pixels;
    const Image fake = media::VideoReader::open(root + "/out/fake/clip_other.mp4")->frameAt(5).rgb;
    const Image real = media::VideoReader::open(root + "/clip.mp4")->frameAt(5).rgb;
    double greener = 0.0;
    int count = 0;
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x)
            if (mask.sample(x, y, 0) > 0) {
                greener += (fake.sample(x, y, 1) - fake.sample(x, y, 0)) - (real.sample(x, y, 1) - real.sample(x, y, 0));
                ++count;
            }
    // Cloning keeps the source's gradients but takes its level from the surroundings, so the
    // shift is smaller than the blobs' difference (80 levels of green over red at the centre).
    QVERIFY2(greener / count > 10.0, qPrintable(QString::number(greener / count)));

    writeFakesMetadata(root + "/out", {result});
    const json::Value metadata = json::Value::parse(readAll(root + "/out/metadata.json"));
    QCOMPARE(metadata.find("fake/clip_other.mp4")->find("kind")->asString(), std::string("swap"));
    QCOMPARE(metadata.find("fake/clip_other.mp4")->find("source")->asString(), std::string("real/other.mp4"));
    QCOMPARE(metadata.find("fake/clip_other.mp4")->find("original")->asString(), std::string("real/clip.mp4"));
    // The folder reads back as labelled, the swap a fake of its target.
    const std::vector<LabelledVideo> videos = readLabelledFolder(root + "/out");
    QCOMPARE(videos.size(), std::size_t(3)); // the fake, its target and the face's source, both real
    request.source.clear();
    QVERIFY_THROWS_EXCEPTION(Error, makeSwappedFake(request));
}

void TestFakeVideos::theHaarDetectorFindsMegamindsFace()
{
    const std::string megamind = "/usr/share/doc/opencv-doc/examples/data/Megamind.avi";
    if (!std::filesystem::exists(megamind))
        QSKIP("opencv-doc's Megamind.avi is not installed");
    QTemporaryDir dir;
    FakeVideoRequest request;
    request.input = megamind;
    request.outFolder = dir.path().toStdString();
    request.maxFrames = 24;
    const FakeVideoResult result = makeSelfBlendedFake(request);
    QCOMPARE(result.frames, std::int64_t(24));
    // Its heroine faces the camera through these frames; the tracker holds her through misses.
    QVERIFY2(result.framesWithFace >= 20, qPrintable(QString::number(result.framesWithFace)));
}

void TestFakeVideos::badRequestsGetAReason()
{
    QTemporaryDir dir;
    FakeVideoRequest request;
    request.outFolder = dir.path().toStdString() + "/out";
    request.input = dir.path().toStdString() + "/missing.mp4";
    QVERIFY_THROWS_EXCEPTION(Error, makeSelfBlendedFake(request));
    {
        std::ofstream(dir.path().toStdString() + "/text.mp4") << "not a video";
    }
    request.input = dir.path().toStdString() + "/text.mp4";
    QVERIFY_THROWS_EXCEPTION(Error, makeSelfBlendedFake(request));
}





void TestFakeVideos::labelledFoldersKeepTheirPathsInside()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    std::filesystem::create_directories(root + "/data/real");
    std::filesystem::create_directories(root + "/data/fake");
    std::ofstream(root + "/data/real/a.mp4") << "x";
    std::ofstream(root + "/data/fake/a.mp4") << "x";
    std::ofstream(root + "/outside.mp4") << "x";
    std::filesystem::create_symlink(root + "/outside.mp4", root + "/data/real/link.mp4");
    const auto write = [&](const std::string &text) { std::ofstream(root + "/data/metadata.json") << text; };

    write(R"({"fake/a.mp4": {"label": "FAKE", "original": "real/a.mp4"}, "real/a.mp4": {"label": "REAL"}})");
    const std::vector<LabelledVideo> videos = readLabelledFolder(root + "/data");
    QCOMPARE(videos.size(), std::size_t(2));
    QVERIFY(videos[0].fake && !videos[1].fake); // sorted by path: fake/ before real/
    QCOMPARE(videos[0].original, videos[1].path);
    QCOMPARE(videos[1].original, videos[1].path);

    const struct {
        const char *metadata, *reason;
    } bad[] = {
        {R"({"../outside.mp4": {"label": "REAL"}})", "outside the folder"},
        {R"({"/etc/passwd": {"label": "REAL"}})", "outside the folder"},
        {R"({"real/link.mp4": {"label": "REAL"}})", "outside the folder"},
        {R"({"fake/a.mp4": {"label": "FAKE", "original": "../outside.mp4"}})", "outside the folder"},
        {R"({"real/a.mp4": {"label": "REAL", "boxes": "/etc/hostname"}})", "outside the folder"},
        {R"({"real/missing.mp4": {"label": "REAL"}})", "is not a file"},
        {R"({"real/a.mp4": {"label": "MAYBE"}})", "no label FAKE or REAL"},
        {R"([1, 2])", "not a JSON object"},
    };
    for (const auto &b : bad) {
        write(b.metadata);
        try {
            readLabelledFolder(root + "/data");
            QFAIL(b.metadata);
        } catch (const Error &e) {
            QVERIFY2(std::string(e.what()).find(b.reason) != std::string::npos, e.what());
        }
    }
    QVERIFY_THROWS_EXCEPTION(Error, readLabelledFolder(root + "/nothing-here"));

    // FaceForensics++'s layout: fakes NNN_MMM find the original NNN of their compression.
    const std::string ff = root + "/ff";
    for (const char *folder : {"/original_sequences/youtube/c23/videos", "/manipulated_sequences/Deepfakes/c23/videos",
                               "/manipulated_sequences/Face2Face/c40/videos"})
        std::filesystem::create_directories(ff + folder);
    for (const char *file : {"/original_sequences/youtube/c23/videos/000.mp4", "/original_sequences/youtube/c23/videos/003.mp4",
                             "/manipulated_sequences/Deepfakes/c23/videos/000_003.mp4",
                             "/manipulated_sequences/Face2Face/c40/videos/000_003.mp4",
                             "/original_sequences/youtube/c23/videos/notes.txt"})
        std::ofstream(ff + file) << "x";
    const std::vector<LabelledVideo> ffVideos = readLabelledFolder(ff);
    QCOMPARE(ffVideos.size(), std::size_t(4)); // the .txt is not a video
    const auto named = [&](const std::string &suffix) {
        for (const LabelledVideo &v : ffVideos)
            if (v.path.size() >= suffix.size() && v.path.compare(v.path.size() - suffix.size(), suffix.size(), suffix) == 0)
                return v;
        return LabelledVideo{};
    };
    QVERIFY(named("Deepfakes/c23/videos/000_003.mp4").fake);
    QCOMPARE(named("Deepfakes/c23/videos/000_003.mp4").original, named("youtube/c23/videos/000.mp4").path);
    QCOMPARE(named("Face2Face/c40/videos/000_003.mp4").original, named("Face2Face/c40/videos/000_003.mp4").path); // no c40 original
    QVERIFY(!named("youtube/c23/videos/003.mp4").fake);
    // A method folder that is a link out of the dataset is refused.
    std::filesystem::create_directories(root + "/elsewhere/c23/videos");
    std::ofstream(root + "/elsewhere/c23/videos/001_002.mp4") << "x";
    std::filesystem::create_directory_symlink(root + "/elsewhere", ff + "/manipulated_sequences/Linked");
    try {
        readLabelledFolder(ff);
        QFAIL("a linked method folder was read");
    } catch (const Error &e) {
        QVERIFY2(std::string(e.what()).find("outside the folder") != std::string::npos, e.what());
    }
}

void TestFakeVideos::aDetectorTrainsOnAFakesFolder()
{
    // The synthetic clip's fake, then training on the folder `fakes` wrote (its box files give the
    // faces; one original, so its last frames are held out), then the weights explain a video.
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    writeFakesMetadata(root + "/fakes", {fakeOfClip(root)});
    const json::Value metadata = json::Value::parse(readAll(root + "/fakes/metadata.json"));
    QCOMPARE(metadata.find("fake/clip.mp4")->find("boxes")->asString(), std::string("boxes/clip.json"));

    DetectorTrainingRequest request;
    request.data = root + "/fakes";
    request.outPath = root + "/trained/detector.safetensors"; // the folder is made
    request.inputSize = 64;
    request.every = 1;
    request.epochs = 2;
    request.batchSize = 4;
    request.spatialTvWeight = 0.1;
    std::vector<std::string> lines;
    const DetectorTrainingReport report = trainDetectorOnFolder(request, [&](const std::string &line) { lines.push_back(line); });
    // Frames 0-9 have faces in both videos: 8 + 8 train, 2 + 2 held out.
    QCOMPARE(report.trainCrops, std::int64_t(16));
    QCOMPARE(report.validationCrops, std::int64_t(4));
    QVERIFY(report.steps >= 2);
    QVERIFY(std::isfinite(report.rocAuc) && std::isfinite(report.logLoss));
    QCOMPARE(lines.size(), std::size_t(2 + 2)); // two videos read, two validations
    const json::Value sidecar = json::Value::parse(readAll(report.sidecar));
    QCOMPARE(sidecar.find("history")->asArray().size(), std::size_t(2));
    QCOMPARE(sidecar.find("split")->asString(), std::string("frames (one original)"));

    FrameDetector detector = FrameDetector::load("efficientnet_b0", report.weights);
    VideoExplanationRequest explain;
    explain.video = root + "/fakes/fake/clip.mp4";
    explain.weights = report.weights;
    explain.outFolder = root + "/explained";
    explain.boxes = root + "/fakes/boxes/clip.json";
    explain.inputSize = 64;
    QCOMPARE(explainVideo(explain).framesWithFace, std::int64_t(10));

    // Resuming a finished run does no more steps; a folder without metadata is refused.
    request.resume = true;
    QCOMPARE(trainDetectorOnFolder(request).steps, report.steps);
    request.data = root;
    QVERIFY_THROWS_EXCEPTION(Error, trainDetectorOnFolder(request));
}

QTEST_GUILESS_MAIN(TestFakeVideos)
// The workspace opens any folder: what `fakes` writes (DFDC, with each fake's masks), the
// FaceForensics++ tree (its masks/ videos attached to their fakes, not judged as videos), and a
// plain folder of videos, unlabelled.
void TestFakeVideos::foldersOpenInEveryLayout()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const FakeVideoResult made = fakeOfClip(root);
    writeFakesMetadata(root + "/fakes", {made});
    const VideoFolder dfdc = readVideoFolder(root + "/fakes");
    QCOMPARE(dfdc.layout, std::string("dfdc"));
    QVERIFY(dfdc.labelled);
    QCOMPARE(dfdc.videos.size(), std::size_t(2));
    QVERIFY(dfdc.videos[0].fake);
    QCOMPARE(std::filesystem::path(dfdc.videos[0].masks).filename().string(), std::string("clip"));
    QVERIFY(std::filesystem::is_directory(dfdc.videos[0].masks));
    QVERIFY(dfdc.videos[1].masks.empty());

    namespace fs = std::filesystem;
    const std::string ff = root + "/ff";
    fs::create_directories(ff + "/original_sequences/youtube/c23/videos");
    fs::create_directories(ff + "/manipulated_sequences/Deepfakes/c23/videos");
    fs::create_directories(ff + "/manipulated_sequences/Deepfakes/masks/videos");
    for (const char *file : {"/original_sequences/youtube/c23/videos/000.mp4", "/manipulated_sequences/Deepfakes/c23/videos/000_003.mp4",
                             "/manipulated_sequences/Deepfakes/masks/videos/000_003.mp4"})
        std::ofstream(ff + file) << "x";
    const VideoFolder forensics = readVideoFolder(ff);
    QCOMPARE(forensics.layout, std::string("faceforensics"));
    QCOMPARE(forensics.videos.size(), std::size_t(2));
    const LabelledVideo &fake = forensics.videos[0].fake ? forensics.videos[0] : forensics.videos[1];
    QVERIFY(fake.masks.find("/masks/videos/000_003.mp4") != std::string::npos);
    QVERIFY(fake.original.find("/original_sequences/youtube/c23/videos/000.mp4") != std::string::npos);

    const std::string plain = root + "/plain";
    fs::create_directories(plain + "/sub");
    fs::copy_file(root + "/clip.mp4", plain + "/b.MP4");
    fs::copy_file(root + "/clip.mp4", plain + "/a.mkv");
    std::ofstream(plain + "/notes.txt") << "not a video";
    std::ofstream(plain + "/sub/c.mp4") << "x";
    const VideoFolder videos = readVideoFolder(plain);
    QCOMPARE(videos.layout, std::string("plain"));
    QVERIFY(!videos.labelled);
    QCOMPARE(videos.videos.size(), std::size_t(2));
    QCOMPARE(fs::path(videos.videos[0].path).filename().string(), std::string("a.mkv"));

    fs::create_directories(root + "/empty");
    QVERIFY_THROWS_EXCEPTION(Error, readVideoFolder(root + "/empty"));
    QVERIFY_THROWS_EXCEPTION(Error, readVideoFolder(root + "/clip.mp4"));
}

// A fake's masks read frame by frame from `fakes`' PNGs, and DFDC-style from the difference of the
// fake and its original: the difference finds the blended region (within 3 pixels: the blend's
// soft edge) far more often than anything else.
void TestFakeVideos::masksComeFromFilesOrFromTheDifference()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    const FakeVideoResult made = fakeOfClip(root);
    const auto fromPngs = ManipulationMasks::fromFile(root + "/fakes/" + made.masks);
    for (int t : {3, 0, 9, 11}) { // backwards too
        const Image mask = fromPngs->at(t);
        QCOMPARE(mask.width(), 96);
        char name[32];
        std::snprintf(name, sizeof name, "/%06d.png", t);
        // The PNGs hold the soft blend weight; the mask is where it is at least half.
        const Image soft = media::readImage(root + "/fakes/" + made.masks + name).pixels;
        for (int y = 0; y < 80; ++y)
            for (int x = 0; x < 96; ++x)
                QCOMPARE(mask.row(y)[x] != 0, soft.sample(x, y, 0) >= 128.0f);
    }
    QVERIFY(fromPngs->at(12).isNull());
    QVERIFY(fromPngs->at(-1).isNull());

    // The synthetic clip is smooth, so the blend changes it by little: a low threshold finds it.
    const auto difference = ManipulationMasks::fromDifference(root + "/fakes/" + made.fake, root + "/fakes/" + made.real, {6, 5});
    int inside = 0, outside = 0, truthPixels = 0;
    for (int t = 0; t < 12; ++t) {
        const Image truth = fromPngs->at(t), found = difference->at(t);
        QVERIFY(!found.isNull());
        for (int y = 0; y < 80; ++y)
            for (int x = 0; x < 96; ++x) {
                truthPixels += truth.row(y)[x] ? 1 : 0;
                if (!found.row(y)[x])
                    continue;
                bool near = false;
                for (int dy = -3; dy <= 3 && !near; ++dy)
                    for (int dx = -3; dx <= 3 && !near; ++dx) {
                        const int yy = y + dy, xx = x + dx;
                        near = yy >= 0 && yy < 80 && xx >= 0 && xx < 96 && truth.row(yy)[xx];
                    }
                (near ? inside : outside) += 1;
            }
    }
    qInfo("difference-mask pixels near the true mask: %d, away from it: %d", inside, outside);
    // The re-encoded fake differs from its original by coding noise too, which the threshold and
    // the median hold back: the mask finds the blend far more often than it fires elsewhere.
    const double found = double(inside) / truthPixels, falseAlarms = double(outside) / (12.0 * 96 * 80 - truthPixels);
    QVERIFY2(found > 0.3 && found > 20.0 * falseAlarms, qPrintable(QStringLiteral("%1 vs %2").arg(found).arg(falseAlarms)));
    QVERIFY(difference->at(12).isNull());
    QVERIFY_THROWS_EXCEPTION(Error, ManipulationMasks::fromFile(root + "/nothing-here"));
}


#include "tst_fakevideos.moc"
