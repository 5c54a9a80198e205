// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/FrameDetector.h"

#include "engine/core/attribution/Attribution.h"
#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"

namespace periscope::deepfake {

namespace {
namespace F = torch::nn::functional;

struct MethodName {
    ExplanationMethod method;
    const char *name;
};
constexpr MethodName kMethods[] = {
    {ExplanationMethod::GradCam, "gradcam"},           {ExplanationMethod::GradCamPlusPlus, "gradcampp"},
    {ExplanationMethod::IntegratedGradients, "ig"},    {ExplanationMethod::SmoothGrad, "smoothgrad"},
    {ExplanationMethod::Occlusion, "occlusion"},       {ExplanationMethod::AttentionRollout, "rollout"},
};

// IG's path points and SmoothGrad's samples per input: the settings the explanation metrics were
// measured with (docs/explanation-metrics.md).
constexpr int kIntegratedGradientsSteps = 32;
constexpr int kSmoothGradSamples = 16;
} // namespace

std::vector<std::string> explanationMethodNames()
{
    std::vector<std::string> names;
    for (const MethodName &m : kMethods)
        if (m.method != ExplanationMethod::AttentionRollout)
            names.emplace_back(m.name);
    return names;
}

std::vector<std::string> clipExplanationMethodNames()
{
    std::vector<std::string> names;
    for (const MethodName &m : kMethods)
        names.emplace_back(m.name);
    return names;
}

ExplanationMethod parseExplanationMethod(const std::string &name)
{
    for (const MethodName &m : kMethods)
        if (name == m.name)
            return m.method;
    std::string list;
    for (const MethodName &m : kMethods)
        list += (list.empty() ? "" : ", ") + std::string(m.name);
    throw Error("unknown explanation method \"" + name + "\" (" + list + ")");
}

std::string toString(ExplanationMethod method)
{
    for (const MethodName &m : kMethods)
        if (m.method == method)
            return m.name;
    return "unknown";
}

torch::Tensor imagenetNormalised(const torch::Tensor &crops)
{
    const auto options = crops.options().dtype(torch::kFloat);
    const torch::Tensor mean = torch::tensor({0.485f, 0.456f, 0.406f}).view({1, 3, 1, 1}).to(options);
    const torch::Tensor std = torch::tensor({0.229f, 0.224f, 0.225f}).view({1, 3, 1, 1}).to(options);
    return (crops.to(torch::kFloat) - mean) / std;
}

torch::Tensor gradientExplanation(ExplanationMethod method, const ScoreFunction &score, const torch::Tensor &input, int passBatch,
                                  const JobControl &control)
{
    const torch::Tensor target = torch::zeros({input.size(0)}, torch::TensorOptions().dtype(torch::kLong).device(input.device()));
    if (method == ExplanationMethod::IntegratedGradients) {
        IntegratedGradientsOptions options;
        options.steps = kIntegratedGradientsSteps;
        options.batchSize = passBatch;
        return integratedGradients(score, input, target, options, control).attribution.sum(1);
    }
    if (method == ExplanationMethod::SmoothGrad) {
        SmoothGradOptions options;
        options.samples = kSmoothGradSamples;
        options.batchSize = passBatch;
        return smoothGrad(score, input, target, options, control).abs().sum(1);
    }
    throw Error("gradientExplanation: " + toString(method) + " is not a gradient method");
}

FrameDetector FrameDetector::load(const std::string &architecture, const std::string &weightsPath, torch::Device device)
{
    const std::string prefix = "efficientnet_b";
    if (architecture.rfind(prefix, 0) != 0 || architecture.size() != prefix.size() + 1 || architecture.back() < '0' ||
        architecture.back() > '7')
        throw Error("the frame detector must be efficientnet_b0 .. efficientnet_b7, not \"" + architecture + "\"");
    const StateDict weights = loadStateDict(weightsPath);
    const torch::Tensor *head = findTensor(weights, "classifier.1.weight");
    if (!head || head->dim() != 2)
        throw Error(weightsPath + " is not an EfficientNet checkpoint (no classifier.1.weight)");
    if (head->size(0) != 1)
        throw Error(weightsPath + " has " + std::to_string(head->size(0)) + " outputs; a DeepFake detector has one logit (\"fake\")");
    EfficientNet model(EfficientNetConfig::b(architecture.back() - '0', 1));
    const LoadReport report = applyStateDict(*model, weights, /*strict=*/false);
    if (!report.isComplete())
        throw Error(weightsPath + " does not fit " + architecture + ": " + report.summary());
    return FrameDetector(std::move(model), device);
}

FrameDetector::FrameDetector(EfficientNet model, torch::Device device)
    : m_model(std::move(model)), m_device(device), m_passBatch(device.is_cuda() ? 64 : 8)
{
    m_model->to(m_device);
    m_model->eval();
    // Explanations take gradients with respect to the input, never the weights.
    for (torch::Tensor &p : m_model->parameters())
        p.requires_grad_(false);
}

torch::Tensor FrameDetector::input(const torch::Tensor &crops) const
{
    if (crops.dim() != 4 || crops.size(1) != 3)
        throw Error("the detector takes RGB crops [N, 3, S, S]");
    return imagenetNormalised(crops.to(m_device, torch::kFloat));
}

torch::Tensor FrameDetector::probabilities(const torch::Tensor &input)
{
    torch::NoGradGuard noGrad;
    return torch::sigmoid(m_model->forward(input.to(m_device))).reshape({-1}).to(torch::kCPU, torch::kFloat);
}

torch::Tensor FrameDetector::explain(ExplanationMethod method, const torch::Tensor &input, const JobControl &control)
{
    const torch::Tensor x = input.to(m_device);
    const std::int64_t n = x.size(0), size = x.size(2);
    const torch::Tensor target = torch::zeros({n}, torch::TensorOptions().dtype(torch::kLong).device(m_device));
    const ScoreFunction score = [this](const torch::Tensor &batch) { return m_model->forward(batch); };
    // Each pass takes up to passBatch inputs in all, and at least one path point of every input.
    const int pass = int(std::max<std::int64_t>(m_passBatch, n));
    torch::Tensor map;
    switch (method) {
    case ExplanationMethod::GradCam:
    case ExplanationMethod::GradCamPlusPlus: {
        const ScoreWithActivation withActivation = [this](const torch::Tensor &batch, const std::string &layer) {
            return m_model->forwardWithActivation(batch, layer);
        };
        const torch::Tensor cam = gradCam(withActivation, "features", x, target,
                                          method == ExplanationMethod::GradCam ? CamVariant::GradCam : CamVariant::GradCamPlusPlus);
        map = F::interpolate(cam.unsqueeze(1), F::InterpolateFuncOptions()
                                                   .size(std::vector<std::int64_t>{size, size})
                                                   .mode(torch::kBilinear)
                                                   .align_corners(false))
                  .squeeze(1);
        break;
    }
    case ExplanationMethod::IntegratedGradients:
    case ExplanationMethod::SmoothGrad:
        map = gradientExplanation(method, score, x, pass, control);
        break;
    case ExplanationMethod::Occlusion: {
        OcclusionOptions options;
        options.window = int(std::max<std::int64_t>(8, size / 8));
        options.stride = options.window / 2;
        options.batchSize = pass;
        map = occlusion(score, x, target, options, control);
        break;
    }
    case ExplanationMethod::AttentionRollout:
        throw Error("attention rollout explains a transformer's attention; an EfficientNet has none (use mvit_v2_s or mvit_v2_mini)");
    }
    return map.detach().to(torch::kCPU, torch::kFloat);
}

} // namespace periscope::deepfake
