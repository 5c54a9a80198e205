// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/device/Device.h"

#include <string>

namespace periscope {

// fp32 is the default everywhere. bf16 (matrix products and convolutions in bf16, reductions and
// normalisations in fp32, as autocast does) is far faster on CUDA and on CPUs with AMX or
// AVX512-BF16 (measured here on 2 vCPUs: a 2048^2 product at 591 vs 53 GFLOP/s), and is chosen
// for a model only where that model's tolerance holds on a probe input.
enum class Precision { Fp32, Bf16 };
enum class PrecisionPreference { Auto, Fp32, Bf16 };

PrecisionPreference parsePrecisionPreference(const std::string &text); // "auto", "fp32", "bf16"
std::string toString(Precision precision);
std::string toString(PrecisionPreference preference);

// What a model accepts from bf16: its outputs' cosine similarity to fp32 (per sample) at least
// minCosine, and (for classifiers) the same arg-max class.
struct PrecisionTolerance {
    double minCosine = 0.999;
    bool sameArgmax = true;
};

struct PrecisionCheck {
    double worstCosine = 1.0;
    bool sameArgmax = true;
    bool passed = true;       // the tolerance holds
    double fp32Seconds = 0.0; // one probe run each, after a warm-up run
    double bf16Seconds = 0.0;
};

// bf16 pays only where it is faster: oneDNN's fp32 convolutions are fast enough on these CPUs
// that a ResNet-50 ran slower under bf16 autocast (13.1 vs 18.6 images/s) while a ViT-B/14 ran
// 2.6-3.5x faster. Auto picks bf16 when the tolerance holds and bf16 took at most 90 % of fp32's
// time on the probe.
Precision decidePrecision(const PrecisionCheck &check);

// True on CPUs whose flags list AMX-BF16 or AVX512-BF16 (oneDNN's fast bf16 paths).
bool cpuHasFastBf16();
// CUDA devices run bf16 on tensor cores; CPUs only with the flags above.
bool deviceHasFastBf16(const DeviceInfo &device);

} // namespace periscope
