// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/attribution/Attribution.h"
#include "engine/core/attribution/Faithfulness.h"
#include "engine/core/attribution/Lrp.h"
#include "engine/core/errors/Error.h"

#include <QTest>

using namespace periscope;

namespace {
// score_k(x) = sum(W_k * x): every attribution method has a closed form on it.
struct LinearModel {
    torch::Tensor weights; // [K, C, H, W]
    torch::Tensor operator()(const torch::Tensor &x) const
    {
        return x.flatten(1).matmul(weights.flatten(1).t());
    }
};

bool near(const torch::Tensor &a, const torch::Tensor &b, double tolerance)
{
    return (a - b).abs().max().item<double>() <= tolerance;
}

// A tiny conv net with fixed weights: channel 0 fires on bright 3x3 regions, channel 1 on dark
// ones; class 0's score is the mean of channel 0, class 1's of channel 1.
struct BlobNet {
    torch::Tensor kernel = torch::stack({torch::full({1, 3, 3}, 1.0f / 9.0f), torch::full({1, 3, 3}, -1.0f / 9.0f)});
    std::pair<torch::Tensor, torch::Tensor> operator()(const torch::Tensor &x, const std::string &layer) const
    {
        if (layer != "features")
            return {torch::Tensor(), torch::Tensor()};
        const torch::Tensor features = torch::relu(torch::conv2d(x - 0.5, kernel, {}, 1, 1));
        return {features.mean({2, 3}), features};
    }
};
} // namespace

class TestAttribution : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { torch::manual_seed(11); }
    void gradientsOfALinearModelAreItsWeights();
    void smoothGradIsSeededAndCancellable();
    void integratedGradientsAreComplete();
    void occlusionOfALinearModelIsWeightTimesInput();
    void occlusionOfAClipHidesSpatioTemporalWindows();
    void gradCamHighlightsTheRegionThatDrivesTheLogit();
    void lrpConservesRelevance_data();
    void lrpConservesRelevance();
    void lrpOfOneLinearLayerIsGradientTimesInput();
    void deletionAndInsertionRankAPerfectMapAboveARandomOne();
    void giniIndexKnownCases();
};

void TestAttribution::gradientsOfALinearModelAreItsWeights()
{
    const LinearModel model{torch::randn({3, 2, 4, 4})};
    const torch::Tensor x = torch::rand({2, 2, 4, 4});
    const torch::Tensor targets = torch::tensor({2, 0});
    const torch::Tensor grad = vanillaGradient(model, x, targets);
    QVERIFY(near(grad[0], model.weights[2], 1e-6));
    QVERIFY(near(grad[1], model.weights[0], 1e-6));
    QVERIFY(near(gradientTimesInput(model, x, targets)[1], model.weights[0] * x[1], 1e-6));
    QVERIFY_THROWS_EXCEPTION(Error, vanillaGradient([](const torch::Tensor &t) { return t.sum(); }, x, targets));
}

void TestAttribution::smoothGradIsSeededAndCancellable()
{
    const ScoreFunction model = [](const torch::Tensor &x) { return torch::stack({(x * x).flatten(1).sum(1), x.flatten(1).sum(1)}, 1); };
    const torch::Tensor x = torch::rand({2, 1, 5, 5});
    const torch::Tensor targets = torch::tensor({0, 1});
    SmoothGradOptions options;
    options.samples = 20;
    options.batchSize = 6; // not a divisor: exercises the last, smaller batch
    const torch::Tensor a = smoothGrad(model, x, targets, options);
    QVERIFY(torch::equal(a, smoothGrad(model, x, targets, options))); // same seed, same map
    QVERIFY(near(a[1], torch::ones({1, 5, 5}), 1e-5)); // linear score: noise changes nothing
    QVERIFY(!near(a[0], 2.0 * x[0], 1e-3));            // quadratic: noise averages 2(x + n)
    QVERIFY(near(a[0], 2.0 * x[0], 0.3));

    auto token = std::make_shared<CancelToken>();
    int calls = 0;
    const JobControl control(token, [&](double, const std::string &) {
        if (++calls == 1)
            token->cancel();
    });
    QVERIFY_THROWS_EXCEPTION(CancelledError, smoothGrad(model, x, targets, options, control));
    QCOMPARE(calls, 1);
}

void TestAttribution::integratedGradientsAreComplete()
{
    torch::nn::Sequential mlp(torch::nn::Linear(8, 16), torch::nn::Tanh(), torch::nn::Linear(16, 3));
    const ScoreFunction model = [&mlp](const torch::Tensor &x) { return mlp->forward(x); };
    const torch::Tensor x = torch::randn({4, 8});
    const torch::Tensor targets = torch::tensor({0, 1, 2, 0});
    IntegratedGradientsOptions options;
    options.steps = 128;
    options.batchSize = 40;
    const IntegratedGradientsResult fine = integratedGradients(model, x, targets, options);
    QCOMPARE(fine.attribution.sizes(), x.sizes());
    const double relative = (fine.completenessError / fine.scoreDifference.abs().clamp_min(1e-6)).max().item<double>();
    QVERIFY2(relative < 1e-3, qPrintable(QString::number(relative)));
    options.steps = 2;
    const IntegratedGradientsResult coarse = integratedGradients(model, x, targets, options);
    QVERIFY(coarse.completenessError.sum().item<double>() > fine.completenessError.sum().item<double>());
    // A linear model is integrated exactly, from any baseline.
    const LinearModel linear{torch::randn({2, 1, 2, 2})};
    IntegratedGradientsOptions withBaseline;
    withBaseline.steps = 3;
    withBaseline.baseline = torch::full({1, 2, 2}, 0.5f);
    const torch::Tensor image = torch::rand({1, 1, 2, 2});
    const IntegratedGradientsResult exact = integratedGradients(linear, image, torch::tensor({1}), withBaseline);
    QVERIFY(near(exact.attribution[0], linear.weights[1] * (image[0] - 0.5), 1e-6));
    QVERIFY(exact.completenessError.item<double>() < 1e-5);
}

void TestAttribution::occlusionOfALinearModelIsWeightTimesInput()
{
    const LinearModel model{torch::randn({2, 3, 6, 7})};
    const torch::Tensor x = torch::rand({1, 3, 6, 7});
    OcclusionOptions options;
    options.window = 1;
    options.stride = 1;
    options.batchSize = 10;
    const torch::Tensor map = occlusion(model, x, torch::tensor({1}), options);
    QCOMPARE(map.sizes().vec(), (std::vector<std::int64_t>{1, 6, 7}));
    QVERIFY(near(map[0], (model.weights[1] * x[0]).sum(0), 1e-5));
    // Larger, overlapping windows still cover every pixel, borders included.
    options.window = 4;
    options.stride = 3;
    const torch::Tensor coarse = occlusion(model, x, torch::tensor({1}), options);
    QVERIFY(torch::isfinite(coarse).all().item<bool>());
    QVERIFY((coarse != 0).all().item<bool>());
}

void TestAttribution::occlusionOfAClipHidesSpatioTemporalWindows()
{
    // A linear model of a clip [C, T, H, W]: hiding one cell drops the score by its weight times
    // its value, so windows of 1 x 1 x 1 give exactly weight x input summed over channels.
    const LinearModel model{torch::randn({2, 3, 4, 5, 6})};
    const torch::Tensor x = torch::rand({2, 3, 4, 5, 6});
    OcclusionOptions options;
    options.window = 1;
    options.stride = 1;
    options.batchSize = 16;
    const torch::Tensor map = occlusion(model, x, torch::tensor({1, 0}), options);
    QCOMPARE(map.sizes().vec(), (std::vector<std::int64_t>{2, 4, 5, 6}));
    QVERIFY(near(map[0], (model.weights[1] * x[0]).sum(0), 1e-5));
    QVERIFY(near(map[1], (model.weights[0] * x[1]).sum(0), 1e-5));
    // Windows of 3 frames every 2 (origins 0 and 1, flush with the end) and 2 x 2 pixels: each
    // cell gets the mean drop of the windows covering it, which for a linear model is the mean
    // over those windows of their summed weight x input.
    options.frames = 3;
    options.frameStride = 2;
    options.window = 2;
    options.stride = 2;
    const torch::Tensor coarse = occlusion(model, x, torch::tensor({1, 0}), options);
    const torch::Tensor contribution = (model.weights[1] * x[0]).sum(0); // [T, H, W]
    // Cell (t 0, y 0, x 0) lies only in the window at (0, 0, 0): frames 0..2, rows 0..1, columns 0..1.
    const double expected = contribution.narrow(0, 0, 3).narrow(1, 0, 2).narrow(2, 0, 2).sum().item<double>();
    QVERIFY(std::abs(coarse[0][0][0][0].item<double>() - expected) < 1e-5);
    // Cell (t 3, ...) lies only in the window starting at frame 1 (frames 1..3).
    const double last = contribution.narrow(0, 1, 3).narrow(1, 0, 2).narrow(2, 0, 2).sum().item<double>();
    QVERIFY(std::abs(coarse[0][3][0][0].item<double>() - last) < 1e-5);
}

void TestAttribution::gradCamHighlightsTheRegionThatDrivesTheLogit()
{
    torch::Tensor image = torch::full({1, 1, 16, 16}, 0.5f);
    image.narrow(2, 2, 4).narrow(3, 2, 4).fill_(1.0f);   // a bright blob, top left
    image.narrow(2, 10, 4).narrow(3, 10, 4).fill_(0.0f); // a dark blob, bottom right
    const BlobNet net;
    for (CamVariant variant : {CamVariant::GradCam, CamVariant::GradCamPlusPlus}) {
        const torch::Tensor bright = gradCam(net, "features", image, torch::tensor({0}), variant)[0];
        const torch::Tensor dark = gradCam(net, "features", image, torch::tensor({1}), variant)[0];
        const std::int64_t brightPeak = bright.argmax().item<std::int64_t>();
        const std::int64_t darkPeak = dark.argmax().item<std::int64_t>();
        QVERIFY2(brightPeak / 16 < 8 && brightPeak % 16 < 8, qPrintable(QString::number(brightPeak)));
        QVERIFY2(darkPeak / 16 >= 8 && darkPeak % 16 >= 8, qPrintable(QString::number(darkPeak)));
        QCOMPARE(bright.narrow(0, 10, 4).narrow(1, 10, 4).max().item<float>(), 0.0f); // nothing where the dark blob is
    }
    QVERIFY_THROWS_EXCEPTION(Error, gradCam(net, "no_such_layer", image, torch::tensor({0})));
}

void TestAttribution::lrpConservesRelevance_data()
{
    QTest::addColumn<int>("rule");
    QTest::newRow("epsilon") << int(LrpRule::Kind::Epsilon);
    QTest::newRow("gamma") << int(LrpRule::Kind::Gamma);
    QTest::newRow("z-plus") << int(LrpRule::Kind::ZPlus);
}

void TestAttribution::lrpConservesRelevance()
{
    QFETCH(int, rule);
    // Bias-free, so no relevance is absorbed: what reaches the input is exactly the score.
    torch::nn::Sequential net(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 8, 3).padding(1).bias(false)), torch::nn::ReLU(),
                              torch::nn::MaxPool2d(2), torch::nn::Conv2d(torch::nn::Conv2dOptions(8, 8, 3).bias(false)),
                              torch::nn::ReLU(), torch::nn::Flatten(), torch::nn::Linear(torch::nn::LinearOptions(8 * 2 * 2, 5).bias(false)));
    const torch::Tensor x = torch::rand({3, 3, 8, 8});
    // Explain a class with a positive score for each sample (relevance of a negative logit is
    // conserved too, but the z+ rule is defined for positive evidence).
    torch::Tensor scores;
    {
        torch::NoGradGuard noGrad;
        scores = net->forward(x);
    }
    const torch::Tensor targets = scores.argmax(1);
    const LrpRule chosen = rule == int(LrpRule::Kind::Epsilon) ? LrpRule::eps(1e-9)
                           : rule == int(LrpRule::Kind::Gamma) ? LrpRule::withGamma(0.25)
                                                               : LrpRule::zPlus();
    const LrpResult result = lrpSequential(net, x, targets, [&](std::size_t layer) { return layer == 6 ? LrpRule::eps(1e-9) : chosen; });
    QCOMPARE(result.relevance.sizes(), x.sizes());
    const double worst = (result.conservationError / result.explainedScore.abs()).max().item<double>();
    QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
    QCOMPARE(result.layerRelevance.size(), std::size_t(8));
}

void TestAttribution::lrpOfOneLinearLayerIsGradientTimesInput()
{
    torch::nn::Sequential net(torch::nn::Linear(torch::nn::LinearOptions(6, 3).bias(false)));
    const torch::Tensor x = torch::randn({2, 6});
    const torch::Tensor targets = torch::tensor({1, 2});
    const LrpResult lrp = lrpSequential(net, x, targets, [](std::size_t) { return LrpRule::eps(1e-12); });
    const torch::Tensor gxi = gradientTimesInput([&net](const torch::Tensor &t) { return net->forward(t); }, x, targets);
    QVERIFY(near(lrp.relevance, gxi, 1e-5));
    torch::nn::Sequential unsupported(torch::nn::Linear(6, 3), torch::nn::Sigmoid());
    QVERIFY_THROWS_EXCEPTION(Error, lrpSequential(unsupported, x, targets, [](std::size_t) { return LrpRule::eps(); }));
}

void TestAttribution::deletionAndInsertionRankAPerfectMapAboveARandomOne()
{
    const LinearModel model{torch::randn({1, 1, 12, 12})};
    const torch::Tensor x = torch::rand({1, 1, 12, 12});
    const torch::Tensor perfect = (model.weights[0][0] * x[0][0]);
    const torch::Tensor random = torch::rand({12, 12});
    FaithfulnessOptions options;
    options.steps = 24;
    options.batchSize = 7;
    const FaithfulnessCurve deletePerfect = deletionCurve(model, x, 0, perfect, options);
    const FaithfulnessCurve deleteRandom = deletionCurve(model, x, 0, random, options);
    QCOMPARE(deletePerfect.score.size(), std::size_t(25));
    QVERIFY(std::abs(deletePerfect.score.front() - model(x)[0][0].item<double>()) < 1e-5);
    QVERIFY(std::abs(deletePerfect.score.back()) < 1e-5); // everything deleted
    QVERIFY2(deletePerfect.area < deleteRandom.area, qPrintable(QStringLiteral("%1 vs %2").arg(deletePerfect.area).arg(deleteRandom.area)));
    const FaithfulnessCurve insertPerfect = insertionCurve(model, x, 0, perfect, options);
    const FaithfulnessCurve insertRandom = insertionCurve(model, x, 0, random, options);
    QVERIFY(insertPerfect.area > insertRandom.area);
    QVERIFY_THROWS_EXCEPTION(Error, deletionCurve(model, x, 0, torch::rand({5, 5}), options));
}

void TestAttribution::giniIndexKnownCases()
{
    QVERIFY(std::abs(giniIndex(torch::ones({100}))) < 1e-12);
    QVERIFY(std::abs(giniIndex(torch::zeros({10}).index_fill_(0, torch::tensor({3}), 5.0)) - 0.9) < 1e-12); // 1 - 1/n
    QVERIFY(giniIndex(torch::tensor({1.0, 2.0, 3.0, 10.0})) > giniIndex(torch::tensor({3.0, 4.0, 4.0, 5.0})));
    QCOMPARE(giniIndex(torch::zeros({4})), 0.0);
}

QTEST_GUILESS_MAIN(TestAttribution)
#include "tst_attribution.moc"
