// SPDX-License-Identifier: GPL-3.0-or-later
// The Open-vocabulary pipeline: the dense similarity against the dino.txt notebook's own
// computation (made with the paper's code: tests/data/openvocab), the bicubic taps against
// torch's upsampling, and the whole pipeline on the small reference towers: prompts embedded
// through templates, the image's embedding, zero-shot probabilities, maps and segmentation that
// agree with each other, the background threshold, bf16 against fp32, and refusals.
#include <torch/torch.h>

#include "engine/core/errors/Error.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/openvocab/DenseSimilarity.h"
#include "engine/openvocab/OpenVocabModel.h"
#include "tests/engine/ErrorReason.h"
#include "tests/engine/openvocab/ClipVocabularyForTests.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace periscope;
using namespace periscope::openvocab;
using periscope::testing::reasonOf;

namespace {
std::string dataPath(const char *name)
{
    return std::string(PERISCOPE_SOURCE_DIR "/tests/data/openvocab/") + name;
}

torch::Tensor referenceTensor(const char *name)
{
    static const StateDict tensors = readSafetensors(dataPath("dinotxt_reference.safetensors")).tensors;
    const torch::Tensor *t = findTensor(tensors, name);
    if (!t)
        throw Error(std::string("the reference has no ") + name);
    return *t;
}

// The reference text encoder has 64 rows; as a "small model" it knows the CLIP ids of a few words
// (row i for the i-th id listed), everything else shares the last row. With the made-up
// vocabulary these ids are other strings, which changes which row a word takes, nothing else.
std::string smallTextEncoder(const QTemporaryDir &dir)
{
    StateDict weights = loadStateDict(dataPath("dinotxt_text_encoder.pth"));
    // start, end, and "a", "red", "cube", "sphere", "photo", "of" as CLIP numbers them.
    weights.emplace_back("vocabulary_ids", torch::tensor({49406, 49407, 320, 736, 11353, 6987, 1125, 539}, torch::kLong));
    const std::string path = dir.filePath(QStringLiteral("text.safetensors")).toStdString();
    writeSafetensors(path, weights);
    return path;
}

Image gradientImage(int width, int height)
{
    Image image(width, height, 3, PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            image.setSample(x, y, 0, float(255 * x / width));
            image.setSample(x, y, 1, float(255 * y / height));
            image.setSample(x, y, 2, float((x * y) % 256));
        }
    return image;
}
} // namespace

class TestOpenVocabModel : public QObject {
    Q_OBJECT
private slots:
    void bicubicTapsAreTorchs();
    void denseSimilarityIsTheNotebooks();
    void pipelineAgreesWithItself();
    void zeroShotCropIsTheClassificationTransform();
    void bf16StaysCloseToFp32();
    void refusesWhatItCannotDo();
};

void TestOpenVocabModel::bicubicTapsAreTorchs()
{
    // Applying the taps along both axes is torch's upsample_bicubic2d (align_corners=False).
    torch::manual_seed(3);
    const torch::Tensor x = torch::randn({2, 5, 6});
    for (auto [h, w] : {std::pair<std::int64_t, std::int64_t>{9, 13}, {5, 6}, {3, 4}, {40, 7}}) {
        const torch::Tensor expected = at::upsample_bicubic2d(x.unsqueeze(0), {h, w}, false, std::nullopt, std::nullopt).squeeze(0);
        const BicubicTaps rows = bicubicTaps(5, h), cols = bicubicTaps(6, w);
        torch::Tensor actual = torch::zeros({2, h, w});
        for (std::int64_t i = 0; i < h; ++i)
            for (std::int64_t j = 0; j < w; ++j)
                for (int a = 0; a < 4; ++a)
                    for (int b = 0; b < 4; ++b)
                        actual.select(1, i).select(1, j) += rows.weight[i][a].item<float>() * cols.weight[j][b].item<float>() *
                                                            x.select(1, rows.index[i][a].item<std::int64_t>()).select(1, cols.index[j][b].item<std::int64_t>());
        // Sixteen float products of values below 4 with weights summing to 1: a few ulps.
        QVERIFY2(torch::allclose(actual, expected, 1e-5, 1e-5), qPrintable(QString::number((actual - expected).abs().max().item<double>())));
    }
}

void TestOpenVocabModel::denseSimilarityIsTheNotebooks()
{
    // The notebook upsamples [D, 5, 6] to [D, 90, 101], normalises per pixel and dots; we upsample
    // the dot products and divide by the upsampled vectors' norms, in strips of 7 rows here.
    const torch::Tensor tokens = referenceTensor("patch_tokens").select(0, 0); // [30, 128]
    const torch::Tensor grid = tokens.t().reshape({128, 5, 6});
    const torch::Tensor text = referenceTensor("dense_text").narrow(1, 128, 128);
    const torch::Tensor prompts = text / text.norm(2, 1, true);
    const torch::Tensor actual = denseSimilarity(grid, prompts, 90, 101, 7);
    const torch::Tensor expected = referenceTensor("dense_similarity");
    QCOMPARE(actual.sizes().vec(), expected.sizes().vec());
    // Cosines in [-1, 1] from sums over 128 channels and 16 taps: float32 error of order 1e-6.
    const double difference = (actual - expected).abs().max().item<double>();
    QVERIFY2(difference < 2e-5, qPrintable(QString::number(difference)));
    QVERIFY(expected.abs().max().item<double>() > 0.05); // far above the tolerance: not a degenerate reference
}

void TestOpenVocabModel::pipelineAgreesWithItself()
{
    QTemporaryDir dir;
    const OpenVocabFiles files{dataPath("dinov2_reg_backbone.pth"), dataPath("dinotxt_vision_head.pth"), smallTextEncoder(dir),
                               clipVocabularyForTests(dir.path()).toStdString()};
    std::vector<double> progress;
    const auto model = OpenVocabModel::load(files, {DevicePreference::Cpu, false}, JobControl(nullptr, [&](double f, const std::string &) { progress.push_back(f); }));
    QVERIFY(!progress.empty() && progress.back() == 1.0);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QCOMPARE(model->patchSize(), 14);
    QCOMPARE(model->embeddingWidth(), 256);
    QVERIFY(model->describe().find("its own word list") != std::string::npos);

    const PromptSet plain = model->embedPrompts({"a red cube", "sphere", "a sphere"}, PromptTemplates::None);
    // Start, at least one id per word (CLIP's vocabulary: exactly one; made-up merges: more), end.
    QCOMPARE(plain.tokens[0][0], 49406);
    QVERIFY(std::find(plain.tokens[0].begin(), plain.tokens[0].end(), 49407) - plain.tokens[0].begin() >= 4);
    for (int p = 0; p < 3; ++p) {
        const float *e = plain.embedding(p);
        QVERIFY(std::abs(std::sqrt(std::inner_product(e, e + 256, e, 0.0)) - 1.0) < 1e-5);
    }
    const PromptSet templated = model->embedPrompts({"a red cube", "sphere"}, PromptTemplates::ImageNet);
    QCOMPARE(templated.tokens.size(), std::size_t(2));
    QVERIFY(std::inner_product(plain.embedding(0), plain.embedding(0) + 256, templated.embedding(0), 0.0) < 0.9999); // templates change it

    OpenVocabOptions options;
    options.inputSide = 84; // 6 x 5 patches for a 120 x 100 image
    options.mapSide = 60;
    const OpenVocabResult result = model->analyse(gradientImage(120, 100), plain, options);
    QCOMPARE(result.inputWidth, 84);
    QCOMPARE(result.inputHeight, 70);
    QCOMPARE(result.patchCols, 6);
    QCOMPARE(result.patchRows, 5);
    QCOMPARE(result.mapWidth, 60);
    QCOMPARE(result.mapHeight, 50);
    QCOMPARE(result.imageEmbedding.size(), std::size_t(256));
    QCOMPARE(result.patchSimilarity.size(), std::size_t(3 * 30));
    QCOMPARE(result.pixelSimilarity.size(), std::size_t(3 * 60 * 50));
    QVERIFY(std::abs(std::accumulate(result.zeroShot.begin(), result.zeroShot.end(), 0.0) - 1.0) < 1e-5);
    // The probabilities rank the prompts as their cosines do.
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b)
            QCOMPARE(result.zeroShot[a] > result.zeroShot[b], result.zeroShotCosine[a] > result.zeroShotCosine[b]);
    // Labels are the arg-max of the maps; coverage counts them.
    std::vector<double> counted(3, 0.0);
    for (int y = 0; y < result.mapHeight; ++y)
        for (int x = 0; x < result.mapWidth; ++x) {
            const std::vector<float> at = result.similarityAt(x, y);
            const int best = int(std::max_element(at.begin(), at.end()) - at.begin());
            QCOMPARE(result.labels[std::size_t(y * result.mapWidth + x)], best);
            QVERIFY(at[std::size_t(best)] <= 1.0f + 1e-5f && at[std::size_t(best)] >= -1.0f - 1e-5f);
            counted[std::size_t(best)] += 1.0 / 3000.0;
        }
    for (int p = 0; p < 3; ++p)
        QVERIFY(std::abs(counted[std::size_t(p)] - result.coverage[std::size_t(p)]) < 1e-9);
    QVERIFY(result.similarityAt(60, 0).empty());
    // Above every cosine, everything is background.
    options.background = 1.01;
    const OpenVocabResult background = model->analyse(gradientImage(120, 100), plain, options);
    QVERIFY(std::all_of(background.labels.begin(), background.labels.end(), [](int l) { return l == -1; }));
    QCOMPARE(std::accumulate(background.coverage.begin(), background.coverage.end(), 0.0), 0.0);
    // Relabelled at another threshold, the same as analysed at it; ties go to the first prompt.
    OpenVocabResult relabelled = result;
    relabelled.relabel(1.01);
    QCOMPARE(relabelled.labels, background.labels);
    QCOMPARE(relabelled.coverage, background.coverage);
    relabelled.relabel(-1.0);
    QCOMPARE(relabelled.labels, result.labels);
    OpenVocabResult tie = result;
    tie.pixelSimilarity.assign(tie.pixelSimilarity.size(), 0.5f);
    tie.relabel(0.5); // not below the threshold: kept
    QVERIFY(std::all_of(tie.labels.begin(), tie.labels.end(), [](int l) { return l == 0; }));
    QCOMPARE(tie.coverage[0], 1.0);
    // A gray image is three equal channels.
    Image gray(40, 30, 1, PixelFormat::UInt8);
    QCOMPARE(model->analyse(gray, plain, options).imageWidth, 40);
}

void TestOpenVocabModel::zeroShotCropIsTheClassificationTransform()
{
    // A 320 x 256 image: its shorter side is already 256, so the crop is pixels 48..271 x 16..239
    // untouched. The whole-image pass on that crop cut out by hand (224 = 16 patches: no resize)
    // must give the same embedding.
    QTemporaryDir dir;
    const OpenVocabFiles files{dataPath("dinov2_reg_backbone.pth"), dataPath("dinotxt_vision_head.pth"), smallTextEncoder(dir),
                               clipVocabularyForTests(dir.path()).toStdString()};
    const auto model = OpenVocabModel::load(files, {DevicePreference::Cpu, false});
    const PromptSet prompts = model->embedPrompts({"red cube", "sphere"}, PromptTemplates::None);
    const Image image = gradientImage(320, 256);
    Image crop(224, 224, 3, PixelFormat::UInt8);
    for (int y = 0; y < 224; ++y)
        for (int x = 0; x < 224; ++x)
            for (int c = 0; c < 3; ++c)
                crop.setSample(x, y, c, image.sample(x + 48, y + 16, c));
    OpenVocabOptions cropped;
    cropped.zeroShotCrop = true;
    cropped.mapSide = 64;
    OpenVocabOptions whole;
    whole.inputSide = 224;
    whole.mapSide = 64;
    const OpenVocabResult a = model->analyse(image, prompts, cropped), b = model->analyse(crop, prompts, whole);
    double difference = 0.0, scale = 0.0;
    for (std::size_t i = 0; i < a.imageEmbedding.size(); ++i) {
        difference = std::max(difference, double(std::abs(a.imageEmbedding[i] - b.imageEmbedding[i])));
        scale = std::max(scale, double(std::abs(b.imageEmbedding[i])));
    }
    // The same float32 operations on the same pixels: equal up to summation order.
    QVERIFY2(difference <= 1e-4 * scale, qPrintable(QString::number(difference / scale)));
    QCOMPARE(a.zeroShot.size(), std::size_t(2));
    // The maps still come from the whole image.
    QCOMPARE(a.mapWidth, 64);
    QCOMPARE(a.mapHeight, 51);
    const OpenVocabResult full = model->analyse(image, prompts, whole);
    QVERIFY(std::abs(full.imageEmbedding[0] - a.imageEmbedding[0]) > 0.0f || std::abs(full.imageEmbedding[1] - a.imageEmbedding[1]) > 0.0f);
}

void TestOpenVocabModel::bf16StaysCloseToFp32()
{
    QTemporaryDir dir;
    const OpenVocabFiles files{dataPath("dinov2_reg_backbone.pth"), dataPath("dinotxt_vision_head.pth"), smallTextEncoder(dir),
                               clipVocabularyForTests(dir.path()).toStdString()};
    const auto fp32 = OpenVocabModel::load(files, {DevicePreference::Cpu, false});
    const auto bf16 = OpenVocabModel::load(files, {DevicePreference::Cpu, true});
    QVERIFY(bf16->describe().find("bf16") != std::string::npos);
    OpenVocabOptions options;
    options.inputSide = 56;
    const Image image = gradientImage(64, 64);
    const OpenVocabResult a = fp32->analyse(image, fp32->embedPrompts({"red cube"}, PromptTemplates::None), options);
    const OpenVocabResult b = bf16->analyse(image, bf16->embedPrompts({"red cube"}, PromptTemplates::None), options);
    // bf16 keeps 8 significant bits (2^-9 relative per rounding): over a few blocks the image
    // embedding keeps its direction to well within a cosine of 0.99.
    const double dot = std::inner_product(a.imageEmbedding.begin(), a.imageEmbedding.end(), b.imageEmbedding.begin(), 0.0);
    const double na = std::sqrt(std::inner_product(a.imageEmbedding.begin(), a.imageEmbedding.end(), a.imageEmbedding.begin(), 0.0));
    const double nb = std::sqrt(std::inner_product(b.imageEmbedding.begin(), b.imageEmbedding.end(), b.imageEmbedding.begin(), 0.0));
    QVERIFY2(dot / (na * nb) > 0.99, qPrintable(QString::number(dot / (na * nb))));
}

void TestOpenVocabModel::refusesWhatItCannotDo()
{
    QTemporaryDir dir;
    OpenVocabFiles files{dataPath("dinov2_reg_backbone.pth"), dataPath("dinotxt_vision_head.pth"), dataPath("dinotxt_text_encoder.pth"),
                         clipVocabularyForTests(dir.path()).toStdString()};
    // The reference encoder's 64 rows cannot hold CLIP's 49,408 ids without a word list.
    QVERIFY(reasonOf([&] { OpenVocabModel::load(files); }).find("its token table has 64 rows") != std::string::npos);
    files.textEncoder = smallTextEncoder(dir);
    files.visionHead = dataPath("dinov2_backbone.pth");
    QVERIFY(reasonOf([&] { OpenVocabModel::load(files); }).find("is not a dino.txt vision head") != std::string::npos);
    files.visionHead = dataPath("dinotxt_vision_head.pth");
    files.backbone = dataPath("dinov2_backbone.pth"); // 64 wide: the head is 128
    QVERIFY(reasonOf([&] { OpenVocabModel::load(files); }).find("the vision head is 128 wide, and the backbone 64") != std::string::npos);
    files.backbone = dataPath("dinov2_reg_backbone.pth");
    const auto cancel = std::make_shared<CancelToken>();
    cancel->cancel();
    QVERIFY_THROWS_EXCEPTION(CancelledError, OpenVocabModel::load(files, {}, JobControl(cancel, {})));
    const auto model = OpenVocabModel::load(files, {DevicePreference::Cpu, false});
    QVERIFY(reasonOf([&] { model->analyse(gradientImage(20, 20), PromptSet{}); }).find("at least one prompt") != std::string::npos);
    const PromptSet prompts = model->embedPrompts({"cube"}, PromptTemplates::None);
    QVERIFY(!reasonOf([&] { model->analyse(Image(), prompts); }).empty());
    PromptSet foreign = prompts;
    foreign.width = 512;
    QVERIFY(reasonOf([&] { model->analyse(gradientImage(20, 20), foreign); }).find("another model") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestOpenVocabModel)
#include "tst_openvocabmodel.moc"
