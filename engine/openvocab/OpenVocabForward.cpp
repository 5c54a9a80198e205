// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/OpenVocabForward.h"

#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/openvocab/DinoTxtNets.h"

namespace periscope::openvocab {

namespace {
torch::Tensor inputOf(const std::string &file)
{
    const StateDict inputs = readSafetensors(file).tensors;
    if (const torch::Tensor *t = findTensor(inputs, "input"))
        return *t;
    throw Error(file + " has no tensor named \"input\"");
}

void loadStrictly(torch::nn::Module &module, const StateDict &weights, const std::string &file, const std::string &what)
{
    const LoadReport report = applyStateDict(module, weights, /*strict=*/false);
    if (!report.isComplete())
        throw Error(file + " does not fit " + what + ": " + report.summary());
    module.eval();
}

std::string firstLine(const c10::Error &e)
{
    const std::string what = e.what_without_backtrace();
    return what.substr(0, what.find('\n'));
}

void runVision(const DinoTxtForwardRequest &request)
{
    if (request.headWeights.empty())
        throw Error("dinotxt_vision needs the vision head's weights besides the DINOv2 backbone's");
    const StateDict backboneWeights = loadStateDict(request.weights);
    VisionTransformer backbone(dinoV2Config(backboneWeights, "", request.weights));
    loadStrictly(*backbone, backboneWeights, request.weights, "a DINOv2 backbone");
    const StateDict headWeights = loadStateDict(request.headWeights);
    const VisionHeadConfig headConfig = visionHeadConfig(headWeights, request.headWeights);
    if (headConfig.dim != backbone->config().dim)
        throw Error(request.headWeights + ": the head is " + std::to_string(headConfig.dim) + " wide, the backbone " +
                    std::to_string(backbone->config().dim));
    VisionHead head(headConfig);
    loadStrictly(*head, headWeights, request.headWeights, "a dino.txt vision head");
    const torch::Tensor images = inputOf(request.input).to(torch::kFloat);
    if (!torch::isfinite(images).all().item<bool>())
        throw Error(request.input + ": \"input\" holds a value that is not finite");
    torch::NoGradGuard noGrad;
    VisionOutputs out;
    try {
        out = runVisionTower(*backbone, *head, images);
    } catch (const c10::Error &e) {
        throw Error("dinotxt_vision cannot run on " + c10::str(images.sizes()) + ": " + firstLine(e));
    }
    writeSafetensors(request.output,
                     {{"cls", out.cls.contiguous()}, {"patch_tokens", out.patchTokens.contiguous()}, {"image_embedding", out.imageEmbedding.contiguous()}});
}

void runText(const DinoTxtForwardRequest &request)
{
    const StateDict weights = loadStateDict(request.weights);
    TextTower tower(textConfig(weights, request.weights));
    loadStrictly(*tower, weights, request.weights, "a dino.txt text encoder");
    const torch::Tensor ids = inputOf(request.input);
    if (!torch::isIntegralType(ids.scalar_type(), /*includeBool=*/false))
        throw Error(request.input + ": \"input\" must hold token ids (integers)");
    torch::NoGradGuard noGrad;
    torch::Tensor embedding;
    try {
        embedding = tower->forward(ids.to(torch::kLong));
    } catch (const c10::Error &e) {
        throw Error("dinotxt_text cannot run on " + c10::str(ids.sizes()) + ": " + firstLine(e));
    }
    writeSafetensors(request.output, {{"text_embedding", embedding.contiguous()}});
}
} // namespace

bool isDinoTxtArchitecture(const std::string &name)
{
    return name == "dinotxt_vision" || name == "dinotxt_text";
}

void runDinoTxtForward(const DinoTxtForwardRequest &request)
{
    if (request.architecture == "dinotxt_vision")
        runVision(request);
    else if (request.architecture == "dinotxt_text")
        runText(request);
    else
        throw Error("unknown dino.txt architecture \"" + request.architecture + "\"");
}

} // namespace periscope::openvocab
