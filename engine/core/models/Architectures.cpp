// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/models/Architectures.h"

#include "engine/core/errors/Error.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/models/MViT.h"
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

// How an architecture is built from its checkpoint and run on an input. Image networks take
// [N, 3, H, W]; clip networks [N, 3, T, H, W].
struct Architecture {
    std::function<std::shared_ptr<torch::nn::Module>(const StateDict &, const std::string &)> build;
    std::function<torch::Tensor(torch::nn::Module &, const torch::Tensor &)> run;
    std::int64_t inputDims = 4;
};

template <typename Impl>
torch::Tensor runAs(torch::nn::Module &module, const torch::Tensor &input)
{
    return static_cast<Impl &>(module).forward(input);
}

const std::map<std::string, Architecture> &architectures()
{
    static const std::map<std::string, Architecture> table = [] {
        std::map<std::string, Architecture> t;
        for (int variant = 0; variant <= 7; ++variant)
            t["efficientnet_b" + std::to_string(variant)] = {[variant](const StateDict &w, const std::string &file) {
                                                                 return EfficientNet(EfficientNetConfig::b(variant, classesOf(w, "classifier.1.weight", file))).ptr();
                                                             },
                                                             runAs<EfficientNetImpl>};
        t["resnet18"] = {[](const StateDict &w, const std::string &file) {
                             ResNetConfig config = ResNetConfig::resnet18();
                             config.classes = classesOf(w, "fc.weight", file);
                             return ResNet(config).ptr();
                         },
                         runAs<ResNetImpl>};
        t["resnet50"] = {[](const StateDict &w, const std::string &file) {
                             ResNetConfig config = ResNetConfig::resnet50();
                             config.classes = classesOf(w, "fc.weight", file);
                             return ResNet(config).ptr();
                         },
                         runAs<ResNetImpl>};
        for (const char *name : {"mvit_v2_s", "mvit_v2_mini"})
            t[name] = {[name = std::string(name)](const StateDict &w, const std::string &file) {
                           return MViT(MViTConfig::named(name, classesOf(w, "head.1.weight", file))).ptr();
                       },
                       [](torch::nn::Module &module, const torch::Tensor &input) {
                           auto &mvit = static_cast<MViTImpl &>(module);
                           mvit.checkInput(input);
                           return mvit.forward(input);
                       },
                       5};
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
    for (const auto &[name, architecture] : architectures())
        names.push_back(name);
    return names;
}

void runForward(const ForwardRequest &request)
{
    const auto it = architectures().find(request.architecture);
    if (it == architectures().end())
        throw Error("unknown architecture \"" + request.architecture + "\" (registered: " + joined(registeredArchitectures()) + ")");
    const Architecture &architecture = it->second;
    const StateDict weights = loadStateDict(request.weights);
    const std::shared_ptr<torch::nn::Module> module = architecture.build(weights, request.weights);
    const LoadReport report = applyStateDict(*module, weights, /*strict=*/false);
    if (!report.isComplete())
        throw Error(request.weights + " does not fit " + request.architecture + ": " + report.summary());
    module->eval();
    const torch::Tensor input = named(readSafetensors(request.input).tensors, "input", request.input).to(torch::kFloat);
    if (input.dim() != architecture.inputDims || input.size(1) != 3)
        throw Error(request.input + ": \"input\" must be " + (architecture.inputDims == 4 ? "images [N, 3, H, W]" : "clips [N, 3, T, H, W]"));
    if (!torch::isfinite(input).all().item<bool>())
        throw Error(request.input + ": \"input\" holds a value that is not finite");
    torch::NoGradGuard noGrad;
    torch::Tensor output;
    try {
        output = architecture.run(*module, input);
    } catch (const c10::Error &e) {
        // An input too small for the network's strides, say: LibTorch's first line says which.
        const std::string what = e.what_without_backtrace();
        std::string size;
        for (std::int64_t d = 2; d < input.dim(); ++d)
            size += (d > 2 ? " x " : "") + std::to_string(input.size(d));
        throw Error(request.architecture + " cannot run on the input " + size + ": " + what.substr(0, what.find('\n')));
    }
    writeSafetensors(request.output, {{"output", output.contiguous()}});
}

} // namespace periscope
