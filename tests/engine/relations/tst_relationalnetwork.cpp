// SPDX-License-Identifier: GPL-3.0-or-later
// The relational network against the paper's code: state dicts with ws-vrd's key names load
// strictly in both readout modes and give the logits the paper's modules gave on the same batch
// (tests/data/relations/make_ws_vrd_reference.py); checkpoints that do not fit are refused with
// a reason. The explainer against a one-layer network whose gradients are written out by hand,
// and its ranking of triplets.
#include <torch/torch.h>

#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/relations/RelationExplainer.h"
#include "engine/relations/RelationalNetwork.h"
#include "engine/relations/RelationsForward.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::relations;

namespace {

StateDict reference()
{
    return readSafetensors(PERISCOPE_SOURCE_DIR "/tests/data/relations/ws_vrd_reference.safetensors").tensors;
}

StateDict variant(const StateDict &all, const std::string &name)
{
    StateDict out;
    for (const auto &[key, value] : all)
        if (key.rfind(name + ".", 0) == 0 && key != name + ".predicate_scores")
            out.emplace_back(key.substr(name.size() + 1), value);
    return out;
}

RelationBatch referenceBatch(const StateDict &all)
{
    RelationBatch b;
    b.objectConvFeatures = *findTensor(all, "object_conv_features");
    b.objectLinearFeatures = *findTensor(all, "object_linear_features");
    b.relationLinearFeatures = *findTensor(all, "relation_linear_features");
    b.relationIndexes = *findTensor(all, "relation_indexes");
    b.batch = *findTensor(all, "batch");
    b.numGraphs = 2;
    return b;
}

} // namespace

class TestRelationalNetwork : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsThePapersStateDictsStrictly_data();
    void loadsThePapersStateDictsStrictly();
    void forwardCommandWritesTheLogits();
    void checkpointsThatDoNotFitAreRefused();
    void badBatchesAreRefused();
    void anImageWithoutEdgesPoolsToZero();
    void gradientRelevanceAsWrittenOut();
    void tripletsAreRankedByTheirScore();
    void integratedGradientsAddUpToTheScoreChange();
    void layerwiseRelevanceIsConserved();
};

void TestRelationalNetwork::loadsThePapersStateDictsStrictly_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("pooling");
    QTest::newRow("FC_AGG, max, last bias") << "fc_agg_max" << "FC_AGG" << "max";
    QTest::newRow("AGG_FC, mean, no last bias") << "agg_fc_mean" << "AGG_FC" << "mean";
}

void TestRelationalNetwork::loadsThePapersStateDictsStrictly()
{
    QFETCH(QString, name);
    QFETCH(QString, mode);
    QFETCH(QString, pooling);
    const StateDict all = reference();
    const StateDict weights = variant(all, name.toStdString());
    const RelationalNetworkConfig config =
        RelationalNetworkConfig::fromWeights(weights, parseReadoutMode(mode.toStdString()), graphs::parseAggregation(pooling.toStdString()), "ref");
    QCOMPARE(config.convs.size(), std::size_t(2));
    QCOMPARE(config.convs.front(), (std::pair<std::int64_t, std::int64_t>{4, 6}));
    QCOMPARE(config.classes, std::int64_t(5));
    QCOMPARE(config.lastBias, name == QLatin1String("fc_agg_max"));
    RelationalNetwork network(config);
    const LoadReport report = applyStateDict(*network, weights, /*strict=*/false);
    QVERIFY2(report.isComplete(), report.summary().c_str());
    network->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor ours = network->forward(referenceBatch(all));
    const torch::Tensor theirs = *findTensor(all, name.toStdString() + ".predicate_scores");
    // float32 throughout, as the paper's run. The longest sum (the combined layer: 6 x 49 conv
    // features + 8) has about 300 terms; rounding bounds each sum's error by 300 x 2^-24 of its
    // terms' absolute sum (below 1 here), compounded over 8 layers: under 2e-4.
    QVERIFY2(torch::allclose(ours, theirs, 0.0, 2e-4), qPrintable(QStringLiteral("max difference %1").arg((ours - theirs).abs().max().item<double>())));
    QVERIFY(theirs.abs().max().item<double>() > 1e-2); // not a trivially zero reference
}

void TestRelationalNetwork::forwardCommandWritesTheLogits()
{
    QTemporaryDir dir;
    const StateDict all = reference();
    const std::string weights = dir.filePath(QStringLiteral("w.safetensors")).toStdString();
    const std::string input = dir.filePath(QStringLiteral("in.safetensors")).toStdString();
    const std::string output = dir.filePath(QStringLiteral("out.safetensors")).toStdString();
    writeSafetensors(weights, variant(all, "agg_fc_mean"));
    const RelationBatch b = referenceBatch(all);
    writeSafetensors(input, {{"object_conv_features", b.objectConvFeatures},
                             {"object_linear_features", b.objectLinearFeatures},
                             {"relation_linear_features", b.relationLinearFeatures},
                             {"relation_indexes", b.relationIndexes},
                             {"batch", b.batch}});
    runRelationsForward({weights, input, output, "AGG_FC", "mean"});
    const torch::Tensor scores = *findTensor(readSafetensors(output).tensors, "predicate_scores");
    QVERIFY(torch::allclose(scores, *findTensor(all, "agg_fc_mean.predicate_scores"), 0.0, 2e-4));
    // The other readout on these weights gives other logits (the mode matters and is used).
    runRelationsForward({weights, input, output, "FC_AGG", "mean"});
    QVERIFY(!torch::allclose(*findTensor(readSafetensors(output).tensors, "predicate_scores"), scores, 0.0, 1e-3));
}

void TestRelationalNetwork::checkpointsThatDoNotFitAreRefused()
{
    const StateDict weights = variant(reference(), "fc_agg_max");
    auto reason = [&](const StateDict &w) {
        try {
            RelationalNetworkConfig::fromWeights(w, ReadoutMode::FcAgg, graphs::Aggregation::Max, "w.pth");
        } catch (const Error &e) {
            return std::string(e.what());
        }
        return std::string();
    };
    StateDict noOutput;
    for (const auto &[k, v] : weights)
        if (k.find("fcs.output") == std::string::npos)
            noOutput.emplace_back(k, v);
    QVERIFY(reason(noOutput).find("not a ws-vrd relational network") != std::string::npos);
    StateDict broken = weights;
    for (auto &[k, v] : broken)
        if (k == "edge_model.fcs.linear0.weight")
            v = torch::zeros({8, 23});
    QVERIFY(reason(broken).find("edge_model.fcs.linear0 takes 23 features") != std::string::npos);
    // A renamed layer: the network is built without it and the strict load names what is left.
    StateDict renamed = weights;
    for (auto &[k, v] : renamed)
        if (k == "input_edge_model.linear_fcs.linear1.bias")
            k = "input_edge_model.linear_fcs.lin1.bias";
    RelationalNetwork network(RelationalNetworkConfig::fromWeights(weights, ReadoutMode::FcAgg, graphs::Aggregation::Max, "w"));
    QVERIFY(!applyStateDict(*network, renamed, false).isComplete());
    QVERIFY_THROWS_EXCEPTION(Error, parseReadoutMode("FC"));
}

void TestRelationalNetwork::badBatchesAreRefused()
{
    const RelationBatch good = referenceBatch(reference());
    good.validate();
    RelationBatch b = good;
    b.relationIndexes = good.relationIndexes.clone();
    b.relationIndexes[1][0] = 99;
    QVERIFY_THROWS_EXCEPTION(Error, b.validate());
    b = good;
    b.relationIndexes = good.relationIndexes.clone();
    b.relationIndexes[1][0] = 5; // object 5 is in the second image, object 0 in the first
    QVERIFY_THROWS_EXCEPTION(Error, b.validate());
    b = good;
    b.objectLinearFeatures = good.objectLinearFeatures.clone();
    b.objectLinearFeatures[0][0] = NAN;
    QVERIFY_THROWS_EXCEPTION(Error, b.validate());
    b = good;
    b.numGraphs = 1;
    QVERIFY_THROWS_EXCEPTION(Error, b.validate());
}

void TestRelationalNetwork::anImageWithoutEdgesPoolsToZero()
{
    // The second image has a single object: no edge; its pooled messages are 0, so FC_AGG gives
    // the readout of a zero vector (its biases), as torch_scatter's empty rows do in the paper.
    const StateDict weights = variant(reference(), "fc_agg_max");
    RelationalNetwork network(RelationalNetworkConfig::fromWeights(weights, ReadoutMode::FcAgg, graphs::Aggregation::Max, "w"));
    QVERIFY(applyStateDict(*network, weights, false).isComplete());
    network->eval();
    RelationBatch b = referenceBatch(reference());
    b.numGraphs = 3;
    b.batch = torch::cat({b.batch, torch::tensor({2}, torch::kLong)});
    b.objectConvFeatures = torch::cat({b.objectConvFeatures, torch::randn({1, 4, 7, 7})});
    b.objectLinearFeatures = torch::cat({b.objectLinearFeatures, torch::randn({1, 6})});
    b.validate();
    torch::NoGradGuard noGrad;
    const torch::Tensor scores = network->forward(b);
    const torch::Tensor zero = network->output_global_model->fcs->forward(torch::zeros({1, 8}));
    QVERIFY(torch::allclose(scores[2], zero[0]));
}

namespace {

// One message layer (8 + 10 + 8 inputs -> 1, ReLU) and the output (1 -> 3), sum pooling: the
// score of class c is sigmoid(w_c sum_e relu(a . [x_s, f_e, x_r] + b) + b_c).
struct TinyNetwork {
    RelationalNetwork network{nullptr};
    RelationBatch batch;
    torch::Tensor a, w;
};

TinyNetwork tiny()
{
    torch::manual_seed(7);
    RelationalNetworkConfig c;
    c.message = {{8 + 10 + 8, 1}};
    c.classes = 3;
    c.pooling = graphs::Aggregation::Sum;
    TinyNetwork t;
    t.network = RelationalNetwork(c);
    t.network->eval();
    // 3 objects (conv features [3, 2, 2, 2] flattened to 8, no linear ones) in one image.
    t.batch.objectConvFeatures = torch::randn({3, 2, 2, 2}).to(torch::kDouble);
    t.batch.objectLinearFeatures = torch::zeros({3, 0}, torch::kDouble);
    t.batch.relationIndexes = torch::tensor({0, 0, 1, 1, 2, 2, 1, 2, 0, 2, 0, 1}, torch::kLong).view({2, 6});
    t.batch.relationLinearFeatures = torch::randn({6, 10}, torch::kDouble);
    t.batch.batch = torch::zeros({3}, torch::kLong);
    t.network->to(torch::kDouble);
    for (auto &p : t.network->named_parameters())
        if (p.key().find("edge_model.fcs.linear0.bias") != std::string::npos)
            p.value().data().fill_(0.3); // keep most edges active
    t.a = t.network->named_parameters()["edge_model.fcs.linear0.weight"].detach()[0];
    t.w = t.network->named_parameters()["output_global_model.fcs.output.weight"].detach().squeeze(1);
    return t;
}

} // namespace

void TestRelationalNetwork::gradientRelevanceAsWrittenOut()
{
    TinyNetwork t = tiny();
    ExplainerOptions o;
    o.topPredicates = 3;
    o.objectScores = false;
    const std::vector<ImageRelations> out = explainRelations(*t.network, t.batch, {}, o);
    QCOMPARE(out.size(), std::size_t(1));
    const ImageRelations &r = out[0];
    // By hand: pre-activations, active edges, logits.
    const torch::Tensor x = t.batch.objectConvFeatures.flatten(1);
    const torch::Tensor s = t.batch.relationIndexes[0], d = t.batch.relationIndexes[1];
    const torch::Tensor pre = torch::cat({x.index_select(0, s), t.batch.relationLinearFeatures, x.index_select(0, d)}, 1).matmul(t.a) + 0.3;
    const torch::Tensor active = (pre > 0).to(torch::kDouble);
    const double pooled = torch::relu(pre).sum().item<double>();
    const torch::Tensor bias = t.network->named_parameters()["output_global_model.fcs.output.bias"].detach();
    for (int k = 0; k < 3; ++k) {
        const int c = r.topPredicates[std::size_t(k)];
        const double logit = t.w[c].item<double>() * pooled + bias[c].item<double>();
        const double sigma = 1.0 / (1.0 + std::exp(-logit));
        QVERIFY(std::abs(r.predicateScores[std::size_t(c)] - sigma) < 1e-12);
        const double chain = sigma * (1.0 - sigma) * t.w[c].item<double>();
        // d score / d edge features of edge e = chain x active_e x a[8:18]; L1 over the 10.
        const double aEdge = t.a.slice(0, 8, 18).abs().sum().item<double>();
        for (int e = 0; e < 6; ++e)
            QVERIFY(std::abs(r.edgeRelevance[e][k].item<double>() - std::abs(chain) * active[e].item<double>() * aEdge) < 1e-12);
        // d score / d x_n = chain (sum of active edges leaving n) a[0:8] + chain (entering n) a[18:26].
        for (int n = 0; n < 3; ++n) {
            const double out = (active * (s == n).to(torch::kDouble)).sum().item<double>();
            const double in = (active * (d == n).to(torch::kDouble)).sum().item<double>();
            const double expected = (chain * (out * t.a.slice(0, 0, 8) + in * t.a.slice(0, 18, 26))).abs().sum().item<double>();
            QVERIFY(std::abs(r.nodeRelevance[n][k].item<double>() - expected) < 1e-12);
        }
        if (k > 0) // best first
            QVERIFY(r.predicateScores[std::size_t(c)] <= r.predicateScores[std::size_t(r.topPredicates[std::size_t(k - 1)])]);
    }
}

void TestRelationalNetwork::tripletsAreRankedByTheirScore()
{
    TinyNetwork t = tiny();
    ExplainerOptions o;
    o.topPredicates = 2;
    o.topRelations = 5;
    const torch::Tensor objectScores = torch::tensor({1.0, 0.5, 0.25}, torch::kDouble);
    const ImageRelations r = explainRelations(*t.network, t.batch, objectScores, o)[0];
    QCOMPARE(r.triplets.size(), std::size_t(5)); // 6 edges x 2 predicates, the best 5 kept
    // Every (edge, predicate) score, by the paper's formula, from the relevances returned.
    std::vector<double> all;
    for (int e = 0; e < 6; ++e)
        for (int k = 0; k < 2; ++k) {
            const auto sub = t.batch.relationIndexes[0][e].item<std::int64_t>(), obj = t.batch.relationIndexes[1][e].item<std::int64_t>();
            all.push_back(r.nodeRelevance[sub][k].item<double>() * r.edgeRelevance[e][k].item<double>() * r.nodeRelevance[obj][k].item<double>() *
                          r.predicateScores[std::size_t(r.topPredicates[std::size_t(k)])] * objectScores[sub].item<double>() *
                          objectScores[obj].item<double>());
        }
    std::sort(all.rbegin(), all.rend());
    for (std::size_t i = 0; i < 5; ++i)
        QVERIFY(std::abs(r.triplets[i].score - all[i]) < 1e-12 * std::max(1.0, all[i]));
    for (const RelationTriplet &tr : r.triplets) {
        QVERIFY(tr.subject != tr.object);
        QVERIFY(tr.predicate == r.topPredicates[0] || tr.predicate == r.topPredicates[1]);
    }
}

void TestRelationalNetwork::integratedGradientsAddUpToTheScoreChange()
{
    // Completeness: the signed attributions of all inputs add up to score(x) - score(0). The
    // explainer pools them; the signed sum is 2 x (sum of positive parts) - (L1 norm).
    TinyNetwork t = tiny();
    ExplainerOptions o;
    o.topPredicates = 1;
    o.method = RelevanceMethod::IntegratedGradients;
    o.steps = 4000;
    o.objectScores = false;
    o.pool = RelevancePool::L1;
    const ImageRelations l1 = explainRelations(*t.network, t.batch, {}, o)[0];
    o.pool = RelevancePool::SumPositives;
    const ImageRelations positive = explainRelations(*t.network, t.batch, {}, o)[0];
    const int c = l1.topPredicates[0];
    RelationBatch zero = t.batch;
    zero.objectConvFeatures = torch::zeros_like(t.batch.objectConvFeatures);
    zero.relationLinearFeatures = torch::zeros_like(t.batch.relationLinearFeatures);
    torch::NoGradGuard noGrad;
    const double change = l1.predicateScores[std::size_t(c)] - torch::sigmoid(t.network->forward(zero))[0][c].item<double>();
    auto total = [](const ImageRelations &r) { return r.nodeRelevance.sum().item<double>() + r.edgeRelevance.sum().item<double>(); };
    const double signedSum = 2.0 * total(positive) - total(l1);
    // The right Riemann sum over n steps of a path whose integrand changes by at most its range
    // (a sigmoid slope below 1/4 times weights below 1 over 26 inputs) errs by under range / n;
    // 2e-3 bounds it for n = 4000.
    QVERIFY2(std::abs(signedSum - change) < 2e-3, qPrintable(QStringLiteral("%1 vs %2").arg(signedSum).arg(change)));
    QVERIFY(std::abs(change) > 1e-2);
}

void TestRelationalNetwork::layerwiseRelevanceIsConserved()
{
    // Every stack present (3x3 convolutions included), max pooling, two images, no biases: LRP's
    // rules conserve relevance layer by layer (epsilon 1e-16 and ReLU pass-through lose nothing
    // a live unit carries; max pooling gives it all to the winning edge), so each image's input
    // relevance adds up to the logit it explains. The forward values are the plain network's.
    torch::manual_seed(11);
    RelationalNetworkConfig c = RelationalNetworkConfig::paper(2, 3, 4, 3, 6, 2);
    c.pooling = graphs::Aggregation::Max;
    RelationalNetwork network(c);
    network->to(torch::kDouble);
    network->eval();
    for (auto &p : network->named_parameters())
        if (p.key().find("bias") != std::string::npos)
            p.value().data().zero_();
    RelationBatch b;
    b.objectConvFeatures = torch::randn({5, 2, 3, 3}, torch::kDouble);
    b.objectLinearFeatures = torch::randn({5, 4}, torch::kDouble);
    b.relationIndexes = torch::tensor({0, 0, 1, 1, 2, 2, 3, 4, 1, 2, 0, 2, 0, 1, 4, 3}, torch::kLong).view({2, 8});
    b.relationLinearFeatures = torch::randn({8, 10}, torch::kDouble);
    b.batch = torch::tensor({0, 0, 0, 1, 1}, torch::kLong);
    b.numGraphs = 2;
    torch::Tensor logits;
    {
        torch::NoGradGuard noGrad;
        logits = network->forward(b);
        graphs::BackwardRuleScope rule(graphs::BackwardRule::Relevance);
        QVERIFY(torch::allclose(network->forward(b), logits, 1e-12, 1e-12));
    }
    ExplainerOptions o;
    o.topPredicates = 1;
    o.objectScores = false;
    o.method = RelevanceMethod::Lrp;
    o.pool = RelevancePool::L1;
    const std::vector<ImageRelations> l1 = explainRelations(*network, b, {}, o);
    o.pool = RelevancePool::SumPositives;
    const std::vector<ImageRelations> positive = explainRelations(*network, b, {}, o);
    auto total = [](const ImageRelations &r) { return r.nodeRelevance.sum().item<double>() + r.edgeRelevance.sum().item<double>(); };
    for (std::size_t g = 0; g < 2; ++g) {
        const double logit = logits[std::int64_t(g)][l1[g].topPredicates[0]].item<double>();
        const double signedSum = 2.0 * total(positive[g]) - total(l1[g]);
        // About 60 products and sums per path in double: a relative error far below 1e-9.
        QVERIFY2(std::abs(signedSum - logit) <= 1e-9 * std::max(1.0, std::abs(logit)),
                 qPrintable(QStringLiteral("image %1: %2 vs %3").arg(g).arg(signedSum).arg(logit)));
        QVERIFY(std::abs(logit) > 1e-6);
    }
    QCOMPARE(parseRelevanceMethod("lrp"), RelevanceMethod::Lrp);
    QCOMPARE(relevanceMethodName(RelevanceMethod::Lrp), std::string("lrp"));
}

QTEST_GUILESS_MAIN(TestRelationalNetwork)
#include "tst_relationalnetwork.moc"
