// SPDX-License-Identifier: GPL-3.0-or-later
// The Colorize networks against their published layouts (names, shapes, parameter counts), strict
// loading of state dicts with the published key names, output shapes and ranges, and the
// full-resolution Lab pipeline's exact round trip. Training: tst_colorizertraining.
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
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace periscope;
using namespace periscope::colorize;

namespace {
std::map<std::string, std::vector<std::int64_t>> shapes(const torch::nn::Module &module)
{
    std::map<std::string, std::vector<std::int64_t>> out;
    for (const auto &[name, tensor] : stateDictOf(module))
        out[name] = tensor.sizes().vec();
    return out;
}

std::int64_t parameterCount(const torch::nn::Module &module)
{
    std::int64_t n = 0;
    for (const auto &p : module.parameters())
        n += p.numel();
    return n;
}

std::vector<std::string> keys(const torch::nn::Module &module)
{
    std::vector<std::string> out;
    for (const auto &[name, tensor] : stateDictOf(module))
        out.push_back(name);
    return out;
}

// Writes `module`'s state with random values and without the BatchNorm counters (as the
// authors' checkpoints, converted from Caffe, have none), then loads it strictly into `fresh`.
void roundTripStrictly(torch::nn::Module &module, torch::nn::Module &fresh)
{
    StateDict tensors;
    for (const auto &[name, tensor] : stateDictOf(module))
        if (name.find("num_batches_tracked") == std::string::npos)
            tensors.emplace_back(name, torch::randn_like(tensor.to(torch::kFloat)).contiguous());
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("published.safetensors")).toStdString();
    writeSafetensors(path, tensors);
    const LoadReport report = applyStateDict(fresh, loadStateDict(path), true);
    QVERIFY2(report.isComplete(), report.summary().c_str());
    const auto loaded = stateDictOf(fresh);
    for (const auto &[name, tensor] : tensors) {
        bool found = false;
        for (const auto &[other, value] : loaded)
            if (other == name) {
                QVERIFY2(torch::equal(value.to(torch::kFloat), tensor), name.c_str());
                found = true;
            }
        QVERIFY2(found, name.c_str());
    }
}
} // namespace

class TestColorizers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::manual_seed(0); }
    void eccv16MatchesThePublishedLayout();
    void siggraph17MatchesThePublishedLayout();
    void publishedStateDictsLoadStrictly();
    void outputShapesAndRanges();
    void channelsLastComputesWhatTheUsualLayoutDoes();
    void koalarizationFusesAGlobalEmbedding();
    void narrowKoalarizationKeepsTheLayout();
    void narrowEccv16KeepsTheLayoutAndAnneals();
    void inceptionResNetV2MatchesTimm();
    void architecturesAreRecognisedFromKeys();
    void labPipelineRoundTripIsExactAtNetworkSize();
    void labPipelineKeepsFullResolutionLightness();
    void badInputIsRefused();
    void colorizerLoadsWeightsAndColorizesImages();
};

// The nets keep their convolution weights channels-last (oneDNN and cuDNN run NHWC without
// reordering). The same weights laid out contiguously must give the same output: only the
// kernels' summation order differs, a few float32 ulps of the output's scale per layer.
template <typename Net> static void checkLayoutsAgree(Net net, const torch::Tensor &l, const char *name)
{
    net->eval();
    bool channelsLast = false;
    for (const torch::Tensor &p : net->parameters())
        channelsLast = channelsLast || (p.dim() == 4 && p.size(1) > 1 && p.is_contiguous(torch::MemoryFormat::ChannelsLast) &&
                                        !p.is_contiguous());
    QVERIFY2(channelsLast, name);
    torch::NoGradGuard noGrad;
    const torch::Tensor nhwc = net->forward(l);
    QVERIFY2(nhwc.is_contiguous(), name); // what callers get is the usual layout
    for (torch::Tensor &p : net->parameters())
        p.set_data(p.contiguous());
    const torch::Tensor nchw = net->forward(l.contiguous());
    const double scale = nchw.abs().max().item<double>();
    const double difference = (nhwc - nchw).abs().max().item<double>();
    QVERIFY2(difference <= 1e-4 * scale, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name)).arg(difference / scale)));
}

void TestColorizers::channelsLastComputesWhatTheUsualLayoutDoes()
{
    torch::manual_seed(9);
    const torch::Tensor l = torch::rand({2, 1, 64, 64}) * 100.0;
    checkLayoutsAgree(Eccv16(), l, "eccv16");
    checkLayoutsAgree(Siggraph17(), l, "siggraph17");
    KoalarizationConfig config;
    config.size = 64;
    config.globalBranch = true;
    checkLayoutsAgree(Koalarization(config), l, "koalarization");
}

void TestColorizers::eccv16MatchesThePublishedLayout()
{
    Eccv16 net;
    const auto s = shapes(*net);
    // colorizers/eccv16.py: Conv, ReLU, Conv, ReLU, BatchNorm per block; model8 ends in a 1x1 to
    // the 313 colour bins; model_out maps bins to ab without bias.
    QCOMPARE(s.at("model1.0.weight"), (std::vector<std::int64_t>{64, 1, 3, 3}));
    QCOMPARE(s.at("model1.2.weight"), (std::vector<std::int64_t>{64, 64, 3, 3}));
    QCOMPARE(s.at("model1.4.running_var"), (std::vector<std::int64_t>{64}));
    QCOMPARE(s.at("model3.6.weight"), (std::vector<std::int64_t>{256}));
    QCOMPARE(s.at("model5.0.weight"), (std::vector<std::int64_t>{512, 512, 3, 3}));
    QCOMPARE(s.at("model8.0.weight"), (std::vector<std::int64_t>{512, 256, 4, 4})); // transposed conv
    QCOMPARE(s.at("model8.6.weight"), (std::vector<std::int64_t>{313, 256, 1, 1}));
    QCOMPARE(s.at("model_out.weight"), (std::vector<std::int64_t>{2, 313, 1, 1}));
    QVERIFY(!s.count("model_out.bias"));
    QVERIFY(!s.count("model8.7.weight"));
    // 32,236,011 parameters, the size of the released colorization_release_v2 (129 MB in fp32).
    QCOMPARE(parameterCount(*net), std::int64_t(32236011));
}

void TestColorizers::siggraph17MatchesThePublishedLayout()
{
    Siggraph17 net;
    const auto s = shapes(*net);
    QCOMPARE(s.at("model1.0.weight"), (std::vector<std::int64_t>{64, 4, 3, 3})); // L, ab hints, mask
    QCOMPARE(s.at("model8up.0.weight"), (std::vector<std::int64_t>{512, 256, 4, 4}));
    QCOMPARE(s.at("model3short8.0.weight"), (std::vector<std::int64_t>{256, 256, 3, 3}));
    QCOMPARE(s.at("model8.1.weight"), (std::vector<std::int64_t>{256, 256, 3, 3})); // after a leading ReLU
    QCOMPARE(s.at("model8.5.weight"), (std::vector<std::int64_t>{256}));            // BatchNorm
    QCOMPARE(s.at("model9.3.running_mean"), (std::vector<std::int64_t>{128}));
    QCOMPARE(s.at("model1short10.0.weight"), (std::vector<std::int64_t>{128, 64, 3, 3}));
    QCOMPARE(s.at("model10.1.weight"), (std::vector<std::int64_t>{128, 128, 3, 3}));
    QCOMPARE(s.at("model_class.0.weight"), (std::vector<std::int64_t>{529, 256, 1, 1}));
    QCOMPARE(s.at("model_out.0.weight"), (std::vector<std::int64_t>{2, 128, 1, 1}));
    QCOMPARE(parameterCount(*net), std::int64_t(34187027)); // siggraph17-df00044c.pth: 137 MB
}

void TestColorizers::publishedStateDictsLoadStrictly()
{
    {
        Eccv16 source, fresh;
        roundTripStrictly(*source, *fresh);
    }
    {
        Siggraph17 source, fresh;
        roundTripStrictly(*source, *fresh);
    }
    {
        Koalarization source, fresh;
        roundTripStrictly(*source, *fresh);
    }
    // A key the layout lacks is still refused.
    Eccv16 net;
    StateDict tensors = stateDictOf(*net);
    tensors.emplace_back("model9.0.weight", torch::zeros({1}));
    QVERIFY_THROWS_EXCEPTION(Error, applyStateDict(*net, tensors, true));
}

void TestColorizers::outputShapesAndRanges()
{
    torch::NoGradGuard noGrad;
    const torch::Tensor l = torch::rand({2, 1, 64, 96}) * 100.0;
    Eccv16 eccv;
    eccv->eval();
    QCOMPARE(eccv->forward(l).sizes().vec(), (std::vector<std::int64_t>{2, 2, 64, 96}));
    Siggraph17 siggraph;
    siggraph->eval();
    const torch::Tensor ab = siggraph->forward(l);
    QCOMPARE(ab.sizes().vec(), (std::vector<std::int64_t>{2, 2, 64, 96}));
    QVERIFY(ab.abs().max().item<double>() <= 110.0 + 1e-4); // tanh x 110
    Koalarization koala;
    koala->eval();
    const torch::Tensor kab = koala->forward(torch::rand({2, 1, 224, 224}) * 100.0);
    QCOMPARE(kab.sizes().vec(), (std::vector<std::int64_t>{2, 2, 224, 224}));
    QVERIFY(kab.abs().max().item<double>() <= 127.0 + 1e-4);
}

void TestColorizers::koalarizationFusesAGlobalEmbedding()
{
    torch::NoGradGuard noGrad;
    Koalarization koala(KoalarizationConfig{64, 1001, 127.0}); // TF-slim's 1001 logits, small input
    koala->eval();
    const torch::Tensor l = torch::rand({1, 1, 64, 64}) * 100.0;
    const torch::Tensor a = koala->forward(l, torch::zeros({1, 1001}));
    const torch::Tensor b = koala->forward(l, torch::ones({1, 1001}) * 3.0);
    QCOMPARE(a.sizes().vec(), (std::vector<std::int64_t>{1, 2, 64, 64}));
    QVERIFY(!torch::allclose(a, b)); // the global vector changes the colours everywhere
    QCOMPARE(koala->fusion->weight.size(1), std::int64_t(256 + 1001));
    QVERIFY_THROWS_EXCEPTION(Error, koala->forward(l, torch::zeros({1, 1000})));
}

void TestColorizers::narrowKoalarizationKeepsTheLayout()
{
    // The built-in demo model's variant: every layer's channels halved, same names and kernels.
    KoalarizationConfig published, narrow;
    narrow.width = 2;
    const auto full = shapes(*Koalarization(published)), half = shapes(*Koalarization(narrow));
    QCOMPARE(keys(*Koalarization(narrow)), keys(*Koalarization(published)));
    QCOMPARE(half.at("encoder.0.weight"), (std::vector<std::int64_t>{32, 1, 3, 3}));
    QCOMPARE(half.at("encoder.14.weight"), (std::vector<std::int64_t>{128, 256, 3, 3}));
    QCOMPARE(half.at("fusion.weight"), (std::vector<std::int64_t>{128, 128 + 1000, 1, 1}));
    QCOMPARE(half.at("decoder.10.weight"), (std::vector<std::int64_t>{2, 16, 3, 3}));
    QCOMPARE(full.at("decoder.10.weight"), (std::vector<std::int64_t>{2, 32, 3, 3}));
    // Its size follows from the published layout with every channel count halved but the input
    // L (1), the output ab (2) and the 1000 global features that join at the fusion: derived
    // here from the full network's parameters, not copied from the narrow one's.
    std::int64_t derived = 0;
    for (const auto &item : Koalarization(published)->named_parameters()) {
        std::int64_t n = 1;
        const auto sizes = item.value().sizes();
        for (std::size_t d = 0; d < sizes.size(); ++d) {
            std::int64_t c = sizes[d];
            if (d < 2 && c != 1 && c != 2 && c != 1000)               // output, input channels
                c = c > 1000 && d == 1 ? (c - 1000) / 2 + 1000 : c / 2; // fusion: 256 + 1000 inputs
            n *= c;
        }
        derived += n;
    }
    QCOMPARE(parameterCount(*Koalarization(narrow)), derived);
    QCOMPARE(derived, std::int64_t(1934554));
    narrow.width = 3;
    QVERIFY_THROWS_EXCEPTION(Error, Koalarization{narrow});

    // The Colorizer reads the width from the first layer's filters.
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("narrow.safetensors")).toStdString();
    narrow.width = 4;
    narrow.size = 64;
    StateDict tensors;
    for (const auto &[name, tensor] : stateDictOf(*Koalarization(narrow)))
        tensors.emplace_back(name, tensor.detach().contiguous());
    writeSafetensors(path, tensors);
    const Colorizer colorizer = Colorizer::load(path);
    QCOMPARE(colorizer.widthDivisor(), 4);
    QCOMPARE(colorizer.colorize(Image(40, 30, 3, PixelFormat::UInt8)).width(), 40);
}

void TestColorizers::narrowEccv16KeepsTheLayoutAndAnneals()
{
    // The built-in model's variant: every channel count divided by 4 but L's 1 and the 313
    // classes; the same names, so the same loader and recogniser serve both.
    Eccv16 published, narrow(4);
    QCOMPARE(keys(*narrow), keys(*published));
    const auto quarter = shapes(*narrow);
    QCOMPARE(quarter.at("model1.0.weight"), (std::vector<std::int64_t>{16, 1, 3, 3}));
    QCOMPARE(quarter.at("model5.0.weight"), (std::vector<std::int64_t>{128, 128, 3, 3}));
    QCOMPARE(quarter.at("model8.0.weight"), (std::vector<std::int64_t>{128, 64, 4, 4})); // transposed: in, out
    QCOMPARE(quarter.at("model8.6.weight"), (std::vector<std::int64_t>{313, 64, 1, 1}));
    QCOMPARE(quarter.at("model_out.weight"), (std::vector<std::int64_t>{2, 313, 1, 1}));
    QVERIFY_THROWS_EXCEPTION(Error, Eccv16(3));
    // Its size from the published network's parameters with every channel count divided by 4 but
    // L's 1, ab's 2 and the 313 classes (derived, not read off the narrow network).
    std::int64_t derived = 0;
    for (const auto &item : published->named_parameters()) {
        std::int64_t n = 1;
        const auto sizes = item.value().sizes();
        for (std::size_t d = 0; d < sizes.size(); ++d)
            n *= d < 2 && sizes[d] != 1 && sizes[d] != 2 && sizes[d] != 313 ? sizes[d] / 4 : sizes[d];
        derived += n;
    }
    QCOMPARE(parameterCount(*narrow), derived);
    QCOMPARE(derived, std::int64_t(2033211)); // 2,032,585 trained, the 626 of model_out fixed

    // The annealed mean of the paper, f_T(z) = exp(log z / T) / sum exp(log z / T) over the class
    // probabilities z, then their ab: computed here from the softmax in double, the network's way
    // (softmax of logits / T) in float. Both normalise 313 terms: float's 6e-8 relative error over
    // sums of that many terms bounds the difference by about 313 x 6e-8 x 110 = 2e-3 Lab units.
    torch::NoGradGuard noGrad;
    narrow->eval();
    const torch::Tensor l = torch::rand({1, 1, 64, 64}) * 100.0;
    const torch::Tensor z = torch::softmax(narrow->classLogits(l).to(torch::kFloat64), 1);
    const torch::Tensor bins = narrow->bins().to(torch::kFloat64); // [313, 2] Lab units
    for (const double temperature : {1.0, 0.38, 0.1}) {
        const torch::Tensor sharpened = torch::exp(torch::log(z) / temperature);
        const torch::Tensor annealed = sharpened / sharpened.sum(1, true);
        const torch::Tensor expected = torch::einsum("nqhw,qc->nchw", {annealed, bins});
        namespace F = torch::nn::functional;
        // forward() upsamples by 4 bilinearly, a convex combination that keeps the bound.
        const torch::Tensor smoothed = F::interpolate(
            expected, F::InterpolateFuncOptions().scale_factor(std::vector<double>{4.0, 4.0}).mode(torch::kBilinear).align_corners(false));
        const torch::Tensor got = narrow->forward(l, temperature).to(torch::kFloat64);
        const double error = (got - smoothed).abs().max().item<double>();
        QVERIFY2(error < 2e-3, qPrintable(QStringLiteral("T %1: %2").arg(temperature).arg(error)));
    }
    QVERIFY_THROWS_EXCEPTION(Error, narrow->forward(l, 0.0));

    // The Colorizer reads the width from the first filters and the temperature from the sidecar.
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("eccv16-narrow.safetensors")).toStdString();
    StateDict tensors;
    for (const auto &[name, tensor] : stateDictOf(*narrow))
        tensors.emplace_back(name, tensor.detach().contiguous());
    writeSafetensors(path, tensors);
    Colorizer plain = Colorizer::load(path);
    QCOMPARE(plain.widthDivisor(), 4);
    QVERIFY(plain.hasTemperature());
    QCOMPARE(plain.defaultTemperature(), 1.0); // no sidecar: the authors' port decodes by the mean
    QFile sidecar(dir.filePath(QStringLiteral("eccv16-narrow.json")));
    QVERIFY(sidecar.open(QIODevice::WriteOnly));
    sidecar.write(R"({"architecture": "eccv16", "temperature": 0.38})");
    sidecar.close();
    Colorizer annealed = Colorizer::load(path);
    QCOMPARE(annealed.temperature(), 0.38);
    QVERIFY_THROWS_EXCEPTION(Error, annealed.setTemperature(0.0));
    QVERIFY_THROWS_EXCEPTION(Error, annealed.setTemperature(1.5));
    annealed.setTemperature(1.0);
    const Image photo = imageFromTensorToUInt8(torch::rand({3, 48, 40}));
    QVERIFY(torch::equal(imageToTensor(annealed.colorize(photo)), imageToTensor(plain.colorize(photo))));
}

void TestColorizers::inceptionResNetV2MatchesTimm()
{
    InceptionResNetV2 net;
    const auto s = shapes(*net);
    // timm's inception_resnet_v2: names, shapes and its 55,843,464 parameters.
    QCOMPARE(s.at("conv2d_1a.conv.weight"), (std::vector<std::int64_t>{32, 3, 3, 3}));
    QVERIFY(!s.count("conv2d_1a.conv.bias"));
    QCOMPARE(s.at("conv2d_1a.bn.running_var"), (std::vector<std::int64_t>{32}));
    QCOMPARE(s.at("mixed_5b.branch3.1.conv.weight"), (std::vector<std::int64_t>{64, 192, 1, 1})); // after the pool
    QCOMPARE(s.at("repeat.9.conv2d.bias"), (std::vector<std::int64_t>{320}));
    QCOMPARE(s.at("mixed_6a.branch1.2.conv.weight"), (std::vector<std::int64_t>{384, 256, 3, 3}));
    QCOMPARE(s.at("repeat_1.19.branch1.1.conv.weight"), (std::vector<std::int64_t>{160, 128, 1, 7}));
    QCOMPARE(s.at("repeat_1.19.branch1.2.conv.weight"), (std::vector<std::int64_t>{192, 160, 7, 1}));
    QCOMPARE(s.at("mixed_7a.branch2.2.bn.weight"), (std::vector<std::int64_t>{320}));
    QCOMPARE(s.at("repeat_2.8.branch1.1.conv.weight"), (std::vector<std::int64_t>{224, 192, 1, 3}));
    QCOMPARE(s.at("block8.conv2d.weight"), (std::vector<std::int64_t>{2080, 448, 1, 1}));
    QCOMPARE(s.at("conv2d_7b.bn.bias"), (std::vector<std::int64_t>{1536}));
    QCOMPARE(s.at("classif.weight"), (std::vector<std::int64_t>{1000, 1536}));
    QVERIFY(!s.count("repeat.10.conv2d.bias") && !s.count("repeat_2.9.conv2d.bias"));
    QCOMPARE(parameterCount(*net), std::int64_t(55843464));
    for (const auto &[name, shape] : s)
        if (name.size() > 8 && name.compare(name.size() - 8, 8, ".bn.bias") == 0)
            QVERIFY(!shape.empty());

    // The gray photo's logits feed Koalarization's fusion (eval mode: BatchNorm statistics).
    torch::NoGradGuard noGrad;
    net->eval();
    const torch::Tensor l = torch::rand({1, 1, 64, 64}) * 100.0;
    const torch::Tensor logits = inceptionLogitsForGray(net, l);
    QCOMPARE(logits.sizes().vec(), (std::vector<std::int64_t>{1, 1000}));
    QCOMPARE(net->features(torch::zeros({1, 3, 299, 299})).sizes().vec(), (std::vector<std::int64_t>{1, 1536, 8, 8}));
    Koalarization koala(KoalarizationConfig{64, 1000, 127.0});
    koala->eval();
    QCOMPARE(koala->forward(l, logits).sizes().vec(), (std::vector<std::int64_t>{1, 2, 64, 64}));
}

void TestColorizers::architecturesAreRecognisedFromKeys()
{
    QCOMPARE(recogniseColorizer(keys(*Eccv16())), std::string("eccv16"));
    QCOMPARE(recogniseColorizer(keys(*Siggraph17())), std::string("siggraph17"));
    QCOMPARE(recogniseColorizer(keys(*Koalarization())), std::string("koalarization"));
    QCOMPARE(recogniseColorizer({"conv1.weight", "fc.weight"}), std::string());
}

void TestColorizers::labPipelineRoundTripIsExactAtNetworkSize()
{
    // A network that returns the truth ab: at the network's own size nothing is resized, so the
    // photo comes back as it went in (to float precision).
    const torch::Tensor rgb = torch::rand({3, 40, 56});
    const torch::Tensor truthAb = srgbToLab(rgb.unsqueeze(0)).narrow(1, 1, 2);
    std::vector<std::int64_t> seen;
    const torch::Tensor out = colorizeFullResolution(rgb, 40, 56, [&](const torch::Tensor &l) -> torch::Tensor {
        seen = l.sizes().vec();
        return truthAb;
    });
    QCOMPARE(seen, (std::vector<std::int64_t>{1, 1, 40, 56}));
    QCOMPARE(out.sizes().vec(), rgb.sizes().vec());
    // The lightness shortcut (Y only) equals Lab's L.
    QVERIFY((srgbToLightness(rgb.unsqueeze(0)) - srgbToLab(rgb.unsqueeze(0)).narrow(1, 0, 1)).abs().max().item<double>() < 1e-4);
    QVERIFY2((out - rgb).abs().max().item<double>() < 1e-4, qPrintable(QString::number((out - rgb).abs().max().item<double>())));
}

void TestColorizers::labPipelineKeepsFullResolutionLightness()
{
    // A photo with detailed lightness and one colour (constant a, b): the network sees it at 16 x 16
    // and answers that colour; upsampled and joined with the full-resolution L the photo returns
    // exactly, detail and all.
    const std::int64_t h = 96, w = 128;
    torch::Tensor lab = torch::empty({1, 3, h, w});
    lab.select(1, 0).copy_(40.0 + 20.0 * torch::rand({1, h, w}));
    lab.select(1, 1).fill_(12.0);
    lab.select(1, 2).fill_(-18.0);
    const torch::Tensor rgb = labToSrgb(lab).squeeze(0);
    std::int64_t seenHeight = 0;
    const torch::Tensor out = colorizeFullResolution(rgb, 16, 16, [&seenHeight](const torch::Tensor &l) -> torch::Tensor {
        seenHeight = l.size(2);
        torch::Tensor ab = torch::empty({l.size(0), 2, 16, 16});
        ab.select(1, 0).fill_(12.0);
        ab.select(1, 1).fill_(-18.0);
        return ab;
    });
    QCOMPARE(seenHeight, std::int64_t(16));
    QVERIFY2((out - rgb).abs().max().item<double>() < 1e-4, qPrintable(QString::number((out - rgb).abs().max().item<double>())));
    // A gray photo takes the network's colour and keeps its own lightness.
    const torch::Tensor gray = srgbToLightness(rgb.unsqueeze(0)).div(100.0).expand({1, 3, h, w}).contiguous();
    const torch::Tensor coloured = colorizeFullResolution(gray, 16, 16, [](const torch::Tensor &l) {
        return torch::full({l.size(0), 2, 4, 4}, 20.0);
    });
    const torch::Tensor grayL = srgbToLab(gray).narrow(1, 0, 1), colouredL = srgbToLab(coloured).narrow(1, 0, 1);
    QVERIFY((grayL - colouredL).abs().max().item<double>() < 0.05);
    QVERIFY(srgbToLab(coloured).narrow(1, 1, 2).mean().item<double>() > 15.0);
}

void TestColorizers::badInputIsRefused()
{
    Siggraph17 siggraph;
    QVERIFY_THROWS_EXCEPTION(Error, siggraph->forward(torch::zeros({1, 1, 30, 32})));
    QVERIFY_THROWS_EXCEPTION(Error, Koalarization(KoalarizationConfig{60, 1000, 127.0}));
    const auto identity = [](const torch::Tensor &l) { return torch::zeros({l.size(0), 2, l.size(2), l.size(3)}); };
    QVERIFY_THROWS_EXCEPTION(Error, colorizeFullResolution(torch::zeros({4, 8, 8}), 8, 8, identity));
    QVERIFY_THROWS_EXCEPTION(Error, colorizeFullResolution(torch::zeros({8, 8}), 8, 8, identity));
    QVERIFY_THROWS_EXCEPTION(Error, colorizeFullResolution(torch::zeros({3, 8, 8}), 8, 8,
                                                           [](const torch::Tensor &) { return torch::zeros({1, 3, 8, 8}); }));
}

void TestColorizers::colorizerLoadsWeightsAndColorizesImages()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("koala.safetensors")).toStdString();
    Koalarization net(KoalarizationConfig{224, 1001, 127.0});
    StateDict tensors;
    for (const auto &[name, tensor] : stateDictOf(*net))
        tensors.emplace_back(name, tensor.detach().contiguous());
    writeSafetensors(path, tensors);
    const Colorizer colorizer = Colorizer::load(path);
    QCOMPARE(colorizer.architecture(), std::string("koalarization")); // from the keys
    QCOMPARE(colorizer.inputSize(), 224);

    // A gray 8-bit photo of any size comes back as 8-bit RGB of the same size, its lightness kept.
    Image gray(150, 100, 3, PixelFormat::UInt8);
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 150; ++x)
            for (int c = 0; c < 3; ++c)
                gray.setSample(x, y, c, float((x + y) % 256));
    const Image out = colorizer.colorize(gray);
    QCOMPARE(out.width(), 150);
    QCOMPARE(out.height(), 100);
    QCOMPARE(out.channels(), 3);
    QCOMPARE(out.format(), PixelFormat::UInt8);
    const torch::Tensor inL = srgbToLightness(imageToTensor(gray).unsqueeze(0));
    const torch::Tensor outL = srgbToLightness(imageToTensor(out).unsqueeze(0));
    QVERIFY((inL - outL).abs().mean().item<double>() < 1.0); // 8-bit rounding and gamut clamping only

    // One channel works too; four do not; weights of another kind are refused by name.
    QCOMPARE(colorizer.colorize(Image(32, 32, 1, PixelFormat::UInt8)).channels(), 3);
    QVERIFY_THROWS_EXCEPTION(Error, colorizer.colorize(Image(32, 32, 4, PixelFormat::UInt8)));
    QVERIFY_THROWS_EXCEPTION(Error, Colorizer::load(path, "eccv16"));
    StateDict other = {{"fc.weight", torch::zeros({2, 2})}};
    const std::string otherPath = dir.filePath(QStringLiteral("other.safetensors")).toStdString();
    writeSafetensors(otherPath, other);
    try {
        Colorizer::load(otherPath);
        QFAIL("weights of no colorizer were accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("fit no known colorizer")), e.what());
    }
}

QTEST_GUILESS_MAIN(TestColorizers)
#include "tst_colorizers.moc"
