// SPDX-License-Identifier: GPL-3.0-or-later
// Training the paper's graph networks: InfectionGN learns the infection rule and LRP on the
// trained model finds the infection paths; checkpoints resume; cancel keeps the work; bad
// settings are refused with a reason.
#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"
#include "engine/graphs/ExplainGraph.h"
#include "engine/graphs/GraphTraining.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace periscope;
using namespace periscope::graphs;

namespace {
GraphTrainingSettings infectionSettings(const QTemporaryDir &dir, int epochs)
{
    GraphTrainingSettings s;
    s.task = GraphTask::Infection;
    s.aggregation = "sum";
    s.epochs = epochs;
    s.batchSize = 32;
    s.learningRate = 1e-2;
    s.seed = 3;
    s.outPath = dir.filePath(QStringLiteral("infection.safetensors")).toStdString();
    return s;
}
} // namespace

class TestGraphTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void generatedExamplesMatchTheirGraphs();
    void infectionModelLearnsAndLrpFindsTheInfectionPaths();
    void trainingResumesFromItsCheckpoint();
    void cancelKeepsTheLastEpoch();
    void badSettingsAreRefused();
};

void TestGraphTraining::generatedExamplesMatchTheirGraphs()
{
    const std::vector<GraphExample> examples = generateInfectionExamples(20, 5);
    QCOMPARE(int(examples.size()), 20);
    for (const GraphExample &e : examples) {
        e.graph.validate();
        QCOMPARE(e.graph.nodeFeatureCount, std::int64_t(4));
        QCOMPARE(e.graph.edgeFeatureCount, std::int64_t(2));
        QCOMPARE(std::int64_t(e.nodeTargets.size()), e.graph.numNodes());
        double infected = 0.0;
        for (std::size_t i = 0; i < e.nodeTargets.size(); ++i) {
            infected += e.nodeTargets[i];
            // A sick node (feature 0 = +1) is always infected.
            if (e.graph.nodeFeatures[i * 4] > 0)
                QCOMPARE(e.nodeTargets[i], 1.0f);
        }
        QCOMPARE(e.globalTarget, infected);
    }
    // Same seed, same graphs.
    QCOMPARE(generateInfectionExamples(3, 5)[2].graph.senders, examples[2].graph.senders);
}

void TestGraphTraining::infectionModelLearnsAndLrpFindsTheInfectionPaths()
{
    QTemporaryDir dir;
    GraphTrainingSettings settings = infectionSettings(dir, 40);
    std::vector<int> seenEpochs;
    const GraphTrainingSummary summary =
        trainGraphNetwork(generateInfectionExamples(500, 11), settings, {}, [&](const GraphEpoch &e) { seenEpochs.push_back(e.epoch); });
    QCOMPARE(summary.architecture, std::string("InfectionGN"));
    QCOMPARE(summary.trainCount, std::int64_t(400));
    QCOMPARE(summary.validationCount, std::int64_t(100));
    QCOMPARE(seenEpochs.size(), std::size_t(40));
    QCOMPARE(seenEpochs.back(), 40);
    const double accuracy = summary.epochs.back().validationMetric;
    qInfo("InfectionGN (sum): validation node accuracy %.4f after %zu epochs (%.1f s), first epoch %.4f", accuracy,
          summary.epochs.size(), summary.seconds, summary.epochs.front().validationMetric);
    QVERIFY2(accuracy > 0.97, qPrintable(QString::number(accuracy)));
    QVERIFY(summary.epochs.back().trainLoss < summary.epochs.front().trainLoss);

    // The sidecar says how to rebuild the model; explain-graph reads it.
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("infection.json"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("infection.checkpoint.safetensors"))));

    // LRP on the trained model, test-set graphs: the true infection edges into each infected,
    // not sick node outrank its other incoming edges far better than chance (0.5).
    double aucSum = 0.0;
    int counted = 0;
    for (std::uint64_t seed = 100; seed < 110; ++seed) {
        ExplainGraphRequest probe;
        probe.infectionSeed = seed;
        probe.modelPath = settings.outPath;
        probe.method = "sa";
        const json::Value graph = runExplainGraph(probe);
        const json::Array &infected = graph.find("truth")->find("infected")->asArray();
        const json::Array &sick = graph.find("truth")->find("sick")->asArray();
        for (std::size_t node = 0; node < infected.size() && counted < 40; ++node) {
            if (!infected[node].asBool() || sick[node].asBool())
                continue;
            ExplainGraphRequest request = probe;
            request.method = "lrp";
            request.target = "node:" + std::to_string(node);
            const json::Value out = runExplainGraph(request);
            const json::Value *auc = out.find("scores")->find("incoming_edge_roc_auc");
            if (auc && auc->isNumber()) {
                aucSum += auc->asNumber();
                ++counted;
            }
        }
    }
    QVERIFY(counted >= 10);
    qInfo("LRP on the trained InfectionGN: incoming-edge ROC AUC %.3f over %d infected nodes", aucSum / counted, counted);
    QVERIFY(aucSum / counted > 0.8);
}

void TestGraphTraining::trainingResumesFromItsCheckpoint()
{
    QTemporaryDir dir;
    const std::vector<GraphExample> examples = generateInfectionExamples(60, 2);
    GraphTrainingSettings settings = infectionSettings(dir, 2);
    QCOMPARE(int(trainGraphNetwork(examples, settings).epochs.size()), 2);
    settings.epochs = 4;
    settings.resume = true;
    const GraphTrainingSummary resumed = trainGraphNetwork(examples, settings);
    QCOMPARE(int(resumed.epochs.size()), 2); // epochs 3 and 4 only
    QCOMPARE(resumed.epochs.front().epoch, 3);
    QCOMPARE(resumed.epochs.back().epoch, 4);
}

void TestGraphTraining::cancelKeepsTheLastEpoch()
{
    QTemporaryDir dir;
    auto token = std::make_shared<CancelToken>();
    GraphTrainingSettings settings = infectionSettings(dir, 50);
    int epochs = 0;
    const JobControl job(token, {});
    QVERIFY_THROWS_EXCEPTION(CancelledError, trainGraphNetwork(generateInfectionExamples(60, 2), settings, job, [&](const GraphEpoch &) {
        if (++epochs == 2)
            token->cancel();
    }));
    QCOMPARE(epochs, 2);
    QVERIFY(QFile::exists(QString::fromStdString(settings.outPath)));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("infection.checkpoint.json"))));
    // The weights of the last finished epoch are a usable model.
    ExplainGraphRequest request;
    request.infectionSeed = 1;
    request.modelPath = settings.outPath;
    QVERIFY(runExplainGraph(request).find("node_outputs") != nullptr);
}

void TestGraphTraining::badSettingsAreRefused()
{
    QTemporaryDir dir;
    const std::vector<GraphExample> examples = generateInfectionExamples(10, 1);
    auto refused = [&](GraphTrainingSettings s, const std::vector<GraphExample> &data, const char *expected) {
        try {
            trainGraphNetwork(data, s);
        } catch (const Error &e) {
            return QString::fromUtf8(e.what()).contains(QLatin1String(expected));
        }
        return false;
    };
    GraphTrainingSettings good = infectionSettings(dir, 1);
    GraphTrainingSettings s = good;
    s.epochs = 0;
    QVERIFY(refused(s, examples, "epochs"));
    s = good;
    s.aggregation = "median";
    QVERIFY(refused(s, examples, "median"));
    s = good;
    s.outPath = "/nonexistent/folder/model.safetensors";
    QVERIFY(refused(s, examples, "does not exist"));
    s = good;
    s.validationFraction = 1.0;
    QVERIFY(refused(s, examples, "validation fraction"));
    QVERIFY(refused(good, {examples[0]}, "at least 2"));
    s = good;
    s.task = GraphTask::Molecules; // infection graphs have 4 node features, molecules 47
    QVERIFY(refused(s, examples, "47"));
    s.width = 12; // settings are checked before the data
    QVERIFY(refused(s, examples, "multiple of 8"));
}

QTEST_GUILESS_MAIN(TestGraphTraining)
#include "tst_graphtraining.moc"
