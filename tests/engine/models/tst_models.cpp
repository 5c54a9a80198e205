// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/attribution/Attribution.h"
#include "engine/core/errors/Error.h"
#include "engine/core/models/BenchmarkModels.h"
#include "engine/core/models/ResNet.h"
#include "engine/core/models/VisionTransformer.h"
#include "engine/core/precision/PrecisionOps.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <map>

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

// The formula of tests/data/models/make_model_references.py: integers, one division and one
// multiplication in double, one rounding to float, so both sides hold the same bits.
torch::Tensor formula(std::int64_t count, std::int64_t k)
{
    std::vector<double> values(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        values[std::size_t(i)] = double((i * 7919 + k * 104729) % 2001 - 1000) / 1000.0;
    return torch::tensor(values, torch::kDouble);
}

torch::Tensor formulaValue(const std::string &name, const torch::Tensor &like, std::int64_t k)
{
    const torch::Tensor u = formula(like.numel(), k);
    const std::string leaf = name.substr(name.rfind('.') + 1);
    torch::Tensor value;
    if (leaf == "weight" && like.dim() >= 2)
        value = u / std::sqrt(double(like.numel() / like.size(0)));
    else if (leaf == "weight" || leaf == "running_var")
        value = 1.0 + u / 4.0;
    else
        value = u / 8.0;
    return value.to(torch::kFloat).reshape(like.sizes());
}

// Fills `module` from the reference's parameter list (names and shapes must be exactly
// torchvision's or timm's, nothing missing and nothing extra) and returns why not, or "".
std::string fillFromReference(torch::nn::Module &module, const QJsonArray &parameters)
{
    std::map<std::string, torch::Tensor> ours;
    for (const auto &p : module.named_parameters())
        ours[p.key()] = p.value();
    for (const auto &b : module.named_buffers())
        if (b.key().find("num_batches_tracked") == std::string::npos)
            ours[b.key()] = b.value();
    if (ours.size() != std::size_t(parameters.size()))
        return "the model has " + std::to_string(ours.size()) + " tensors, the reference " + std::to_string(parameters.size());
    torch::NoGradGuard noGrad;
    for (const QJsonValue &entry : parameters) {
        const std::string name = entry[QLatin1String("name")].toString().toStdString();
        const auto it = ours.find(name);
        if (it == ours.end())
            return "no tensor named " + name;
        std::vector<std::int64_t> shape;
        for (const QJsonValue &d : entry[QLatin1String("shape")].toArray())
            shape.push_back(d.toInteger());
        if (it->second.sizes().vec() != shape)
            return name + " has another shape";
        it->second.copy_(formulaValue(name, it->second, entry[QLatin1String("index")].toInteger()));
    }
    return {};
}
} // namespace

class TestModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resnetMatchesTorchvision();
    void resnetAndVitComputeWhatTorchvisionAndTimmCompute();
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

void TestModels::resnetAndVitComputeWhatTorchvisionAndTimmCompute()
{
    // tests/data/models/model_references.json: torchvision's BasicBlock and Bottleneck ResNets
    // (one block per stage, full width) and timm's ViT (56 px, 14 px patches, D 64, 2 blocks,
    // layer scale), filled by a formula on both sides and run by Python in float64. Ours runs in
    // float32; tolerance 1e-4 of the output's scale: a float32 multiply-add rounds to 2^-24
    // relative, the longest dot product here has 4,608 terms (3 x 3 x 512), whose rounding grows
    // as sqrt(n) in practice (Higham 2.8: 68 x 6e-8 = 4e-6 relative per layer), and about a
    // dozen layers in series with BatchNorm and residual sums of similar size: 5e-5, rounded up.
    QFile file(QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/models/model_references.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject models = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("models")).toObject();
    QCOMPARE(models.size(), 3);
    const std::vector<std::pair<QString, std::shared_ptr<torch::nn::Module>>> ours = {
        {QStringLiteral("resnet_basic_1111"), ResNet(ResNetConfig{false, {1, 1, 1, 1}, 5}).ptr()},
        {QStringLiteral("resnet_bottleneck_1111"), ResNet(ResNetConfig{true, {1, 1, 1, 1}, 5}).ptr()},
        {QStringLiteral("vit_56_14_d64"), VisionTransformer(VitConfig{56, 14, 3, 64, 2, 4, 2.0, 0, true, 7}).ptr()}};
    for (const auto &[name, module] : ours) {
        const QJsonObject reference = models.value(name).toObject();
        const QByteArray what = name.toUtf8();
        const std::string fillError = fillFromReference(*module, reference.value(QLatin1String("parameters")).toArray());
        QVERIFY2(fillError.empty(), (what + ": " + QByteArray::fromStdString(fillError)).constData());
        std::vector<std::int64_t> inputShape;
        for (const QJsonValue &d : reference.value(QLatin1String("input")).toArray())
            inputShape.push_back(d.toInteger());
        std::int64_t count = 1;
        for (std::int64_t d : inputShape)
            count *= d;
        const torch::Tensor input = formula(count, 0).to(torch::kFloat).reshape(inputShape);
        module->eval();
        torch::NoGradGuard noGrad;
        torch::Tensor output;
        if (auto *resnet = dynamic_cast<ResNetImpl *>(module.get()))
            output = resnet->forward(input);
        else
            output = dynamic_cast<VisionTransformerImpl *>(module.get())->forward(input);
        std::vector<double> expected;
        for (const QJsonValue &v : reference.value(QLatin1String("output")).toArray())
            expected.push_back(v.toDouble());
        const torch::Tensor want = torch::tensor(expected, torch::kDouble);
        QCOMPARE(output.numel(), want.numel());
        const double scale = std::max(1.0, want.abs().max().item<double>());
        const double error = (output.flatten().to(torch::kDouble) - want).abs().max().item<double>();
        qInfo("%s: max error %.2g at output scale %.3g", what.constData(), error, scale);
        QVERIFY2(error <= 1e-4 * scale, qPrintable(QStringLiteral("%1: max error %2 at scale %3").arg(name).arg(error).arg(scale)));
    }
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
