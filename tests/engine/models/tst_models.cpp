// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/attribution/Attribution.h"
#include "engine/core/errors/Error.h"
#include "engine/core/models/BenchmarkModels.h"
#include "engine/core/models/ResNet.h"
#include "engine/core/models/VisionTransformer.h"
#include "engine/core/precision/PrecisionOps.h"

#include <QTest>

using namespace periscope;

namespace {
std::int64_t parameterCount(torch::nn::Module &module)
{
    std::int64_t count = 0;
    for (const auto &p : module.parameters())
        count += p.numel();
    return count;
}

std::vector<std::int64_t> shapeOf(torch::nn::Module &module, const std::string &name)
{
    for (const auto &p : module.named_parameters())
        if (p.key() == name)
            return p.value().sizes().vec();
    for (const auto &b : module.named_buffers())
        if (b.key() == name)
            return b.value().sizes().vec();
    return {};
}
} // namespace

class TestModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resnetMatchesTorchvision();
    void resnetExposesActivationsForGradCam();
    void vitMatchesTimmAndDinov2Names();
    void vitRunsAndChecksItsInput();
    void vitFusedAttentionIsTheWrittenOutFormula();
    void flopCountsMatchPublishedFigures();
    void benchmarkModelsAreRegistered();
};

void TestModels::resnetMatchesTorchvision()
{
    ResNet r50(ResNetConfig::resnet50());
    QCOMPARE(parameterCount(*r50), std::int64_t(25557032)); // torchvision's resnet50
    QCOMPARE(shapeOf(*r50, "layer1.0.downsample.0.weight"), (std::vector<std::int64_t>{256, 64, 1, 1}));
    QCOMPARE(shapeOf(*r50, "layer3.5.conv2.weight"), (std::vector<std::int64_t>{256, 256, 3, 3}));
    QCOMPARE(shapeOf(*r50, "layer4.2.bn3.running_var"), (std::vector<std::int64_t>{2048}));
    QCOMPARE(shapeOf(*r50, "fc.weight"), (std::vector<std::int64_t>{1000, 2048}));
    ResNet r18(ResNetConfig::resnet18());
    QCOMPARE(parameterCount(*r18), std::int64_t(11689512)); // torchvision's resnet18
    QCOMPARE(shapeOf(*r18, "layer2.0.downsample.1.weight"), (std::vector<std::int64_t>{128}));
    QVERIFY(shapeOf(*r18, "layer1.0.downsample.0.weight").empty());
}

void TestModels::resnetExposesActivationsForGradCam()
{
    ResNet net(ResNetConfig{false, {1, 1, 1, 1}, 5});
    net->eval();
    const torch::Tensor x = torch::rand({2, 3, 64, 64});
    const auto [scores, activation] = net->forwardWithActivation(x, "layer4");
    QCOMPARE(scores.sizes().vec(), (std::vector<std::int64_t>{2, 5}));
    QCOMPARE(activation.sizes().vec(), (std::vector<std::int64_t>{2, 512, 2, 2}));
    const torch::Tensor cam = gradCam([&net](const torch::Tensor &in, const std::string &layer) { return net->forwardWithActivation(in, layer); },
                                      "layer3", x, torch::tensor({0, 4}));
    QCOMPARE(cam.sizes().vec(), (std::vector<std::int64_t>{2, 4, 4}));
}

void TestModels::vitMatchesTimmAndDinov2Names()
{
    VitConfig config = VitConfig::base14();
    config.classes = 1000;
    VisionTransformer vit(config);
    QCOMPARE(shapeOf(*vit, "patch_embed.proj.weight"), (std::vector<std::int64_t>{768, 3, 14, 14}));
    QCOMPARE(shapeOf(*vit, "pos_embed"), (std::vector<std::int64_t>{1, 257, 768}));
    QCOMPARE(shapeOf(*vit, "blocks.11.attn.qkv.weight"), (std::vector<std::int64_t>{2304, 768}));
    QCOMPARE(shapeOf(*vit, "blocks.0.mlp.fc2.weight"), (std::vector<std::int64_t>{768, 3072}));
    QCOMPARE(shapeOf(*vit, "head.weight"), (std::vector<std::int64_t>{1000, 768}));

    VitConfig dino = VitConfig::small14();
    dino.registers = 4;
    dino.layerScale = true;
    VisionTransformer withRegisters(dino);
    QCOMPARE(shapeOf(*withRegisters, "register_tokens"), (std::vector<std::int64_t>{1, 4, 384}));
    QCOMPARE(shapeOf(*withRegisters, "blocks.3.ls2.gamma"), (std::vector<std::int64_t>{384}));
    QCOMPARE(shapeOf(*withRegisters, "pos_embed"), (std::vector<std::int64_t>{1, 257, 384}));
}

void TestModels::vitRunsAndChecksItsInput()
{
    VitConfig config{56, 14, 3, 64, 2, 4, 2.0, 2, true, 7};
    VisionTransformer vit(config);
    const torch::Tensor x = torch::rand({3, 3, 56, 56});
    QCOMPARE(vit->features(x).sizes().vec(), (std::vector<std::int64_t>{3, 1 + 2 + 16, 64}));
    QCOMPARE(vit->forward(x).sizes().vec(), (std::vector<std::int64_t>{3, 7}));
    // The batch does not leak between samples (attention is per image).
    const torch::Tensor alone = vit->forward(x.narrow(0, 1, 1));
    QVERIFY(torch::allclose(alone, vit->forward(x).narrow(0, 1, 1), 1e-5, 1e-5));
    QVERIFY_THROWS_EXCEPTION(Error, vit->forward(torch::rand({1, 3, 64, 64})));
    QVERIFY_THROWS_EXCEPTION(Error, VisionTransformer(VitConfig{224, 14, 3, 100, 1, 3}));
}

void TestModels::flopCountsMatchPublishedFigures()
{
    auto within = [](double value, double expected, double fraction) { return std::abs(value / expected - 1.0) < fraction; };
    QVERIFY(within(ResNetConfig::resnet50().forwardFlops(224) / 2.0, 4.09e9, 0.02));
    QVERIFY(within(ResNetConfig::resnet18().forwardFlops(224) / 2.0, 1.81e9, 0.02));
    VitConfig b16 = VitConfig::base14();
    b16.patchSize = 16;
    QVERIFY2(within(b16.forwardFlops() / 2.0, 17.58e9, 0.03), qPrintable(QString::number(b16.forwardFlops() / 2.0)));
}

void TestModels::vitFusedAttentionIsTheWrittenOutFormula()
{
    // The fused kernel must compute softmax(q k^T / sqrt(d)) v exactly as the formula (what the
    // engine ran before LibTorch 2.x, and what timm writes): only summation order differs, so the
    // outputs agree to a few float32 ulps of their scale.
    torch::manual_seed(21);
    VitAttention attention(64, 4);
    const torch::Tensor x = torch::randn({2, 50, 64}) * 3.0; // peaked scores, far from uniform
    torch::NoGradGuard noGrad;
    const torch::Tensor qkv = attention->qkv->forward(x).reshape({2, 50, 3, 4, 16}).permute({2, 0, 3, 1, 4});
    const torch::Tensor weights = torch::softmax(torch::matmul(qkv[0], qkv[1].transpose(-2, -1)) / 4.0, -1);
    const torch::Tensor expected =
        attention->proj->forward(torch::matmul(weights, qkv[2]).transpose(1, 2).reshape({2, 50, 64}));
    const torch::Tensor actual = attention->forward(x);
    const double scale = expected.abs().max().item<double>();
    const double difference = (actual - expected).abs().max().item<double>();
    QVERIFY2(difference <= 1e-5 * scale, qPrintable(QString::number(difference / scale)));

    // Under CPU bf16 autocast the formula runs as written, in bf16 products: bf16 keeps 8
    // significant bits (relative rounding 2^-9 per operation), so a few such steps stay within 3 %
    // of the scale, while a wrong scaling of the scores would move the output by far more.
    torch::Tensor bf16;
    {
        AutocastScope autocast(torch::Device(torch::kCPU), Precision::Bf16);
        bf16 = attention->forward(x).to(torch::kFloat);
    }
    const double bf16Difference = (bf16 - expected).abs().max().item<double>();
    QVERIFY2(bf16Difference <= 3e-2 * scale, qPrintable(QString::number(bf16Difference / scale)));
}

void TestModels::benchmarkModelsAreRegistered()
{
    std::vector<std::string> names;
    for (const BenchmarkModel &m : benchmarkModels()) {
        names.push_back(m.name);
        QVERIFY(m.forwardFlops > 1e9);
    }
    QCOMPARE(names, (std::vector<std::string>{"resnet50", "vit_b14", "resnet18", "vit_l14_518"}));
    // ViT-L/14 at 518 px: 1,370 tokens through 24 blocks of width 1024. Per block, by hand:
    // qkv 3nd^2 + scores and mix 2n^2 d + proj nd^2 + MLP 8nd^2 multiply-adds.
    const double n = 1370, d = 1024;
    const double perBlock = 3 * n * d * d + 2 * n * n * d + n * d * d + 8 * n * d * d;
    const double macs = 1369 * 3 * 14 * 14 * d + 24 * perBlock + d * 1000;
    QVERIFY(std::abs(benchmarkModels().back().forwardFlops / (2 * macs) - 1.0) < 1e-9);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
