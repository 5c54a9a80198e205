// SPDX-License-Identifier: GPL-3.0-or-later
// The relational network's geometric inputs and the metrics, against hand computation and the
// paper's code: node and edge features of hand-placed boxes (and of the boxes the reference file
// holds, computed there by ws-vrd's own boxes_to_node_features / boxes_to_edge_features);
// RoIAlign against an exact bilinear field and a sample-by-sample loop; recall@K of hand-made
// predictions with known hits; average precision of hand-ranked scores.
#include <torch/torch.h>

#include "engine/core/errors/Error.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/relations/BoxFeatures.h"
#include "engine/relations/RelationMetrics.h"
#include "engine/relations/RelationPrior.h"
#include "engine/relations/RoiAlign.h"

#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::relations;

namespace {

constexpr double kPi = 3.14159265358979323846;

QString referencePath()
{
    return QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/relations/ws_vrd_reference.safetensors");
}

// One bilinear sample of a [C, H, W] map as torchvision's roi_align takes it.
double bilinear(const torch::Tensor &map, int c, double y, double x)
{
    const auto h = map.size(1), w = map.size(2);
    if (y < -1.0 || y > double(h) || x < -1.0 || x > double(w))
        return 0.0;
    y = std::max(y, 0.0);
    x = std::max(x, 0.0);
    auto yl = std::int64_t(y), xl = std::int64_t(x), yh = yl + 1, xh = xl + 1;
    if (yl >= h - 1) {
        yl = yh = h - 1;
        y = double(yl);
    }
    if (xl >= w - 1) {
        xl = xh = w - 1;
        x = double(xl);
    }
    const double ly = y - yl, lx = x - xl;
    auto v = [&](std::int64_t r, std::int64_t col) { return map[c][r][col].item<double>(); };
    return (1 - ly) * (1 - lx) * v(yl, xl) + (1 - ly) * lx * v(yl, xh) + ly * (1 - lx) * v(yh, xl) + ly * lx * v(yh, xh);
}

// RoIAlign written out sample by sample (aligned, adaptive sampling).
double roiAlignAt(const torch::Tensor &map, const Box &b, double scale, int out, int c, int py, int px)
{
    const double x1 = b.x1 * scale - 0.5, y1 = b.y1 * scale - 0.5, w = b.x2 * scale - 0.5 - x1, h = b.y2 * scale - 0.5 - y1;
    const int gy = std::max(1, int(std::ceil(h / out))), gx = std::max(1, int(std::ceil(w / out)));
    double sum = 0.0;
    for (int iy = 0; iy < gy; ++iy)
        for (int ix = 0; ix < gx; ++ix)
            sum += bilinear(map, c, y1 + py * h / out + (iy + 0.5) * h / out / gy, x1 + px * w / out + (ix + 0.5) * w / out / gx);
    return sum / (gy * gx);
}

RelationObject obj(double x1, double y1, double x2, double y2, int category)
{
    return {{x1, y1, x2, y2}, category, 1.0};
}

} // namespace

class TestRelationFeatures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nodeFeaturesByHand();
    void edgeFeaturesByHand();
    void diagonalsAreQuantisedAsInFloat32();
    void humanObjectGraphKeepsEdgesFromHumans();
    void featuresMatchThePapersCode();
    void badBoxesAreRefused();
    void roiAlignOfALinearFieldIsItsValueAtTheBinCentre();
    void roiAlignEqualsSampleBySample();
    void thePriorCountsTripletsByClass();
    void recallAtKOfKnownHits();
    void phraseAndRelationshipNeedTheBoxes();
    void averagePrecisionByHand();
};

void TestRelationFeatures::nodeFeaturesByHand()
{
    const auto f = nodeBoxFeatures({{0, 0, 4, 2}, {10, 10, 11, 14}}, 20, 10);
    QCOMPARE(f[0][0], 0.5);
    QCOMPARE(f[0][1], 2.0);
    QCOMPARE(f[0][2], 8.0 / 200.0);
    QCOMPARE(f[1][0], 4.0);
    QCOMPARE(f[1][1], 0.25);
    QCOMPARE(f[1][2], 4.0 / 200.0);
}

void TestRelationFeatures::edgeFeaturesByHand()
{
    // A and B side by side, C below A and four times its area, D overlapping A; image 10 x 10.
    const std::vector<Box> boxes = {{0, 0, 2, 2}, {4, 0, 6, 2}, {0, 4, 4, 8}, {1, 1, 3, 3}};
    const BoxGraph g = edgeBoxFeatures(boxes, 10, 10);
    QCOMPARE(g.edgeCount(), 12);
    // The paper's order: i major, then j, the diagonal left out.
    const std::vector<int> senders = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3}, receivers = {1, 2, 3, 0, 2, 3, 0, 1, 3, 0, 1, 2};
    QCOMPARE(g.senders, senders);
    QCOMPARE(g.receivers, receivers);
    auto near = [](double a, double b) { return std::abs(a - b) < 1e-12; };
    // A -> B: d = (4, 0), |d| / 10 = 0.4, angle 0; sin(0 - pi/4) < 0: the "bottom" flag (2).
    const std::array<double, 10> ab = {0.4, 0.0, 1.0, 0, 0, 1, 0, 0.0, 1.0, 1.0};
    for (int k = 0; k < 10; ++k)
        QVERIFY2(near(g.features[0][std::size_t(k)], ab[std::size_t(k)]), qPrintable(QString::number(k)));
    // B -> A: angle pi, sin(3 pi / 4) > 0: flag 0 (flags 1 and 3 never set, as in the paper).
    QCOMPARE(g.features[3][3], 1.0);
    QCOMPARE(g.features[3][4] + g.features[3][5] + g.features[3][6], 0.0);
    // A -> C: d = (2, 6) - (1, 1) = (1, 5), areas 4 and 16.
    const double angle = std::atan2(5.0, 1.0);
    QVERIFY(near(g.features[1][0], std::sqrt(26.0) / 10.0));
    QVERIFY(near(g.features[1][1], std::sin(angle)) && near(g.features[1][2], std::cos(angle)));
    QCOMPARE(g.features[1][3], std::sin(angle - kPi / 4) >= 0 ? 1.0 : 0.0);
    QVERIFY(near(g.features[1][8], 0.25) && near(g.features[1][9], 4.0));
    // A -> D: overlap 1 of 4 + 4 - 1.
    QVERIFY(near(g.features[2][7], 1.0 / 7.0));
    QVERIFY(near(g.features[9][7], 1.0 / 7.0));
}

void TestRelationFeatures::diagonalsAreQuantisedAsInFloat32()
{
    // Centres on an exact diagonal: d = (-50, -50), angle -3 pi / 4, and angle - pi/4 = -pi. In
    // float32 that is -3.14159274, whose sine is +8.7e-8: flag 0, as the paper's code gives
    // (its reference holds this pair: image 1, edge 3 -> 1). In double it would be flag 2.
    const BoxGraph g = edgeBoxFeatures({{60, 40, 120, 100}, {100, 100, 180, 140}}, 200, 150);
    QCOMPARE(g.features[1][3], 1.0);
    QCOMPARE(g.features[1][5], 0.0);
}

void TestRelationFeatures::humanObjectGraphKeepsEdgesFromHumans()
{
    const std::vector<Box> boxes = {{0, 0, 2, 2}, {4, 0, 6, 2}, {0, 4, 4, 8}};
    const std::vector<bool> humans = {false, true, false};
    const BoxGraph g = edgeBoxFeatures(boxes, 10, 10, &humans);
    QCOMPARE(g.senders, (std::vector<int>{1, 1}));
    QCOMPARE(g.receivers, (std::vector<int>{0, 2}));
    const BoxGraph all = edgeBoxFeatures(boxes, 10, 10);
    QCOMPARE(g.features[0], all.features[2]); // 1 -> 0 is the third edge of the complete graph
}

void TestRelationFeatures::featuresMatchThePapersCode()
{
    const StateDict ref = readSafetensors(referencePath().toStdString()).tensors;
    const std::vector<std::vector<Box>> images = {{{10, 12, 50, 60}, {40, 30, 100, 80}, {70, 5, 90, 25}},
                                                  {{0, 0, 80, 150}, {60, 40, 120, 100}, {150, 20, 190, 70}, {100, 100, 180, 140}}};
    const int sizes[2][2] = {{120, 90}, {200, 150}}; // height, width as the paper's (h, w)
    for (int i = 0; i < 2; ++i) {
        const std::string prefix = "image" + std::to_string(i) + "_";
        const BoxGraph g = edgeBoxFeatures(images[std::size_t(i)], sizes[i][1], sizes[i][0]);
        const torch::Tensor features = *findTensor(ref, prefix + "edge_features"), indexes = *findTensor(ref, prefix + "edge_indexes");
        QCOMPARE(features.size(0), std::int64_t(g.edgeCount()));
        for (int e = 0; e < g.edgeCount(); ++e) {
            QCOMPARE(indexes[0][e].item<std::int64_t>(), std::int64_t(g.senders[std::size_t(e)]));
            QCOMPARE(indexes[1][e].item<std::int64_t>(), std::int64_t(g.receivers[std::size_t(e)]));
            for (int k = 0; k < 10; ++k) {
                // The paper computes in float32: a few units of 2^-24 of the value (areas up to
                // 1.2e4, ratios up to 40) separate it from our double.
                const double theirs = features[e][k].item<double>(), ours = g.features[std::size_t(e)][std::size_t(k)];
                QVERIFY2(std::abs(theirs - ours) <= 4e-7 * std::max(1.0, std::abs(ours)), qPrintable(QStringLiteral("%1 %2: %3 vs %4").arg(e).arg(k).arg(theirs).arg(ours)));
            }
        }
        const auto nodes = nodeBoxFeatures(images[std::size_t(i)], sizes[i][1], sizes[i][0]);
        const torch::Tensor theirs = *findTensor(ref, prefix + "node_box_features");
        for (std::size_t n = 0; n < nodes.size(); ++n)
            for (int k = 0; k < 3; ++k)
                QVERIFY(std::abs(theirs[std::int64_t(n)][k].item<double>() - nodes[n][std::size_t(k)]) <= 4e-7 * std::max(1.0, nodes[n][std::size_t(k)]));
    }
}

void TestRelationFeatures::badBoxesAreRefused()
{
    QVERIFY_THROWS_EXCEPTION(Error, nodeBoxFeatures({{0, 0, 0, 5}}, 10, 10));
    QVERIFY_THROWS_EXCEPTION(Error, edgeBoxFeatures({{0, 0, NAN, 5}, {0, 0, 1, 1}}, 10, 10));
    QVERIFY_THROWS_EXCEPTION(Error, edgeBoxFeatures({{0, 0, 1, 1}}, 0, 10));
    const std::vector<bool> wrong = {true};
    QVERIFY_THROWS_EXCEPTION(Error, edgeBoxFeatures({{0, 0, 1, 1}, {1, 1, 2, 2}}, 10, 10, &wrong));
    QVERIFY_THROWS_EXCEPTION(Error, roiAlign(torch::zeros({2, 4}), {{0, 0, 1, 1}}, 1.0));
    QVERIFY_THROWS_EXCEPTION(Error, roiAlign(torch::zeros({2, 4, 4}), {{0, 0, INFINITY, 1}}, 1.0));
}

void TestRelationFeatures::roiAlignOfALinearFieldIsItsValueAtTheBinCentre()
{
    // Bilinear interpolation reproduces a linear field exactly, and each bin's samples are
    // symmetric about its centre: a bin's value is the field at the centre, while every sample
    // stays inside the map. Field f(y, x) = 3 + 0.5 x - 0.25 y on a 32 x 40 map; scale 1/4.
    const torch::Tensor ys = torch::arange(32, torch::kDouble).view({32, 1}).expand({32, 40});
    const torch::Tensor xs = torch::arange(40, torch::kDouble).view({1, 40}).expand({32, 40});
    const torch::Tensor map = torch::stack({3 + 0.5 * xs - 0.25 * ys, -xs + 2 * ys}).to(torch::kFloat);
    const std::vector<Box> boxes = {{20, 16, 100, 90}, {8, 8, 30, 12}, {60, 40, 150, 120}};
    const torch::Tensor pooled = roiAlign(map, boxes, 0.25, 7);
    QCOMPARE(pooled.sizes(), (c10::IntArrayRef{3, 2, 7, 7}));
    for (std::size_t b = 0; b < boxes.size(); ++b) {
        const double x1 = boxes[b].x1 * 0.25 - 0.5, y1 = boxes[b].y1 * 0.25 - 0.5;
        const double bw = boxes[b].width() * 0.25 / 7, bh = boxes[b].height() * 0.25 / 7;
        for (int py = 0; py < 7; ++py)
            for (int px = 0; px < 7; ++px) {
                const double x = x1 + (px + 0.5) * bw, y = y1 + (py + 0.5) * bh;
                // float32 map values below 100: their rounding and the weights' (2^-24 each)
                // stay under 1e-4.
                QVERIFY(std::abs(pooled[std::int64_t(b)][0][py][px].item<double>() - (3 + 0.5 * x - 0.25 * y)) < 1e-4);
                QVERIFY(std::abs(pooled[std::int64_t(b)][1][py][px].item<double>() - (-x + 2 * y)) < 1e-4);
            }
    }
}

void TestRelationFeatures::roiAlignEqualsSampleBySample()
{
    // A random map and boxes that reach past its edges (samples clamped, or 0 beyond a pixel).
    torch::manual_seed(3);
    const torch::Tensor map = torch::randn({3, 9, 11}, torch::kDouble);
    const std::vector<Box> boxes = {{-6, -3, 20, 15}, {0.3, 0.7, 5.2, 3.9}, {30, 25, 48, 41}, {2, 2, 2.5, 2.5}};
    const double scale = 0.5;
    const torch::Tensor pooled = roiAlign(map, boxes, scale, 3);
    for (std::size_t b = 0; b < boxes.size(); ++b)
        for (int c = 0; c < 3; ++c)
            for (int py = 0; py < 3; ++py)
                for (int px = 0; px < 3; ++px) {
                    // Weights are float32 in the engine (2^-24 relative) on values below 5.
                    const double expected = roiAlignAt(map, boxes[b], scale, 3, c, py, px);
                    QVERIFY2(std::abs(pooled[std::int64_t(b)][c][py][px].item<double>() - expected) < 1e-6,
                             qPrintable(QStringLiteral("box %1 channel %2 bin %3,%4").arg(b).arg(c).arg(py).arg(px)));
                }
    // The gradient reaches the map.
    const torch::Tensor leaf = map.clone().requires_grad_(true);
    roiAlign(leaf, boxes, scale, 3).sum().backward();
    QVERIFY(leaf.grad().abs().sum().item<double>() > 0.0);
}

void TestRelationFeatures::thePriorCountsTripletsByClass()
{
    // Two images over classes {a, b}, predicates {on, near}: a-on-b twice, b-on-a once, a-near-a once.
    RelationDataset data;
    data.objectClasses = {"a", "b"};
    data.predicateClasses = {"on", "near"};
    RelationImage one;
    one.truthObjects = {obj(0, 0, 10, 10, 0), obj(20, 0, 30, 10, 1), obj(0, 20, 10, 30, 0)};
    one.truth = {{0, 0, 1, 0}, {2, 0, 1, 0}, {1, 0, 0, 0}, {0, 1, 2, 0}};
    RelationImage two;
    two.truthObjects = {obj(0, 0, 10, 10, 7)}; // a class the table does not have: skipped
    two.truth = {{0, 0, 0, 0}};
    data.images = {one, two};
    const TripletPrior given = countTripletPrior(data, PriorKind::SubjectObjectGivenPredicate);
    QCOMPARE(given.triplets, 4);
    QCOMPARE(given.at(0, 0, 1), 2.0 / 3.0); // P(a, b | on)
    QCOMPARE(given.at(1, 0, 0), 1.0 / 3.0);
    QCOMPARE(given.at(0, 1, 0), 1.0);       // P(a, a | near)
    QCOMPARE(given.at(1, 1, 1), 0.0);
    QCOMPARE(given.at(7, 0, 0), 0.0);       // outside the table
    const TripletPrior joint = countTripletPrior(data, PriorKind::Joint);
    QCOMPARE(joint.at(0, 0, 1), 0.5);
    QCOMPARE(joint.at(0, 1, 0), 0.25);
    QCOMPARE(parsePriorKind("s,p,o"), PriorKind::Joint);
    QCOMPARE(priorKindName(PriorKind::SubjectObjectGivenPredicate), std::string("s,o|p"));
    data.images.pop_back();
    data.images.front().truth.clear();
    QVERIFY_THROWS_EXCEPTION(periscope::Error, countTripletPrior(data, PriorKind::Joint));
}

void TestRelationFeatures::recallAtKOfKnownHits()
{
    // Image 1: truths (0 on 1) and (2 near 0). The prediction at rank 1 recalls the first;
    // the second is found at rank 3. Image 2: one truth never predicted. Image 3: no truth,
    // left out of the mean.
    RelationPredictions one;
    one.objects = one.truthObjects = {obj(0, 0, 10, 10, 0), obj(20, 0, 30, 10, 1), obj(0, 20, 10, 30, 2)};
    one.truth = {{0, 0, 1, 0}, {2, 2, 0, 0}};
    one.ranked = {{1, 0, 0, 0.9}, {0, 0, 1, 0.8}, {0, 2, 2, 0.7}, {2, 2, 0, 0.6}};
    RelationPredictions two;
    two.objects = two.truthObjects = {obj(0, 0, 10, 10, 0), obj(20, 0, 30, 10, 1)};
    two.truth = {{0, 1, 1, 0}};
    two.ranked = {{0, 0, 1, 0.5}, {1, 1, 0, 0.4}};
    RelationPredictions three = two;
    three.truth.clear();
    QCOMPARE(firstMatchRanks(one, MatchMode::Predicate), (std::vector<int>{1, 3}));
    QCOMPARE(matchingPredictions(one, MatchMode::Predicate), (std::vector<bool>{false, true, false, true}));
    QCOMPARE(matchingPredictions(three, MatchMode::Predicate), (std::vector<bool>{false, false})); // no truth: no hit
    const RecallTable r = recallAt({one, two, three}, MatchMode::Predicate, {1, 2, 4});
    QCOMPARE(r.images, 2);
    QCOMPARE(r.recall, (std::vector<double>{0.0, 0.25, 0.5})); // image 1: 0, 1/2, 1; image 2: 0, 0, 0
    QCOMPARE(r.perPredicate.at(0), (std::vector<double>{0.0, 1.0, 1.0}));
    QCOMPARE(r.perPredicate.at(2), (std::vector<double>{0.0, 0.0, 1.0}));
    QCOMPARE(r.perPredicate.at(1), (std::vector<double>{0.0, 0.0, 0.0}));
}

void TestRelationFeatures::phraseAndRelationshipNeedTheBoxes()
{
    // The predicted subject box is shifted: IoU with the truth 1/3 (10 x 10 boxes, 5 px apart),
    // its union box with the object still overlaps the true union by more than half.
    RelationPredictions image;
    image.truthObjects = {obj(0, 0, 10, 10, 0), obj(30, 0, 40, 10, 1)};
    image.objects = {obj(5, 0, 15, 10, 0), obj(30, 0, 40, 10, 1)};
    image.truth = {{0, 3, 1, 0}};
    image.ranked = {{0, 3, 1, 1.0}};
    QCOMPARE(firstMatchRanks(image, MatchMode::Predicate), std::vector<int>{0});
    QCOMPARE(firstMatchRanks(image, MatchMode::Phrase), std::vector<int>{0}); // unions 35 x 10 and 40 x 10: IoU 0.875
    QCOMPARE(firstMatchRanks(image, MatchMode::Relationship), std::vector<int>{-1});
    image.objects[0] = obj(1, 0, 11, 10, 0); // IoU 9/11
    QCOMPARE(firstMatchRanks(image, MatchMode::Relationship), std::vector<int>{0});
    image.objects[1].category = 0; // the wrong object class matches nothing
    QCOMPARE(firstMatchRanks(image, MatchMode::Predicate), std::vector<int>{-1});
    image.ranked = {{0, 3, 5, 1.0}};
    QVERIFY_THROWS_EXCEPTION(Error, firstMatchRanks(image, MatchMode::Predicate));
}

void TestRelationFeatures::averagePrecisionByHand()
{
    // Class 0: scores 0.9 (+), 0.8 (-), 0.7 (+), 0.1 (-): AP = 1/2 x 1 + 1/2 x 2/3 = 5/6.
    // Class 1: tied 0.5 (+) and 0.5 (-), then 0.2 (+), 0.1 (-): thresholds 0.5 (R 1/2, P 1/2) and
    // 0.2 (R 1, P 2/3): AP = 1/4 + 1/3 = 7/12. Class 2 has no positive: NaN, out of the mean.
    const std::vector<std::vector<double>> scores = {{0.9, 0.5, 0.3}, {0.8, 0.5, 0.2}, {0.7, 0.2, 0.1}, {0.1, 0.1, 0.9}};
    const std::vector<std::vector<int>> labels = {{1, 1, 0}, {0, 0, 0}, {1, 1, 0}, {0, 0, 0}};
    const PredicateAveragePrecision ap = predicateAveragePrecision(scores, labels);
    QVERIFY(std::abs(ap.perClass[0] - 5.0 / 6.0) < 1e-12);
    QVERIFY(std::abs(ap.perClass[1] - 7.0 / 12.0) < 1e-12);
    QVERIFY(std::isnan(ap.perClass[2]));
    QVERIFY(std::abs(ap.mean - (5.0 / 6.0 + 7.0 / 12.0) / 2.0) < 1e-12);
}

QTEST_GUILESS_MAIN(TestRelationFeatures)
#include "tst_relationfeatures.moc"
