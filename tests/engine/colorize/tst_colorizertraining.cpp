// SPDX-License-Identifier: GPL-3.0-or-later
// Colorizer training: Koalarization learns colours below the gray baseline and resumes from its
// checkpoint, the Inception branch's global features, Zhang et al.'s colour classes, soft
// encoding and rebalanced loss (checked by hand), and eccv16 / siggraph17 training with it.
#include "engine/colorize/ColorBins.h"
#include "engine/colorize/ColorizationNets.h"
#include "engine/colorize/Colorizer.h"
#include "engine/colorize/ColorizerTraining.h"
#include "engine/colorize/InceptionResNetV2.h"
#include "engine/colorize/LabPipeline.h"
#include "engine/core/color/ColorOps.h"
#include "engine/core/errors/Error.h"
#include "engine/core/geometry/GeometryOps.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/json/Json.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::colorize;

class TestColorizerTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(0); }
    void trainingLearnsColoursBelowTheGrayBaseline();
    void inceptionGivesTheGlobalFeaturesAsPublished();
    void colourClassesAndSoftEncoding();
    void rebalancingWeightsAndLossByHand();
    void zhangNetworksTrainWithTheRebalancedLoss();
};

namespace {
// Photos whose colour follows their lightness (dark blue, bright orange) over a smooth random
// pattern: what a colorizer can learn from L alone.
std::vector<Image> generatedPhotos(int count, int side)
{
    std::vector<Image> photos;
    for (int i = 0; i < count; ++i) {
        const torch::Tensor noise = torch::rand({1, 1, 6, 6});
        const torch::Tensor l = resize(noise, side, side, ResizeMode::Bicubic).clamp(0.0, 1.0).squeeze(0) * 70.0 + 15.0; // [1, s, s]
        const torch::Tensor t = (l - 50.0) / 35.0;
        const torch::Tensor lab = torch::cat({l, t * 35.0, t * 45.0}, 0).unsqueeze(0);
        photos.push_back(imageFromTensorToUInt8(labToSrgb(lab).squeeze(0)));
    }
    return photos;
}
} // namespace

void TestColorizerTraining::trainingLearnsColoursBelowTheGrayBaseline()
{
    // Koalarization at a quarter of its width (the width does not matter to this claim, and it
    // costs 6 s instead of 40), 60 epochs. Five seeds (split, order, weights) ended at 0.061-0.097
    // of the predict-gray baseline's validation MSE (1e-3 peak rate); the published width for 18
    // epochs, the test before, passed its bound of a half with seed 1 but ended at 0.99 and 0.42
    // of the baseline with seeds 2 and 3: whether it learned at all depended on the seed. The
    // bound, a quarter, is 2.6 times the worst seed's.
    QTemporaryDir dir;
    ColorizerTrainingSettings settings;
    settings.size = 64;
    settings.width = 4;
    settings.epochs = 60;
    settings.batchSize = 4;
    settings.validationFraction = 0.2;
    settings.seed = 1;
    settings.outPath = dir.filePath(QStringLiteral("mine.safetensors")).toStdString();
    torch::manual_seed(0); // the generated photos do not depend on which tests ran before
    const std::vector<Image> photos = generatedPhotos(30, 96);
    int seen = 0;
    const ColorizerTrainingSummary summary = trainColorizer(photos, settings, {}, [&](const ColorizerEpoch &) { ++seen; });
    QCOMPARE(seen, settings.epochs);
    QCOMPARE(summary.trainCount, std::int64_t(24));
    QCOMPARE(summary.validationCount, std::int64_t(6));
    const ColorizerEpoch &last = summary.epochs.back();
    qInfo("colorizer training: validation MSE %.4f, predict-gray baseline %.4f (first epoch %.4f), %.1f s", last.validationLoss,
          last.grayBaselineLoss, summary.epochs.front().validationLoss, summary.seconds);
    QVERIFY2(last.validationLoss < 0.25 * last.grayBaselineLoss, qPrintable(QString::number(last.validationLoss)));

    // The weights colorize through the Colorizer at the side they were trained at.
    const Colorizer colorizer = Colorizer::load(settings.outPath);
    QCOMPARE(colorizer.inputSize(), 64);
    QCOMPARE(colorizer.colorize(photos[0]).width(), 96);

    // Resume continues from the checkpoint; gray photos are refused.
    settings.epochs = 62;
    settings.resume = true;
    const ColorizerTrainingSummary resumed = trainColorizer(photos, settings);
    QCOMPARE(int(resumed.epochs.size()), 2);
    QCOMPARE(resumed.epochs.front().epoch, 61);
    std::vector<Image> withGray = photos;
    withGray.push_back(Image(32, 32, 3, PixelFormat::UInt8));
    QVERIFY_THROWS_EXCEPTION(Error, trainColorizer(withGray, settings));
}

void TestColorizerTraining::inceptionGivesTheGlobalFeaturesAsPublished()
{
    // Inception-ResNet-v2 weights as a user converts them from timm (random here: the test is
    // about wiring and files), TF-slim's 1001 classes.
    QTemporaryDir dir;
    const std::string inceptionPath = dir.filePath(QStringLiteral("inception.safetensors")).toStdString();
    {
        InceptionResNetV2 inception(1001);
        StateDict tensors;
        for (const auto &[name, tensor] : stateDictOf(*inception))
            tensors.emplace_back(name, tensor.detach().contiguous());
        writeSafetensors(inceptionPath, tensors);
    }
    // The paper's layout: no global_branch; the embedding's length is read from the fusion.
    KoalarizationConfig config;
    config.size = 64;
    config.width = 4;
    config.embedding = 1001;
    config.globalBranch = false;
    const std::string koalaPath = dir.filePath(QStringLiteral("koala.safetensors")).toStdString();
    {
        StateDict tensors;
        for (const auto &[name, tensor] : stateDictOf(*Koalarization(config))) {
            QVERIFY(name.rfind("global_branch.", 0) != 0);
            tensors.emplace_back(name, tensor.detach().contiguous());
        }
        writeSafetensors(koalaPath, tensors);
    }
    try {
        Colorizer::load(koalaPath);
        QFAIL("a Koalarization without its branch loaded without Inception weights");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("--inception")), e.what());
    }
    const Colorizer colorizer = Colorizer::load(koalaPath, {}, inceptionPath);
    QCOMPARE(colorizer.globalFeatures(), std::string("inception-resnet-v2"));
    QCOMPARE(colorizer.colorize(Image(50, 40, 3, PixelFormat::UInt8)).width(), 50);
    QVERIFY_THROWS_EXCEPTION(Error, Colorizer::load(koalaPath, {}, koalaPath)); // not an Inception network

    // Training with Inception's logits as the frozen global features.
    ColorizerTrainingSettings settings;
    settings.size = 64;
    settings.width = 4;
    settings.epochs = 1;
    settings.batchSize = 2;
    settings.validationFraction = 0.25;
    settings.inceptionWeights = inceptionPath;
    settings.outPath = dir.filePath(QStringLiteral("trained.safetensors")).toStdString();
    torch::manual_seed(0);
    const ColorizerTrainingSummary summary = trainColorizer(generatedPhotos(4, 80), settings);
    QCOMPARE(int(summary.epochs.size()), 1);
    QVERIFY(std::isfinite(summary.epochs.front().validationLoss));
    const Colorizer trained = Colorizer::load(settings.outPath, {}, inceptionPath);
    QCOMPARE(trained.globalFeatures(), std::string("inception-resnet-v2"));
    QCOMPARE(trained.inputSize(), 64);
}

void TestColorizerTraining::colourClassesAndSoftEncoding()
{
    const torch::Tensor grid = abGridBins();
    QCOMPARE(grid.sizes().vec(), (std::vector<std::int64_t>{529, 2}));
    QCOMPARE(grid[0][0].item<float>(), -110.0f);
    QCOMPARE(grid[1][1].item<float>(), -100.0f); // a-major: b runs fastest
    const torch::Tensor gamut = abGamutBins(313);
    QCOMPARE(gamut.size(0), std::int64_t(313));
    auto contains = [&](float a, float b) { return ((gamut.select(1, 0) == a) & (gamut.select(1, 1) == b)).any().item<bool>(); };
    QVERIFY(contains(0, 0));
    QVERIFY(contains(80, 70));     // saturated red is shown by some lightness
    QVERIFY(!contains(-110, 110)); // no sRGB colour is that green and yellow at once
    // A target on a bin centre: the bin itself, its 4 neighbours at distance 10 with exp(-100/50).
    const torch::Tensor ab = torch::tensor({20.0f, -30.0f}).view({1, 2, 1, 1});
    const torch::Tensor z = softEncode(ab, grid);
    QCOMPARE(z.sizes().vec(), (std::vector<std::int64_t>{1, 529, 1, 1}));
    QVERIFY(std::abs(z.sum().item<double>() - 1.0) < 1e-6);
    const std::int64_t centre = z.flatten().argmax().item<std::int64_t>();
    QCOMPARE(grid[centre][0].item<float>(), 20.0f);
    QCOMPARE(grid[centre][1].item<float>(), -30.0f);
    QVERIFY(std::abs(z.flatten()[centre].item<double>() - 1.0 / (1.0 + 4.0 * std::exp(-2.0))) < 1e-5);
    QCOMPARE((z > 0).sum().item<std::int64_t>(), std::int64_t(5));
}

void TestColorizerTraining::rebalancingWeightsAndLossByHand()
{
    const torch::Tensor bins = abGridBins();
    // A uniform distribution needs no rebalancing.
    const torch::Tensor uniform = rebalancingWeights(torch::ones({529}), bins);
    QVERIFY(torch::allclose(uniform, torch::ones({529}), 1e-4, 1e-4));
    // Mass on gray: gray weighs least, a far colour most, and the expectation under p̃ is 1.
    torch::Tensor skewed = torch::full({529}, 1e-3);
    skewed[264] = 100.0; // (0, 0): index 11 * 23 + 11
    const torch::Tensor w = rebalancingWeights(skewed, bins);
    QVERIFY(w[264].item<double>() < w[0].item<double>());
    QVERIFY(w[264].item<double>() < 1.0);
    // The loss against a brute-force sum over two pixels and three classes.
    const torch::Tensor logits = torch::tensor({0.2f, -1.0f, 0.5f, 1.5f, 0.0f, -0.3f}).view({1, 2, 3}).permute({0, 2, 1}).unsqueeze(3); // [1, 3, 2, 1]
    const torch::Tensor targets = torch::tensor({0.7f, 0.2f, 0.1f, 0.0f, 0.3f, 0.7f}).view({1, 2, 3}).permute({0, 2, 1}).unsqueeze(3);
    const torch::Tensor weights = torch::tensor({2.0f, 0.5f, 3.0f});
    double expected = 0.0;
    for (int pixel = 0; pixel < 2; ++pixel) {
        const torch::Tensor lp = torch::log_softmax(logits[0].select(1, pixel).select(1, 0), 0);
        const torch::Tensor zt = targets[0].select(1, pixel).select(1, 0);
        const double ce = -(zt * lp).sum().item<double>();
        expected += weights[zt.argmax().item<std::int64_t>()].item<double>() * ce;
    }
    expected /= 2.0;
    QVERIFY(std::abs(classRebalancedLoss(logits, targets, weights).item<double>() - expected) < 1e-5);
}

void TestColorizerTraining::zhangNetworksTrainWithTheRebalancedLoss()
{
    QTemporaryDir dir;
    torch::manual_seed(0);
    const std::vector<Image> photos = generatedPhotos(4, 72);
    ColorizerTrainingSettings settings;
    settings.architecture = "eccv16";
    settings.loss = "rebalanced";
    settings.width = 4; // the built-in model's width
    settings.temperature = 0.5;
    settings.keepBest = true;
    settings.size = 64;
    settings.epochs = 3;
    settings.batchSize = 2;
    settings.validationFraction = 0.25;
    settings.outPath = dir.filePath(QStringLiteral("eccv16.safetensors")).toStdString();
    const ColorizerTrainingSummary summary = trainColorizer(photos, settings);
    QCOMPARE(int(summary.epochs.size()), 3);
    QVERIFY(std::isfinite(summary.epochs.front().trainLoss) && summary.epochs.front().trainLoss > 0.0);
    // The sidecar names the epoch whose weights were kept: the one with the lowest validation loss.
    int best = 0;
    for (int e = 1; e < 3; ++e)
        if (summary.epochs[e].validationLoss < summary.epochs[best].validationLoss)
            best = e;
    QFile sidecarFile(dir.filePath(QStringLiteral("eccv16.json")));
    QVERIFY(sidecarFile.open(QIODevice::ReadOnly));
    const json::Value sidecar = json::Value::parse(sidecarFile.readAll().toStdString());
    QCOMPARE(int(sidecar.find("best_epoch")->asNumber()), best + 1);
    QCOMPARE(sidecar.find("best_validation")->asNumber(), summary.epochs[best].validationLoss);
    QCOMPARE(sidecar.find("temperature")->asNumber(), 0.5);
    // The class-to-ab table stayed the 313 gamut bins; the weights load as an eccv16.
    const StateDict saved = loadStateDict(settings.outPath);
    for (const auto &[name, tensor] : saved)
        if (name == "model_out.weight")
            QVERIFY(torch::allclose(tensor.flatten(1).t() * 110.0, abGamutBins(313), 1e-4, 1e-3));
    const Colorizer colorizer = Colorizer::load(settings.outPath);
    QCOMPARE(colorizer.architecture(), std::string("eccv16"));
    QCOMPARE(colorizer.inputSize(), 64);
    QCOMPARE(colorizer.widthDivisor(), 4);
    QCOMPARE(colorizer.temperature(), 0.5); // decodes as it was validated
    // siggraph17's classification head trains too; Koalarization has no classes to rebalance.
    settings.architecture = "siggraph17";
    QVERIFY_THROWS_EXCEPTION(Error, trainColorizer(photos, settings)); // it has only its published width
    settings.width = 1;
    settings.epochs = 1;
    settings.outPath = dir.filePath(QStringLiteral("siggraph17.safetensors")).toStdString();
    QVERIFY(std::isfinite(trainColorizer(photos, settings).epochs.front().validationLoss));
    settings.architecture = "koalarization";
    QVERIFY_THROWS_EXCEPTION(Error, trainColorizer(photos, settings));
}

QTEST_GUILESS_MAIN(TestColorizerTraining)
#include "tst_colorizertraining.moc"
