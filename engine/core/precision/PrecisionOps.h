// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include "engine/core/precision/Precision.h"

#include <torch/torch.h>

#include <functional>

namespace periscope {

// Runs the enclosed code under autocast at `precision` on `device` (CPU or CUDA), restoring the
// previous autocast state when it ends. Fp32 leaves autocast off.
class AutocastScope {
public:
    AutocastScope(const torch::Device &device, Precision precision);
    ~AutocastScope();
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_active = false;
    bool m_cuda = false;
    bool m_previousEnabled = false;
    at::ScalarType m_previousType = at::kBFloat16;
};

// Compares a model's bf16 outputs with its fp32 outputs ([N, ...], flattened per sample).
PrecisionCheck comparePrecision(const torch::Tensor &fp32, const torch::Tensor &bf16, const PrecisionTolerance &tolerance);

// Resolves a preference for one model. For Auto on a device with fast bf16, `run` is called twice
// plainly and twice under bf16 autocast on the same probe input (the first of each warms up the
// kernels, the second is timed), and decidePrecision() chooses. `check`, when given, receives
// what was measured.
Precision choosePrecision(PrecisionPreference preference, const DeviceInfo &device,
                          const std::function<torch::Tensor()> &run, const PrecisionTolerance &tolerance,
                          PrecisionCheck *check = nullptr);

} // namespace periscope
