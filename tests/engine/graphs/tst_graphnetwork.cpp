// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/TorchCheckpoint.h"
#include "engine/graphs/GraphNetwork.h"

#include <cmath>
#include <map>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace periscope;
using namespace periscope::graphs;

namespace {
bool near(const torch::Tensor &a, const torch::Tensor &b, double tolerance = 1e-6)
{
    return a.sizes() == b.sizes() && (a - b).abs().max().item<double>() <= tolerance;
}

QString shared(const char *name)
{
    return QStringLiteral(PERISCOPE_SOURCE_DIR "/../shared/data/gcn-seed/") + QLatin1String(name);
}
} // namespace

class TestGraphNetwork : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aggregationsMatchHandComputation();
    void layersMatchHandComputation();
    void batchedEqualsOneByOne();
    void publishedCheckpointsLoadStrictly();
    void pretrainedInfectionModelFollowsTheInfectionRule();
};

void TestGraphNetwork::aggregationsMatchHandComputation()
{
    const torch::Tensor values = torch::tensor({1.0f, 2.0f, 3.0f, -1.0f, 5.0f, 0.0f, -4.0f, -2.0f}).reshape({4, 2});
    const torch::Tensor index = torch::tensor({0, 0, 2, 3}, torch::kLong);
    QVERIFY(near(aggregate(values, index, 4, Aggregation::Sum), torch::tensor({4.0f, 1.0f, 0.0f, 0.0f, 5.0f, 0.0f, -4.0f, -2.0f}).reshape({4, 2})));
    QVERIFY(near(aggregate(values, index, 4, Aggregation::Mean), torch::tensor({2.0f, 0.5f, 0.0f, 0.0f, 5.0f, 0.0f, -4.0f, -2.0f}).reshape({4, 2})));
    // Max: an empty segment is 0, an all-negative one keeps its (negative) maximum.
    QVERIFY(near(aggregate(values, index, 4, Aggregation::Max), torch::tensor({3.0f, 2.0f, 0.0f, 0.0f, 5.0f, 0.0f, -4.0f, -2.0f}).reshape({4, 2})));
    QVERIFY_THROWS_EXCEPTION(Error, parseAggregation("median"));
}

void TestGraphNetwork::layersMatchHandComputation()
{
    // 3 nodes, edges 0->1 and 2->1.
    GraphBatch g = GraphBatch::single(torch::tensor({1.0f, 2.0f, 3.0f}).reshape({3, 1}), torch::tensor({10.0f, 20.0f}).reshape({2, 1}),
                                      torch::tensor({0, 2}), torch::tensor({1, 1}));
    EdgeLinear edge(1, EdgeLinearImpl::Inputs{1, 1, 1, 0}, true);
    torch::NoGradGuard noGrad;
    edge->W_edge.fill_(1.0);
    edge->W_sender.fill_(2.0);
    edge->W_receiver.fill_(3.0);
    edge->bias.fill_(0.5);
    // e' = e + 2 x[s] + 3 x[r] + 0.5
    QVERIFY(near(edge->forward(g), torch::tensor({10.0f + 2 + 6 + 0.5f, 20.0f + 6 + 6 + 0.5f}).reshape({2, 1})));

    NodeLinear node(1, NodeLinearImpl::Inputs{1, 1, 1, 0}, Aggregation::Max, false);
    node->W_node.fill_(1.0);
    node->W_incoming.fill_(1.0);
    node->W_outgoing.fill_(-1.0);
    // x' = x + max(incoming e) - max(outgoing e): node 0 sends 10, node 1 receives 10 and 20, node 2 sends 20.
    QVERIFY(near(node->forward(g), torch::tensor({1.0f - 10, 2.0f + 20, 3.0f - 20}).reshape({3, 1})));

    GlobalLinear global(1, GlobalLinearImpl::Inputs{1, 1, 0}, Aggregation::Mean, true);
    global->W_node.fill_(1.0);
    global->W_edges.fill_(1.0);
    global->bias.fill_(-1.0);
    QVERIFY(near(global->forward(g), torch::tensor({2.0f + 15.0f - 1.0f}).reshape({1, 1})));

    // Names as in the paper's code.
    QCOMPARE(edge->named_parameters().keys(), (std::vector<std::string>{"W_edge", "W_sender", "W_receiver", "bias"}));
}

void TestGraphNetwork::batchedEqualsOneByOne()
{
    torch::manual_seed(4);
    InfectionGN model(Aggregation::Max, true);
    auto graph = [](int nodes, int edges) {
        return GraphBatch::single(torch::randn({nodes, 4}), torch::randn({edges, 2}), torch::randint(0, nodes, {edges}),
                                  torch::randint(0, nodes, {edges}));
    };
    const GraphBatch a = graph(5, 7), b = graph(3, 4), c = graph(6, 0);
    const GraphOutput together = model->forward(GraphBatch::concatenate({a, b, c}));
    const GraphOutput ga = model->forward(a), gb = model->forward(b), gc = model->forward(c);
    QVERIFY(near(together.nodes, torch::cat({ga.nodes, gb.nodes, gc.nodes}), 1e-5));
    QVERIFY(near(together.globals, torch::cat({ga.globals, gb.globals, gc.globals}), 1e-5));
    QCOMPARE(together.globals.size(0), std::int64_t(3));
}

void TestGraphNetwork::publishedCheckpointsLoadStrictly()
{
    if (!QDir(shared("")).exists())
        QSKIP("../shared/data/gcn-seed is not here (a clone outside the team's workspace)");
    for (const auto &[file, aggregation, bias] : std::vector<std::tuple<const char *, Aggregation, bool>>{
             {"inf_max_bias.pt", Aggregation::Max, true}, {"inf_max_nobias.pt", Aggregation::Max, false},
             {"inf_sum_bias.pt", Aggregation::Sum, true}, {"inf_sum_nobias.pt", Aggregation::Sum, false}}) {
        InfectionGN model(aggregation, bias);
        const LoadReport report = applyStateDict(*model, loadTorchCheckpoint(shared(file).toStdString()), true);
        QVERIFY2(report.isComplete(), report.summary().c_str());
    }
    SolubilityGN solubility(3, 64, true, Aggregation::Sum);
    const LoadReport report = applyStateDict(*solubility, loadTorchCheckpoint(shared("sol.pt").toStdString()), true);
    QVERIFY2(report.isComplete(), report.summary().c_str());
    QCOMPARE(int(report.loaded.size()), 39);
}

void TestGraphNetwork::pretrainedInfectionModelFollowsTheInfectionRule()
{
    // The paper's published InfectionGNs, run by our layers on a hand-made graph in the recipe's
    // encoding: node [sick +-1, immune +-1, noise, noise], edge [virtual +-1, noise], a real edge
    // being -1. 0 sick -> 1 healthy (infected), 0 -> 2 immune (not), 2 -> 3 healthy (only an
    // immune neighbour: not), 4 isolated (not); then the edge 0 -> 1 is made virtual (+1), and
    // 1 is not infected. (Flipping the edge encoding flips the outcome for node 1, which is how
    // the encoding was established.)
    //
    // Every logit is compared with infection_reference.json, which
    // tests/data/graphs/make_infection_reference.py computes in float64 from the paper's layer
    // definitions, without the engine. Tolerance: float32 evaluation in any order is within
    // gamma_n * magnitude of the exact value (Higham 3.5), magnitude being the network run on
    // |weights| and |inputs| (in the reference) and n the longest multiply-add chain, here
    // 2 + 5 + 13 + 17 + 9 = 46 (the four layers' inputs plus bias), rounded up to 64.
    //
    // The reference also settles the max/no-bias checkpoint, whose outcome was once taken from
    // our own output: on this graph it never lets infection through an edge, in either encoding
    // (its node 1 scores -0.698, exactly as the isolated node 4); only the sick node is infected.
    if (!QDir(shared("")).exists())
        QSKIP("../shared/data/gcn-seed is not here");
    QFile file(QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/graphs/infection_reference.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject reference = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject graph = reference.value(QLatin1String("graph")).toObject();
    auto matrix = [](const QJsonValue &value) {
        std::vector<float> flat;
        std::int64_t rows = 0, columns = 0;
        for (const QJsonValue &row : value.toArray()) {
            ++rows;
            columns = row.toArray().size();
            for (const QJsonValue &v : row.toArray())
                flat.push_back(float(v.toDouble()));
        }
        return torch::tensor(flat).reshape({rows, columns});
    };
    auto indices = [](const QJsonValue &value) {
        std::vector<std::int64_t> list;
        for (const QJsonValue &v : value.toArray())
            list.push_back(v.toInt());
        return torch::tensor(list);
    };
    auto column = [](const QJsonValue &value) {
        std::vector<double> list;
        for (const QJsonValue &v : value.toArray())
            list.push_back(v.toDouble());
        return torch::tensor(list, torch::kDouble);
    };
    const torch::Tensor nodes = matrix(graph.value(QLatin1String("nodes")));
    const torch::Tensor senders = indices(graph.value(QLatin1String("senders"))), receivers = indices(graph.value(QLatin1String("receivers")));
    const QJsonObject edges = graph.value(QLatin1String("edges")).toObject();
    const double gamma = 64.0 * std::ldexp(1.0, -24) / (1.0 - 64.0 * std::ldexp(1.0, -24));

    const std::map<QString, std::vector<bool>> expected = {
        {QStringLiteral("real"), {true, true, false, false, false}}, {QStringLiteral("first_virtual"), {true, false, false, false, false}}};
    const QJsonObject checkpoints = reference.value(QLatin1String("checkpoints")).toObject();
    QCOMPARE(checkpoints.size(), 4);
    for (auto it = checkpoints.begin(); it != checkpoints.end(); ++it) {
        const QByteArray name = it.key().toUtf8();
        const bool max = it.value().toObject().value(QLatin1String("aggregation")).toString() == QLatin1String("max");
        const bool bias = !it.key().contains(QLatin1String("nobias"));
        InfectionGN model(max ? Aggregation::Max : Aggregation::Sum, bias);
        applyStateDict(*model, loadTorchCheckpoint(shared(name.constData()).toStdString()), true);
        model->eval();
        torch::NoGradGuard noGrad;
        for (const auto &[edgeCase, infectedPattern] : expected) {
            const QJsonObject values = it.value().toObject().value(edgeCase).toObject();
            const torch::Tensor logits =
                model->forward(GraphBatch::single(nodes, matrix(edges.value(edgeCase)), senders, receivers)).nodes.flatten().to(torch::kDouble);
            const torch::Tensor want = column(values.value(QLatin1String("logits")));
            const torch::Tensor tolerance = gamma * column(values.value(QLatin1String("magnitude")));
            const QByteArray what = name + " " + edgeCase.toUtf8();
            QVERIFY2(logits.sizes() == want.sizes(), what.constData());
            QVERIFY2(((logits - want).abs() <= tolerance).all().item<bool>(), what.constData());
            // The rule itself, from the reference's signs: all but the weak checkpoint follow it.
            std::vector<bool> pattern = infectedPattern;
            if (name == "inf_max_nobias.pt")
                pattern = {true, false, false, false, false};
            for (std::size_t n = 0; n < pattern.size(); ++n)
                QVERIFY2((want[std::int64_t(n)].item<double>() > 0) == pattern[n], what.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestGraphNetwork)
#include "tst_graphnetwork.moc"
