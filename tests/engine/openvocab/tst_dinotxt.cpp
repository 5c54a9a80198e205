// SPDX-License-Identifier: GPL-3.0-or-later
// dino.txt's towers against the paper's code: small DINOv2 backbones, a vision head and a text
// encoder built and run by facebookresearch/dinov2 itself (tests/data/openvocab, made by
// make_dinotxt_reference.py), saved with torch.save under the released files' key names. They
// load strictly, their sizes are read from the tensors, and the outputs agree. The position
// embedding's resampling is also checked against a case computed by hand.
#include <torch/torch.h>

#include "engine/core/errors/Error.h"
#include "engine/core/models/VisionTransformer.h"
#include "engine/core/precision/PrecisionOps.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/openvocab/DinoTxtNets.h"
#include "tests/engine/ErrorReason.h"

#include <QTest>

using namespace periscope;
using namespace periscope::openvocab;
using periscope::testing::reasonOf;

namespace {
std::string dataPath(const char *name)
{
    return std::string(PERISCOPE_SOURCE_DIR "/tests/data/openvocab/") + name;
}

const StateDict &reference()
{
    static const StateDict tensors = readSafetensors(dataPath("dinotxt_reference.safetensors")).tensors;
    return tensors;
}

torch::Tensor referenceTensor(const char *name)
{
    const torch::Tensor *t = findTensor(reference(), name);
    if (!t)
        throw Error(std::string("the reference has no ") + name);
    return *t;
}

template <typename Module>
void loadStrictly(Module &module, const StateDict &weights)
{
    const LoadReport report = applyStateDict(*module, weights, /*strict=*/false);
    QVERIFY2(report.isComplete(), report.summary().c_str());
    module->eval();
}

// Both sides run the same float32 operations in possibly different summation orders (fused
// attention, blocked matrix products): each rounding is 2^-24 relative, a product of width K
// accumulates at most K of them, and the values pass through LayerNorms that keep them O(1).
// Over three blocks of width 128-384 that bounds the difference far below 1e-4 of the output's
// scale, while a wrong scale, norm or token order moves it by more than 1e-2.
void compareToScale(const torch::Tensor &actual, const torch::Tensor &expected, const char *what)
{
    QCOMPARE(actual.sizes().vec(), expected.sizes().vec());
    const double scale = expected.abs().max().item<double>();
    const double difference = (actual - expected).abs().max().item<double>();
    QVERIFY2(difference <= 1e-4 * scale, qPrintable(QStringLiteral("%1: %2 of %3").arg(QLatin1String(what)).arg(difference).arg(scale)));
}

// PyTorch's antialiased bicubic kernel (a = -0.5), as its _upsample_bicubic2d_aa evaluates it.
double cubic(double x)
{
    constexpr double a = -0.5;
    x = std::abs(x);
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
    if (x < 2.0)
        return (((x - 5.0) * x + 8.0) * x - 4.0) * a;
    return 0.0;
}
} // namespace

class TestDinoTxt : public QObject {
    Q_OBJECT
private slots:
    void releasedNamesLoadStrictly();
    void visionTowerMatchesThePapersCode();
    void backboneWithoutRegistersMatches();
    void textTowerMatchesThePapersCode();
    void positionsResampleAsComputedByHand();
    void causalAttentionLooksOnlyBack();
    void refusesInputsItCannotRun();
};

void TestDinoTxt::releasedNamesLoadStrictly()
{
    const StateDict backbone = loadStateDict(dataPath("dinov2_reg_backbone.pth"));
    const VitConfig vit = dinoV2Config(backbone, "", "backbone");
    QCOMPARE(vit.dim, 128);
    QCOMPARE(vit.heads, 2);
    QCOMPARE(vit.depth, 2);
    QCOMPARE(vit.registers, 2);
    QCOMPARE(vit.imageSize, 56);
    QVERIFY(vit.layerScale && vit.maskToken && vit.interpolateAntialias);
    QCOMPARE(vit.interpolateOffset, 0.0);
    VisionTransformer net(vit);
    loadStrictly(net, backbone);

    const StateDict headWeights = loadStateDict(dataPath("dinotxt_vision_head.pth"));
    const VisionHeadConfig head = visionHeadConfig(headWeights, "head");
    QCOMPARE(head.blocks, 2);
    QCOMPARE(head.hidden, alignedSwiGluHidden(4 * 128, 64)); // 341 rounded up to 384, as DINOv2 aligns
    QCOMPARE(head.hidden, 384);
    QCOMPARE(head.embeddingWidth(), 256);
    VisionHead headNet(head);
    loadStrictly(headNet, headWeights);
    QCOMPARE(alignedSwiGluHidden(4 * 1024, 64), 2752); // the released ViT-L head's width

    const StateDict textWeights = loadStateDict(dataPath("dinotxt_text_encoder.pth"));
    const TextConfig text = textConfig(textWeights, "text");
    QCOMPARE(text.vocabulary, 64);
    QCOMPARE(text.context, 16);
    QCOMPARE(text.layers, 2);
    QCOMPARE(text.heads, 2);
    QCOMPARE(text.projection, 256);
    QCOMPARE(text.embeddingWidth(), head.embeddingWidth());
    TextTower textNet(text);
    loadStrictly(textNet, textWeights);

    // One tensor too many, or one missing, is not a fit.
    StateDict extra = headWeights;
    extra.emplace_back("block_list.0.attn.qkv.bias", torch::zeros({384}));
    QVERIFY(!applyStateDict(*headNet, extra, false).isComplete());
    QVERIFY(reasonOf([&] { visionHeadConfig(textWeights, "text.pth"); }).find("text.pth is not a dino.txt vision head") != std::string::npos);
    QVERIFY(reasonOf([&] { textConfig(headWeights, "head.pth"); }).find("head.pth is not a dino.txt text encoder") != std::string::npos);
    QVERIFY(reasonOf([&] { dinoV2Config(textWeights, "", "text.pth"); }).find("text.pth is not a DINOv2 ViT") != std::string::npos);
}

void TestDinoTxt::visionTowerMatchesThePapersCode()
{
    const StateDict backboneWeights = loadStateDict(dataPath("dinov2_reg_backbone.pth"));
    VisionTransformer backbone(dinoV2Config(backboneWeights, "", "backbone"));
    loadStrictly(backbone, backboneWeights);
    const StateDict headWeights = loadStateDict(dataPath("dinotxt_vision_head.pth"));
    VisionHead head(visionHeadConfig(headWeights, "head"));
    loadStrictly(head, headWeights);
    torch::NoGradGuard noGrad;
    // 70 x 84 is a 5 x 6 grid: the 4 x 4 position embedding is resampled.
    const VisionOutputs out = runVisionTower(*backbone, *head, referenceTensor("images"));
    QCOMPARE(out.rows, 5);
    QCOMPARE(out.cols, 6);
    compareToScale(out.cls, referenceTensor("cls"), "cls");
    compareToScale(out.patchTokens, referenceTensor("patch_tokens"), "patch tokens");
    compareToScale(out.imageEmbedding, referenceTensor("image_embedding"), "image embedding");
    // At the trained size the stored embedding is used as it is.
    compareToScale(runVisionTower(*backbone, *head, referenceTensor("square_images")).imageEmbedding, referenceTensor("square_image_embedding"),
                   "square image embedding");
}

void TestDinoTxt::backboneWithoutRegistersMatches()
{
    const StateDict weights = loadStateDict(dataPath("dinov2_backbone.pth"));
    const VitConfig config = dinoV2Config(weights, "", "plain");
    QCOMPARE(config.registers, 0);
    QVERIFY(!config.layerScale && !config.interpolateAntialias);
    QCOMPARE(config.interpolateOffset, 0.1);
    QCOMPARE(config.heads, 1);
    VisionTransformer backbone(config);
    loadStrictly(backbone, weights);
    torch::NoGradGuard noGrad;
    // 56 x 70 is a 4 x 5 grid from the stored 3 x 3, with DINOv2's 0.1 offset in the scale.
    compareToScale(backbone->features(referenceTensor("plain_images")), referenceTensor("plain_tokens"), "plain tokens");
}

void TestDinoTxt::textTowerMatchesThePapersCode()
{
    const StateDict weights = loadStateDict(dataPath("dinotxt_text_encoder.pth"));
    TextTower text(textConfig(weights, "text"));
    loadStrictly(text, weights);
    torch::NoGradGuard noGrad;
    const torch::Tensor ids = referenceTensor("token_ids");
    compareToScale(text->forward(ids), referenceTensor("text_embedding"), "text embedding");
    // Causal: what follows the end token (padding) cannot change the embedding pooled there.
    torch::Tensor changed = ids.clone();
    changed.index_put_({0, torch::indexing::Slice(5, torch::indexing::None)}, 7);
    compareToScale(text->forward(changed).select(0, 0), text->forward(ids).select(0, 0), "embedding with other padding");
}

void TestDinoTxt::positionsResampleAsComputedByHand()
{
    // A 2 x 2 grid resampled to 3 x 3 with antialiasing (the register models): output i samples
    // around centre (i + 0.5) * 2/3 with the a = -0.5 cubic, its taps cut at the border and the
    // weights normalised to sum to one.
    VitConfig config{28, 14, 3, 64, 1, 1, 1.0, 1, false, 0};
    config.interpolatePositions = true;
    config.interpolateOffset = 0.0;
    config.interpolateAntialias = true;
    VisionTransformer vit(config);
    const double grid[2][2] = {{1.0, -2.0}, {3.0, 0.5}};
    torch::NoGradGuard noGrad;
    vit->pos_embed.zero_();
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c)
            vit->pos_embed[0][1 + 2 * r + c].fill_(grid[r][c]);
    vit->pos_embed[0][0].fill_(9.0);
    double weights[3][2];
    for (int i = 0; i < 3; ++i) {
        const double centre = (i + 0.5) * 2.0 / 3.0;
        const double w0 = cubic(0.0 - centre + 0.5), w1 = cubic(1.0 - centre + 0.5);
        weights[i][0] = w0 / (w0 + w1);
        weights[i][1] = w1 / (w0 + w1);
    }
    // The first tap of output 0: cubic(1/6) = 0.9375 and cubic(7/6) = -25/432, normalised.
    QVERIFY(std::abs(weights[0][0] - 0.9375 / (0.9375 - 25.0 / 432.0)) < 1e-12);
    const torch::Tensor positions = vit->positionsFor(3, 3);
    QCOMPARE(positions.sizes().vec(), (std::vector<std::int64_t>{1, 10, 64}));
    QCOMPARE(positions[0][0][5].item<double>(), 9.0); // [CLS] keeps its own
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            double expected = 0.0;
            for (int y = 0; y < 2; ++y)
                for (int x = 0; x < 2; ++x)
                    expected += weights[r][y] * weights[c][x] * grid[y][x];
            const double actual = positions[0][1 + 3 * r + c][17].item<double>();
            // float32 sums of four products of values below 4: a few ulps of 4 (2^-21 each).
            QVERIFY2(std::abs(actual - expected) < 1e-5, qPrintable(QStringLiteral("(%1, %2): %3 vs %4").arg(r).arg(c).arg(actual).arg(expected)));
        }
    // The stored grid at its own size comes back unchanged.
    QVERIFY(torch::equal(vit->positionsFor(2, 2), vit->pos_embed));
}

void TestDinoTxt::causalAttentionLooksOnlyBack()
{
    // Both code paths (the fused kernel, and the written-out scores CPU bf16 autocast takes for
    // short sequences): a token's output depends on it and the tokens before it only.
    torch::manual_seed(5);
    VitAttention attention(64, 2, /*qkvBias=*/false, /*causal=*/true);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 20, 64});
    torch::Tensor later = x.clone();
    later.narrow(1, 5, 15).normal_();
    const torch::Tensor fp32 = attention->forward(x);
    QVERIFY(torch::allclose(attention->forward(later).narrow(1, 0, 5), fp32.narrow(1, 0, 5), 1e-6, 1e-6));
    QVERIFY(!torch::allclose(attention->forward(later).narrow(1, 5, 15), fp32.narrow(1, 5, 15), 1e-3, 1e-3));
    AutocastScope autocast(torch::Device(torch::kCPU), Precision::Bf16);
    const torch::Tensor bf16 = attention->forward(x).to(torch::kFloat);
    QVERIFY(torch::equal(attention->forward(later).narrow(1, 0, 5), attention->forward(x).narrow(1, 0, 5)));
    // bf16 keeps 8 significant bits (2^-9 per rounding); three products and a softmax stay within
    // 3 % of the scale, while attending to the later tokens would move the early outputs by far more.
    const double scale = fp32.abs().max().item<double>();
    QVERIFY2((bf16 - fp32).abs().max().item<double>() < 3e-2 * scale, qPrintable(QString::number((bf16 - fp32).abs().max().item<double>() / scale)));
    VitAttention open(64, 2, false, false);
    open->qkv->weight.copy_(attention->qkv->weight);
    open->proj->weight.copy_(attention->proj->weight);
    open->proj->bias.copy_(attention->proj->bias);
    QVERIFY((open->forward(x).to(torch::kFloat) - bf16).narrow(1, 0, 5).abs().max().item<double>() > 1e-1 * scale);
}

void TestDinoTxt::refusesInputsItCannotRun()
{
    const StateDict backboneWeights = loadStateDict(dataPath("dinov2_reg_backbone.pth"));
    VisionTransformer backbone(dinoV2Config(backboneWeights, "", "backbone"));
    torch::NoGradGuard noGrad;
    QVERIFY(reasonOf([&] { backbone->features(torch::zeros({1, 3, 57, 56})); }).find("multiples of 14") != std::string::npos);
    QVERIFY(!reasonOf([&] { backbone->features(torch::zeros({1, 1, 56, 56})); }).empty());
    const StateDict textWeights = loadStateDict(dataPath("dinotxt_text_encoder.pth"));
    TextTower text(textConfig(textWeights, "text"));
    QVERIFY(reasonOf([&] { text->forward(torch::full({1, 16}, 64, torch::kLong)); }).find("outside the vocabulary of 64") != std::string::npos);
    QVERIFY(reasonOf([&] { text->forward(torch::zeros({1, 17}, torch::kLong)); }).find("context is 16") != std::string::npos);
    QVERIFY(!reasonOf([&] { text->forward(torch::zeros({16}, torch::kLong)); }).empty());
}

QTEST_GUILESS_MAIN(TestDinoTxt)
#include "tst_dinotxt.moc"
