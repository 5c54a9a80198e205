// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake frame detector: a crop's score and explanation do not depend on the crops batched
// with it (so batching frames is only a speed-up); probabilities are the sigmoid of the network's
// logit on ImageNet-normalised pixels; explanations have the crop's size and respond to the face;
// checkpoints that are not a one-logit EfficientNet are refused with the reason.
// (The same detector on a GPU against the CPU: tests/cuda/tst_cuda.cpp.)
#include <torch/torch.h>

#include "engine/core/errors/Error.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/deepfake/FrameDetector.h"
#include "tests/engine/deepfake/RandomDetector.h"

#include <QTemporaryDir>
#include <QTest>

using namespace periscope;
using namespace periscope::deepfake;

namespace {
using testing::randomDetectorNetwork;

double relativeDifference(const torch::Tensor &expected, const torch::Tensor &actual)
{
    const double scale = expected.abs().max().item<double>();
    return (expected - actual).abs().max().item<double>() / std::max(scale, 1e-30);
}
} // namespace

class TestFrameDetector : public QObject {
    Q_OBJECT
private slots:
    void methodNamesRoundTrip();
    void probabilitiesAreTheSigmoidOfTheLogit();
    void batchingDoesNotChangeACropsExplanation_data();
    void batchingDoesNotChangeACropsExplanation();
    void smoothGradRepeatsWithItsSeed();
    void loadAcceptsAOneLogitEfficientNet();
    void loadRefusesOtherCheckpoints();
};

void TestFrameDetector::methodNamesRoundTrip()
{
    QCOMPARE(explanationMethodNames().size(), std::size_t(5));
    for (const std::string &name : explanationMethodNames())
        QCOMPARE(toString(parseExplanationMethod(name)), name);
    try {
        parseExplanationMethod("lime");
        QFAIL("an unknown method was accepted");
    } catch (const Error &e) {
        QVERIFY2(std::string(e.what()).find("gradcam, gradcampp, ig, smoothgrad, occlusion") != std::string::npos, e.what());
    }
}

void TestFrameDetector::probabilitiesAreTheSigmoidOfTheLogit()
{
    EfficientNet network = randomDetectorNetwork(1);
    FrameDetector detector(network, torch::kCPU);
    const torch::Tensor crops = torch::rand({2, 3, 64, 64});
    const torch::Tensor input = detector.input(crops);
    // ImageNet's normalisation, channel by channel.
    QVERIFY(torch::allclose(input[1][2], (crops[1][2] - 0.406) / 0.225, 1e-5, 1e-5));
    const torch::Tensor probability = detector.probabilities(input);
    QCOMPARE(probability.sizes(), (std::vector<std::int64_t>{2}));
    torch::NoGradGuard noGrad;
    const torch::Tensor logits = network->forward(input);
    QVERIFY(torch::allclose(probability, torch::sigmoid(logits).reshape({-1}), 1e-6, 1e-6));
    // Logits of order one: probabilities neither saturated nor all one half.
    QVERIFY((probability - 0.5).abs().max().item<double>() > 1e-3);
    QVERIFY(logits.abs().max().item<double>() < 20.0);
}

void TestFrameDetector::batchingDoesNotChangeACropsExplanation_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<double>("tolerance");
    // In fp32 a batch changes only the order of sums inside convolutions (relative 1e-6 per layer);
    // occlusion subtracts nearly equal scores, which multiplies that by the cancellation.
    QTest::newRow("gradcam") << "gradcam" << 1e-4;
    QTest::newRow("gradcampp") << "gradcampp" << 1e-4;
    QTest::newRow("ig") << "ig" << 1e-4;
    QTest::newRow("occlusion") << "occlusion" << 1e-3;
}

void TestFrameDetector::batchingDoesNotChangeACropsExplanation()
{
    QFETCH(QString, method);
    QFETCH(double, tolerance);
    FrameDetector detector(randomDetectorNetwork(2), torch::kCPU);
    const torch::Tensor input = detector.input(torch::rand({3, 3, 64, 64}));
    const ExplanationMethod m = parseExplanationMethod(method.toStdString());
    const torch::Tensor together = detector.explain(m, input);
    QCOMPARE(together.sizes(), (std::vector<std::int64_t>{3, 64, 64}));
    QVERIFY(together.isfinite().all().item<bool>());
    QVERIFY(together.abs().max().item<double>() > 0.0);
    const torch::Tensor scores = detector.probabilities(input);
    for (std::int64_t i = 0; i < 3; ++i) {
        const torch::Tensor alone = detector.explain(m, input.narrow(0, i, 1));
        const double difference = relativeDifference(alone[0], together[i]);
        QVERIFY2(difference <= tolerance, qPrintable(QStringLiteral("crop %1: %2").arg(i).arg(difference)));
        QVERIFY(std::abs(detector.probabilities(input.narrow(0, i, 1))[0].item<double>() - scores[i].item<double>()) < 1e-5);
    }
    // Different crops get different maps (the batch is not one map repeated).
    QVERIFY(relativeDifference(together[0], together[1]) > 1e-2);
}

void TestFrameDetector::smoothGradRepeatsWithItsSeed()
{
    // SmoothGrad's noise is drawn for the whole batch from one seeded generator: the same batch
    // gives the same maps, on any device (tst_cuda), though a crop's noise depends on its batch.
    FrameDetector detector(randomDetectorNetwork(3), torch::kCPU);
    const torch::Tensor input = detector.input(torch::rand({2, 3, 64, 64}));
    const torch::Tensor first = detector.explain(ExplanationMethod::SmoothGrad, input);
    QVERIFY(torch::equal(first, detector.explain(ExplanationMethod::SmoothGrad, input)));
    QVERIFY((first >= 0).all().item<bool>()); // magnitudes
}

void TestFrameDetector::loadAcceptsAOneLogitEfficientNet()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("detector.safetensors")).toStdString();
    EfficientNet network = randomDetectorNetwork(4);
    writeSafetensors(path, stateDictOf(*network));
    FrameDetector loaded = FrameDetector::load("efficientnet_b0", path);
    FrameDetector original(network, torch::kCPU);
    const torch::Tensor input = original.input(torch::rand({1, 3, 64, 64}));
    QVERIFY(torch::equal(loaded.probabilities(input), original.probabilities(input)));
    QVERIFY(!loaded.network()->parameters().front().requires_grad()); // gradients go to the input only
}

void TestFrameDetector::loadRefusesOtherCheckpoints()
{
    QTemporaryDir dir;
    const std::string twoOutputs = dir.filePath(QStringLiteral("two.safetensors")).toStdString();
    torch::manual_seed(5);
    writeSafetensors(twoOutputs, stateDictOf(*EfficientNet(EfficientNetConfig::b(0, 2))));
    const std::string b0 = dir.filePath(QStringLiteral("b0.safetensors")).toStdString();
    writeSafetensors(b0, stateDictOf(*EfficientNet(EfficientNetConfig::b(0, 1))));
    const std::string other = dir.filePath(QStringLiteral("other.safetensors")).toStdString();
    writeSafetensors(other, {{"weight", torch::zeros({4, 4})}});
    const struct {
        std::string architecture, path, reason;
    } cases[] = {
        {"efficientnet_b0", twoOutputs, "has 2 outputs"},
        {"efficientnet_b1", b0, "does not fit efficientnet_b1"},
        {"efficientnet_b8", b0, "efficientnet_b0 .. efficientnet_b7"},
        {"resnet18", b0, "efficientnet_b0 .. efficientnet_b7"},
        {"efficientnet_b0", other, "no classifier.1.weight"},
    };
    for (const auto &c : cases) {
        try {
            FrameDetector::load(c.architecture, c.path);
            QFAIL(qPrintable(QString::fromStdString(c.architecture + " " + c.path + " was accepted")));
        } catch (const Error &e) {
            QVERIFY2(std::string(e.what()).find(c.reason) != std::string::npos, e.what());
        }
    }
}

QTEST_GUILESS_MAIN(TestFrameDetector)
#include "tst_framedetector.moc"
