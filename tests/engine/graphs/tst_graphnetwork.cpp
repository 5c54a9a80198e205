// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/TorchCheckpoint.h"
#include "engine/graphs/GraphNetwork.h"

#include <QDir>
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
    // the encoding was established.) The max/no-bias checkpoint is left out: on this graph it
    // never lets infection through an edge, in either encoding (its node 1 scores like the
    // isolated node 4); only the sick node comes out infected.
    if (!QDir(shared("")).exists())
        QSKIP("../shared/data/gcn-seed is not here");
    const torch::Tensor senders = torch::tensor({0, 0, 2}), receivers = torch::tensor({1, 2, 3});
    const torch::Tensor nodes = torch::tensor({1.0f, -1.0f, 0.5f, 0.5f, -1.0f, -1.0f, 0.5f, 0.5f, -1.0f, 1.0f, 0.5f, 0.5f,
                                               -1.0f, -1.0f, 0.5f, 0.5f, -1.0f, -1.0f, 0.5f, 0.5f}).reshape({5, 4});
    const torch::Tensor real = torch::tensor({-1.0f, 0.5f, -1.0f, 0.5f, -1.0f, 0.5f}).reshape({3, 2});
    torch::Tensor virtualFirst = real.clone();
    virtualFirst[0][0] = 1.0f;
    for (const auto &[file, aggregation, bias] : std::vector<std::tuple<const char *, Aggregation, bool>>{
             {"inf_max_bias.pt", Aggregation::Max, true}, {"inf_sum_bias.pt", Aggregation::Sum, true},
             {"inf_sum_nobias.pt", Aggregation::Sum, false}}) {
        InfectionGN model(aggregation, bias);
        applyStateDict(*model, loadTorchCheckpoint(shared(file).toStdString()), true);
        model->eval();
        torch::NoGradGuard noGrad;
        const torch::Tensor infected = model->forward(GraphBatch::single(nodes, real, senders, receivers)).nodes.flatten() > 0;
        QVERIFY2(torch::equal(infected, torch::tensor({true, true, false, false, false})), file);
        const torch::Tensor throughVirtual = model->forward(GraphBatch::single(nodes, virtualFirst, senders, receivers)).nodes.flatten() > 0;
        QVERIFY2(torch::equal(throughVirtual, torch::tensor({true, false, false, false, false})), file);
    }
    InfectionGN weak(Aggregation::Max, false);
    applyStateDict(*weak, loadTorchCheckpoint(shared("inf_max_nobias.pt").toStdString()), true);
    weak->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor weakInfected = weak->forward(GraphBatch::single(nodes, real, senders, receivers)).nodes.flatten() > 0;
    QVERIFY(torch::equal(weakInfected, torch::tensor({true, false, false, false, false})));
}

QTEST_GUILESS_MAIN(TestGraphNetwork)
#include "tst_graphnetwork.moc"
