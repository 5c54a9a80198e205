// SPDX-License-Identifier: GPL-3.0-or-later
// What the DeepFake workspace computes while a video is scrubbed: FrameExplainer gives exactly the
// frame detector's score and map for each face, whatever the batch; heatmapInFrame places a crop's
// map in the frame and normalises it; ExplanationCache keeps explanations per video, detector and
// method across sessions, starts afresh when any of them changes, keeps the latest of a frame
// stored twice, and skips a damaged file instead of failing or showing it.
#include <torch/torch.h>

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/core/models/MViT.h"
#include "engine/deepfake/ClipDetector.h"
#include "engine/deepfake/FrameExplanations.h"
#include "tests/engine/deepfake/RandomDetector.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cmath>
#include <filesystem>

using namespace periscope;
using namespace periscope::deepfake;

namespace {

Image randomFrame(int width, int height, std::uint64_t seed)
{
    torch::manual_seed(seed);
    return imageFromTensor((torch::rand({3, height, width}) * 255.0).round().to(torch::kUInt8));
}

Image constantMap(int side, float value)
{
    return imageFromTensor(torch::full({1, side, side}, value));
}

FrameExplanation explanationOf(std::int64_t frame, double score, float value, int side = 16)
{
    FrameExplanation e;
    e.frame = frame;
    e.box = {10.0 + frame, 12.0, 40.0, 44.0};
    e.crop = faceCropFor(e.box, side);
    e.score = score;
    e.heatmap = imageFromTensor(torch::rand({1, side, side}) + value);
    return e;
}

bool sameMap(const Image &a, const Image &b)
{
    return !a.isNull() && !b.isNull() && torch::equal(imageAsTensorHWC(a), imageAsTensorHWC(b));
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class TestFrameExplanations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void explainerGivesTheDetectorsScoreAndMap_data();
    void explainerGivesTheDetectorsScoreAndMap();
    void explainerRefusesAnUnknownMethod();
    void aClipModelExplainsRunsOfFaces();
    void theSidecarSaysTheArchitectureAndCropSize();
    void withoutASidecarTheTensorsSayTheArchitecture();
    void cachesArePrunedLeastRecentlyUsedFirst();
    void heatmapInFramePlacesAndNormalises();
    void cacheKeepsExplanationsAcrossSessions();
    void cacheStartsAfreshWhenTheVideoOrTheMethodChanges();
    void aFrameStoredTwiceKeepsTheLatest();
    void aDamagedCacheFileIsSkipped();
    void cachedExplanationsAreScoredInFramePixels();

private:
    QTemporaryDir m_dir;
    std::string m_weights, m_video;
};

void TestFrameExplanations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_weights = m_dir.filePath(QStringLiteral("detector.safetensors")).toStdString();
    writeSafetensors(m_weights, stateDictOf(*testing::randomDetectorNetwork(3)));
    // The cache keys a video by path, size and time, never by decoding it: any file stands in.
    m_video = m_dir.filePath(QStringLiteral("clip.mp4")).toStdString();
    writeBytes(QString::fromStdString(m_video), QByteArray(1000, 'v'));
}

void TestFrameExplanations::explainerGivesTheDetectorsScoreAndMap_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("gradcam") << QStringLiteral("gradcam");
    QTest::newRow("ig") << QStringLiteral("ig");
}

void TestFrameExplanations::explainerGivesTheDetectorsScoreAndMap()
{
    QFETCH(QString, method);
    DetectorSpec spec;
    spec.weights = m_weights;
    spec.method = method.toStdString();
    spec.inputSize = 64;
    spec.device = DevicePreference::Cpu;
    FrameExplainer explainer(spec);
    QCOMPARE(explainer.batchFrames(), 8);

    // Eleven faces: a batch of eight, then three.
    std::vector<FaceFrame> faces;
    for (int i = 0; i < 11; ++i)
        faces.push_back({100 + i, randomFrame(160, 120, std::uint64_t(i)), FaceBox{20.0 + i, 10.0, 50.0, 60.0}});
    const std::vector<FrameExplanation> out = explainer.explain(faces);
    QCOMPARE(out.size(), faces.size());

    FrameDetector detector = FrameDetector::load("efficientnet_b0", m_weights);
    for (const std::size_t k : {std::size_t(0), std::size_t(9)}) {
        QCOMPARE(out[k].frame, faces[k].frame);
        const FaceCrop crop = faceCropFor(faces[k].box, 64);
        QCOMPARE(out[k].crop.left, crop.left);
        QCOMPARE(out[k].crop.side, crop.side);
        const torch::Tensor input = detector.input(imageToTensor(cropFace(faces[k].rgb, crop)).unsqueeze(0));
        // One crop alone against the same crop in a batch: the same arithmetic up to summation order.
        QVERIFY(std::abs(out[k].score - detector.probabilities(input)[0].item<double>()) < 1e-5);
        const torch::Tensor expected = detector.explain(parseExplanationMethod(spec.method), input)[0];
        const torch::Tensor actual = imageAsTensorHWC(out[k].heatmap).select(2, 0);
        QCOMPARE(actual.sizes(), expected.sizes());
        const double scale = expected.abs().max().item<double>();
        QVERIFY2((actual - expected).abs().max().item<double>() <= 1e-4 * scale,
                 qPrintable(QStringLiteral("%1 differs by %2 of %3").arg(method).arg((actual - expected).abs().max().item<double>()).arg(scale)));
    }
}

void TestFrameExplanations::explainerRefusesAnUnknownMethod()
{
    DetectorSpec spec;
    spec.weights = m_weights;
    spec.method = "lime";
    try {
        FrameExplainer explainer(spec);
        QFAIL("an unknown method was accepted");
    } catch (const Error &e) {
        QVERIFY2(std::string(e.what()).find("gradcam") != std::string::npos, e.what());
    }
}

void TestFrameExplanations::aClipModelExplainsRunsOfFaces()
{
    // The mini MViT named by its sidecar: a batch is one clip of 8 faces at the network's 112 px
    // (the spec's size does not matter), every face of a clip gets the clip's score, and its map
    // is that frame's slice of the clip's map.
    QTemporaryDir dir;
    const std::string weights = dir.filePath(QStringLiteral("clip.safetensors")).toStdString();
    torch::manual_seed(4);
    MViT network(MViTConfig::v2Mini(1));
    writeSafetensors(weights, stateDictOf(*network));
    writeBytes(dir.filePath(QStringLiteral("clip.json")), QByteArray(R"({"architecture": "mvit_v2_mini", "input_size": 112})"));
    DetectorSpec spec = detectorSpecFor(weights, "rollout");
    spec.inputSize = 64;
    spec.device = DevicePreference::Cpu;
    FrameExplainer explainer(spec);
    QCOMPARE(explainer.batchFrames(), 8);
    QCOMPARE(explainer.spec().inputSize, 112);
    std::vector<FaceFrame> faces;
    for (int i = 0; i < 10; ++i)
        faces.push_back({200 + i, randomFrame(160, 120, std::uint64_t(20 + i)), FaceBox{30.0 + i, 20.0, 50.0, 60.0}});
    const std::vector<FrameExplanation> out = explainer.explain(faces);
    QCOMPARE(out.size(), faces.size());
    for (std::size_t k = 1; k < 8; ++k)
        QCOMPARE(out[k].score, out[0].score);
    QCOMPARE(out[9].score, out[8].score);
    QCOMPARE(out[3].heatmap.width(), 112);

    ClipDetector detector(network, torch::kCPU);
    std::vector<torch::Tensor> crops;
    for (std::size_t k = 0; k < 8; ++k)
        crops.push_back(imageToTensor(cropFace(faces[k].rgb, faceCropFor(faces[k].box, 112))));
    const torch::Tensor clip = detector.input(torch::stack(crops));
    QVERIFY(std::abs(out[0].score - detector.probabilities(clip)[0].item<double>()) < 1e-6);
    const torch::Tensor expected = detector.explain(ExplanationMethod::AttentionRollout, clip)[0][5];
    QVERIFY(torch::allclose(imageAsTensorHWC(out[5].heatmap).select(2, 0), expected, 1e-5, 1e-9));

    // Rollout asked of a frame model is refused when the explainer is made, with the reason.
    DetectorSpec frameSpec;
    frameSpec.weights = m_weights;
    frameSpec.method = "rollout";
    try {
        FrameExplainer refused(frameSpec);
        QFAIL("rollout was accepted for an EfficientNet");
    } catch (const Error &e) {
        QVERIFY2(std::string(e.what()).find("clip model") != std::string::npos, e.what());
    }
}

void TestFrameExplanations::theSidecarSaysTheArchitectureAndCropSize()
{
    QTemporaryDir dir;
    const QString weights = dir.filePath(QStringLiteral("d.safetensors"));
    writeBytes(weights, QByteArray("x"));
    DetectorSpec spec = detectorSpecFor(weights.toStdString(), "ig");
    QCOMPARE(spec.architecture, std::string("efficientnet_b0"));
    QCOMPARE(spec.inputSize, 224);
    QCOMPARE(spec.method, std::string("ig"));
    writeBytes(dir.filePath(QStringLiteral("d.json")), QByteArray(R"({"architecture": "efficientnet_b3", "input_size": 112})"));
    spec = detectorSpecFor(weights.toStdString(), "gradcam");
    QCOMPARE(spec.architecture, std::string("efficientnet_b3"));
    QCOMPARE(spec.inputSize, 112);
    for (const QByteArray &bad : {QByteArray(R"({"architecture": "resnet50"})"), QByteArray(R"({"input_size": 100000})"), QByteArray("{not json")}) {
        writeBytes(dir.filePath(QStringLiteral("d.json")), bad);
        QVERIFY_THROWS_EXCEPTION(Error, detectorSpecFor(weights.toStdString(), "gradcam"));
    }
}

void TestFrameExplanations::withoutASidecarTheTensorsSayTheArchitecture()
{
    // Weights from elsewhere (torchvision's, another tool's) come without our sidecar: their names
    // and shapes say which network they are. Every EfficientNet variant differs from the others
    // in its block count or last width, and each is told from its own layout.
    for (int variant = 0; variant <= 7; ++variant) {
        const EfficientNetConfig config = EfficientNetConfig::b(variant);
        int blocks = 0;
        std::int64_t last = 0;
        // Counted from torchvision's table (its repeats 1, 2, 2, 3, 3, 4, 1 scaled by the depth
        // multiplier and rounded up; the last width 4 x 320 x width rounded to 8), not from our code.
        for (int repeats : {1, 2, 2, 3, 3, 4, 1})
            blocks += int(std::ceil(repeats * config.depthMultiplier));
        last = 4 * efficientNetChannels(320.0 * config.widthMultiplier);
        QCOMPARE(efficientNetVariantOf(blocks, last), variant);
    }
    QCOMPARE(efficientNetVariantOf(16, 1281), -1);
    QCOMPARE(efficientNetVariantOf(16, 1280), 0);
    QCOMPARE(efficientNetVariantOf(23, 1280), 1);
    QCOMPARE(efficientNetVariantOf(55, 2560), 7);

    QTemporaryDir dir;
    const auto write = [&](const QString &name, torch::nn::Module &network) {
        const std::string path = dir.filePath(name).toStdString();
        writeSafetensors(path, stateDictOf(network));
        return path;
    };
    torch::manual_seed(2);
    EfficientNet b1(EfficientNetConfig::b(1, 1));
    MViT mini(MViTConfig::v2Mini(1));
    const std::string b1Path = write(QStringLiteral("b1.safetensors"), *b1);
    const std::string miniPath = write(QStringLiteral("mini.safetensors"), *mini);
    QCOMPARE(detectorArchitectureOfWeights(b1Path), std::string("efficientnet_b1"));
    QCOMPARE(detectorArchitectureOfWeights(m_weights), std::string("efficientnet_b0"));
    QCOMPARE(detectorArchitectureOfWeights(miniPath), std::string("mvit_v2_mini"));
    DetectorSpec spec = detectorSpecFor(miniPath, "rollout");
    QCOMPARE(spec.architecture, std::string("mvit_v2_mini"));
    QCOMPARE(spec.inputSize, 112);
    spec = detectorSpecFor(b1Path, "gradcam");
    QCOMPARE(spec.architecture, std::string("efficientnet_b1"));
    QCOMPARE(spec.inputSize, 224);
    // The sidecar still has the last word; weights that are none of these stay the default, and
    // loading them says what is wrong.
    writeBytes(dir.filePath(QStringLiteral("b1.json")), QByteArray(R"({"architecture": "efficientnet_b1", "input_size": 96})"));
    QCOMPARE(detectorSpecFor(b1Path, "gradcam").inputSize, 96);
    torch::nn::Linear other(4, 2);
    const std::string otherPath = write(QStringLiteral("other.safetensors"), *other);
    QCOMPARE(detectorArchitectureOfWeights(otherPath), std::string());
    QCOMPARE(detectorSpecFor(otherPath, "gradcam").architecture, std::string("efficientnet_b0"));
    QCOMPARE(detectorArchitectureOfWeights(dir.filePath(QStringLiteral("missing.safetensors")).toStdString()), std::string());
}

void TestFrameExplanations::cachesArePrunedLeastRecentlyUsedFirst()
{
    // Three caches of 3 MB each under one root, used at known times; a folder that is no cache
    // and a link to a cache beside them. Pruned to 5 MB: the two used longest ago go, unless one
    // is the cache being opened; the others are never touched.
    namespace fs = std::filesystem;
    QTemporaryDir dir;
    const std::string root = dir.filePath(QStringLiteral("cache")).toStdString();
    const std::string video = dir.filePath(QStringLiteral("video.mp4")).toStdString();
    writeBytes(QString::fromStdString(video), QByteArray("not decoded here"));
    std::vector<std::string> folders;
    for (const std::string method : {"gradcam", "ig", "smoothgrad"}) {
        DetectorSpec spec;
        spec.weights = m_weights;
        spec.method = method;
        const ExplanationCache cache(root, video, spec);
        writeBytes(QString::fromStdString(cache.folder() + "/frames-0-9.safetensors"), QByteArray(3 << 20, 'x'));
        folders.push_back(cache.folder());
    }
    const auto now = fs::file_time_type::clock::now();
    fs::last_write_time(folders[0] + "/key.json", now - std::chrono::hours(3)); // longest ago
    fs::last_write_time(folders[1] + "/key.json", now - std::chrono::hours(2));
    fs::last_write_time(folders[2] + "/key.json", now - std::chrono::hours(1));
    fs::create_directories(root + "/not-a-cache");
    writeBytes(QString::fromStdString(root + "/not-a-cache/big.bin"), QByteArray(4 << 20, 'y'));
    fs::create_directory_symlink(folders[2], root + "/a-link");

    QCOMPARE(pruneExplanationCaches(root, 0), std::uint64_t(0)); // no limit
    QCOMPARE(pruneExplanationCaches(root, 100u << 20), std::uint64_t(0));
    // The oldest is being opened, so it stays: 9 MB to 5 takes the next two, the newest included.
    const std::uint64_t removed = pruneExplanationCaches(root, 5u << 20, folders[0]);
    QVERIFY2(removed >= 2u * (3u << 20), qPrintable(QString::number(removed)));
    QVERIFY(fs::exists(folders[0] + "/frames-0-9.safetensors"));
    QVERIFY(!fs::exists(folders[1]));
    QVERIFY(!fs::exists(folders[2]));
    QVERIFY(fs::exists(root + "/not-a-cache/big.bin"));
    QVERIFY(fs::is_symlink(root + "/a-link"));
    // Opening a cache marks it used: a later prune removes the others first.
    DetectorSpec spec;
    spec.weights = m_weights;
    spec.method = "occlusion";
    const ExplanationCache fresh(root, video, spec);
    writeBytes(QString::fromStdString(fresh.folder() + "/frames-0-9.safetensors"), QByteArray(3 << 20, 'x'));
    QVERIFY(pruneExplanationCaches(root, 4u << 20) > 0);
    QVERIFY(!fs::exists(folders[0]));
    QVERIFY(fs::exists(fresh.folder() + "/frames-0-9.safetensors"));
}

void TestFrameExplanations::heatmapInFramePlacesAndNormalises()
{
    FaceCrop crop;
    crop.left = 10;
    crop.top = 20;
    crop.side = 40;
    crop.size = 8;
    // A constant map fills the square exactly (bilinear resizing of a constant is the constant).
    const Image full = heatmapInFrame(constantMap(8, 3.0f), crop, 100, 80, false);
    QCOMPARE(full.width(), 100);
    QCOMPARE(full.height(), 80);
    QCOMPARE(full.sample(10, 20, 0), 3.0f);
    QCOMPARE(full.sample(49, 59, 0), 3.0f);
    QCOMPARE(full.sample(9, 20, 0), 0.0f);
    QCOMPARE(full.sample(50, 59, 0), 0.0f);
    QCOMPARE(full.sample(10, 60, 0), 0.0f);
    const Image normalised = heatmapInFrame(constantMap(8, 3.0f), crop, 100, 80, true);
    QCOMPARE(normalised.sample(30, 40, 0), 1.0f);
    // Negative evidence is dropped; an all-negative map stays zero rather than dividing by zero.
    const Image negative = heatmapInFrame(constantMap(8, -2.0f), crop, 100, 80, true);
    QCOMPARE(negative.sample(30, 40, 0), 0.0f);
    try {
        heatmapInFrame(Image(8, 8, 3, PixelFormat::Float32), crop, 100, 80, true);
        QFAIL("a three-channel map was accepted");
    } catch (const Error &) {
    }
}

void TestFrameExplanations::cacheKeepsExplanationsAcrossSessions()
{
    QTemporaryDir root;
    DetectorSpec spec;
    spec.weights = m_weights;
    std::vector<FrameExplanation> stored{explanationOf(3, 0.25, 0.0f), explanationOf(4, 0.75, 1.0f), explanationOf(9, 0.5, 2.0f)};
    std::string folder;
    {
        ExplanationCache cache(root.path().toStdString(), m_video, spec);
        QCOMPARE(cache.size(), std::size_t(0));
        cache.store(stored);
        QVERIFY(cache.contains(4));
        QVERIFY(!cache.contains(5));
        folder = cache.folder();
    }
    ExplanationCache again(root.path().toStdString(), m_video, spec);
    QCOMPARE(again.folder(), folder);
    const std::vector<ExplanationCache::Entry> entries = again.entries();
    QCOMPARE(entries.size(), std::size_t(3));
    for (std::size_t k = 0; k < stored.size(); ++k) {
        QCOMPARE(entries[k].frame, stored[k].frame);
        QCOMPARE(entries[k].score, stored[k].score);
        QCOMPARE(entries[k].box.left, stored[k].box.left);
        QCOMPARE(entries[k].crop.left, stored[k].crop.left);
        QCOMPARE(entries[k].crop.top, stored[k].crop.top);
        QCOMPARE(entries[k].crop.side, stored[k].crop.side);
        QCOMPARE(entries[k].crop.size, stored[k].crop.size);
        QVERIFY(sameMap(again.heatmap(stored[k].frame), stored[k].heatmap));
    }
    QVERIFY(again.heatmap(5).isNull());
    QVERIFY(std::filesystem::exists(std::filesystem::path(folder) / "key.json"));
}

void TestFrameExplanations::cacheStartsAfreshWhenTheVideoOrTheMethodChanges()
{
    QTemporaryDir root;
    QTemporaryDir videos;
    const QString video = videos.filePath(QStringLiteral("v.mp4"));
    writeBytes(video, QByteArray(500, 'a'));
    DetectorSpec spec;
    spec.weights = m_weights;
    std::string first;
    {
        ExplanationCache cache(root.path().toStdString(), video.toStdString(), spec);
        cache.store({explanationOf(1, 0.5, 0.0f)});
        first = cache.folder();
    }
    DetectorSpec other = spec;
    other.method = "ig";
    ExplanationCache byMethod(root.path().toStdString(), video.toStdString(), other);
    QVERIFY(byMethod.folder() != first);
    QCOMPARE(byMethod.size(), std::size_t(0));

    // The video re-encoded in place (another size): its old explanations no longer apply.
    writeBytes(video, QByteArray(501, 'b'));
    ExplanationCache reencoded(root.path().toStdString(), video.toStdString(), spec);
    QVERIFY(reencoded.folder() != first);
    QCOMPARE(reencoded.size(), std::size_t(0));

    try {
        ExplanationCache missing(root.path().toStdString(), videos.filePath(QStringLiteral("gone.mp4")).toStdString(), spec);
        QFAIL("a missing video was accepted");
    } catch (const Error &e) {
        QVERIFY2(std::string(e.what()).find("gone.mp4") != std::string::npos, e.what());
    }
}

void TestFrameExplanations::aFrameStoredTwiceKeepsTheLatest()
{
    QTemporaryDir root;
    DetectorSpec spec;
    spec.weights = m_weights;
    const FrameExplanation later = explanationOf(7, 0.9, 5.0f);
    {
        ExplanationCache cache(root.path().toStdString(), m_video, spec);
        cache.store({explanationOf(6, 0.1, 0.0f), explanationOf(7, 0.2, 0.0f)});
        cache.store({later});
        QCOMPARE(cache.entry(7)->score, 0.9);
    }
    ExplanationCache again(root.path().toStdString(), m_video, spec);
    QCOMPARE(again.size(), std::size_t(2));
    QCOMPARE(again.entry(7)->score, 0.9);
    QCOMPARE(again.entry(6)->score, 0.1);
    QVERIFY(sameMap(again.heatmap(7), later.heatmap));
}

void TestFrameExplanations::aDamagedCacheFileIsSkipped()
{
    QTemporaryDir root;
    DetectorSpec spec;
    spec.weights = m_weights;
    std::string folder;
    {
        ExplanationCache cache(root.path().toStdString(), m_video, spec);
        cache.store({explanationOf(1, 0.3, 0.0f)});
        cache.store({explanationOf(2, 0.4, 0.0f)});
        folder = cache.folder();
    }
    // Cut the newer file short, as a crash or a full disk would (writes are atomic, but a copy or
    // a backup tool need not be).
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".safetensors")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    QCOMPARE(files.size(), std::size_t(2));
    std::filesystem::resize_file(files.back(), std::filesystem::file_size(files.back()) / 2);

    ExplanationCache again(root.path().toStdString(), m_video, spec);
    QVERIFY(again.contains(1));
    QVERIFY(!again.contains(2));
    QVERIFY(!again.heatmap(1).isNull());
    // It is computed again and stored; the damaged file does not hide the new one.
    again.store({explanationOf(2, 0.6, 0.0f)});
    ExplanationCache third(root.path().toStdString(), m_video, spec);
    QCOMPARE(third.entry(2)->score, 0.6);
}

// The metrics of a cache equal those of its maps placed in the frame and scored together, with the
// temporal pairs broken where a frame is missing, the stored boxes for locality, and masks by frame.
void TestFrameExplanations::cachedExplanationsAreScoredInFramePixels()
{
    QTemporaryDir root;
    DetectorSpec spec;
    spec.weights = m_weights;
    QVERIFY(!ExplanationCache::exists(root.path().toStdString(), m_video, spec));
    ExplanationCache cache(root.path().toStdString(), m_video, spec);
    QVERIFY(ExplanationCache::exists(root.path().toStdString(), m_video, spec));
    torch::manual_seed(7);
    const std::vector<FrameExplanation> stored{explanationOf(3, 0.2, -0.3f), explanationOf(4, 0.6, 0.1f), explanationOf(6, 0.7, 0.2f)};
    cache.store(stored);
    const int width = 80, height = 70;
    // Frame 4 has a mask (the left half); the others none.
    Image half(width, height, 1, PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            half.row(y)[x] = x < width / 2 ? 255 : 0;
    const auto maskOf = [&](std::int64_t frame) { return frame == 4 ? half : Image(); };
    const ExplanationMetrics fromCache = scoreCachedExplanations(cache, width, height, maskOf);

    // The same by hand: each map placed, frames 3 and 4 scored as a sequence, frame 6 after a gap.
    ExplanationScorer byHand;
    for (const FrameExplanation &e : stored) {
        const Image full = heatmapInFrame(e.heatmap, e.crop, width, height, false);
        if (e.frame == 6)
            byHand.breakSequence();
        byHand.add(e.frame, imageAsTensorHWC(full).select(2, 0),
                   e.frame == 4 ? imageAsTensorHWC(half).select(2, 0) : torch::Tensor(), e.box);
    }
    const ExplanationMetrics expected = byHand.finish();
    QCOMPARE(fromCache.frames.size(), std::size_t(3));
    QCOMPARE(fromCache.temporalSmoothnessPairs.size(), std::size_t(1)); // 3-4; not 4-6
    QCOMPARE(fromCache.temporalSmoothnessPairs, expected.temporalSmoothnessPairs);
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(fromCache.frames[i].frame, stored[i].frame);
        QCOMPARE(fromCache.frames[i].spatialSmoothness, expected.frames[i].spatialSmoothness);
        QCOMPARE(fromCache.frames[i].locality, expected.frames[i].locality);
        QCOMPARE(std::isnan(fromCache.frames[i].maskMass), i != 1);
    }
    QCOMPARE(fromCache.frames[1].maskMass, expected.frames[1].maskMass);
    // The maps are spread evenly over the face's crop square (side 1.3 x 44 = 57.2, inside the
    // frame): the box holds 40 x 44 / 57.2^2 = 0.54 of their mass, give or take the resampled edges.
    QVERIFY2(fromCache.summary.locality.mean > 0.45 && fromCache.summary.locality.mean < 0.62,
             qPrintable(QString::number(fromCache.summary.locality.mean)));
    // A mask of another size is refused with the frame named.
    const Image small(8, 8, 1, PixelFormat::UInt8);
    QVERIFY_THROWS_EXCEPTION(Error, scoreCachedExplanations(cache, width, height, [&](std::int64_t) { return small; }));
}

QTEST_GUILESS_MAIN(TestFrameExplanations)
#include "tst_frameexplanations.moc"
