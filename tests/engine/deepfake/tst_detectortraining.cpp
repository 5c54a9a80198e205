// SPDX-License-Identifier: GPL-3.0-or-later
// Training the DeepFake frame detector: the total-variation terms are the explanation metrics'
// definitions (same numbers as scoreExplanations); the Grad-CAM kept for training equals the
// explanation Grad-CAM and carries gradients to the weights (double backward); pairs and bad sets.
// The training runs themselves are tst_detectorlearning (slow).
#include <torch/torch.h>

#include "engine/core/attribution/Attribution.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/training/BatchNormStatistics.h"
#include "engine/deepfake/DetectorTraining.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/deepfake/FaceCrop.h"
#include "engine/deepfake/FrameDetector.h"
#include "engine/deepfake/SelfBlend.h"
#include "tests/engine/deepfake/SyntheticFootage.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace periscope;
using namespace periscope::deepfake;

using namespace periscope::deepfake::test;

class TestDetectorTraining : public QObject {
    Q_OBJECT
private slots:
    void totalVariationIsTheMetricsDefinition();
    void trainingGradCamIsGradCamWithAGraph();
    void pairsFollowEachVideosFrames();
    void badSetsAreRefused();
};

void TestDetectorTraining::totalVariationIsTheMetricsDefinition()
{
    torch::manual_seed(1);
    const torch::Tensor maps = torch::randn({3, 9, 11}).relu() + torch::zeros({3, 9, 11});
    maps[2].zero_(); // an empty frame: excluded by the metrics, zero here
    const ExplanationMetrics metrics = scoreExplanations(maps, torch::Tensor(), {});
    const torch::Tensor mass = unitMass(maps);
    QVERIFY(torch::allclose(mass.sum({1, 2}), torch::tensor({1.0f, 1.0f, 0.0f}), 1e-5, 1e-6));
    const torch::Tensor tv = spatialTotalVariation(mass);
    for (int i = 0; i < 2; ++i)
        QVERIFY(std::abs(metrics.frames[std::size_t(i)].spatialSmoothness - (1.0 - tv[i].item<double>() / 4.0)) < 1e-5);
    QVERIFY(metrics.frames[2].empty);
    QCOMPARE(tv[2].item<double>(), 0.0);
    const double temporal = 1.0 - temporalTotalVariation(mass[0].unsqueeze(0), mass[1].unsqueeze(0)).item<double>() / 2.0;
    QCOMPARE(metrics.temporalSmoothnessPairs.size(), std::size_t(1)); // frames 0-1 only: 2 is empty
    QVERIFY(std::abs(metrics.temporalSmoothnessPairs[0] - temporal) < 1e-5);
    // A flat map has no spatial variation.
    QCOMPARE(spatialTotalVariation(unitMass(torch::ones({1, 4, 4})))[0].item<double>(), 0.0);
}

void TestDetectorTraining::trainingGradCamIsGradCamWithAGraph()
{
    const torch::Tensor input = imagenetNormalised(syntheticCrops(0, 1, 8).crops.to(torch::kFloat) / 255.0);
    EfficientNet network = calibratedNetwork(2, input);
    network->eval();
    auto [cam, logits] = gradCamWithGraph(network, input);
    QVERIFY(cam.max().item<double>() > 0.0);
    const ScoreWithActivation withActivation = [&](const torch::Tensor &x, const std::string &layer) {
        return network->forwardWithActivation(x, layer);
    };
    const torch::Tensor reference = gradCam(withActivation, "features", input, torch::zeros({input.size(0)}, torch::kLong));
    QVERIFY(torch::allclose(cam.detach(), reference, 1e-4, 1e-6 * std::max(1.0, reference.abs().max().item<double>())));
    QCOMPARE(logits.sizes(), (std::vector<std::int64_t>{input.size(0)}));
    // The map's total variation reaches the first convolution's weights through the gradient.
    network->zero_grad();
    spatialTotalVariation(unitMass(cam)).sum().backward();
    const torch::Tensor stemGrad = network->features[0]->parameters().front().grad();
    QVERIFY(stemGrad.defined());
    QVERIFY(stemGrad.abs().sum().item<double>() > 0.0);
}

void TestDetectorTraining::pairsFollowEachVideosFrames()
{
    CropSet set;
    set.crops = torch::zeros({5, 3, 8, 8}, torch::kUInt8);
    set.labels = torch::zeros({5});
    set.video = {0, 0, 1, 0, 1};
    set.frame = {4, 0, 3, 8, 9};
    using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;
    QCOMPARE(set.consecutivePairs(), (Pairs{{0, 3}, {1, 0}, {2, 4}}));
}

void TestDetectorTraining::badSetsAreRefused()
{
    EfficientNet network = smallNetwork(3);
    CropSet realOnly = syntheticCrops(0, 1, 8);
    realOnly.labels.zero_();
    const CropSet validation = syntheticCrops(5, 1, 4);
    try {
        trainFrameDetector(network, realOnly, validation, {});
        QFAIL("a set without fakes trained");
    } catch (const Error &e) {
        QVERIFY2(std::string(e.what()).find("both real and fake") != std::string::npos, e.what());
    }
    CropSet mismatched = syntheticCrops(0, 1, 4);
    mismatched.frame.pop_back();
    QVERIFY_THROWS_EXCEPTION(Error, trainFrameDetector(network, mismatched, validation, {}));
}

QTEST_GUILESS_MAIN(TestDetectorTraining)
#include "tst_detectortraining.moc"
