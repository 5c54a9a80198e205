// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake clip detector (MViT-v2 mini, random weights: this checks the wiring, not a
// detector): a short run of crops becomes a full clip by repeating its last frame, with the
// Kinetics normalisation; probabilities are the sigmoid of the logit; Grad-CAM on the tokens is
// the textbook formula computed here by hand; every method gives a map over the whole clip;
// checkpoints that are not a one-logit MViT are refused with the reason. Its training run on
// synthetic clips is in tst_detectorlearning (slow).
#include <torch/torch.h>

#include "engine/core/errors/Error.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/deepfake/ClipDetector.h"
#include "engine/deepfake/ClipTraining.h"
#include "tests/engine/ErrorReason.h"
#include "tests/engine/deepfake/SyntheticFootage.h"

#include <QTemporaryDir>
#include <QTest>

using namespace periscope;
using namespace periscope::deepfake;
using periscope::testing::reasonOf;

namespace {
namespace F = torch::nn::functional;

MViT randomClipNetwork(std::uint64_t seed)
{
    torch::manual_seed(seed);
    MViT network(MViTConfig::v2Mini(1));
    // A random head on random features is near zero everywhere; a larger one makes the logit
    // depend visibly on the input.
    torch::NoGradGuard noGrad;
    for (auto &p : network->named_parameters())
        if (p.key().find("head.1.weight") != std::string::npos)
            p.value().normal_(0.0, 1.0);
    return network;
}

} // namespace

class TestClipDetector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void methodNamesIncludeRollout();
    void aShortRunIsFilledWithItsLastFrame();
    void probabilitiesAreTheSigmoidOfTheLogit();
    void gradCamOnTokensByHand();
    void everyMethodMapsTheWholeClip();
    void loadRefusesOtherCheckpoints();
    void runsOfConsecutiveCrops();
    void trainingWithTheRegulariserTakesSecondDerivatives();
};

void TestClipDetector::methodNamesIncludeRollout()
{
    QCOMPARE(clipExplanationMethodNames().size(), std::size_t(6));
    QCOMPARE(clipExplanationMethodNames().back(), std::string("rollout"));
    QVERIFY(parseExplanationMethod("rollout") == ExplanationMethod::AttentionRollout);
    QVERIFY(isClipArchitecture("mvit_v2_s") && isClipArchitecture("mvit_v2_mini") && !isClipArchitecture("efficientnet_b0"));
}

void TestClipDetector::aShortRunIsFilledWithItsLastFrame()
{
    ClipDetector detector(randomClipNetwork(1), torch::kCPU);
    QCOMPARE(detector.framesPerClip(), std::int64_t(8));
    QCOMPARE(detector.cropSize(), std::int64_t(112));
    const torch::Tensor crops = torch::rand({3, 3, 112, 112});
    const torch::Tensor clip = detector.input(crops);
    QCOMPARE(clip.sizes().vec(), (std::vector<std::int64_t>{1, 3, 8, 112, 112}));
    // Frame 1 is crop 1, normalised as Kinetics weights expect; frames 2..7 all crop 2.
    QVERIFY(torch::allclose(clip[0].select(1, 1), (crops[1] - 0.45) / 0.225));
    for (std::int64_t t = 3; t < 8; ++t)
        QVERIFY(torch::equal(clip[0].select(1, t), clip[0].select(1, 2)));
    QVERIFY(reasonOf([&] { detector.input(torch::rand({9, 3, 112, 112})); }).find("1 to 8 frames") != std::string::npos);
    QVERIFY(reasonOf([&] { detector.input(torch::rand({2, 3, 64, 64})); }).find("[F, 3, 112, 112]") != std::string::npos);
}

void TestClipDetector::probabilitiesAreTheSigmoidOfTheLogit()
{
    MViT network = randomClipNetwork(2);
    ClipDetector detector(network, torch::kCPU);
    const torch::Tensor clips = torch::cat({detector.input(torch::rand({8, 3, 112, 112})), detector.input(torch::rand({8, 3, 112, 112}))});
    torch::NoGradGuard noGrad;
    const torch::Tensor expected = torch::sigmoid(network->forward(clips)).reshape({-1});
    QVERIFY(torch::allclose(detector.probabilities(clips), expected));
}

void TestClipDetector::gradCamOnTokensByHand()
{
    // Grad-CAM (Selvaraju et al.) with the last block's input grid tokens as the feature map: weights =
    // the logit's gradient averaged over the cells, map = ReLU(sum_c w_c A_c), upsampled.
    MViT network = randomClipNetwork(3);
    ClipDetector detector(network, torch::kCPU);
    const torch::Tensor clip = detector.input(torch::rand({8, 3, 112, 112}));
    torch::Tensor tokens;
    Extent3 grid{};
    {
        torch::AutoGradMode enable(true);
        std::tie(tokens, grid) = network->encode(clip.clone().requires_grad_(true), network->blockCount() - 1);
    }
    const torch::Tensor logit = network->finish(tokens, grid, network->blockCount() - 1).sum();
    const torch::Tensor gradient = torch::autograd::grad({logit}, {tokens})[0].narrow(1, 1, tokens.size(1) - 1); // [1, L, C]
    const torch::Tensor cells = tokens.detach().narrow(1, 1, tokens.size(1) - 1);
    const torch::Tensor weights = gradient.mean(1, true);                                                   // [1, 1, C]
    const torch::Tensor cam = torch::relu((weights * cells).sum(2)).reshape({1, 1, grid[0], grid[1], grid[2]});
    const torch::Tensor expected =
        F::interpolate(cam, F::InterpolateFuncOptions().size(std::vector<std::int64_t>{8, 112, 112}).mode(torch::kTrilinear).align_corners(false))
            .squeeze(1);
    const torch::Tensor map = detector.explain(ExplanationMethod::GradCam, clip);
    QCOMPARE(map.sizes().vec(), (std::vector<std::int64_t>{1, 8, 112, 112}));
    QVERIFY(map.abs().sum().item<double>() > 0.0);
    QVERIFY2(torch::allclose(map, expected, 1e-4, 1e-6), qPrintable(QString::number((map - expected).abs().max().item<double>())));
}

void TestClipDetector::everyMethodMapsTheWholeClip()
{
    ClipDetector detector(randomClipNetwork(4), torch::kCPU);
    torch::manual_seed(7);
    const torch::Tensor clip = detector.input(torch::rand({8, 3, 112, 112}));
    for (const std::string &name : clipExplanationMethodNames()) {
        const torch::Tensor map = detector.explain(parseExplanationMethod(name), clip);
        QVERIFY2(map.sizes().vec() == (std::vector<std::int64_t>{1, 8, 112, 112}), name.c_str());
        QVERIFY2(torch::isfinite(map).all().item<bool>(), name.c_str());
        QVERIFY2(map.abs().sum().item<double>() > 0.0, name.c_str());
        // Not one constant: the map says where.
        QVERIFY2(map.max().item<double>() > map.min().item<double>(), name.c_str());
    }
    // Rollout carries attention mass, which is never negative.
    QVERIFY(detector.explain(ExplanationMethod::AttentionRollout, clip).min().item<double>() >= 0.0);
}

void TestClipDetector::loadRefusesOtherCheckpoints()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    torch::manual_seed(5);
    writeSafetensors(root + "/mini.safetensors", stateDictOf(*randomClipNetwork(5)));
    writeSafetensors(root + "/kinetics.safetensors", stateDictOf(*MViT(MViTConfig::v2Mini(400))));
    writeSafetensors(root + "/b0.safetensors", stateDictOf(*EfficientNet(EfficientNetConfig::b(0, 1))));
    const ClipDetector loaded = ClipDetector::load("mvit_v2_mini", root + "/mini.safetensors");
    QCOMPARE(loaded.framesPerClip(), std::int64_t(8));
    QVERIFY(reasonOf([&] { ClipDetector::load("mvit_v2_mini", root + "/kinetics.safetensors"); }).find("400 outputs") != std::string::npos);
    QVERIFY(reasonOf([&] { ClipDetector::load("mvit_v2_mini", root + "/b0.safetensors"); }).find("not an MViT checkpoint") != std::string::npos);
    QVERIFY(reasonOf([&] { ClipDetector::load("mvit_v2_s", root + "/mini.safetensors"); }).find("does not fit mvit_v2_s") != std::string::npos);
    QVERIFY(reasonOf([&] { ClipDetector::load("efficientnet_b0", root + "/b0.safetensors"); }).find("mvit_v2_s or mvit_v2_mini") != std::string::npos);
}

void TestClipDetector::runsOfConsecutiveCrops()
{
    // Two videos of 10 and 5 crops, interleaved: overlapping runs of 4 are every window of one
    // video (7 + 2); cut runs start at each video's first crop (2 + 1, the rest left out).
    CropSet set;
    set.crops = torch::zeros({15, 3, 8, 8}, torch::kUInt8);
    set.labels = torch::zeros({15});
    for (int i = 0; i < 15; ++i) {
        set.video.push_back(i % 3 == 2 ? 1 : 0);
        set.frame.push_back(100 - i * 5); // newest first: runs follow frame order, not storage order
    }
    QCOMPARE(set.consecutiveRuns(4, true).size(), std::size_t(7 + 2));
    const auto cut = set.consecutiveRuns(4, false);
    QCOMPARE(cut.size(), std::size_t(2 + 1));
    for (const auto &run : cut)
        for (std::size_t k = 1; k < run.size(); ++k) {
            QCOMPARE(set.video[std::size_t(run[k])], set.video[std::size_t(run[0])]);
            QVERIFY(set.frame[std::size_t(run[k])] > set.frame[std::size_t(run[k - 1])]);
        }
}

void TestClipDetector::trainingWithTheRegulariserTakesSecondDerivatives()
{
    // The Grad-CAM map's total variation is a loss term: it needs the map's own gradient with
    // respect to the weights (double backward through attention, pooling and layer norms).
    MViT network = randomClipNetwork(8);
    const CropSet train = test::syntheticVideos(1, 1, 9, 1), validation = test::syntheticVideos(1, 1, 8, 2);
    DetectorTrainingSettings settings;
    settings.steps = 2;
    settings.batchPairs = 2;
    settings.evalEvery = 2;
    settings.spatialTvWeight = 1.0;
    settings.temporalTvWeight = 1.0;
    const torch::Tensor before = network->blocks[0]->named_parameters()["attn.qkv.weight"].clone();
    const DetectorTrainingSummary summary = trainClipDetector(network, train, validation, settings);
    QCOMPARE(summary.steps, std::int64_t(2));
    QCOMPARE(summary.history.size(), std::size_t(1));
    const DetectorValidation &v = summary.history.back();
    QVERIFY(std::isfinite(v.trainLoss) && std::isfinite(v.rocAuc) && std::isfinite(v.logLoss));
    QVERIFY(v.spatialSmoothness > 0.0 && v.spatialSmoothness <= 1.0);
    QVERIFY(v.temporalSmoothness > 0.0 && v.temporalSmoothness <= 1.0);
    QVERIFY(!torch::equal(before, network->blocks[0]->named_parameters()["attn.qkv.weight"]));
    // Crops of another size than the network's are refused with the reason.
    CropSet small = train;
    small.crops = torch::zeros({train.size(), 3, 64, 64}, torch::kUInt8);
    QVERIFY(reasonOf([&] { trainClipDetector(network, small, validation, settings); }).find("112 px crops") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestClipDetector)
#include "tst_clipdetector.moc"
