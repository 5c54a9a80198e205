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

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace periscope;
using namespace periscope::deepfake;

namespace {
std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// 12 frames of 96 x 80 (a bright blob moving right on a textured background), and boxes on the
// blob for frames 0-9 (10 and 11 have none). `green` makes the blob green rather than orange.
void writeClip(const std::string &video, const std::string &boxes, bool green = false)
{
    const auto writer = media::VideoWriter::create(video, 96, 80);
    std::ofstream json(boxes);
    json << "{\"frames\": [";
    for (int t = 0; t < 12; ++t) {
        Image frame(96, 80, 3, PixelFormat::UInt8);
        const double cx = 36.0 + 2.0 * t, cy = 40.0;
        for (int y = 0; y < 80; ++y)
            for (int x = 0; x < 96; ++x) {
                const double face = std::exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 200.0);
                frame.setSample(x, y, 0, float(50 + (green ? 20 : 170) * face + (x * 7 + y * 3) % 20));
                frame.setSample(x, y, 1, float(40 + (green ? 200 : 120) * face + (x * 5) % 16));
                frame.setSample(x, y, 2, float(90 + 30 * face));
            }
        writer->write(frame);
        json << (t ? ", " : "") << "{\"index\": " << t << ", \"face_box\": ";
        if (t < 10)
            json << "[" << cx - 14 << ", " << cy - 16 << ", 28, 32]}";
        else
            json << "null}";
    }
    json << "]}";
    writer->finish();
}

// The synthetic clip at ROOT/clip.mp4 and its self-blended fake (given boxes) under ROOT/fakes.
FakeVideoResult fakeOfClip(const std::string &root)
{
    writeClip(root + "/clip.mp4", root + "/boxes.json");
    FakeVideoRequest fake;
    fake.input = root + "/clip.mp4";
    fake.outFolder = root + "/fakes";
    fake.boxes = root + "/boxes.json";
    return makeSelfBlendedFake(fake);
}

int maskPixels(const std::string &png)
{
    const Image mask = media::readImage(png).pixels;
    int count = 0;
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x)
            count += mask.sample(x, y, 0) > 0 ? 1 : 0;
    return count;
}
} // namespace

class TestFakeVideos : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void givenBoxesMakeAFakeInTheDfdcLayout();
    void aSwapPutsTheOtherVideosFaceIn();
    void theHaarDetectorFindsMegamindsFace();
    void badRequestsGetAReason();
    void videosAreScoredAndExplainedInFramePixels();
    void clipModelsScoreRunsOfFrames();
    void aFolderIsExplainedVideoByVideo();
    void annotatedFramesDrawOnlyWhereTheySay();
    void labelledFoldersKeepTheirPathsInside();
    void aDetectorTrainsOnAFakesFolder();
    void foldersOpenInEveryLayout();
    void masksComeFromFilesOrFromTheDifference();
    void theCacheBecomesAnAnnotatedClip();
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

void TestFakeVideos::aFolderIsExplainedVideoByVideo()
{
    // The DFDC folder `fakes` wrote: both videos explained with their own boxes (and the fake with
    // its masks), named by their paths inside the folder, and the folder's summary.
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    writeFakesMetadata(root + "/fakes", {fakeOfClip(root)});
    torch::manual_seed(1);
    writeSafetensors(root + "/detector.safetensors", stateDictOf(*EfficientNet(EfficientNetConfig::b(0, 1))));
    VideoExplanationRequest common;
    common.weights = root + "/detector.safetensors";
    common.inputSize = 64;
    common.every = 3;
    common.outFolder = root + "/explained";
    std::vector<std::string> lines;
    const FolderExplanationResult result = explainFolder(root + "/fakes", common, [&](const std::string &line) { lines.push_back(line); });
    QCOMPARE(result.videos, 2);
    QCOMPARE(result.failed, 0);
    QCOMPARE(lines.size(), std::size_t(2));
    QCOMPARE(result.metrics.videos, 2);
    QVERIFY(std::filesystem::exists(root + "/explained/fake-clip.heatmaps.safetensors"));
    QVERIFY(std::filesystem::exists(root + "/explained/real-clip.deepfake.json"));
    const json::Value summary = json::Value::parse(readAll(result.json));
    QCOMPARE(summary.find("layout")->asString(), std::string("dfdc"));
    const json::Array &videos = summary.find("videos")->asArray();
    QCOMPARE(videos.size(), std::size_t(2));
    QCOMPARE(videos[0].find("video")->asString(), std::string("fake/clip.mp4"));
    QCOMPARE(videos[0].find("label")->asString(), std::string("FAKE"));
    QCOMPARE(summary.find("detection_quality")->find("videos")->asNumber(), 2.0);
    // The fake was scored against its masks, the real video has none.
    const json::Value fake = json::Value::parse(readAll(root + "/explained/fake-clip.deepfake.json"));
    QCOMPARE(fake.find("explanation_metrics")->find("metrics")->find("mask_mass")->find("n")->asNumber(), 4.0);
    QCOMPARE(fake.find("frames_with_face")->asNumber(), 4.0); // its boxes were used: frames 0, 3, 6, 9

    // A plain folder with a file that is no video: reported, the other still explained.
    std::filesystem::create_directories(root + "/plain");
    std::filesystem::copy_file(root + "/clip.mp4", root + "/plain/clip.mp4");
    {
        std::ofstream(root + "/plain/broken.mp4") << "not a video";
    }
    common.outFolder = root + "/plain-out";
    const FolderExplanationResult plain = explainFolder(root + "/plain", common);
    QCOMPARE(plain.videos, 2);
    QCOMPARE(plain.failed, 1);
    QVERIFY(std::isnan(plain.detection.rocAuc));
    const json::Value plainSummary = json::Value::parse(readAll(plain.json));
    QVERIFY(plainSummary.find("videos")->asArray()[0].find("error") != nullptr); // broken.mp4 sorts first
    QVERIFY(plainSummary.find("detection_quality") == nullptr);
}

void TestFakeVideos::clipModelsScoreRunsOfFrames()
{
    // The same fake explained by the mini MViT (random weights: the plumbing): the 10 frames with
    // a face make a run of 8 and a run of 2 (filled up to 8 inside the detector); every frame of a
    // run has the run's score, and attention rollout puts a map on each of them.
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    fakeOfClip(root);
    torch::manual_seed(2);
    writeSafetensors(root + "/clip-detector.safetensors", stateDictOf(*MViT(MViTConfig::v2Mini(1))));
    VideoExplanationRequest request;
    request.video = root + "/fakes/fake/clip.mp4";
    request.weights = root + "/clip-detector.safetensors";
    request.architecture = "mvit_v2_mini";
    request.method = "rollout";
    request.outFolder = root + "/explained";
    request.boxes = root + "/boxes.json";
    const VideoExplanationResult result = explainVideo(request);
    QCOMPARE(result.frames, std::int64_t(12));
    QCOMPARE(result.framesWithFace, std::int64_t(10));
    const json::Value out = json::Value::parse(readAll(result.json));
    QCOMPARE(out.find("clip_frames")->asNumber(), 8.0);
    const json::Array &frames = out.find("frames")->asArray();
    for (std::size_t k = 1; k < 8; ++k)
        QCOMPARE(frames[k].find("score")->asNumber(), frames[0].find("score")->asNumber());
    QCOMPARE(frames[9].find("score")->asNumber(), frames[8].find("score")->asNumber());
    QVERIFY(frames[10].find("score")->isNull());
    const torch::Tensor heatmaps = *findTensor(readSafetensors(result.heatmaps).tensors, "heatmaps");
    QCOMPARE(heatmaps.sizes().vec(), (std::vector<std::int64_t>{12, 80, 96}));
    for (std::int64_t k = 0; k < 10; ++k)
        QVERIFY(heatmaps[k].sum().item<double>() > 0.0);
    QCOMPARE(heatmaps[10].abs().sum().item<double>(), 0.0);

    // Rollout needs attention: an EfficientNet is refused before any decoding.
    writeSafetensors(root + "/frame-detector.safetensors", stateDictOf(*EfficientNet(EfficientNetConfig::b(0, 1))));
    request.weights = root + "/frame-detector.safetensors";
    request.architecture = "efficientnet_b0";
    try {
        explainVideo(request);
        QFAIL("rollout ran on an EfficientNet");
    } catch (const Error &e) {
        QVERIFY2(std::string(e.what()).find("mvit_v2_s or mvit_v2_mini") != std::string::npos, e.what());
    }
}

void TestFakeVideos::videosAreScoredAndExplainedInFramePixels()
{
    // The fake of the synthetic clip, explained by a one-logit EfficientNet-B0 (random weights:
    // this checks the plumbing, not a detector) on 64 px crops, with its own masks for the metrics.
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    fakeOfClip(root);
    torch::manual_seed(1);
    writeSafetensors(root + "/detector.safetensors", stateDictOf(*EfficientNet(EfficientNetConfig::b(0, 1))));
    for (const std::string method : {"gradcam", "ig"}) {
        VideoExplanationRequest request;
        request.video = root + "/fakes/fake/clip.mp4";
        request.weights = root + "/detector.safetensors";
        request.method = method;
        request.outFolder = root + "/explained-" + method;
        request.boxes = root + "/boxes.json";
        request.masks = root + "/fakes/masks/clip";
        request.inputSize = 64;
        request.every = 3; // frames 0, 3, 6, 9 (faces) and nothing past the clip's 12
        request.exportClip = method == "gradcam";
        const VideoExplanationResult result = explainVideo(request);
        if (request.exportClip) {
            // One annotated frame per explained frame, at a quarter of the clip's rate, its even size.
            const auto clip = media::VideoReader::open(result.clip);
            QCOMPARE(clip->info().frameCount, std::int64_t(4));
            QCOMPARE(clip->info().width, 96);
            QCOMPARE(clip->info().height, 80);
        } else {
            QVERIFY(result.clip.empty());
        }
        QCOMPARE(result.frames, std::int64_t(4));
        QCOMPARE(result.framesWithFace, std::int64_t(4));
        QVERIFY(result.videoScore >= 0.0 && result.videoScore <= 1.0);
        const SafetensorsContents saved = readSafetensors(result.heatmaps);
        const torch::Tensor heatmaps = *findTensor(saved.tensors, "heatmaps");
        QCOMPARE(heatmaps.sizes().vec(), (std::vector<std::int64_t>{4, 80, 96}));
        QVERIFY(torch::equal(*findTensor(saved.tensors, "frames"), torch::tensor({0, 3, 6, 9}, torch::kLong)));
        // In frame pixels: nothing outside frame 0's crop square (box 28 x 32 at (22, 24): side 42 at (15, 19)).
        QCOMPARE(heatmaps[0].slice(0, 0, 14).abs().sum().item<double>(), 0.0);
        QCOMPARE(heatmaps[0].slice(1, 60, 96).abs().sum().item<double>(), 0.0);
        QVERIFY(heatmaps[0].abs().sum().item<double>() > 0.0);
        const json::Value out = json::Value::parse(readAll(result.json));
        QCOMPARE(out.find("frames")->asArray().size(), std::size_t(4));
        QCOMPARE(out.find("frames")->asArray()[1].find("index")->asNumber(), 3.0);
        const json::Value &metrics = *out.find("explanation_metrics")->find("metrics");
        QCOMPARE(metrics.find("locality")->find("n")->asNumber(), 4.0);
        QCOMPARE(metrics.find("mask_mass")->find("n")->asNumber(), 4.0);
    }
    // Cancelled after the first batch: the decoding thread stops too, and the call ends with
    // CancelledError rather than hanging or finishing.
    VideoExplanationRequest cancelled;
    cancelled.video = root + "/fakes/fake/clip.mp4";
    cancelled.weights = root + "/detector.safetensors";
    cancelled.outFolder = root + "/cancelled";
    cancelled.boxes = root + "/boxes.json";
    cancelled.inputSize = 64;
    cancelled.batchFrames = 2;
    const auto token = std::make_shared<CancelToken>();
    const JobControl control(token, [&](double fraction, const std::string &) {
        if (fraction > 0.0)
            token->cancel();
    });
    QVERIFY_THROWS_EXCEPTION(CancelledError, explainVideo(cancelled, control));
    QVERIFY(!std::filesystem::exists(root + "/cancelled/clip.deepfake.json"));

    VideoExplanationRequest wrong;
    wrong.video = root + "/clip.mp4";
    wrong.weights = root + "/detector.safetensors";
    wrong.outFolder = root + "/x";
    wrong.method = "lime";
    QVERIFY_THROWS_EXCEPTION(Error, explainVideo(wrong));
}

void TestFakeVideos::annotatedFramesDrawOnlyWhereTheySay()
{
    // A grey 64 x 48 frame; the heatmap is a 10 x 10 square of 1 at (30, 10); the face box
    // (8, 8, 12, 12); two explained frames, the first scored fake.
    Image frame(64, 48, 3, PixelFormat::UInt8);
    imageAsTensorHWC(frame).fill_(100);
    ExplanationClipRequest request;
    request.heatmaps = torch::zeros({2, 48, 64});
    request.heatmaps[0].slice(0, 10, 20).slice(1, 30, 40).fill_(1.0);
    request.frames = {0, 5};
    request.boxes = {FaceBox{8, 8, 12, 12}, std::nullopt};
    request.scores = {0.9, std::nullopt};
    request.opacity = 1.0;
    const Image out = annotatedFrame(frame, request, 0, 1.0f);
    const torch::Tensor pixels = imageAsTensorHWC(out).to(torch::kInt);
    // The heatmap's maximum fully opaque: jet's last colour, (128, 0, 0).
    QCOMPARE(pixels[15][35][0].item<int>(), int(colormapTable(Colormap::Jet)[255].r));
    QCOMPARE(pixels[15][35][1].item<int>(), 0);
    // The box, red for a fake score, 2 pixels outside its edge; inside it the frame is untouched.
    QCOMPARE(pixels[7][10][0].item<int>(), 230);
    QCOMPARE(pixels[14][14][0].item<int>(), 100);
    // The strip: the first half coloured by 0.9 (coolwarm, red side), the second grey (no face).
    const int strip = 4;
    QVERIFY(pixels[47][5][0].item<int>() > pixels[47][5][2].item<int>());
    QCOMPARE(pixels[47][50][0].item<int>(), 128);
    // Everything else is the frame as it was.
    torch::Tensor untouched = torch::ones({48, 64}, torch::kBool);
    untouched.slice(0, 10, 20).slice(1, 30, 40).fill_(false);
    untouched.slice(0, 6, 22).slice(1, 6, 22).fill_(false);
    untouched.slice(0, 48 - strip - 2, 48).fill_(false);
    QVERIFY(torch::equal(pixels.masked_select(untouched.unsqueeze(2).expand({48, 64, 3})),
                         torch::full({untouched.sum().item<std::int64_t>() * 3}, 100, torch::kInt)));
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

// The workspace's clip export: the frames the cache holds, in order, each with its map, its box and
// the score strip (blue where real, red where fake, along the explained frames); nothing written
// when nothing is explained or the export is cancelled.
void TestFakeVideos::theCacheBecomesAnAnnotatedClip()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    writeClip(root + "/clip.mp4", root + "/boxes.json");
    std::ofstream(root + "/weights.safetensors") << "stands for a detector: the cache keys on the file";
    DetectorSpec spec;
    spec.weights = root + "/weights.safetensors";
    spec.inputSize = 16;
    ExplanationCache cache(root + "/cache", root + "/clip.mp4", spec);
    QVERIFY_THROWS_EXCEPTION(Error, writeCachedExplanationClip(cache, root + "/clip.mp4", root + "/none.mp4"));
    QVERIFY(!std::filesystem::exists(root + "/none.mp4"));

    std::vector<FrameExplanation> stored;
    for (const std::int64_t frame : {2, 3, 4, 7}) {
        FrameExplanation e;
        e.frame = frame;
        e.box = {30.0 + 2 * frame, 24.0, 28.0, 32.0};
        e.crop = faceCropFor(e.box, 16);
        e.score = frame < 4 ? 0.0 : 1.0; // two real frames, then two fake
        e.heatmap = imageFromTensor(torch::ones({1, 16, 16}));
        stored.push_back(e);
    }
    cache.store(stored);
    writeCachedExplanationClip(cache, root + "/clip.mp4", root + "/clip.explained.mp4");
    const auto clip = media::VideoReader::open(root + "/clip.explained.mp4");
    QCOMPARE(clip->info().frameCount, std::int64_t(4));
    QCOMPARE(clip->info().width, 96);
    // The strip along the bottom: the first half of the columns blue (real), the second red (fake).
    // Coolwarm's ends differ by 133 (blue over red) and 121 (red over blue); the 4-pixel strip
    // loses chroma to 4:2:0 coding, so a third of that is asked.
    const Image first = clip->frameAt(0).rgb;
    const int y = 78;
    QVERIFY2(first.sample(10, y, 2) > first.sample(10, y, 0) + 40, "the real frames' part of the strip is not blue");
    QVERIFY2(first.sample(85, y, 0) > first.sample(85, y, 2) + 40, "the fake frames' part of the strip is not red");
    // Outside the crop square and the strip, the frame as it was (up to the coding's error).
    const auto original = media::VideoReader::open(root + "/clip.mp4");
    const Image source = original->frameAt(2).rgb;
    double difference = 0.0;
    for (int x = 0; x < 12; ++x)
        for (int c = 0; c < 3; ++c)
            difference += std::abs(first.sample(x, 10, c) - source.sample(x, 10, c));
    QVERIFY2(difference / 36.0 < 8.0, qPrintable(QString::number(difference / 36.0)));
    // Inside the face's square the map is blended in: the frame differs there.
    double inside = 0.0;
    for (int c = 0; c < 3; ++c)
        inside += std::abs(first.sample(44, 40, c) - source.sample(44, 40, c));
    QVERIFY2(inside / 3.0 > 20.0, qPrintable(QString::number(inside / 3.0)));

    CancelToken token;
    token.cancel();
    const JobControl cancelled(std::shared_ptr<const CancelToken>(&token, [](const CancelToken *) {}), {});
    QVERIFY_THROWS_EXCEPTION(CancelledError, writeCachedExplanationClip(cache, root + "/clip.mp4", root + "/cancelled.mp4", cancelled));
    QVERIFY(!std::filesystem::exists(root + "/cancelled.mp4"));
}

#include "tst_fakevideos.moc"
