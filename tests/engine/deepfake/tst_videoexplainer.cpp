// SPDX-License-Identifier: GPL-3.0-or-later
// Videos explained end to end (VideoExplainer.h) on the synthetic clip's fake: scores and maps in
// frame pixels with the metrics, a clip model's runs, a whole folder, the annotated clip, and the
// workspace's cache turned into a clip.
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
#include "engine/deepfake/ExplanationFigure.h"
#include "engine/deepfake/ExplanationFiles.h"
#include "engine/deepfake/FaceCrop.h"
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

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/engine/deepfake/SyntheticClip.h"

using namespace periscope;
using namespace periscope::deepfake;
using namespace periscope::deepfake::testing;

class TestVideoExplainer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aFolderIsExplainedVideoByVideo();
    void clipModelsScoreRunsOfFrames();
    void videosAreScoredAndExplainedInFramePixels();
    void annotatedFramesDrawOnlyWhereTheySay();
    void theCacheBecomesAnAnnotatedClip();
    void aFigureShowsEveryMethodOnTheSameFrames();
};

void TestVideoExplainer::aFolderIsExplainedVideoByVideo()
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
    QCOMPARE(videos[0].find("masks")->asString(), std::string("shipped"));

    // DFDC ships no masks: without "mask" entries, the fake's difference to its original gives
    // them.
    json::Value metadata = json::Value::parse(readAll(root + "/fakes/metadata.json"));
    for (auto &[name, entry] : metadata.asObject()) {
        json::Object kept;
        for (auto &[key, value] : entry.asObject())
            if (key != "mask")
                kept.emplace_back(key, value);
        entry = json::Value(std::move(kept));
    }
    {
        std::ofstream(root + "/fakes/metadata.json") << metadata.dump(1);
    }
    common.outFolder = root + "/explained-difference";
    common.difference.threshold = 4; // the synthetic blend is faint (a few levels), unlike a face swap
    common.difference.medianSize = 3;
    const FolderExplanationResult difference = explainFolder(root + "/fakes", common);
    QCOMPARE(difference.failed, 0);
    const json::Value differenceSummary = json::Value::parse(readAll(difference.json));
    QCOMPARE(differenceSummary.find("videos")->asArray()[0].find("masks")->asString(), std::string("difference"));
    QVERIFY(differenceSummary.find("videos")->asArray()[1].find("masks")->isNull()); // the real video
    QCOMPARE(differenceSummary.find("difference_masks")->find("threshold")->asNumber(), 4.0);
    const json::Value differenceFake = json::Value::parse(readAll(root + "/explained-difference/fake-clip.deepfake.json"));
    const json::Value &shippedMetrics = *fake.find("explanation_metrics")->find("metrics");
    const json::Value &differenceMetrics = *differenceFake.find("explanation_metrics")->find("metrics");
    QCOMPARE(differenceMetrics.find("mask_mass")->find("n")->asNumber(), 4.0);
    // The same maps as with the shipped masks; the mask metrics are those of the difference masks
    // (checked by scoring the written heatmaps against ManipulationMasks::fromDifference here).
    QCOMPARE(differenceMetrics.find("locality")->find("mean")->asNumber(), shippedMetrics.find("locality")->find("mean")->asNumber());
    const SafetensorsContents written = readSafetensors(root + "/explained-difference/fake-clip.heatmaps.safetensors");
    const torch::Tensor maps = *findTensor(written.tensors, "heatmaps");
    const torch::Tensor frames = *findTensor(written.tensors, "frames");
    const std::vector<std::int64_t> indices(frames.data_ptr<std::int64_t>(), frames.data_ptr<std::int64_t>() + frames.numel());
    const auto masksOfDifference = ManipulationMasks::fromDifference(root + "/fakes/fake/clip.mp4", root + "/fakes/real/clip.mp4", common.difference);
    const ExplanationMetrics expected =
        scoreExplanations(maps, readManipulationMasks(*masksOfDifference, "difference", indices, maps.size(1), maps.size(2)), {}, indices);
    QVERIFY(std::abs(differenceMetrics.find("mask_mass")->find("mean")->asNumber() - expected.summary.maskMass.mean) < 1e-12);
    QVERIFY(std::abs(differenceMetrics.find("mask_auc")->find("mean")->asNumber() - expected.summary.maskAuc.mean) < 1e-12);

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

void TestVideoExplainer::clipModelsScoreRunsOfFrames()
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

void TestVideoExplainer::aFigureShowsEveryMethodOnTheSameFrames()
{
    // Two methods' runs over the synthetic fake: the figure takes frames both explained, spread
    // from the first to the last, each method's row from its own heatmaps at those frames, blended
    // over the face's square by value (checked pixel by pixel against the blend's formula).
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    fakeOfClip(root);
    torch::manual_seed(1);
    writeSafetensors(root + "/detector.safetensors", stateDictOf(*EfficientNet(EfficientNetConfig::b(0, 1))));
    std::vector<VideoExplanationResult> results;
    const std::vector<std::string> methods{"gradcam", "gradcampp"};
    for (const std::string &method : methods) {
        VideoExplanationRequest request;
        request.video = root + "/fakes/fake/clip.mp4";
        request.weights = root + "/detector.safetensors";
        request.method = method;
        request.outFolder = root + "/explained";
        request.outputStem = "clip." + method;
        request.boxes = root + "/boxes.json";
        request.inputSize = 64;
        request.every = method == "gradcam" ? 1 : 2; // the second run explains the even frames only
        results.push_back(explainVideo(request));
    }
    ExplanationFigureOptions options;
    options.frames = 3;
    options.side = 48;
    const ExplanationFigureData data = explanationFigure(root + "/fakes/fake/clip.mp4", methods, results, options);
    QCOMPARE(data.frames.size(), std::size_t(3));
    QCOMPARE(data.methods.size(), std::size_t(2));
    // Frames with a face in both runs: the even ones; spread: the first, the middle, the last.
    std::vector<std::int64_t> common;
    for (std::size_t k = 0; k < results[1].frameIndices.size(); ++k)
        if (results[1].boxes[k])
            common.push_back(results[1].frameIndices[k]);
    QVERIFY(common.size() >= 3);
    QCOMPARE(data.frames.front().index, common.front());
    QCOMPARE(data.frames.back().index, common.back());
    QCOMPARE(data.frames[1].index % 2, std::int64_t(0));

    const auto lut = colormapTable(options.colormap);
    const auto video = media::VideoReader::open(root + "/fakes/fake/clip.mp4");
    for (std::size_t f = 0; f < data.frames.size(); ++f) {
        const ExplanationFigureFrame &frame = data.frames[f];
        QCOMPARE(frame.face.width(), 48);
        QCOMPARE(frame.face.channels(), 3);
        const FaceCrop square = faceCropFor(frame.box, 48);
        QVERIFY(torch::equal(imageAsTensorHWC(frame.face), imageAsTensorHWC(cropFace(video->frameAt(frame.index).rgb, square))));
        for (std::size_t m = 0; m < methods.size(); ++m) {
            const VideoExplanationResult &r = results[m];
            const std::size_t k = std::size_t(std::find(r.frameIndices.begin(), r.frameIndices.end(), frame.index) - r.frameIndices.begin());
            QCOMPARE(data.methods[m].scores[f], r.scores[k]);
            const torch::Tensor full = *findTensor(readSafetensors(r.heatmaps).tensors, "heatmaps");
            const torch::Tensor map = imageAsTensorHWC(cropFace(imageFromTensor(full[std::int64_t(k)].contiguous()), square))
                                          .select(2, 0)
                                          .clamp_min(0.0);
            QVERIFY(map.max().item<float>() > 0.0f);
            const torch::Tensor h = map / map.max();
            const torch::Tensor face = imageAsTensorHWC(frame.face).to(torch::kFloat);
            const torch::Tensor overlay = imageAsTensorHWC(data.methods[m].overlays[f]).to(torch::kFloat);
            double worst = 0.0;
            for (int y = 0; y < 48; y += 3)
                for (int x = 0; x < 48; x += 3) {
                    const float v = h[y][x].item<float>(), alpha = float(options.opacity) * v;
                    const Rgb8 c = lut[std::size_t(std::lround(v * 255.0f))];
                    const float colour[3] = {float(c.r), float(c.g), float(c.b)};
                    for (int ch = 0; ch < 3; ++ch) {
                        const float expected = face[y][x][ch].item<float>() * (1.0f - alpha) + colour[ch] * alpha;
                        worst = std::max(worst, double(std::abs(overlay[y][x][ch].item<float>() - expected)));
                    }
                }
            // Rounding to 8 bits (0.5), and a value on a colormap step's edge rounding the other way (one step of jet: 4).
            QVERIFY2(worst <= 4.5, qPrintable(QString("frame %1, %2: %3").arg(frame.index).arg(QString::fromStdString(methods[m])).arg(worst)));
        }
    }
    // No frame both explained: a reason, not an empty figure.
    std::vector<VideoExplanationResult> disjoint = {results[0], results[0]};
    for (auto &score : disjoint[1].scores)
        score.reset();
    try {
        explanationFigure(root + "/fakes/fake/clip.mp4", methods, disjoint, options);
        QFAIL("a figure without a common frame was drawn");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("every method"), e.what());
    }
    QCOMPARE(spreadFrames({1, 2, 3, 4, 5, 6, 7}, 3), (std::vector<std::int64_t>{1, 4, 7}));
    QCOMPARE(spreadFrames({5, 9}, 4), (std::vector<std::int64_t>{5, 9}));
    QCOMPARE(spreadFrames({1, 2, 3}, 1), (std::vector<std::int64_t>{2}));
}

void TestVideoExplainer::videosAreScoredAndExplainedInFramePixels()
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

void TestVideoExplainer::annotatedFramesDrawOnlyWhereTheySay()
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

// The workspace's clip export: the frames the cache holds, in order, each with its map, its box and
// the score strip (blue where real, red where fake, along the explained frames); nothing written
// when nothing is explained or the export is cancelled.
void TestVideoExplainer::theCacheBecomesAnAnnotatedClip()
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

QTEST_GUILESS_MAIN(TestVideoExplainer)
#include "tst_videoexplainer.moc"
