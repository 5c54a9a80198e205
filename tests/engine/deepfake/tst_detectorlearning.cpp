// SPDX-License-Identifier: GPL-3.0-or-later
// Training the DeepFake frame detector for real (slow: about 80 s on two cores): a run separates
// real from self-blended crops of held-out footage; the total-variation regulariser makes
// validation Grad-CAM smoother than the same run without it. The quick checks of the same code
// are tst_detectortraining. Then the clip detector learns on synthetic clips.
#include "engine/deepfake/ClipTraining.h"
#include "tests/engine/deepfake/SyntheticFootage.h"

#include <QTest>

using namespace periscope;
using namespace periscope::deepfake;
using namespace periscope::deepfake::test;

class TestDetectorLearning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void learnsToSeparateHeldOutFakes();
    void theRegulariserSmoothsExplanations();
    void clipDetectorLearnsToTellAClipWithABlendedFace();
};

void TestDetectorLearning::learnsToSeparateHeldOutFakes()
{
    // Six videos and their self-blended fakes to train on, two others held out. From random
    // weights, 150 steps of 16 crops (about 15 s on two cores): in the runs that set the bars
    // (seeds 4, 7 and 9) the held-out AUC was 0.86-1.0 at every validation and 1.0 at its best,
    // the training loss fell from 0.69 to 0.04-0.16; the bars leave room for another CPU's rounding to
    // take another path.
    const CropSet train = syntheticCrops(0, 6, 24);
    const CropSet validation = syntheticCrops(10, 2, 24);
    DetectorTrainingSettings settings;
    settings.steps = 150;
    settings.evalEvery = 50;
    settings.learningRate = 1e-3;
    EfficientNet network = smallNetwork(4);
    int calls = 0;
    const DetectorTrainingSummary summary =
        trainFrameDetector(network, train, validation, settings, [&](const DetectorValidation &) { ++calls; });
    QCOMPARE(summary.steps, std::int64_t(150));
    QCOMPARE(summary.history.size(), std::size_t(3));
    QCOMPARE(calls, 3);
    double best = 0.0;
    for (const DetectorValidation &v : summary.history) {
        qInfo("step %lld: train loss %.3f, held-out AUC %.3f, log loss %.3f", static_cast<long long>(v.step), v.trainLoss, v.rocAuc, v.logLoss);
        best = std::max(best, v.rocAuc);
    }
    QVERIFY2(std::abs(summary.initial.rocAuc - 0.5) < 0.15, qPrintable(QString::number(summary.initial.rocAuc)));
    QVERIFY2(best > 0.9, qPrintable(QString::number(best)));
    QVERIFY(summary.history.back().trainLoss < 0.4); // from log 2 = 0.69
    QVERIFY(!network->is_training());
}

void TestDetectorLearning::theRegulariserSmoothsExplanations()
{
    // The same seeds and batches with and without the total-variation terms: only the loss
    // differs, and the regularised run's Grad-CAM is smoother in space and steadier in time on the
    // held-out crops. This checks the mechanism (the penalty's gradient, through the double
    // backward, lowers the maps' variation) with a weight large enough to dominate 60 steps; at
    // weight 1 or 3 the classification term won within 60 steps here. Which weight smooths
    // explanations without costing detection, the paper's question, needs longer runs at the
    // detector's own input size (224 px: 7 x 7 maps, not these 2 x 2).
    const CropSet train = syntheticCrops(0, 6, 24);
    const CropSet validation = syntheticCrops(10, 2, 24);
    DetectorTrainingSettings settings;
    settings.steps = 60;
    settings.evalEvery = 60;
    EfficientNet plain = smallNetwork(5);
    const DetectorValidation without = trainFrameDetector(plain, train, validation, settings).history.back();
    settings.spatialTvWeight = 10.0;
    settings.temporalTvWeight = settings.spatialTvWeight;
    EfficientNet regularised = smallNetwork(5);
    const DetectorValidation with = trainFrameDetector(regularised, train, validation, settings).history.back();
    qInfo("spatial smoothness %.4f without, %.4f with; temporal %.4f without, %.4f with", without.spatialSmoothness,
          with.spatialSmoothness, without.temporalSmoothness, with.temporalSmoothness);
    QVERIFY(with.spatialSmoothness > without.spatialSmoothness);
    QVERIFY(with.temporalSmoothness > without.temporalSmoothness);
}

void TestDetectorLearning::clipDetectorLearnsToTellAClipWithABlendedFace()
{
    // The clip detector (MViT-v2 mini) on held-out synthetic clips: it separates fakes from reals
    // (about 20 s; moved here from tst_clipdetector to keep the per-commit suite short).
    torch::manual_seed(11);
    MViT network(MViTConfig::v2Mini(1));
    const CropSet train = syntheticVideos(4, 4, 10, 3), validation = syntheticVideos(3, 3, 8, 4);
    DetectorTrainingSettings settings;
    settings.steps = 40;
    settings.batchPairs = 4;
    settings.evalEvery = 40;
    settings.learningRate = 1e-3;
    const DetectorTrainingSummary summary = trainClipDetector(network, train, validation, settings);
    qInfo("validation ROC AUC %.3f -> %.3f, log loss %.3f -> %.3f in %.1f s", summary.initial.rocAuc, summary.history.back().rocAuc,
          summary.initial.logLoss, summary.history.back().logLoss, summary.seconds);
    // Seeds 11 to 14 all reach an AUC of 1 here, so the bound leaves room for another CPU's rounding.
    QVERIFY(summary.history.back().rocAuc > 0.8);
    QVERIFY(summary.history.back().logLoss < summary.initial.logLoss);
}

QTEST_GUILESS_MAIN(TestDetectorLearning)
#include "tst_detectorlearning.moc"
