// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/TorchCheckpoint.h"
#include "engine/graphs/InfectionData.h"

#include <QDir>
#include <QTest>

using namespace periscope;
using namespace periscope::graphs;

class TestInfectionData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsMatchADirectReachabilityComputation();
    void keepsSeventyPercentOfDirectedEdges();
    void isReproducibleFromASeed();
    void publishedModelsPredictOurGraphs();
};

void TestInfectionData::labelsMatchADirectReachabilityComputation()
{
    std::mt19937_64 random(1);
    for (const InfectionParameters &p : {InfectionParameters::train(), InfectionParameters::test()}) {
        for (int k = 0; k < 150; ++k) {
            const InfectionGraph g = generateInfectionGraph(p, random);
            const std::int64_t n = g.graph.numNodes(), e = g.graph.numEdges();
            QVERIFY(n >= p.minNodes && n < p.maxNodes);
            QVERIFY(g.sick.any().item<bool>());
            QVERIFY(!(g.sick & g.immune).any().item<bool>());
            const torch::Tensor x = g.graph.nodeFeatures, ef = g.graph.edgeFeatures;
            QVERIFY(torch::equal(x.select(1, 0) > 0, g.sick));
            QVERIFY(torch::equal(x.select(1, 1) > 0, g.immune));
            QVERIFY(((x.select(1, 0).abs() == 1) & (x.select(1, 1).abs() == 1)).all().item<bool>());
            QVERIFY((x.narrow(1, 2, 2) >= 0).all().item<bool>() && (x.narrow(1, 2, 2) < 1).all().item<bool>());
            QVERIFY(torch::equal(ef.select(1, 0) > 0, g.virtualEdge));
            // Infected: sick, or reached from a sick node over a real edge and not immune.
            std::vector<bool> expected(static_cast<std::size_t>(n));
            for (std::int64_t i = 0; i < n; ++i)
                expected[std::size_t(i)] = g.sick[i].item<bool>();
            for (std::int64_t j = 0; j < e; ++j) {
                const std::int64_t s = g.graph.senders[j].item<std::int64_t>(), r = g.graph.receivers[j].item<std::int64_t>();
                QVERIFY(s != r);
                const bool causal = !g.virtualEdge[j].item<bool>() && g.sick[s].item<bool>() && !g.sick[r].item<bool>() &&
                                    !g.immune[r].item<bool>();
                QCOMPARE(g.causalEdge[j].item<bool>(), causal);
                if (causal)
                    expected[std::size_t(r)] = true;
            }
            for (std::int64_t i = 0; i < n; ++i)
                QCOMPARE(g.infected[i].item<bool>(), bool(expected[std::size_t(i)]));
        }
    }
    InfectionParameters bad;
    bad.maxPercentSick = 0.8;
    QVERIFY_THROWS_EXCEPTION(Error, generateInfectionGraph(bad, random));
}

void TestInfectionData::keepsSeventyPercentOfDirectedEdges()
{
    std::mt19937_64 random(2);
    double kept = 0.0, possible = 0.0;
    for (int k = 0; k < 300; ++k) {
        const InfectionGraph g = generateInfectionGraph(InfectionParameters::train(), random);
        kept += double((~g.virtualEdge).sum().item<std::int64_t>());
        possible += 2.0 * 2.0 * double(g.graph.numNodes() - 2); // m = 2 links per added node, both directions
    }
    QVERIFY2(std::abs(kept / possible - 0.7) < 0.02, qPrintable(QString::number(kept / possible)));
}

void TestInfectionData::isReproducibleFromASeed()
{
    std::mt19937_64 a(42), b(42);
    const InfectionGraph first = generateInfectionGraph(InfectionParameters::test(), a);
    const InfectionGraph second = generateInfectionGraph(InfectionParameters::test(), b);
    QVERIFY(torch::equal(first.graph.nodeFeatures, second.graph.nodeFeatures));
    QVERIFY(torch::equal(first.graph.senders, second.graph.senders));
    QVERIFY(torch::equal(first.infected, second.infected));
}

void TestInfectionData::publishedModelsPredictOurGraphs()
{
    // The paper's pretrained models should find our generator's infections: evidence that the
    // recipe and the feature encoding match what they were trained on.
    const QDir shared(QStringLiteral(PERISCOPE_SOURCE_DIR "/../shared/data/gcn-seed"));
    if (!shared.exists())
        QSKIP("../shared/data/gcn-seed is not here");
    std::mt19937_64 random(7);
    std::vector<InfectionGraph> graphs;
    for (int k = 0; k < 300; ++k)
        graphs.push_back(generateInfectionGraph(InfectionParameters::train(), random));
    std::vector<GraphBatch> batches;
    for (const InfectionGraph &g : graphs)
        batches.push_back(g.graph);
    const GraphBatch batch = GraphBatch::concatenate(batches);
    std::vector<torch::Tensor> truths;
    for (const InfectionGraph &g : graphs)
        truths.push_back(g.infected);
    const torch::Tensor truth = torch::cat(truths);
    for (const auto &[file, aggregation, bias] : std::vector<std::tuple<const char *, Aggregation, bool>>{
             {"inf_max_bias.pt", Aggregation::Max, true}, {"inf_sum_bias.pt", Aggregation::Sum, true},
             {"inf_sum_nobias.pt", Aggregation::Sum, false}, {"inf_max_nobias.pt", Aggregation::Max, false}}) {
        InfectionGN model(aggregation, bias);
        applyStateDict(*model, loadTorchCheckpoint(shared.filePath(QLatin1String(file)).toStdString()), true);
        model->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor predicted = model->forward(batch).nodes.flatten() > 0;
        const double accuracy = (predicted == truth).to(torch::kDouble).mean().item<double>();
        qInfo("%s: node accuracy %.4f on %lld nodes", file, accuracy, static_cast<long long>(truth.numel()));
        if (QLatin1String(file) != QLatin1String("inf_max_nobias.pt"))
            QVERIFY2(accuracy > 0.99, file); // 1.0000 measured for all three
    }
}

QTEST_GUILESS_MAIN(TestInfectionData)
#include "tst_infectiondata.moc"
