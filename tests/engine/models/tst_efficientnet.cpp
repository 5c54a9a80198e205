// SPDX-License-Identifier: GPL-3.0-or-later
// Our EfficientNet against torchvision's (tests/data/deepfake/make_efficientnet_reference.py):
// a small one (width 0.1, depth 0.34) with random weights and measured batch-norm statistics
// loads strictly by torchvision's names and reproduces its last feature map and its logits on a
// fixed input; the full B0 has torchvision's every tensor name and shape, and B0 .. B7 their
// parameter counts. Tolerance: float32 sums of at most a few hundred products per output through
// about twenty layers differ from another kernel's order by a few 1e-7 relative per layer, so 1e-4
// (absolute, on values of order 1) is far above rounding and far below any wiring fault.
#include "engine/core/json/Json.h"
#include "engine/core/errors/Error.h"
#include "engine/core/models/Architectures.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"
#include "tests/engine/models/TorchvisionShapes.h"

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <map>
#include <sstream>

using namespace periscope;

namespace {
const std::string kData = PERISCOPE_SOURCE_DIR "/tests/data/deepfake/";

torch::Tensor named(const StateDict &tensors, const std::string &name)
{
    for (const auto &[key, tensor] : tensors)
        if (key == name)
            return tensor;
    return {};
}
} // namespace

class TestEfficientNet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void channelsRoundLikeTorchvision();
    void reproducesTorchvisionOutputs();
    void b0HasTorchvisionsNamesAndShapes();
    void parameterCountsOfB0ToB7();
    void forwardRunsARegisteredArchitectureFromFiles();
};

void TestEfficientNet::channelsRoundLikeTorchvision()
{
    QCOMPARE(efficientNetChannels(32.0), std::int64_t(32));
    QCOMPARE(efficientNetChannels(32.0 * 1.1), std::int64_t(32));  // 35.2 -> 32 (within 10 %)
    QCOMPARE(efficientNetChannels(16.0 * 1.4), std::int64_t(24));  // 22.4 -> 24
    QCOMPARE(efficientNetChannels(3.2), std::int64_t(8));          // never below 8
    QCOMPARE(efficientNetChannels(320.0 * 1.8), std::int64_t(576));
}

void TestEfficientNet::reproducesTorchvisionOutputs()
{
    EfficientNetConfig config;
    config.widthMultiplier = 0.1;
    config.depthMultiplier = 0.34;
    config.classes = 5;
    EfficientNet model(config);
    const LoadReport report = applyStateDict(*model, loadStateDict(kData + "efficientnet_tiny.pt"), /*strict=*/true);
    QVERIFY2(report.isComplete(), report.summary().c_str());
    model->eval();
    const StateDict io = loadStateDict(kData + "efficientnet_tiny_io.pt");
    const torch::Tensor input = named(io, "input"), features = named(io, "features"), output = named(io, "output");
    QVERIFY(input.defined() && features.defined() && output.defined());
    torch::NoGradGuard noGrad;
    const auto [logits, map] = model->forwardWithActivation(input, "features");
    QCOMPARE(map.sizes().vec(), features.sizes().vec());
    const double featureError = (map - features).abs().max().item<double>();
    const double logitError = (logits - output).abs().max().item<double>();
    qInfo("largest difference to torchvision: features %.2e, logits %.2e", featureError, logitError);
    QVERIFY2(featureError < 1e-4, qPrintable(QString::number(featureError)));
    QVERIFY2(logitError < 1e-4, qPrintable(QString::number(logitError)));
    QVERIFY(torch::allclose(model->forward(input), logits));
}

void TestEfficientNet::b0HasTorchvisionsNamesAndShapes()
{
    const testing::TensorShapes expected = testing::referenceShapes(testing::readJsonFile(kData + "efficientnet_b0_shapes.json"));
    EfficientNet model(EfficientNetConfig::b(0));
    testing::TensorShapes ours = testing::shapesOf(*model);
    QCOMPARE(ours.size(), expected.size());
    for (const auto &[name, shape] : expected) {
        QVERIFY2(ours.count(name), name.c_str());
        QVERIFY2(ours[name] == shape, name.c_str());
    }
}

void TestEfficientNet::parameterCountsOfB0ToB7()
{
    const json::Value counts = *testing::readJsonFile(kData + "efficientnet_b0_shapes.json").find("parameters");
    for (int variant = 0; variant <= 7; ++variant) {
        EfficientNet model(EfficientNetConfig::b(variant));
        std::int64_t parameters = 0;
        for (const torch::Tensor &p : model->parameters())
            parameters += p.numel();
        QCOMPARE(parameters, std::int64_t(counts.find("b" + std::to_string(variant))->asNumber()));
    }
}

void TestEfficientNet::forwardRunsARegisteredArchitectureFromFiles()
{
    // What `periscope-cli forward` does: B0 with three classes, its weights and an input in files.
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    torch::manual_seed(3);
    EfficientNet model(EfficientNetConfig::b(0, 3));
    model->eval();
    writeSafetensors(root + "/b0.safetensors", stateDictOf(*model));
    const torch::Tensor input = torch::randn({2, 3, 64, 64});
    writeSafetensors(root + "/x.safetensors", {{"input", input}});
    runForward({"efficientnet_b0", root + "/b0.safetensors", root + "/x.safetensors", root + "/y.safetensors"});
    const torch::Tensor output = named(readSafetensors(root + "/y.safetensors").tensors, "output");
    torch::NoGradGuard noGrad;
    QVERIFY(torch::equal(output, model->forward(input)));
    QCOMPARE(output.size(1), 3);

    auto reason = [&](const ForwardRequest &request) {
        try {
            runForward(request);
        } catch (const Error &e) {
            return std::string(e.what());
        }
        return std::string();
    };
    QVERIFY(reason({"vgg16", root + "/b0.safetensors", root + "/x.safetensors", root + "/z.safetensors"}).find("unknown architecture") !=
            std::string::npos);
    // B0's weights are not B1's (B1 has more blocks): refused, with what is missing.
    QVERIFY(reason({"efficientnet_b1", root + "/b0.safetensors", root + "/x.safetensors", root + "/z.safetensors"}).find("does not fit") !=
            std::string::npos);
    writeSafetensors(root + "/gray.safetensors", {{"input", torch::randn({1, 1, 64, 64})}});
    QVERIFY(reason({"efficientnet_b0", root + "/b0.safetensors", root + "/gray.safetensors", root + "/z.safetensors"}).find("[N, 3, H, W]") !=
            std::string::npos);
    QCOMPARE(registeredArchitectures().front(), std::string("efficientnet_b0"));
}

QTEST_GUILESS_MAIN(TestEfficientNet)
#include "tst_efficientnet.moc"
