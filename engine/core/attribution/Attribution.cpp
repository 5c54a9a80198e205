// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/attribution/Attribution.h"

#include "engine/core/errors/Error.h"

#include <algorithm>

namespace periscope {

namespace {
torch::Tensor selectScores(const torch::Tensor &scores, const torch::Tensor &targets)
{
    if (scores.dim() != 2 || targets.dim() != 1 || scores.size(0) != targets.size(0))
        throw Error("attribution: the model must return scores [N, K] for N targets, got " + c10::str(scores.sizes()));
    return scores.gather(1, targets.to(scores.device(), torch::kLong).unsqueeze(1)).squeeze(1);
}

// [N, ...] -> [N, 1, 1, ...] for broadcasting per-sample values.
torch::Tensor perSample(const torch::Tensor &values, const torch::Tensor &like)
{
    std::vector<std::int64_t> shape(std::size_t(like.dim()), 1);
    shape[0] = values.size(0);
    return values.reshape(shape);
}
} // namespace

torch::Tensor targetGradient(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets,
                             torch::Tensor *scores)
{
    torch::AutoGradMode enable(true);
    const torch::Tensor x = input.detach().clone().requires_grad_(true);
    const torch::Tensor selected = selectScores(model(x), targets);
    if (scores)
        *scores = selected.detach();
    return torch::autograd::grad({selected.sum()}, {x})[0];
}

torch::Tensor vanillaGradient(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets)
{
    return targetGradient(model, input, targets);
}

torch::Tensor gradientTimesInput(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets)
{
    return targetGradient(model, input, targets) * input.detach();
}

torch::Tensor smoothGrad(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets,
                         const SmoothGradOptions &options, const JobControl &control)
{
    if (options.samples <= 0 || options.batchSize <= 0)
        throw Error("SmoothGrad: samples and batch size must be positive");
    const std::int64_t n = input.size(0);
    const torch::Tensor flat = input.detach().reshape({n, -1});
    const torch::Tensor range = perSample(std::get<0>(flat.max(1)) - std::get<0>(flat.min(1)), input);
    torch::Generator generator = at::detail::createCPUGenerator(options.seed);
    torch::Tensor sum = torch::zeros_like(input);
    // Each forward pass takes `per` noisy copies of every sample: [per * N, ...].
    const int per = std::max(1, options.batchSize / int(std::max<std::int64_t>(1, n)));
    for (int done = 0; done < options.samples;) {
        control.throwIfCancelled();
        const int count = std::min(per, options.samples - done);
        std::vector<std::int64_t> noiseShape = input.sizes().vec();
        noiseShape.insert(noiseShape.begin(), count);
        // Drawn on the CPU from a seeded generator: the same seed gives the same map on any device.
        const torch::Tensor noise = torch::randn(noiseShape, generator, input.options().device(torch::kCPU)).to(input.device()) *
                                    (options.noiseFraction * range).unsqueeze(0);
        const torch::Tensor noisy = (input.detach().unsqueeze(0) + noise).flatten(0, 1);
        const torch::Tensor grads = targetGradient(model, noisy, targets.repeat({count}));
        sum += grads.reshape(noise.sizes()).sum(0);
        done += count;
        control.reportProgress(double(done) / options.samples, "SmoothGrad");
    }
    return sum / double(options.samples);
}

IntegratedGradientsResult integratedGradients(const ScoreFunction &model, const torch::Tensor &input,
                                              const torch::Tensor &targets, const IntegratedGradientsOptions &options,
                                              const JobControl &control)
{
    if (options.steps <= 0 || options.batchSize <= 0)
        throw Error("Integrated Gradients: steps and batch size must be positive");
    const torch::Tensor x = input.detach();
    const torch::Tensor baseline = options.baseline.defined() ? options.baseline.to(x.options()).expand_as(x) : torch::zeros_like(x);
    const torch::Tensor delta = x - baseline;
    const std::int64_t n = x.size(0);
    torch::Tensor sum = torch::zeros_like(x);
    const int per = std::max(1, options.batchSize / int(std::max<std::int64_t>(1, n)));
    for (int step = 0; step < options.steps;) {
        control.throwIfCancelled();
        const int count = std::min(per, options.steps - step);
        // Midpoint rule: alpha = (k + 0.5) / steps.
        const torch::Tensor alphas = (torch::arange(step, step + count, x.options()) + 0.5) / double(options.steps);
        std::vector<std::int64_t> shape(std::size_t(x.dim()) + 1, 1);
        shape[0] = count;
        const torch::Tensor points = (baseline.unsqueeze(0) + alphas.reshape(shape) * delta.unsqueeze(0)).flatten(0, 1);
        const torch::Tensor grads = targetGradient(model, points, targets.repeat({count}));
        std::vector<std::int64_t> unflat = x.sizes().vec();
        unflat.insert(unflat.begin(), count);
        sum += grads.reshape(unflat).sum(0);
        step += count;
        control.reportProgress(double(step) / options.steps, "Integrated Gradients");
    }
    IntegratedGradientsResult result;
    result.attribution = delta * sum / double(options.steps);
    torch::NoGradGuard noGrad;
    result.scoreDifference = selectScores(model(x), targets) - selectScores(model(baseline), targets);
    result.completenessError = (result.attribution.reshape({n, -1}).sum(1) - result.scoreDifference).abs();
    return result;
}

torch::Tensor occlusion(const ScoreFunction &model, const torch::Tensor &input, const torch::Tensor &targets,
                        const OcclusionOptions &options, const JobControl &control)
{
    if (input.dim() != 4 && input.dim() != 5)
        throw Error("occlusion: expected images [N, C, H, W] or clips [N, C, T, H, W]");
    if (options.window <= 0 || options.stride <= 0 || options.batchSize <= 0 || options.frames <= 0 || options.frameStride <= 0)
        throw Error("occlusion: windows, strides and batch size must be positive");
    torch::NoGradGuard noGrad;
    // Images are clips of one frame: one code path for both.
    const bool image = input.dim() == 4;
    const torch::Tensor x = image ? input.detach().unsqueeze(2) : input.detach();
    const std::int64_t n = x.size(0), t = x.size(2), h = x.size(3), w = x.size(4);
    const torch::Tensor reference = selectScores(model(input.detach()), targets);
    // Window origins, with a last one flush with each border so every pixel is covered.
    auto origins = [](std::int64_t size, std::int64_t window, std::int64_t stride) {
        std::vector<std::int64_t> o;
        const std::int64_t last = std::max<std::int64_t>(0, size - window);
        for (std::int64_t p = 0; p <= last; p += stride)
            o.push_back(p);
        if (o.back() != last)
            o.push_back(last);
        return o;
    };
    struct Window {
        std::int64_t t, y, x;
    };
    std::vector<Window> windows;
    for (std::int64_t pt : origins(t, options.frames, options.frameStride))
        for (std::int64_t py : origins(h, options.window, options.stride))
            for (std::int64_t px : origins(w, options.window, options.stride))
                windows.push_back({pt, py, px});
    const std::int64_t wt = std::min<std::int64_t>(options.frames, t), wh = std::min<std::int64_t>(options.window, h),
                       ww = std::min<std::int64_t>(options.window, w);
    const auto cells = [&](torch::Tensor m, const Window &o) { return m.narrow(-3, o.t, wt).narrow(-2, o.y, wh).narrow(-1, o.x, ww); };
    torch::Tensor drop = torch::zeros({n, t, h, w}, x.options());
    torch::Tensor coverage = torch::zeros({n, t, h, w}, x.options());
    const std::int64_t per = std::max<std::int64_t>(1, options.batchSize / std::max<std::int64_t>(1, n));
    for (std::size_t start = 0; start < windows.size();) {
        control.throwIfCancelled();
        const std::size_t count = std::min<std::size_t>(std::size_t(per), windows.size() - start);
        torch::Tensor batch = x.unsqueeze(0).repeat({std::int64_t(count), 1, 1, 1, 1, 1});
        for (std::size_t i = 0; i < count; ++i)
            cells(batch[std::int64_t(i)], windows[start + i]).fill_(options.fill);
        torch::Tensor flat = batch.flatten(0, 1);
        if (image)
            flat = flat.squeeze(2);
        const torch::Tensor scores = selectScores(model(flat), targets.repeat({std::int64_t(count)})).reshape({std::int64_t(count), n});
        for (std::size_t i = 0; i < count; ++i) {
            cells(drop, windows[start + i]) += (reference - scores[std::int64_t(i)]).reshape({n, 1, 1, 1});
            cells(coverage, windows[start + i]) += 1.0;
        }
        start += count;
        control.reportProgress(double(start) / double(windows.size()), "occlusion");
    }
    const torch::Tensor map = drop / coverage.clamp_min(1.0);
    return image ? map.squeeze(1) : map;
}

torch::Tensor gradCam(const ScoreWithActivation &model, const std::string &layer, const torch::Tensor &input,
                      const torch::Tensor &targets, CamVariant variant)
{
    torch::AutoGradMode enable(true);
    // The input carries the graph, so a frozen model (parameters without grad) works too.
    auto [scores, activation] = model(input.detach().requires_grad_(true), layer);
    if (!activation.defined() || activation.dim() != 4)
        throw Error("Grad-CAM: the model exposes no 4-D activation named '" + layer + "'");
    if (!activation.requires_grad())
        throw Error("Grad-CAM: activation '" + layer + "' is not connected to the input (was it computed without grad?)");
    const torch::Tensor selected = selectScores(scores, targets);
    const torch::Tensor grad = torch::autograd::grad({selected.sum()}, {activation})[0];
    const torch::Tensor a = activation.detach();
    torch::Tensor weights;
    if (variant == CamVariant::GradCam) {
        weights = grad.mean({2, 3}, true);
    } else {
        // Grad-CAM++ (Chattopadhyay et al. 2018) with the exponential-score closed form:
        // alpha = g^2 / (2 g^2 + sum(A) g^3), weights = sum(alpha * relu(g)).
        const torch::Tensor g2 = grad.pow(2), g3 = grad.pow(3);
        const torch::Tensor denominator = 2.0 * g2 + a.sum({2, 3}, true) * g3;
        const torch::Tensor alpha = g2 / torch::where(denominator != 0, denominator, torch::ones_like(denominator));
        weights = (alpha * torch::relu(grad)).sum({2, 3}, true);
    }
    return torch::relu((weights * a).sum(1));
}

} // namespace periscope
