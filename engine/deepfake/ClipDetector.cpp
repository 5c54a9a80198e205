// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/ClipDetector.h"

#include "engine/core/attribution/Attribution.h"
#include "engine/core/errors/Error.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/StateDict.h"

namespace periscope::deepfake {

namespace {
namespace F = torch::nn::functional;
} // namespace

std::vector<std::string> clipDetectorArchitectures() { return {"mvit_v2_mini", "mvit_v2_s"}; }

bool isClipArchitecture(const std::string &architecture) { return architecture == "mvit_v2_s" || architecture == "mvit_v2_mini"; }

ClipDetector ClipDetector::load(const std::string &architecture, const std::string &weightsPath, torch::Device device)
{
    if (!isClipArchitecture(architecture))
        throw Error("the clip detector must be mvit_v2_s or mvit_v2_mini, not \"" + architecture + "\"");
    const StateDict weights = loadStateDict(weightsPath);
    const torch::Tensor *head = findTensor(weights, "head.1.weight");
    if (!head || head->dim() != 2)
        throw Error(weightsPath + " is not an MViT checkpoint (no head.1.weight)");
    if (head->size(0) != 1)
        throw Error(weightsPath + " has " + std::to_string(head->size(0)) + " outputs; a DeepFake detector has one logit (\"fake\")");
    MViT model(MViTConfig::named(architecture, 1));
    const LoadReport report = applyStateDict(*model, weights, /*strict=*/false);
    if (!report.isComplete())
        throw Error(weightsPath + " does not fit " + architecture + ": " + report.summary());
    return ClipDetector(std::move(model), device);
}

ClipDetector::ClipDetector(MViT model, torch::Device device)
    : m_model(std::move(model)), m_device(device), m_passBatch(device.is_cuda() ? 16 : 2)
{
    m_model->to(m_device);
    m_model->eval();
    for (torch::Tensor &p : m_model->parameters())
        p.requires_grad_(false);
}

torch::Tensor ClipDetector::input(const torch::Tensor &crops) const
{
    const std::int64_t frames = framesPerClip(), size = cropSize();
    if (crops.dim() != 4 || crops.size(1) != 3 || crops.size(2) != size || crops.size(3) != size)
        throw Error("the clip detector takes RGB crops [F, 3, " + std::to_string(size) + ", " + std::to_string(size) + "]");
    if (crops.size(0) < 1 || crops.size(0) > frames)
        throw Error("a clip has 1 to " + std::to_string(frames) + " frames, not " + std::to_string(crops.size(0)));
    torch::Tensor clip = crops.to(m_device, torch::kFloat);
    if (clip.size(0) < frames)
        clip = torch::cat({clip, clip.narrow(0, clip.size(0) - 1, 1).expand({frames - clip.size(0), -1, -1, -1})});
    // [T, 3, S, S] -> [1, 3, T, S, S]
    return ((clip - MViTConfig::kMean) / MViTConfig::kStd).permute({1, 0, 2, 3}).unsqueeze(0).contiguous();
}

torch::Tensor ClipDetector::probabilities(const torch::Tensor &clips)
{
    torch::NoGradGuard noGrad;
    return torch::sigmoid(m_model->forward(clips.to(m_device))).reshape({-1}).to(torch::kCPU, torch::kFloat);
}

torch::Tensor ClipDetector::explain(ExplanationMethod method, const torch::Tensor &clips, const JobControl &control)
{
    const torch::Tensor x = clips.to(m_device);
    const MViTConfig &config = m_model->config();
    const std::int64_t n = x.size(0), frames = config.frames, size = config.height;
    const torch::Tensor target = torch::zeros({n}, torch::TensorOptions().dtype(torch::kLong).device(m_device));
    const ScoreFunction score = [this](const torch::Tensor &batch) { return m_model->forward(batch); };
    const int pass = int(std::max<std::int64_t>(m_passBatch, n));
    torch::Tensor map;
    switch (method) {
    case ExplanationMethod::GradCam:
    case ExplanationMethod::GradCamPlusPlus: {
        // The last block's input tokens seen as a map [N, C, t*h, w]; the rest of the network
        // runs on that very tensor, so Grad-CAM's channel weights average the gradient over all
        // t*h*w cells. (The last block's output would give nothing: the head reads only the class
        // token, which after the last block no grid token feeds.)
        Extent3 grid{};
        const ScoreWithActivation withActivation = [this, &grid](const torch::Tensor &batch, const std::string &) {
            const std::size_t last = m_model->blockCount() - 1;
            auto [tokens, tokenGrid] = m_model->encode(batch, last);
            grid = tokenGrid;
            const std::int64_t b = tokens.size(0), c = tokens.size(2);
            const torch::Tensor cells = tokens.narrow(1, 1, tokens.size(1) - 1).transpose(1, 2).reshape({b, c, grid[0] * grid[1], grid[2]});
            const torch::Tensor rebuilt = torch::cat({tokens.narrow(1, 0, 1), cells.reshape({b, c, -1}).transpose(1, 2)}, 1);
            return std::make_pair(m_model->finish(rebuilt, grid, last), cells);
        };
        const torch::Tensor cam = gradCam(withActivation, "tokens", x, target,
                                          method == ExplanationMethod::GradCam ? CamVariant::GradCam : CamVariant::GradCamPlusPlus);
        map = F::interpolate(cam.reshape({n, 1, grid[0], grid[1], grid[2]}), F::InterpolateFuncOptions()
                                                                                  .size(std::vector<std::int64_t>{frames, size, size})
                                                                                  .mode(torch::kTrilinear)
                                                                                  .align_corners(false))
                  .squeeze(1);
        break;
    }
    case ExplanationMethod::IntegratedGradients:
    case ExplanationMethod::SmoothGrad:
        map = gradientExplanation(method, score, x, pass, control);
        break;
    case ExplanationMethod::Occlusion: {
        // Windows of a quarter of the crop and half the clip, overlapping by half: 7 x 7 x 3
        // windows, so one clip costs 147 passes.
        OcclusionOptions options;
        options.window = int(std::max<std::int64_t>(8, size / 4));
        options.stride = options.window / 2;
        options.frames = int(std::max<std::int64_t>(1, frames / 2));
        options.frameStride = std::max(1, options.frames / 2);
        options.batchSize = pass;
        map = occlusion(score, x, target, options, control);
        break;
    }
    case ExplanationMethod::AttentionRollout: {
        torch::NoGradGuard noGrad;
        map = mvitAttentionRollout(m_model->forwardTraced(x, /*keepAttention=*/true), config);
        break;
    }
    }
    return map.detach().to(torch::kCPU, torch::kFloat);
}

} // namespace periscope::deepfake
