// SPDX-License-Identifier: GPL-3.0-or-later
// Our MViT-v2 against torchvision's (tests/data/deepfake/make_mvit_reference.py): a tiny one with
// every parameter random, built as mvit_v2_s is, loads strictly by torchvision's names and
// reproduces its logits on a fixed clip whose width makes the relative tables interpolate; the
// full mvit_v2_s has torchvision's every tensor name and shape and its parameter count. Attention
// rollout: the pooling spread by hand, a one-block trace whose answer is known, and the real
// network's rollout keeping mass. Tolerance: float32 sums of at most a few hundred products per
// output through five blocks of attention differ from another kernel's order by a few 1e-7
// relative per layer; the reference's logits are of order 1, so 1e-4 is far above rounding and
// far below any wiring fault (one wrong table row moves a logit by more than 1e-2).
#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"
#include "engine/core/models/Architectures.h"
#include "engine/core/models/MViT.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "tests/engine/ErrorReason.h"
#include "tests/engine/models/TorchvisionShapes.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QTest>


using namespace periscope;
using periscope::testing::reasonOf;

namespace {
const std::string kData = PERISCOPE_SOURCE_DIR "/tests/data/deepfake/";

torch::Tensor named(const StateDict &tensors, const std::string &name)
{
    for (const auto &[key, tensor] : tensors)
        if (key == name)
            return tensor;
    return {};
}

// The reference's network: five blocks over a 4 x 32 x 24 clip, three classes.
MViTConfig tinyConfig()
{
    MViTConfig c;
    c.frames = 4;
    c.height = 32;
    c.width = 24;
    c.classes = 3;
    const auto block = MViTBlockSetting::of;
    c.blocks = {block(1, 8, 8, {1, 1, 1}, {1, 4, 4}), block(2, 8, 16, {1, 2, 2}, {1, 2, 2}), block(2, 16, 16, {1, 1, 1}, {1, 2, 2}),
                block(2, 16, 32, {1, 2, 2}, {1, 1, 1}), block(4, 32, 32, {1, 1, 1}, {1, 1, 1})};
    return c;
}

} // namespace

class TestMViT : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reproducesTorchvisionOutputs();
    void v2SHasTorchvisionsNamesAndShapes();
    void refusesAClipOfAnotherSize();
    void poolingSpreadByHand();
    void rolloutOfAOneBlockTraceByHand();
    void rolloutKeepsMassAndFollowsTheInput();
    void forwardRunsAClipModelFromFiles();
};

void TestMViT::reproducesTorchvisionOutputs()
{
    MViT model(tinyConfig());
    const LoadReport report = applyStateDict(*model, loadStateDict(kData + "mvit_tiny.pt"), /*strict=*/true);
    QVERIFY2(report.isComplete(), report.summary().c_str());
    model->eval();
    const StateDict io = loadStateDict(kData + "mvit_tiny_io.pt");
    const torch::Tensor input = named(io, "input"), output = named(io, "output");
    QVERIFY(input.defined() && output.defined());
    torch::NoGradGuard noGrad;
    const torch::Tensor logits = model->forward(input);
    QCOMPARE(logits.sizes().vec(), output.sizes().vec());
    const double error = (logits - output).abs().max().item<double>();
    qInfo("largest difference to torchvision's logits: %.2e (logits up to %.2f)", error, output.abs().max().item<double>());
    QVERIFY2(error < 1e-4, qPrintable(QString::number(error)));
    // The traced pass is the same computation.
    const MViTTrace trace = model->forwardTraced(input, true);
    QVERIFY(torch::equal(trace.logits, logits));
    QCOMPARE(trace.attention.size(), std::size_t(5));
    QCOMPARE(trace.tokenGrid, (Extent3{2, 2, 2}));
    QCOMPARE(trace.tokens.sizes().vec(), (std::vector<std::int64_t>{2, 1 + 8, 32}));
}

void TestMViT::v2SHasTorchvisionsNamesAndShapes()
{
    const json::Value reference = testing::readJsonFile(kData + "mvit_v2_s_shapes.json");
    const testing::TensorShapes expected = testing::referenceShapes(reference);
    MViT model(MViTConfig::v2S());
    testing::TensorShapes ours = testing::shapesOf(*model);
    QCOMPARE(ours.size(), expected.size());
    for (const auto &[name, shape] : expected) {
        QVERIFY2(ours.count(name), name.c_str());
        QVERIFY2(ours[name] == shape, name.c_str());
    }
    std::int64_t parameters = 0;
    for (const torch::Tensor &p : model->parameters())
        parameters += p.numel();
    QCOMPARE(parameters, std::int64_t(reference.find("parameters")->asNumber()));
}

void TestMViT::refusesAClipOfAnotherSize()
{
    MViT model(MViTConfig::v2Mini());
    const std::string tooShort = reasonOf([&] { model->forward(torch::zeros({1, 3, 6, 112, 112})); });
    QVERIFY2(tooShort.find("8 frames of 112 x 112, not 6 frames") != std::string::npos, tooShort.c_str());
    QVERIFY(reasonOf([&] { model->forward(torch::zeros({1, 3, 112, 112})); }).find("[N, 3, T, H, W]") != std::string::npos);
    QVERIFY(reasonOf([] { MViTConfig::named("mvit_v1_b", 1); }).find("mvit_v2_s or mvit_v2_mini") != std::string::npos);
}

void TestMViT::poolingSpreadByHand()
{
    // 5 positions pooled by a window of 3, stride 2, padding 1 into 3: windows {0,1}, {1,2,3}, {3,4}.
    const torch::Tensor spread = poolingSpread(3, 5, 3, 2, 1);
    const torch::Tensor expected = torch::tensor({0.5f, 0.5f, 0.f, 0.f, 0.f, 0.f, 1 / 3.f, 1 / 3.f, 1 / 3.f, 0.f, 0.f, 0.f, 0.f, 0.5f, 0.5f}).reshape({3, 5});
    QVERIFY(torch::allclose(spread, expected));
    QVERIFY(torch::equal(poolingSpread(4, 4, 1, 1, 0), torch::eye(4)));
}

void TestMViT::rolloutOfAOneBlockTraceByHand()
{
    // One block on a 1 x 2 x 2 patch grid of a 2 x 8 x 8 clip, no pooling. The class token gives
    // all its attention to patch 3 (t 0, y 1, x 1): half the relevance goes there, half stays on
    // the class token through the residual. Patch 3's half spreads over its convolution window
    // (pixels y, x in 1..7 of frames 0..1): nothing anywhere else.
    MViTConfig config;
    config.frames = 2;
    config.height = config.width = 8;
    MViTTrace trace;
    MViTBlockAttention a;
    a.inputGrid = a.queryGrid = a.keyGrid = {1, 2, 2};
    a.weights = torch::full({1, 5, 5}, 0.2f);
    a.weights[0][0] = torch::tensor({0.f, 0.f, 0.f, 0.f, 1.f});
    trace.attention.push_back(a);
    const torch::Tensor map = mvitAttentionRollout(trace, config);
    QCOMPARE(map.sizes().vec(), (std::vector<std::int64_t>{1, 2, 8, 8}));
    QVERIFY(std::abs(map.sum().item<double>() - 0.5) < 1e-6);
    using torch::indexing::Slice;
    QVERIFY(std::abs(map.index({0, Slice(), Slice(1, 8), Slice(1, 8)}).sum().item<double>() - 0.5) < 1e-6);
    QCOMPARE(map.index({0, Slice(), 0, Slice()}).abs().sum().item<double>(), 0.0);
    QVERIFY(std::abs(map[0][0][4][4].item<double>() - 0.5 / (2 * 7 * 7)) < 1e-7); // evenly
}

void TestMViT::rolloutKeepsMassAndFollowsTheInput()
{
    MViT model(tinyConfig());
    QVERIFY(applyStateDict(*model, loadStateDict(kData + "mvit_tiny.pt"), true).isComplete());
    model->eval();
    const torch::Tensor input = named(loadStateDict(kData + "mvit_tiny_io.pt"), "input");
    torch::NoGradGuard noGrad;
    const MViTConfig config = tinyConfig();
    const torch::Tensor map = mvitAttentionRollout(model->forwardTraced(input, true), config);
    QCOMPARE(map.sizes().vec(), (std::vector<std::int64_t>{2, 4, 32, 24}));
    QVERIFY(map.min().item<double>() >= 0.0);
    // Every step keeps the total; what is not on pixels stayed on the class token, whose share
    // is at least the residual's half at each of the five blocks: (1/2)^5.
    for (std::int64_t i = 0; i < 2; ++i) {
        const double mass = map[i].sum().item<double>();
        QVERIFY2(mass > 0.0 && mass <= 1.0 - std::pow(0.5, 5) + 1e-6, qPrintable(QString::number(mass)));
    }
    // Different clips attend differently.
    QVERIFY(!torch::allclose(map[0], map[1]));
}

void TestMViT::forwardRunsAClipModelFromFiles()
{
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    torch::manual_seed(5);
    MViT model(MViTConfig::v2Mini(2));
    model->eval();
    writeSafetensors(root + "/mini.safetensors", stateDictOf(*model));
    const torch::Tensor input = torch::randn({1, 3, 8, 112, 112});
    writeSafetensors(root + "/x.safetensors", {{"input", input}});
    runForward({"mvit_v2_mini", root + "/mini.safetensors", root + "/x.safetensors", root + "/y.safetensors"});
    const torch::Tensor output = named(readSafetensors(root + "/y.safetensors").tensors, "output");
    torch::NoGradGuard noGrad;
    QVERIFY(torch::equal(output, model->forward(input)));
    QCOMPARE(output.size(1), 2);
    // The mini network's weights are not mvit_v2_s's; an image is not a clip; a clip of the wrong size.
    QVERIFY(reasonOf([&] { runForward({"mvit_v2_s", root + "/mini.safetensors", root + "/x.safetensors", root + "/z.safetensors"}); })
                .find("does not fit") != std::string::npos);
    writeSafetensors(root + "/image.safetensors", {{"input", torch::randn({1, 3, 112, 112})}});
    QVERIFY(reasonOf([&] { runForward({"mvit_v2_mini", root + "/mini.safetensors", root + "/image.safetensors", root + "/z.safetensors"}); })
                .find("clips [N, 3, T, H, W]") != std::string::npos);
    writeSafetensors(root + "/short.safetensors", {{"input", torch::randn({1, 3, 4, 112, 112})}});
    QVERIFY(reasonOf([&] { runForward({"mvit_v2_mini", root + "/mini.safetensors", root + "/short.safetensors", root + "/z.safetensors"}); })
                .find("8 frames of 112 x 112") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestMViT)
#include "tst_mvit.moc"
