// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/metrics/Hungarian.h"
#include "engine/core/metrics/MetricsOps.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace periscope;

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hungarianEqualsBruteForce();
    void hungarianHandlesRectangularProblems();
    void confusionAndIoU();
    void adjustedRandIndexKnownCases();
    void psnrAndSsimKnownCases();
    void ciede2000MatchesSharmasTestData_data();
    void ciede2000MatchesSharmasTestData();
    void rankingMetricsKnownCases();
    void spearmanHandlesTies();
    void otsuSplitsWhereTheClassesDifferMost();
    void masksAreMatchedByIoU();
};

void TestMetrics::hungarianEqualsBruteForce()
{
    std::mt19937 random(7);
    std::uniform_real_distribution<double> uniform(-5.0, 5.0);
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<double> cost(36);
        for (double &c : cost)
            c = trial % 4 == 0 ? std::round(uniform(random)) : uniform(random); // some with ties
        std::vector<int> permutation(6);
        std::iota(permutation.begin(), permutation.end(), 0);
        double best = std::numeric_limits<double>::infinity();
        do {
            best = std::min(best, assignmentCost(cost, 6, permutation));
        } while (std::next_permutation(permutation.begin(), permutation.end()));
        const std::vector<int> assignment = solveAssignment(cost, 6, 6);
        std::vector<int> sorted = assignment;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5})); // a permutation
        QVERIFY2(std::abs(assignmentCost(cost, 6, assignment) - best) < 1e-9, qPrintable(QString::number(trial)));
    }
}

void TestMetrics::hungarianHandlesRectangularProblems()
{
    // 3 rows, 2 columns: the costliest row is left out.
    const std::vector<double> tall = {1, 9, 9, 1, 5, 5};
    const std::vector<int> a = solveAssignment(tall, 3, 2);
    QCOMPARE(a, (std::vector<int>{0, 1, -1}));
    // 2 rows, 3 columns.
    const std::vector<double> wide = {4, 1, 3, 2, 0, 5};
    const std::vector<int> b = solveAssignment(wide, 2, 3);
    QCOMPARE(assignmentCost(wide, 3, b), 3.0); // row 0 -> col 1 (1) and row 1 -> col 0 (2)
    QVERIFY(solveAssignment({}, 0, 0).empty());
    QVERIFY_THROWS_EXCEPTION(Error, solveAssignment({1, 2, 3}, 2, 2));
    QVERIFY_THROWS_EXCEPTION(Error, solveAssignment({1, std::nan(""), 3, 4}, 2, 2));
}

void TestMetrics::confusionAndIoU()
{
    const torch::Tensor target = torch::tensor({0, 0, 1, 1, 2, 255});
    const torch::Tensor predicted = torch::tensor({0, 1, 1, 1, 0, 2});
    const torch::Tensor confusion = confusionMatrix(predicted, target, 3, 255);
    QVERIFY(torch::equal(confusion, torch::tensor({1, 1, 0, 0, 2, 0, 1, 0, 0}, torch::kLong).reshape({3, 3})));
    const torch::Tensor iou = iouPerClass(confusion);
    QCOMPARE(iou[0].item<double>(), 1.0 / 3.0); // tp 1, fp 1, fn 1
    QCOMPARE(iou[1].item<double>(), 2.0 / 3.0);
    QCOMPARE(iou[2].item<double>(), 0.0);
    QCOMPARE(meanIoU(confusion), 1.0 / 3.0);
    // A class absent from both is not averaged.
    const torch::Tensor absent = confusionMatrix(torch::tensor({0, 1}), torch::tensor({0, 1}), 4);
    QVERIFY(std::isnan(iouPerClass(absent)[3].item<double>()));
    QCOMPARE(meanIoU(absent), 1.0);
    QVERIFY_THROWS_EXCEPTION(Error, confusionMatrix(torch::tensor({5}), torch::tensor({0}), 3));
    QCOMPARE(maskIoU(torch::tensor({1, 1, 0, 0}), torch::tensor({1, 0, 1, 0})), 1.0 / 3.0);
    QCOMPARE(maskIoU(torch::zeros({4}), torch::zeros({4})), 1.0);
}

void TestMetrics::adjustedRandIndexKnownCases()
{
    // Worked by hand from the contingency table (also scikit-learn's documented value): 4/7.
    QVERIFY(std::abs(adjustedRandIndex(torch::tensor({0, 0, 1, 2}), torch::tensor({0, 0, 1, 1})) - 4.0 / 7.0) < 1e-12);
    // Identical up to relabelling.
    QCOMPARE(adjustedRandIndex(torch::tensor({5, 5, 9, 9, 2}), torch::tensor({0, 0, 1, 1, 2})), 1.0);
    // Independent random labelings score near 0.
    torch::manual_seed(0);
    const double random = adjustedRandIndex(torch::randint(0, 5, {20000}), torch::randint(0, 5, {20000}));
    QVERIFY2(std::abs(random) < 0.01, qPrintable(QString::number(random)));
    // FG-ARI ignores the true background: here the prediction is perfect on the objects.
    const torch::Tensor truth = torch::tensor({0, 0, 0, 1, 1, 2, 2});
    const torch::Tensor predicted = torch::tensor({3, 1, 2, 1, 1, 2, 2});
    QCOMPARE(adjustedRandIndex(predicted, truth, true), 1.0);
    QVERIFY(adjustedRandIndex(predicted, truth, false) < 1.0);
}

void TestMetrics::psnrAndSsimKnownCases()
{
    const torch::Tensor zeros = torch::zeros({3, 16, 16}, torch::kDouble);
    QVERIFY(std::abs(psnr(zeros, torch::full({3, 16, 16}, 0.1, torch::kDouble), 1.0) - 20.0) < 1e-9); // MSE 0.01
    QVERIFY(std::isinf(psnr(zeros, zeros)));
    QVERIFY(std::abs(psnr(zeros, torch::full({3, 16, 16}, 25.5, torch::kDouble), 255.0) - 20.0) < 1e-9);

    torch::manual_seed(2);
    const torch::Tensor image = torch::rand({1, 3, 32, 32});
    QVERIFY(std::abs(ssim(image, image) - 1.0) < 1e-12);
    // Two constant images: SSIM is the luminance term alone, (2 mu_a mu_b + C1) / (mu_a^2 + mu_b^2 + C1).
    const double c1 = 1e-4;
    const double expected = (2 * 0.5 * 0.25 + c1) / (0.25 + 0.0625 + c1);
    QVERIFY(std::abs(ssim(torch::full({1, 20, 20}, 0.5), torch::full({1, 20, 20}, 0.25)) - expected) < 1e-9);
    const double noisy = ssim(image, (image + 0.2 * torch::randn_like(image)).clamp(0, 1));
    QVERIFY(noisy < 0.9 && noisy > 0.0);
    // One 11 x 11 window (one SSIM value) in closed form: x = 0.5 + 0.2 s with s = -1 above the
    // middle row, 0 on it, +1 below, so the Gaussian-weighted mean is 0.5 and the variance
    // 0.04 (1 - g5), g5 the middle row's share of the weights; y = 0.6 x + 0.1 has mean 0.4,
    // variance 0.36 of x's and covariance 0.6 of it.
    double weightSum = 0.0;
    for (int k = -5; k <= 5; ++k)
        weightSum += std::exp(-double(k * k) / (2.0 * 1.5 * 1.5));
    const double g5 = 1.0 / weightSum, varX = 0.04 * (1.0 - g5), c2 = 9e-4;
    torch::Tensor x = torch::full({1, 11, 11}, 0.5, torch::kDouble);
    x.narrow(1, 0, 5).sub_(0.2);
    x.narrow(1, 6, 5).add_(0.2);
    const double closedForm = ((2 * 0.5 * 0.4 + c1) * (2 * 0.6 * varX + c2)) / ((0.25 + 0.16 + c1) * (varX + 0.36 * varX + c2));
    QVERIFY2(std::abs(ssim(x, 0.6 * x + 0.1) - closedForm) < 1e-12, qPrintable(QString::number(ssim(x, 0.6 * x + 0.1) - closedForm)));
    QVERIFY_THROWS_EXCEPTION(Error, ssim(torch::zeros({1, 8, 8}), torch::zeros({1, 8, 8})));
}

void TestMetrics::ciede2000MatchesSharmasTestData_data()
{
    QTest::addColumn<QList<double>>("pair");
    QTest::addColumn<double>("expected");
    // Sharma, Wu, Dalal (2005), "The CIEDE2000 color-difference formula", Table 1 (selection).
    QTest::newRow("1") << QList<double>{50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485} << 2.0425;
    QTest::newRow("7") << QList<double>{50.0, 0.0, 0.0, 50.0, -1.0, 2.0} << 2.3669;
    QTest::newRow("13") << QList<double>{50.0, 2.4900, -0.0010, 50.0, -2.4900, 0.0009} << 7.1792;
    QTest::newRow("18") << QList<double>{50.0, 2.5, 0.0, 73.0, 25.0, -18.0} << 27.1492;
    QTest::newRow("25") << QList<double>{60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387} << 1.2644;
    QTest::newRow("26") << QList<double>{63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864} << 1.2630;
}

void TestMetrics::ciede2000MatchesSharmasTestData()
{
    QFETCH(QList<double>, pair);
    QFETCH(double, expected);
    const torch::Tensor a = torch::tensor({pair[0], pair[1], pair[2]}, torch::kDouble).reshape({3, 1, 1});
    const torch::Tensor b = torch::tensor({pair[3], pair[4], pair[5]}, torch::kDouble).reshape({3, 1, 1});
    const double forward = ciede2000(a, b).item<double>();
    const double backward = ciede2000(b, a).item<double>();
    QVERIFY2(std::abs(forward - expected) < 1e-4, qPrintable(QString::number(forward, 'f', 6)));
    QVERIFY(std::abs(forward - backward) < 1e-9);
    QCOMPARE(ciede2000(a, a).item<double>(), 0.0);
}

void TestMetrics::rankingMetricsKnownCases()
{
    // scikit-learn's documented example: AP 0.8333..., ROC AUC 0.75.
    const torch::Tensor scores = torch::tensor({0.1, 0.4, 0.35, 0.8});
    const torch::Tensor labels = torch::tensor({0, 0, 1, 1});
    QVERIFY(std::abs(averagePrecision(scores, labels) - 5.0 / 6.0) < 1e-9);
    QVERIFY(std::abs(rocAuc(scores, labels) - 0.75) < 1e-12);
    QCOMPARE(rocAuc(torch::tensor({0.5, 0.5}), torch::tensor({0, 1})), 0.5); // a tie counts half
    QVERIFY(std::isnan(rocAuc(scores, torch::zeros({4}))));

    const torch::Tensor similarity = torch::tensor({0.9, 0.1, 0.5, 0.2, 0.8, 0.7, 0.3, 0.6, 0.1}).reshape({3, 3});
    const torch::Tensor targets = torch::tensor({0, 2, 1});
    QCOMPARE(recallAtK(similarity, targets, 1), 2.0 / 3.0); // the second query's best match is wrong
    QCOMPARE(recallAtK(similarity, targets, 2), 1.0);
    QCOMPARE(recallAtK(similarity, targets, 10), 1.0);
}

void TestMetrics::spearmanHandlesTies()
{
    // Ranks of b with the tie shared: [1, 2, 3.5, 5, 3.5]; Pearson of the ranks = 8 / sqrt(10 * 9.5),
    // what scipy.stats.spearmanr gives (0.8207826816681233).
    const torch::Tensor a = torch::tensor({1.0, 2.0, 3.0, 4.0, 5.0});
    const torch::Tensor b = torch::tensor({5.0, 6.0, 7.0, 8.0, 7.0});
    QVERIFY(std::abs(spearman(a, b) - 8.0 / std::sqrt(95.0)) < 1e-12);
    QVERIFY(torch::allclose(averageRanks(b), torch::tensor({1.0, 2.0, 3.5, 5.0, 3.5}, torch::kDouble)));
    QCOMPARE(spearman(a, a * a * a), 1.0);  // monotone: 1 whatever the shape
    QCOMPARE(spearman(a, -a), -1.0);
    QVERIFY(std::isnan(spearman(a, torch::ones({5})))); // a constant side has no ranking
    QVERIFY(std::isnan(spearman(torch::ones({1}), torch::ones({1}))));
    QVERIFY_THROWS_EXCEPTION(Error, spearman(a, torch::ones({4})));
}

void TestMetrics::otsuSplitsWhereTheClassesDifferMost()
{
    // Two clusters: the threshold falls between them.
    const torch::Tensor two = torch::cat({torch::full({70}, 0.2), torch::full({30}, 0.8)});
    const double t = otsuThreshold(two);
    QVERIFY(t > 0.2 && t <= 0.8);
    // Three levels 0 (40 %), 0.4 (20 %), 1 (40 %). By hand, w0 w1 (mu0 - mu1)^2 is
    // 0.4 * 0.6 * 0.8^2 = 0.154 splitting after 0, and 0.6 * 0.4 * (1 - 0.133)^2 = 0.180 after 0.4.
    const torch::Tensor three = torch::cat({torch::zeros({40}), torch::full({20}, 0.4), torch::ones({40})});
    const double u = otsuThreshold(three);
    QVERIFY2(u > 0.4 && u <= 1.0, qPrintable(QString::number(u)));
    QCOMPARE(otsuThreshold(torch::full({5}, 0.3, torch::kDouble)), 0.3); // one value: nothing to split
    QVERIFY_THROWS_EXCEPTION(periscope::Error, otsuThreshold(torch::zeros({0})));
}

void TestMetrics::masksAreMatchedByIoU()
{
    // Truth: the left and the right half of a 4 x 4 image. Predictions: the right half exactly,
    // the left column only (IoU 4 / 8), and an empty mask.
    torch::Tensor truth = torch::zeros({2, 4, 4}, torch::kBool);
    truth[0].narrow(1, 0, 2).fill_(true);
    truth[1].narrow(1, 2, 2).fill_(true);
    torch::Tensor predicted = torch::zeros({3, 4, 4}, torch::kBool);
    predicted[0].narrow(1, 2, 2).fill_(true);
    predicted[1].narrow(1, 0, 1).fill_(true);
    const MaskMatching m = matchMasksByIoU(predicted, truth);
    QCOMPARE(m.truthOfPredicted, (std::vector<int>{1, 0, -1}));
    QCOMPARE(m.iou[0], 1.0);
    QCOMPARE(m.iou[1], 0.5);
    QCOMPARE(m.iou[2], 0.0);
    QCOMPARE(m.meanIoU, 0.75);
    QVERIFY_THROWS_EXCEPTION(periscope::Error, matchMasksByIoU(predicted, torch::zeros({2, 3, 3}, torch::kBool)));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
