// SPDX-License-Identifier: GPL-3.0-or-later
// Learning relations from image-level labels only, end to end under Xvfb: scenes with selective
// predicates are rendered, the ws-vrd network with the small CNN is trained on the set of
// predicates of each image (never which objects they join), and on fresh scenes the relations
// recovered by explaining the classifier are scored by relationship-detection recall against a
// random ranking of every (edge, predicate) pair. Explaining the logits is what this checks
// first: the paper's sigmoid scores saturate for the predicates the classifier is sure of (the
// printed figures show how much that costs here).
#include <torch/torch.h>

#include "engine/relations/RelationRun.h"
#include "engine/relations/RelationTraining.h"
#include "engine/scenes/SceneRenderer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace periscope;
using namespace periscope::relations;

class TestRelationLearning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void relationsAreRecoveredFromImageLevelLabels();
};

void TestRelationLearning::relationsAreRecoveredFromImageLevelLabels()
{
    // One thread: CTest runs this beside the other suites (-j2), and a training on every core
    // starves them; the figures below were measured so.
    torch::set_num_threads(1);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    scenes::SceneSettings settings = scenes::SceneSettings::forRelations();
    settings.width = 224;
    settings.height = 168;
    const std::string train = dir.filePath(QStringLiteral("train")).toStdString(), test = dir.filePath(QStringLiteral("test")).toStdString();
    scenes::generateDataset(train, 900, 31, settings);
    scenes::generateDataset(test, 120, 32, settings);

    RelationTrainingSettings training;
    training.epochs = 10;
    training.batchSize = 16;
    training.seed = 3;
    training.validationFraction = 0.1;
    training.recallImages = 40;
    training.model.width = 64;
    training.outPath = dir.filePath(QStringLiteral("relations.safetensors")).toStdString();
    const RelationTrainingSummary summary = trainRelations(readRelationDataset(train), training);
    QCOMPARE(int(summary.epochs.size()), 10);
    QVERIFY(summary.epochs.back().trainLoss < summary.epochs.front().trainLoss);

    std::unique_ptr<RelationModel> model = RelationModel::load(training.outPath);
    const RelationDataset fresh = readRelationDataset(test);
    ExplainerOptions logits, paper;
    logits.explainLogits = true;
    const std::vector<int> steps = {10, 20, 50};
    const RelationRunSummary byLogits = summariseRelations(analyseDataset(*model, fresh, logits), model->info(), steps);
    const RelationRunSummary byScores = summariseRelations(analyseDataset(*model, fresh, paper), model->info(), steps);
    QCOMPARE(byLogits.failed, 0);
    QVERIFY(byLogits.withTruth > 100);
    for (std::size_t k = 0; k < steps.size(); ++k)
        qInfo("R@%d relationship: logits %.3f, scores (paper) %.3f, random ranking %.3f; predicate mAP %.3f", steps[k], byLogits.relationship.recall[k],
              byScores.relationship.recall[k], byLogits.randomRecall[k], byLogits.predicateMap.mean);
    // Measured on this machine (training seed 3, one thread): R@20 by logits 0.378, by the
    // paper's scores 0.187, the random ranking 0.235; predicate mAP 0.811 (0.372, 0.178 and
    // 0.794 on two threads). The check keeps half of the logits' margin; its spread over seeds
    // is still to be measured.
    QVERIFY2(byLogits.relationship.recall[1] > byLogits.randomRecall[1] + 0.07, "R@20 not above a random ranking");
    // The classifier learned the image-level labels beyond their base rates: a constant score
    // has, per predicate, the share of images with it as its average precision.
    std::vector<std::vector<double>> constant;
    std::vector<std::vector<int>> labels;
    for (std::size_t i = 0; i < fresh.images.size(); ++i) {
        if (fresh.images[i].truth.empty())
            continue;
        labels.push_back(fresh.predicateLabel(i));
        constant.emplace_back(labels.back().size(), 0.5);
    }
    const double baseRate = predicateAveragePrecision(constant, labels).mean;
    qInfo("predicate mAP %.3f, base rates %.3f", byLogits.predicateMap.mean, baseRate);
    QVERIFY(byLogits.predicateMap.mean > baseRate + 0.05);
}

QTEST_GUILESS_MAIN(TestRelationLearning)
#include "tst_relationlearning.moc"
