// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/training/Optimizers.h"

#include "engine/core/errors/Error.h"

#include <cmath>

namespace periscope {

OptimizerKind parseOptimizerKind(const std::string &text)
{
    if (text == "adam")
        return OptimizerKind::Adam;
    if (text == "adamw")
        return OptimizerKind::AdamW;
    if (text == "sgd")
        return OptimizerKind::Sgd;
    throw Error("unknown optimizer '" + text + "' (expected adam, adamw or sgd)");
}

std::string toString(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Adam: return "adam";
    case OptimizerKind::AdamW: return "adamw";
    case OptimizerKind::Sgd: return "sgd";
    }
    return "adam";
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const std::vector<torch::Tensor> &parameters, const OptimizerSettings &s)
{
    if (!(s.learningRate > 0.0) || s.weightDecay < 0.0)
        throw Error("optimizer: the learning rate must be positive and the weight decay non-negative");
    switch (s.kind) {
    case OptimizerKind::Adam:
        return std::make_unique<torch::optim::Adam>(
            parameters, torch::optim::AdamOptions(s.learningRate).betas({s.beta1, s.beta2}).weight_decay(s.weightDecay));
    case OptimizerKind::AdamW:
        return std::make_unique<torch::optim::AdamW>(
            parameters, torch::optim::AdamWOptions(s.learningRate).betas({s.beta1, s.beta2}).weight_decay(s.weightDecay));
    case OptimizerKind::Sgd:
        return std::make_unique<torch::optim::SGD>(
            parameters,
            torch::optim::SGDOptions(s.learningRate).momentum(s.momentum).nesterov(s.nesterov).weight_decay(s.weightDecay));
    }
    throw Error("optimizer: unknown kind");
}

void setLearningRate(torch::optim::Optimizer &optimizer, double learningRate)
{
    for (auto &group : optimizer.param_groups())
        group.options().set_lr(learningRate);
}

double learningRate(const torch::optim::Optimizer &optimizer)
{
    return optimizer.param_groups().empty() ? 0.0 : optimizer.param_groups().front().options().get_lr();
}

WarmupCosineSchedule::WarmupCosineSchedule(double peak, std::int64_t warmupSteps, std::int64_t totalSteps, double floor)
    : m_peak(peak), m_floor(floor), m_warmup(warmupSteps), m_total(totalSteps)
{
    if (warmupSteps < 0 || totalSteps <= 0 || warmupSteps > totalSteps)
        throw Error("warm-up + cosine: need 0 <= warm-up steps <= total steps, total > 0");
}

double WarmupCosineSchedule::at(std::int64_t step) const
{
    if (step < m_warmup)
        return m_peak * double(step + 1) / double(m_warmup);
    if (step >= m_total)
        return m_floor;
    const double progress = double(step - m_warmup) / double(std::max<std::int64_t>(1, m_total - m_warmup));
    return m_floor + (m_peak - m_floor) * 0.5 * (1.0 + std::cos(3.14159265358979323846 * progress));
}

PlateauSchedule::PlateauSchedule(double initial, double factor, int patience, double threshold, double floor, bool maximize)
    : m_lr(initial), m_factor(factor), m_threshold(threshold), m_floor(floor), m_patience(patience), m_maximize(maximize)
{
    if (!(factor > 0.0 && factor < 1.0) || patience < 0)
        throw Error("plateau schedule: the factor must be in (0, 1) and the patience non-negative");
}

double PlateauSchedule::update(double metric)
{
    const bool better = !m_hasBest || (m_maximize ? metric > m_best * (1.0 + (m_best >= 0 ? m_threshold : -m_threshold))
                                                  : metric < m_best * (1.0 - (m_best >= 0 ? m_threshold : -m_threshold)));
    if (better) {
        m_best = metric;
        m_hasBest = true;
        m_bad = 0;
    } else if (++m_bad > m_patience) {
        m_lr = std::max(m_floor, m_lr * m_factor);
        m_bad = 0;
    }
    return m_lr;
}

} // namespace periscope
