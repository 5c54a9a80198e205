// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/Architectures.h"

#include "engine/core/errors/Error.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/models/ResNet.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"

#include <algorithm>
#include <functional>
#include <map>

namespace periscope {

namespace {
torch::Tensor named(const StateDict &tensors, const std::string &name, const std::string &file)
{
    if (const torch::Tensor *tensor = findTensor(tensors, name))
        return *tensor;
    throw Error(file + " has no tensor named \"" + name + "\"");
}

// The classes a checkpoint's last layer has, from its weight's first dimension.
std::int64_t classesOf(const StateDict &weights, const std::string &tensor, const std::string &file)
{
    const torch::Tensor w = named(weights, tensor, file);
    if (w.dim() != 2)
        throw Error(file + ": \"" + tensor + "\" is not a linear layer's weight");
    return w.size(0);
}

using Builder = std::function<std::shared_ptr<torch::nn::Module>(const StateDict &, const std::string &)>;

const std::map<std::string, Builder> &builders()
{
    static const std::map<std::string, Builder> table = [] {
        std::map<std::string, Builder> t;
        for (int variant = 0; variant <= 7; ++variant)
            t["efficientnet_b" + std::to_string(variant)] = [variant](const StateDict &w, const std::string &file) {
                return EfficientNet(EfficientNetConfig::b(variant, classesOf(w, "classifier.1.weight", file))).ptr();
            };
        t["resnet18"] = [](const StateDict &w, const std::string &file) {
            ResNetConfig config = ResNetConfig::resnet18();
            config.classes = classesOf(w, "fc.weight", file);
            return ResNet(config).ptr();
        };
        t["resnet50"] = [](const StateDict &w, const std::string &file) {
            ResNetConfig config = ResNetConfig::resnet50();
            config.classes = classesOf(w, "fc.weight", file);
            return ResNet(config).ptr();
        };
        return t;
    }();
    return table;
}

std::string joined(const std::vector<std::string> &names)
{
    std::string text;
    for (const std::string &n : names)
        text += (text.empty() ? "" : ", ") + n;
    return text;
}
} // namespace

std::vector<std::string> registeredArchitectures()
{
    std::vector<std::string> names;
    for (const auto &[name, builder] : builders())
        names.push_back(name);
    return names;
}

void runForward(const ForwardRequest &request)
{
    const auto it = builders().find(request.architecture);
    if (it == builders().end())
        throw Error("unknown architecture \"" + request.architecture + "\" (registered: " + joined(registeredArchitectures()) + ")");
    const StateDict weights = loadStateDict(request.weights);
    const std::shared_ptr<torch::nn::Module> module = it->second(weights, request.weights);
    const LoadReport report = applyStateDict(*module, weights, /*strict=*/false);
    if (!report.isComplete())
        throw Error(request.weights + " does not fit " + request.architecture + ": " + report.summary());
    module->eval();
    const torch::Tensor input = named(readSafetensors(request.input).tensors, "input", request.input).to(torch::kFloat);
    if (input.dim() != 4 || input.size(1) != 3)
        throw Error(request.input + ": \"input\" must be images [N, 3, H, W]");
    if (!torch::isfinite(input).all().item<bool>())
        throw Error(request.input + ": \"input\" holds a value that is not finite");
    torch::NoGradGuard noGrad;
    torch::Tensor output;
    try {
        if (auto *efficientNet = dynamic_cast<EfficientNetImpl *>(module.get()))
            output = efficientNet->forward(input);
        else if (auto *resNet = dynamic_cast<ResNetImpl *>(module.get()))
            output = resNet->forward(input);
    } catch (const c10::Error &e) {
        // An input too small for the network's strides, say: LibTorch's first line says which.
        const std::string what = e.what_without_backtrace();
        throw Error(request.architecture + " cannot run on the input " + std::to_string(input.size(2)) + " x " + std::to_string(input.size(3)) +
                    ": " + what.substr(0, what.find('\n')));
    }
    writeSafetensors(request.output, {{"output", output.contiguous()}});
}

} // namespace periscope
