// SPDX-License-Identifier: GPL-3.0-or-later
// The explanation metrics of docs/explanation-metrics.md on hand-made heatmaps whose values are
// known by hand: a flat map, a one-pixel spike (inside and at a corner), maps inside and outside
// a face box, a constant sequence against a flickering one, empty frames, masks the map matches
// and misses; detection quality on four scored videos; the file readers (safetensors, mask
// images, a mask video, boxes JSON) and their refusals. Every value here is computed in double on
// at most a few thousand numbers: 1e-9 is far above the rounding and far below any real error.
#include "engine/core/errors/Error.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/deepfake/ExplanationFiles.h"
#include "engine/deepfake/ExplanationMetrics.h"
#include "engine/deepfake/ManipulationMasks.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoWriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <fstream>

using namespace periscope;
using namespace periscope::deepfake;

namespace {
constexpr double kTolerance = 1e-9;

bool near(double a, double b, double tolerance = kTolerance)
{
    return std::abs(a - b) <= tolerance;
}

torch::Tensor spikeAt(std::int64_t h, std::int64_t w, std::int64_t y, std::int64_t x, double value = 3.0)
{
    torch::Tensor map = torch::zeros({h, w}, torch::kDouble);
    map[y][x] = value;
    return map;
}
} // namespace

class TestExplanationMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void flatMapIsSmoothAndNotSparse();
    void spikeIsRoughAndSparse();
    void localityCountsPixelCentresInTheBox();
    void temporalSmoothnessComparesConsecutiveFrames();
    void emptyFramesAreExcludedAndCounted();
    void mapsZeroAroundTheFaceScoreAsTheWholeFrame();
    void maskMetricsAgreeWithTheMask();
    void differenceMasksThresholdAndTakeTheMedian();
    void aScorerFedFrameByFrameAgrees();
    void videosAggregateWithIntervals();
    void detectionQualityByHand();
    void badHeatmapsAreRefused();
    void filesAreReadInEveryForm();
    void badFilesGetAReason();
};

void TestExplanationMetrics::flatMapIsSmoothAndNotSparse()
{
    const ExplanationMetrics m = scoreExplanations(torch::full({1, 6, 8}, 0.25), {}, {});
    QCOMPARE(m.frames.size(), std::size_t(1));
    QVERIFY(near(m.frames[0].spatialSmoothness, 1.0));
    QVERIFY(near(m.frames[0].sparsity, 0.0));
    QVERIFY(std::isnan(m.frames[0].locality)); // no box
    QVERIFY(std::isnan(m.frames[0].maskMass)); // no mask
    QCOMPARE(m.summary.spatialSmoothness.n, 1);
    QVERIFY(m.temporalSmoothnessPairs.empty());
}

void TestExplanationMetrics::spikeIsRoughAndSparse()
{
    // Inside: four neighbours differ by the whole mass, TV_s = 4. At a corner: two, TV_s = 2.
    // Negative values elsewhere are not mass (the positive part is taken).
    torch::Tensor interior = spikeAt(5, 7, 2, 3);
    interior[0][0] = -5.0;
    const torch::Tensor maps = torch::stack({interior, spikeAt(5, 7, 0, 0)});
    const ExplanationMetrics m = scoreExplanations(maps, {}, {});
    QVERIFY(near(m.frames[0].spatialSmoothness, 0.0));
    QVERIFY(near(m.frames[1].spatialSmoothness, 0.5));
    for (const FrameExplanationMetrics &f : m.frames)
        QVERIFY2(near(f.sparsity, 1.0 - 1.0 / 35.0), qPrintable(QString::number(f.sparsity, 'g', 17)));
    QVERIFY(near(m.summary.spatialSmoothness.mean, 0.25));
    // Two disjoint spikes: no mass carried over, temporal smoothness 0.
    QCOMPARE(m.temporalSmoothnessPairs.size(), std::size_t(1));
    QVERIFY(near(m.temporalSmoothnessPairs[0], 0.0));

    // Half the mass on each of two pixels of 4: Gini by the formula = 1 - 2 (0.5 * 1.5/4 + 0.5 * 0.5/4) = 0.5.
    torch::Tensor two = torch::zeros({1, 2, 2}, torch::kDouble);
    two[0][0][0] = 1.0;
    two[0][1][1] = 1.0;
    QVERIFY(near(scoreExplanations(two, {}, {}).frames[0].sparsity, 0.5));
}

void TestExplanationMetrics::localityCountsPixelCentresInTheBox()
{
    // 4 x 4 map, each pixel's value its column + 1 (mass 1 + 2 + 3 + 4 = 10 per row, 40 in all).
    const torch::Tensor map = (torch::arange(4, torch::kDouble) + 1.0).repeat({4, 1}).unsqueeze(0);
    auto locality = [&](FaceBox box) { return scoreExplanations(map, {}, {box}).frames[0].locality; };
    QVERIFY(near(locality({0, 0, 4, 4}), 1.0));
    QVERIFY(near(locality({10, 10, 2, 2}), 0.0));
    // Columns 2 and 3 (centres 2.5, 3.5) in the box [1.6, 4): (3 + 4) * 4 / 40.
    QVERIFY(near(locality({1.6, 0, 2.4, 4}), 28.0 / 40.0));
    // The left edge at 2.5 takes column 2 (centre 2.5 >= 2.5); the right edge at 3.5 leaves column 3 out.
    QVERIFY(near(locality({2.5, 0, 1.0, 4}), 12.0 / 40.0));
    // Rows 0 and 1 only: half the mass.
    QVERIFY(near(locality({0, 0, 4, 2}), 0.5));
    // A frame without a face (nullopt) has no locality, and the mean skips it.
    const ExplanationMetrics m = scoreExplanations(torch::cat({map, map}), {}, {FaceBox{0, 0, 4, 2}, std::nullopt});
    QVERIFY(std::isnan(m.frames[1].locality));
    QCOMPARE(m.summary.locality.n, 1);
    QVERIFY(near(m.summary.locality.mean, 0.5));
}

void TestExplanationMetrics::temporalSmoothnessComparesConsecutiveFrames()
{
    const torch::Tensor base = torch::rand({6, 9}, torch::TensorOptions().dtype(torch::kDouble)) + 0.1;
    const ExplanationMetrics constant = scoreExplanations(base.unsqueeze(0).repeat({5, 1, 1}) * 7.0, {}, {});
    QCOMPARE(constant.temporalSmoothnessPairs.size(), std::size_t(4));
    QVERIFY(near(constant.summary.temporalSmoothness.mean, 1.0));
    QVERIFY(near(constant.summary.temporalSmoothness.low, 1.0)); // no spread

    // Flickering between the left and the right half: every pair moves all the mass.
    torch::Tensor left = torch::zeros({4, 6}, torch::kDouble), right = torch::zeros({4, 6}, torch::kDouble);
    left.slice(1, 0, 3).fill_(1.0);
    right.slice(1, 3, 6).fill_(1.0);
    const ExplanationMetrics flicker = scoreExplanations(torch::stack({left, right, left, right}), {}, {});
    QVERIFY(near(flicker.summary.temporalSmoothness.mean, 0.0));
    // A quarter of the mass moving: 1 - (0.25 + 0.25) / 2.
    torch::Tensor shifted = torch::zeros({4, 6}, torch::kDouble);
    shifted.slice(1, 1, 4).fill_(1.0);
    QVERIFY(near(scoreExplanations(torch::stack({left, shifted}), {}, {}).temporalSmoothnessPairs[0], 1.0 - 2.0 / 3.0 / 2.0));
}

// The scorer looks only at the rectangle around a frame's positive values and counts the zeros
// around it. Here the same definitions are computed over every pixel, by brute force, on maps whose
// positive blob moves, changes size and touches the frame's edge between frames, with negative
// values around it (not mass, but inside the rectangle or not).
void TestExplanationMetrics::mapsZeroAroundTheFaceScoreAsTheWholeFrame()
{
    torch::manual_seed(7);
    const std::int64_t h = 30, w = 50;
    auto blob = [&](std::int64_t y0, std::int64_t y1, std::int64_t x0, std::int64_t x1) {
        torch::Tensor map = torch::zeros({h, w}, torch::kDouble);
        map.slice(0, y0, y1).slice(1, x0, x1).copy_(torch::rand({y1 - y0, x1 - x0}, torch::kDouble) + 0.05);
        return map;
    };
    torch::Tensor withNegatives = blob(10, 20, 5, 15);
    withNegatives[2][40] = -3.0;
    withNegatives[12][16] = -1.0; // beside the blob, inside its grown rectangle
    const std::vector<torch::Tensor> frames = {blob(0, 8, 0, 12), blob(4, 12, 3, 18), withNegatives, blob(22, 30, 38, 50), blob(1, 29, 1, 49)};
    const torch::Tensor maps = torch::stack(frames);
    const std::vector<std::optional<FaceBox>> boxes = {FaceBox{2, 1, 9, 6}, FaceBox{0, 0, 50, 30}, std::nullopt, FaceBox{40.5, 20, 9, 9},
                                                       FaceBox{10, 10, 5, 5}};
    torch::Tensor masks = torch::zeros({5, h, w}, torch::kByte);
    masks[1].slice(0, 5, 9).slice(1, 10, 30).fill_(1); // partly outside the blob
    masks[4].slice(0, 0, 3).fill_(1);                   // on the blob's border and the zeros beyond it
    masks[3].slice(0, 24, 27).slice(1, 40, 45).fill_(1); // small, inside the blob: its top k is inside too
    masks[0].slice(0, 20, 30).fill_(1);                  // only where the map is zero
    const ExplanationMetrics m = scoreExplanations(maps, masks, boxes);

    std::vector<torch::Tensor> unit;
    for (std::size_t t = 0; t < frames.size(); ++t) {
        const torch::Tensor positive = frames[t].clamp_min(0.0);
        const torch::Tensor p = positive / positive.sum();
        unit.push_back(p);
        const FrameExplanationMetrics &f = m.frames[t];
        const double tv = (p.slice(1, 1) - p.slice(1, 0, w - 1)).abs().sum().item<double>() +
                          (p.slice(0, 1) - p.slice(0, 0, h - 1)).abs().sum().item<double>();
        QVERIFY2(near(f.spatialSmoothness, 1.0 - tv / 4.0), qPrintable(QString("frame %1").arg(t)));
        const torch::Tensor sorted = std::get<0>(p.flatten().sort());
        const torch::Tensor k = torch::arange(1, h * w + 1, torch::kDouble);
        QVERIFY(near(f.sparsity, 1.0 - 2.0 * (sorted * (double(h * w) - k + 0.5) / double(h * w)).sum().item<double>()));
        if (boxes[t]) {
            double inside = 0.0;
            for (std::int64_t y = 0; y < h; ++y)
                for (std::int64_t x = 0; x < w; ++x)
                    if (x + 0.5 >= boxes[t]->left && x + 0.5 < boxes[t]->left + boxes[t]->width && y + 0.5 >= boxes[t]->top &&
                        y + 0.5 < boxes[t]->top + boxes[t]->height)
                        inside += p[y][x].item<double>();
            QVERIFY(near(f.locality, inside));
        }
        if (masks[std::int64_t(t)].any().item<bool>()) {
            const torch::Tensor mask = masks[std::int64_t(t)].to(torch::kBool);
            QVERIFY(near(f.maskMass, p.masked_select(mask).sum().item<double>()));
            // ROC AUC by counting pairs (ties half), the zeros around the blob included.
            const torch::Tensor pos = p.masked_select(mask), neg = p.masked_select(~mask);
            const torch::Tensor greater = (pos.unsqueeze(1) > neg.unsqueeze(0)).to(torch::kDouble);
            const torch::Tensor equal = (pos.unsqueeze(1) == neg.unsqueeze(0)).to(torch::kDouble);
            const double auc = (greater.sum() + 0.5 * equal.sum()).item<double>() / double(pos.numel() * neg.numel());
            QVERIFY2(near(f.maskAuc, auc), qPrintable(QString("%1 against %2").arg(f.maskAuc).arg(auc)));
            // Top k by value, ties in the frame's row-major order, by a stable sort of every pixel.
            const std::int64_t k = mask.sum().item<std::int64_t>();
            const torch::Tensor order = std::get<1>(p.flatten().sort(true, 0, true));
            const double inter = mask.flatten().index({order.slice(0, 0, k)}).sum().item<double>();
            QVERIFY2(near(f.maskTopKIoU, inter / (2.0 * double(k) - inter)), qPrintable(QString("frame %1").arg(t)));
        }
    }
    QCOMPARE(m.temporalSmoothnessPairs.size(), std::size_t(4));
    for (std::size_t t = 1; t < unit.size(); ++t)
        QVERIFY(near(m.temporalSmoothnessPairs[t - 1], 1.0 - (unit[t] - unit[t - 1]).abs().sum().item<double>() / 2.0));
}

void TestExplanationMetrics::emptyFramesAreExcludedAndCounted()
{
    const torch::Tensor full = torch::ones({3, 3}, torch::kDouble);
    const ExplanationMetrics m =
        scoreExplanations(torch::stack({full, torch::zeros({3, 3}, torch::kDouble), -full, full}), {}, {}, {10, 11, 12, 13});
    QCOMPARE(m.emptyFrames, 2);
    QVERIFY(m.frames[1].empty && m.frames[2].empty);
    QCOMPARE(m.frames[2].frame, std::int64_t(12));
    QCOMPARE(m.summary.spatialSmoothness.n, 2);
    QVERIFY(m.temporalSmoothnessPairs.empty()); // no two consecutive non-empty frames
    const json::Value json = m.toJson();
    QCOMPARE(json.find("empty_frames")->asNumber(), 2.0);
    QVERIFY(json.find("per_frame")->asArray()[1].find("sparsity")->isNull()); // NaN is written as null
}

void TestExplanationMetrics::maskMetricsAgreeWithTheMask()
{
    torch::Tensor mask = torch::zeros({1, 4, 5}, torch::kByte);
    mask[0].slice(0, 1, 3).slice(1, 1, 4).fill_(1); // 6 pixels
    const torch::Tensor matching = mask.to(torch::kDouble) * 5.0;
    ExplanationMetrics m = scoreExplanations(matching, mask, {});
    QVERIFY(near(m.frames[0].maskMass, 1.0));
    QVERIFY(near(m.frames[0].maskAuc, 1.0));
    QVERIFY(near(m.frames[0].maskTopKIoU, 1.0));
    m = scoreExplanations(1.0 - mask.to(torch::kDouble), mask, {});
    QVERIFY(near(m.frames[0].maskMass, 0.0));
    QVERIFY(near(m.frames[0].maskAuc, 0.0));
    QVERIFY(near(m.frames[0].maskTopKIoU, 0.0));

    // By hand: a 1 x 4 frame, values 4 3 2 1, mask on pixels 1 and 3 (values 3 and 1).
    // Mass 4/10; AUC: positives {3, 1} against negatives {4, 2}: 3 > 2 only, 1 of 4 pairs;
    // the top 2 pixels are 0 and 1, one of them masked: IoU 1 / 3.
    const torch::Tensor values = torch::tensor({4.0, 3.0, 2.0, 1.0}, torch::kDouble).view({1, 1, 4});
    const torch::Tensor twoMasked = torch::tensor({0, 1, 0, 1}, torch::kByte).view({1, 1, 4});
    m = scoreExplanations(values, twoMasked, {});
    QVERIFY(near(m.frames[0].maskMass, 0.4));
    QVERIFY(near(m.frames[0].maskAuc, 0.25));
    QVERIFY(near(m.frames[0].maskTopKIoU, 1.0 / 3.0));
    // Ties: a flat map has AUC 0.5 and takes the first k pixels in row-major order.
    m = scoreExplanations(torch::ones({1, 1, 4}, torch::kDouble), twoMasked, {});
    QVERIFY(near(m.frames[0].maskAuc, 0.5));
    QVERIFY(near(m.frames[0].maskTopKIoU, 1.0 / 3.0));
    // A frame whose mask is empty has no mask metrics (a real frame of a fake video).
    m = scoreExplanations(torch::ones({2, 1, 4}, torch::kDouble), torch::cat({twoMasked, torch::zeros({1, 1, 4}, torch::kByte)}), {});
    QVERIFY(std::isnan(m.frames[1].maskMass));
    QCOMPARE(m.summary.maskMass.n, 1);
}

void TestExplanationMetrics::videosAggregateWithIntervals()
{
    // Sparsity 0 (flat) in one video and 1 - 1/4 (a spike in 2 x 2) in the other.
    const ExplanationMetrics flat = scoreExplanations(torch::ones({1, 2, 2}, torch::kDouble), {}, {});
    const ExplanationMetrics spike = scoreExplanations(spikeAt(2, 2, 0, 0).unsqueeze(0), {}, {});
    const FolderExplanationMetrics folder = aggregateVideos({flat, spike});
    QCOMPARE(folder.videos, 2);
    QCOMPARE(folder.summary.sparsity.n, 2);
    QVERIFY(near(folder.summary.sparsity.mean, 0.375));
    // sd = 0.75 / sqrt(2); half width = t(1) * sd / sqrt(2) = 12.706 * 0.375.
    QVERIFY(near(folder.summary.sparsity.high - folder.summary.sparsity.mean, 12.706 * 0.375, 1e-12));
    QCOMPARE(folder.summary.locality.n, 0); // no boxes anywhere
    QVERIFY(folder.toJson().find("metrics")->find("locality")->find("mean")->isNull());
}

void TestExplanationMetrics::detectionQualityByHand()
{
    // Scores 0.9 (fake), 0.8 (real), 0.3 (fake), 0.1 (real). AUC: 3 of 4 fake-real pairs ordered.
    // AP: precision 1 at recall 1/2, 2/3 at recall 1 -> (1 + 2/3) / 2.
    const DetectionQuality q = detectionQuality({0.9, 0.8, 0.3, 0.1}, {true, false, true, false});
    QCOMPARE(q.videos, 4);
    QCOMPARE(q.fakes, 2);
    QVERIFY(near(q.rocAuc, 0.75));
    QVERIFY(near(q.averagePrecision, 5.0 / 6.0));
    QVERIFY(near(q.logLoss, -(std::log(0.9) + std::log(0.2) + std::log(0.3) + std::log(0.9)) / 4.0));
    // Fakes only: AUC is undefined, AP is 1 (every video found is a fake), the loss is defined with
    // a certain wrong answer clipped; real videos only: AP is undefined too.
    const DetectionQuality oneClass = detectionQuality({0.0, 1.0}, {true, true});
    QVERIFY(std::isnan(oneClass.rocAuc));
    QVERIFY(near(oneClass.averagePrecision, 1.0));
    QVERIFY(std::isnan(detectionQuality({0.2}, {false}).averagePrecision));
    QVERIFY(near(oneClass.logLoss, -(std::log(1e-7) + std::log(1.0 - 1e-7)) / 2.0));
    QVERIFY_THROWS_EXCEPTION(Error, detectionQuality({1.5}, {true}));
    QVERIFY_THROWS_EXCEPTION(Error, detectionQuality({0.5}, {true, false}));
}

void TestExplanationMetrics::badHeatmapsAreRefused()
{
    torch::Tensor nan = torch::ones({2, 3, 3}, torch::kDouble);
    nan[1][1][1] = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(Error, scoreExplanations(nan, {}, {}));
    QVERIFY_THROWS_EXCEPTION(Error, scoreExplanations(torch::ones({3, 3}), {}, {}));
    QVERIFY_THROWS_EXCEPTION(Error, scoreExplanations(torch::ones({0, 3, 3}), {}, {}));
    QVERIFY_THROWS_EXCEPTION(Error, scoreExplanations(torch::ones({2, 3, 3}), torch::ones({2, 3, 4}), {}));
    QVERIFY_THROWS_EXCEPTION(Error, scoreExplanations(torch::ones({2, 3, 3}), {}, {FaceBox{}}));
    QVERIFY_THROWS_EXCEPTION(Error, scoreExplanations(torch::ones({2, 3, 3}), {}, {}, {1, 2, 3}));
}

void TestExplanationMetrics::filesAreReadInEveryForm()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    // Three 32 x 48 frames (video frames 4, 5, 6): each heatmap is its mask, a 16 x 16 square.
    const std::int64_t h = 32, w = 48;
    torch::Tensor masks = torch::zeros({3, h, w}, torch::kByte);
    for (int i = 0; i < 3; ++i)
        masks[i].slice(0, 8, 24).slice(1, 8 + 8 * i, 24 + 8 * i).fill_(1);
    const std::string heatmaps = root + "/h.safetensors";
    writeSafetensors(heatmaps, {{"heatmaps", masks.to(torch::kFloat) * 2.0f}, {"frames", torch::tensor({4, 5, 6}, torch::kLong)}});
    writeSafetensors(root + "/m.safetensors", {{"masks", masks}});
    // The same masks as the 7 frames of a folder of PNGs and of a video (frames 4..6 hold them).
    std::filesystem::create_directories(root + "/masks");
    const std::unique_ptr<media::VideoWriter> video = media::VideoWriter::create(root + "/masks.mkv", int(w), int(h));
    for (int frame = 0; frame < 7; ++frame) {
        Image image(int(w), int(h), 3, PixelFormat::UInt8);
        if (frame >= 4)
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x)
                    for (int c = 0; c < 3; ++c)
                        image.setSample(x, y, c, masks[frame - 4][y][x].item<int>() ? 255.0f : 0.0f);
        media::writeImage(root + "/masks/" + std::to_string(frame) + ".png", image);
        video->write(image);
    }
    video->finish();
    {
        std::ofstream boxes(root + "/b.json");
        boxes << R"({"frames": [{"index": 4, "face_box": [8, 8, 16, 16]}, {"index": 5, "face_box": null}, {"index": 6, "face_box": [0, 0, 48, 16]}]})";
    }
    for (const std::string &maskFile : {root + "/m.safetensors", root + "/masks", root + "/masks.mkv"}) {
        ExplanationFiles files;
        files.heatmaps = heatmaps;
        files.masks = maskFile;
        files.boxes = root + "/b.json";
        const json::Value out = scoreExplanationFiles(files);
        QCOMPARE(out.find("frames")->asNumber(), 3.0);
        const json::Value &metrics = *out.find("metrics");
        // A lossy video blurs the square's edge a little: within 5 % of the exact value.
        const double tolerance = maskFile.size() > 4 && maskFile.substr(maskFile.size() - 4) == ".mkv" ? 0.05 : kTolerance;
        QVERIFY2(near(metrics.find("mask_mass")->find("mean")->asNumber(), 1.0, tolerance), maskFile.c_str());
        QVERIFY2(near(metrics.find("mask_top_k_iou")->find("mean")->asNumber(), 1.0, tolerance), maskFile.c_str());
        // Frame 4's box is its square; frame 6's box holds its top half; frame 5 has no face.
        QCOMPARE(metrics.find("locality")->find("n")->asNumber(), 2.0);
        QVERIFY(near(metrics.find("locality")->find("mean")->asNumber(), (1.0 + 0.5) / 2.0));
        QCOMPARE(out.find("per_frame")->asArray()[2].find("frame")->asNumber(), 6.0);
    }
}

void TestExplanationMetrics::badFilesGetAReason()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    auto reason = [](const ExplanationFiles &files) {
        try {
            scoreExplanationFiles(files);
        } catch (const Error &e) {
            return std::string(e.what());
        }
        return std::string();
    };
    writeSafetensors(root + "/no-heatmaps.safetensors", {{"weights", torch::ones({2})}});
    writeSafetensors(root + "/flat.safetensors", {{"heatmaps", torch::ones({4, 4})}});
    writeSafetensors(root + "/h.safetensors", {{"heatmaps", torch::ones({2, 4, 4})}});
    writeSafetensors(root + "/frames.safetensors", {{"heatmaps", torch::ones({2, 4, 4})}, {"frames", torch::tensor({1, 2, 3})}});
    writeSafetensors(root + "/m.safetensors", {{"masks", torch::ones({2, 4, 5})}});
    { std::ofstream(root + "/b.json") << R"({"frames": [{"index": 0, "face_box": [1, 2, 3]}]})"; }
    ExplanationFiles files;
    files.heatmaps = root + "/no-heatmaps.safetensors";
    QVERIFY(reason(files).find("no tensor named \"heatmaps\"") != std::string::npos);
    files.heatmaps = root + "/flat.safetensors";
    QVERIFY(reason(files).find("[T, H, W]") != std::string::npos);
    files.heatmaps = root + "/frames.safetensors";
    QVERIFY(reason(files).find("3 indices for 2 heatmaps") != std::string::npos);
    files.heatmaps = root + "/h.safetensors";
    files.masks = root + "/m.safetensors";
    QVERIFY(reason(files).find("shape") != std::string::npos);
    files.masks = root + "/empty-folder";
    std::filesystem::create_directories(files.masks);
    QVERIFY(reason(files).find("has no mask for frame 0") != std::string::npos);
    files.masks.clear();
    files.boxes = root + "/b.json";
    QVERIFY(reason(files).find("[left, top, width, height]") != std::string::npos);
    files.boxes = root + "/missing.json";
    QVERIFY(!reason(files).empty());
}

QTEST_GUILESS_MAIN(TestExplanationMetrics)
// DFDC's masks from the difference of a fake and its original: a pixel is on where the largest
// channel difference exceeds the threshold (equal is not), and the median filter, checked against
// a brute-force median of each window (sorted values, the middle one, for the frame's inside
// where windows are whole), keeps a solid square and drops isolated noise.
void TestExplanationMetrics::differenceMasksThresholdAndTakeTheMedian()
{
    const int w = 40, h = 30;
    Image original(w, h, 3, PixelFormat::UInt8), fake(w, h, 3, PixelFormat::UInt8);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
                original.setSample(x, y, c, float((x * 5 + y * 3 + c * 40) % 200));
                fake.setSample(x, y, c, original.sample(x, y, c));
            }
    // A 10 x 8 square changed in green by 30; a lone pixel by 100; a pixel changed by exactly 25.
    for (int y = 10; y < 18; ++y)
        for (int x = 12; x < 22; ++x)
            fake.setSample(x, y, 1, original.sample(x, y, 1) + 30.0f);
    fake.setSample(30, 5, 0, original.sample(30, 5, 0) + 100.0f);
    fake.setSample(5, 25, 2, original.sample(5, 25, 2) + 25.0f);

    const Image raw = differenceMask(fake, original, {25, 1});
    int on = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            on += raw.row(y)[x] ? 1 : 0;
    QCOMPARE(on, 80 + 1); // the square and the lone pixel; the difference of exactly 25 is not over it
    QCOMPARE(int(raw.row(5)[30]), 255);

    const Image filtered = differenceMask(fake, original, {25, 5});
    QCOMPARE(int(filtered.row(5)[30]), 0); // alone in its window
    for (int y = 2; y < h - 2; ++y)
        for (int x = 2; x < w - 2; ++x) {
            std::vector<int> window;
            for (int dy = -2; dy <= 2; ++dy)
                for (int dx = -2; dx <= 2; ++dx)
                    window.push_back(raw.row(y + dy)[x + dx]);
            std::sort(window.begin(), window.end());
            QCOMPARE(int(filtered.row(y)[x]), window[12]);
        }
    QCOMPARE(int(filtered.row(13)[16]), 255); // the square's inside stays

    QVERIFY_THROWS_EXCEPTION(Error, differenceMask(fake, original, {25, 4})); // even window
    QVERIFY_THROWS_EXCEPTION(Error, differenceMask(fake, Image(w, h + 1, 3, PixelFormat::UInt8), {}));
    const Image binary = binaryMask(fake);
    QCOMPARE(binary.channels(), 1);
}

// ExplanationScorer a frame at a time gives what scoreExplanations gives on the stack, and a
// break in the sequence drops the pair across it.
void TestExplanationMetrics::aScorerFedFrameByFrameAgrees()
{
    torch::manual_seed(3);
    const torch::Tensor maps = torch::rand({4, 12, 10}) - 0.2;
    torch::Tensor masks = torch::zeros({4, 12, 10}, torch::kUInt8);
    masks.index_put_({2, torch::indexing::Slice(0, 6)}, 1);
    const std::vector<std::optional<FaceBox>> boxes{FaceBox{1, 1, 5, 5}, std::nullopt, FaceBox{2, 2, 6, 6}, FaceBox{0, 0, 10, 12}};
    const ExplanationMetrics together = scoreExplanations(maps, masks, boxes, {10, 11, 12, 13});
    ExplanationScorer scorer;
    for (int i = 0; i < 4; ++i)
        scorer.add(10 + i, maps[i], masks[i], boxes[std::size_t(i)]);
    const ExplanationMetrics alone = scorer.finish();
    QCOMPARE(alone.temporalSmoothnessPairs, together.temporalSmoothnessPairs);
    QCOMPARE(alone.summary.maskAuc.mean, together.summary.maskAuc.mean);
    QCOMPARE(alone.summary.locality.mean, together.summary.locality.mean);
    QCOMPARE(alone.frames[3].frame, std::int64_t(13));

    ExplanationScorer broken;
    for (int i = 0; i < 4; ++i) {
        if (i == 2)
            broken.breakSequence();
        broken.add(10 + i, maps[i], torch::Tensor(), std::nullopt);
    }
    QCOMPARE(broken.finish().temporalSmoothnessPairs.size(), std::size_t(2));
    QVERIFY_THROWS_EXCEPTION(Error, broken.add(20, maps[0], torch::zeros({3, 3}), std::nullopt));
}

#include "tst_explanationmetrics.moc"
