// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace periscope {

enum class OptimizerKind { Adam, AdamW, Sgd };

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Adam;
    double learningRate = 1e-3;
    double weightDecay = 0.0;
    double beta1 = 0.9, beta2 = 0.999; // Adam, AdamW
    double momentum = 0.9;             // SGD
    bool nesterov = false;
};

OptimizerKind parseOptimizerKind(const std::string &text); // "adam", "adamw", "sgd"
std::string toString(OptimizerKind kind);

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const std::vector<torch::Tensor> &parameters, const OptimizerSettings &settings);

void setLearningRate(torch::optim::Optimizer &optimizer, double learningRate);
double learningRate(const torch::optim::Optimizer &optimizer);

// Linear warm-up to `peak`, then a cosine decay to `floor` at `totalSteps` (and flat after).
class WarmupCosineSchedule {
public:
    WarmupCosineSchedule(double peak, std::int64_t warmupSteps, std::int64_t totalSteps, double floor = 0.0);
    double at(std::int64_t step) const;

private:
    double m_peak, m_floor;
    std::int64_t m_warmup, m_total;
};

// Multiplies the learning rate by `factor` when the watched metric has not improved by more than
// `threshold` (relative) for `patience` evaluations.
class PlateauSchedule {
public:
    PlateauSchedule(double initial, double factor = 0.1, int patience = 10, double threshold = 1e-4, double floor = 0.0,
                    bool maximize = false);
    double update(double metric); // returns the learning rate to use from now on
    double learningRate() const { return m_lr; }

private:
    double m_lr, m_factor, m_threshold, m_floor;
    int m_patience, m_bad = 0;
    bool m_maximize, m_hasBest = false;
    double m_best = 0.0;
};

} // namespace periscope
