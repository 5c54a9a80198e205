// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/attribution/Lrp.h"

#include "engine/core/errors/Error.h"

namespace periscope {

namespace {
torch::Tensor stabilise(const torch::Tensor &z, double epsilon)
{
    // Push away from zero with z's own sign (0 counts as positive).
    return z + epsilon * torch::where(z >= 0, torch::ones_like(z), -torch::ones_like(z));
}

// Relevance through a parameter-free map (pooling): the same proportional redistribution.
torch::Tensor lrpPassThrough(const torch::Tensor &input, const torch::Tensor &outputRelevance,
                             const std::function<torch::Tensor(const torch::Tensor &)> &forward, double epsilon)
{
    torch::AutoGradMode enable(true);
    const torch::Tensor a = input.detach().requires_grad_(true);
    const torch::Tensor z = stabilise(forward(a), epsilon);
    const torch::Tensor s = (outputRelevance / z).detach();
    const torch::Tensor c = torch::autograd::grad({(z * s).sum()}, {a})[0];
    return a.detach() * c;
}
} // namespace

torch::Tensor lrpAffineStep(const torch::Tensor &input, const torch::Tensor &outputRelevance, const torch::Tensor &weight,
                            const torch::Tensor &bias, const AffineForward &forward, const LrpRule &rule)
{
    torch::Tensor w = weight.detach();
    torch::Tensor b = bias.defined() ? bias.detach() : torch::Tensor();
    torch::Tensor a = input.detach();
    switch (rule.kind) {
    case LrpRule::Kind::Epsilon: break;
    case LrpRule::Kind::Gamma:
        w = w + rule.gamma * w.clamp_min(0);
        if (b.defined())
            b = b + rule.gamma * b.clamp_min(0);
        break;
    case LrpRule::Kind::ZPlus:
        // Only positive contributions of positive inputs (alpha-1-beta-0 for ReLU inputs).
        w = w.clamp_min(0);
        if (b.defined())
            b = b.clamp_min(0);
        a = a.clamp_min(0);
        break;
    }
    torch::AutoGradMode enable(true);
    const torch::Tensor x = a.requires_grad_(true);
    const torch::Tensor z = stabilise(forward(x, w, b), rule.epsilon);
    const torch::Tensor s = (outputRelevance / z).detach();
    const torch::Tensor c = torch::autograd::grad({(z * s).sum()}, {x})[0];
    return x.detach() * c;
}

LrpResult lrpSequential(torch::nn::Sequential &network, const torch::Tensor &input, const torch::Tensor &targets,
                        const std::function<LrpRule(std::size_t layer)> &ruleForLayer, const JobControl &control)
{
    // Forward once, keeping every module's input.
    std::vector<torch::Tensor> activations;
    torch::Tensor x = input.detach();
    {
        torch::NoGradGuard noGrad;
        for (auto &module : *network) {
            activations.push_back(x);
            x = module.forward(x);
        }
    }
    if (x.dim() != 2)
        throw Error("LRP: the network must end in scores [N, K]");
    const torch::Tensor t = targets.to(x.device(), torch::kLong).unsqueeze(1);
    const torch::Tensor score = x.gather(1, t).squeeze(1);
    // Start: all relevance on the explained score.
    torch::Tensor relevance = torch::zeros_like(x).scatter_(1, t, score.unsqueeze(1));

    LrpResult result;
    result.explainedScore = score;
    result.layerRelevance.resize(network->size() + 1);
    result.layerRelevance[network->size()] = relevance;
    for (std::size_t i = network->size(); i-- > 0;) {
        control.throwIfCancelled();
        const torch::Tensor &a = activations[i];
        const std::shared_ptr<torch::nn::Module> module = network->ptr(i);
        const LrpRule rule = ruleForLayer(i);
        if (auto *linear = module->as<torch::nn::Linear>()) {
            relevance = lrpAffineStep(a, relevance, linear->weight, linear->bias,
                                      [](const torch::Tensor &in, const torch::Tensor &w, const torch::Tensor &b) {
                                          return torch::nn::functional::linear(in, w, b);
                                      },
                                      rule);
        } else if (auto *conv = module->as<torch::nn::Conv2d>()) {
            const auto &o = conv->options;
            if (!std::holds_alternative<torch::ExpandingArray<2>>(o.padding()) ||
                !std::get_if<torch::enumtype::kZeros>(&o.padding_mode()))
                throw Error("LRP supports convolutions with explicit zero padding only (layer " + std::to_string(i) + ")");
            const torch::ExpandingArray<2> padding = std::get<torch::ExpandingArray<2>>(o.padding());
            const std::vector<std::int64_t> stride(o.stride()->begin(), o.stride()->end());
            const std::vector<std::int64_t> dilation(o.dilation()->begin(), o.dilation()->end());
            const std::vector<std::int64_t> pad(padding->begin(), padding->end());
            const std::int64_t groups = o.groups();
            relevance = lrpAffineStep(a, relevance, conv->weight, o.bias() ? conv->bias : torch::Tensor(),
                                      [=](const torch::Tensor &in, const torch::Tensor &w, const torch::Tensor &b) {
                                          return torch::conv2d(in, w, b, stride, pad, dilation, groups);
                                      },
                                      rule);
        } else if (module->as<torch::nn::ReLU>() || module->as<torch::nn::Dropout>()) {
            // Relevance passes through unchanged: it already sits on active units only.
        } else if (module->as<torch::nn::Flatten>()) {
            relevance = relevance.reshape(a.sizes());
        } else if (auto *maxPool = module->as<torch::nn::MaxPool2d>()) {
            relevance = lrpPassThrough(a, relevance, [maxPool](const torch::Tensor &in) { return maxPool->forward(in); },
                                       rule.epsilon);
        } else if (auto *avgPool = module->as<torch::nn::AvgPool2d>()) {
            relevance = lrpPassThrough(a, relevance, [avgPool](const torch::Tensor &in) { return avgPool->forward(in); },
                                       rule.epsilon);
        } else {
            throw Error("LRP has no rule for layer " + std::to_string(i) + " (" + module->name() + ")");
        }
        result.layerRelevance[i] = relevance;
        control.reportProgress(double(network->size() - i) / double(network->size()), "LRP");
    }
    result.relevance = relevance;
    result.conservationError = (relevance.reshape({relevance.size(0), -1}).sum(1) - score).abs();
    return result;
}

} // namespace periscope
