// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/colorize/Colorizer.h"

#include "engine/colorize/ColorizationNets.h"
#include "engine/colorize/InceptionResNetV2.h"
#include "engine/colorize/LabPipeline.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/json/Json.h"
#include "engine/core/training/TrainingRun.h"
#include "engine/core/weights/StateDict.h"

#include <algorithm>
#include <optional>

namespace periscope::colorize {

struct Colorizer::Model {
    std::string architecture;
    std::int64_t side = 256;
    std::int64_t width = 1;
    std::string globalFeatures;
    double defaultTemperature = 1.0;
    bool hasTemperature = false;
    // l [N, 1, side, side] and the annealed-mean temperature -> ab in Lab units.
    std::function<torch::Tensor(const torch::Tensor &, double)> forward;
};

namespace {
// The first tensor of `name`'s output channels divides `published` into the width divisor.
std::int64_t widthFrom(const StateDict &weights, const std::string &name, std::int64_t published)
{
    for (const auto &[key, tensor] : weights)
        if (key == name && tensor.dim() == 4 && tensor.size(0) > 0 && published % tensor.size(0) == 0)
            return published / tensor.size(0);
    return 1;
}
} // namespace

Colorizer Colorizer::load(const std::string &weightsPath, const std::string &architecture, const std::string &inceptionWeights)
{
    const StateDict weights = loadStateDict(weightsPath);
    std::vector<std::string> keys;
    for (const auto &[name, tensor] : weights)
        keys.push_back(name);
    std::string arch = architecture.empty() ? recogniseColorizer(keys) : architecture;
    if (arch.empty())
        throw Error("the weights in " + weightsPath + " fit no known colorizer; name it with --arch eccv16|siggraph17|koalarization");
    auto model = std::make_shared<Model>();
    model->architecture = arch;
    auto loadInto = [&](torch::nn::Module &net) {
        const LoadReport report = applyStateDict(net, weights, false);
        if (!report.isComplete())
            throw Error("the weights do not fit " + arch + ": " + report.summary());
        net.eval();
    };
    // The side it was trained at and the temperature it was validated at, from the sidecar
    // train-colorizer writes (else the authors' recipe).
    std::int64_t trainedSide = 0;
    double sidecarTemperature = 0.0;
    if (const std::optional<json::Value> meta = readSidecar(weightsPath)) {
        if (const json::Value *size = meta->find("size"); size && size->isNumber())
            trainedSide = std::int64_t(size->asNumber());
        if (const json::Value *t = meta->find("temperature"); t && t->isNumber())
            sidecarTemperature = t->asNumber();
    }
    if (trainedSide > 0)
        model->side = trainedSide;
    if (arch == "eccv16") {
        Eccv16 net(widthFrom(weights, "model1.0.weight", 64));
        loadInto(*net);
        model->width = net->width;
        model->hasTemperature = true;
        if (sidecarTemperature >= Colorizer::kMinTemperature && sidecarTemperature <= 1.0)
            model->defaultTemperature = sidecarTemperature;
        model->forward = [net](const torch::Tensor &l, double temperature) mutable { return net->forward(l, temperature); };
    } else if (arch == "siggraph17") {
        Siggraph17 net;
        loadInto(*net);
        model->forward = [net](const torch::Tensor &l, double) mutable { return net->forward(l); };
    } else if (arch == "koalarization") {
        KoalarizationConfig config;
        config.size = trainedSide > 0 ? trainedSide : 224;
        config.width = widthFrom(weights, "encoder.0.weight", 64); // the first conv has 64 / width filters
        for (const auto &[name, tensor] : weights)
            if (name == "fusion.weight" && tensor.dim() == 4)
                config.embedding = tensor.size(1) - 256 / config.width; // encoder features + the embedding
        config.globalBranch = std::any_of(keys.begin(), keys.end(), [](const std::string &k) { return k.rfind("global_branch.", 0) == 0; });
        Koalarization net(config);
        loadInto(*net);
        model->side = config.size;
        model->width = config.width;
        if (config.globalBranch) {
            model->globalFeatures = "jointly-trained branch";
            model->forward = [net](const torch::Tensor &l, double) mutable { return net->forward(l); };
        } else {
            if (inceptionWeights.empty())
                throw Error("these Koalarization weights take their global features from Inception-ResNet-v2: give its weights "
                            "(timm's inception_resnet_v2 as safetensors) with --inception");
            InceptionResNetV2 inception = loadInceptionResNetV2(inceptionWeights);
            if (inception->classif->weight.size(0) != config.embedding)
                throw Error("the Inception-ResNet-v2 weights have " + std::to_string(inception->classif->weight.size(0)) +
                            " classes, the colorizer was trained on " + std::to_string(config.embedding));
            model->globalFeatures = "inception-resnet-v2";
            model->forward = [net, inception](const torch::Tensor &l, double) mutable {
                return net->forward(l, inceptionLogitsForGray(inception, l));
            };
        }
    } else {
        throw Error("unknown colorizer architecture '" + arch + "' (eccv16, siggraph17, koalarization)");
    }
    Colorizer c;
    c.m_temperature = model->defaultTemperature;
    c.m_model = std::move(model);
    return c;
}

bool Colorizer::hasTemperature() const
{
    return m_model->hasTemperature;
}

double Colorizer::defaultTemperature() const
{
    return m_model->defaultTemperature;
}

void Colorizer::setTemperature(double temperature)
{
    if (!(temperature >= kMinTemperature && temperature <= 1.0))
        throw Error("colorize: the temperature must be in [" + std::to_string(kMinTemperature) + ", 1]");
    m_temperature = temperature;
}

std::string Colorizer::architecture() const
{
    return m_model->architecture;
}

std::string Colorizer::globalFeatures() const
{
    return m_model->globalFeatures;
}

int Colorizer::widthDivisor() const
{
    return int(m_model->width);
}

int Colorizer::inputSize() const
{
    return int(m_model->side);
}

Image Colorizer::colorize(const Image &image) const
{
    if (image.channels() != 1 && image.channels() != 3)
        throw Error("colorize: expected a gray or RGB image, got " + std::to_string(image.channels()) + " channels");
    torch::NoGradGuard noGrad;
    torch::Tensor rgb = imageToTensor(image);
    if (rgb.size(0) == 1)
        rgb = rgb.expand({3, rgb.size(1), rgb.size(2)}).contiguous();
    const double temperature = m_temperature;
    const torch::Tensor out = colorizeFullResolution(rgb.clamp(0.0, 1.0), m_model->side, m_model->side,
                                                     [&](const torch::Tensor &l) { return m_model->forward(l, temperature); });
    return imageFromTensorToUInt8(out);
}

} // namespace periscope::colorize
