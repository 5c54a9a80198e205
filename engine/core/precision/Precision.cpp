// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/precision/PrecisionOps.h"

#include "engine/core/errors/Error.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace periscope {

PrecisionPreference parsePrecisionPreference(const std::string &text)
{
    if (text == "auto")
        return PrecisionPreference::Auto;
    if (text == "fp32")
        return PrecisionPreference::Fp32;
    if (text == "bf16")
        return PrecisionPreference::Bf16;
    throw Error("unknown precision '" + text + "' (expected auto, fp32 or bf16)");
}

std::string toString(Precision precision)
{
    return precision == Precision::Bf16 ? "bf16" : "fp32";
}

std::string toString(PrecisionPreference preference)
{
    switch (preference) {
    case PrecisionPreference::Auto: return "auto";
    case PrecisionPreference::Fp32: return "fp32";
    case PrecisionPreference::Bf16: return "bf16";
    }
    return "auto";
}

bool cpuHasFastBf16()
{
    static const bool fast = [] {
        std::ifstream cpuinfo("/proc/cpuinfo");
        std::string line;
        while (std::getline(cpuinfo, line)) {
            if (line.rfind("flags", 0) != 0)
                continue;
            std::istringstream flags(line);
            for (std::string flag; flags >> flag;)
                if (flag == "amx_bf16" || flag == "avx512_bf16")
                    return true;
            return false;
        }
        return false;
    }();
    return fast;
}

bool deviceHasFastBf16(const DeviceInfo &device)
{
    return device.kind == DeviceKind::Cuda || cpuHasFastBf16();
}

namespace {
// The 2.x autocast API: one set of switches per device type.
at::DeviceType autocastDevice(bool cuda) { return cuda ? at::kCUDA : at::kCPU; }
bool autocastEnabled(bool cuda) { return at::autocast::is_autocast_enabled(autocastDevice(cuda)); }
void setAutocastEnabled(bool cuda, bool on) { at::autocast::set_autocast_enabled(autocastDevice(cuda), on); }
at::ScalarType autocastType(bool cuda) { return at::autocast::get_autocast_dtype(autocastDevice(cuda)); }
void setAutocastType(bool cuda, at::ScalarType type) { at::autocast::set_autocast_dtype(autocastDevice(cuda), type); }
} // namespace

AutocastScope::AutocastScope(const torch::Device &device, Precision precision)
{
    if (precision != Precision::Bf16)
        return;
    m_active = true;
    m_cuda = device.is_cuda();
    m_previousEnabled = autocastEnabled(m_cuda);
    m_previousType = autocastType(m_cuda);
    setAutocastType(m_cuda, at::kBFloat16);
    setAutocastEnabled(m_cuda, true);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    // Casts are cached while autocast is on; the cache must go when the outermost scope ends.
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    setAutocastEnabled(m_cuda, m_previousEnabled);
    setAutocastType(m_cuda, m_previousType);
}

PrecisionCheck comparePrecision(const torch::Tensor &fp32, const torch::Tensor &bf16, const PrecisionTolerance &tolerance)
{
    if (fp32.sizes() != bf16.sizes())
        throw Error("precision check: fp32 and bf16 outputs differ in shape");
    const torch::Tensor a = fp32.detach().to(torch::kFloat32).reshape({fp32.size(0), -1});
    const torch::Tensor b = bf16.detach().to(torch::kFloat32).reshape({bf16.size(0), -1});
    PrecisionCheck check;
    check.worstCosine = torch::nn::functional::cosine_similarity(a, b, torch::nn::functional::CosineSimilarityFuncOptions().dim(1).eps(1e-12))
                            .min()
                            .item<double>();
    if (fp32.dim() == 2)
        check.sameArgmax = torch::equal(fp32.argmax(1), bf16.to(torch::kFloat32).argmax(1));
    check.passed = check.worstCosine >= tolerance.minCosine && (!tolerance.sameArgmax || check.sameArgmax);
    return check;
}

Precision choosePrecision(PrecisionPreference preference, const DeviceInfo &device, const std::function<torch::Tensor()> &run,
                          const PrecisionTolerance &tolerance, PrecisionCheck *check)
{
    if (preference == PrecisionPreference::Fp32)
        return Precision::Fp32;
    if (preference == PrecisionPreference::Bf16)
        return Precision::Bf16;
    if (!deviceHasFastBf16(device))
        return Precision::Fp32;
    torch::NoGradGuard noGrad;
    const torch::Device torchDevice(device.torchName());
    auto timed = [&](Precision precision, double *seconds) {
        AutocastScope scope(torchDevice, precision);
        run(); // warm-up: oneDNN and cuBLAS choose their kernels on the first call
        if (torchDevice.is_cuda())
            torch::cuda::synchronize();
        const auto start = std::chrono::steady_clock::now();
        torch::Tensor out = run();
        if (torchDevice.is_cuda())
            torch::cuda::synchronize();
        *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return out;
    };
    double fp32Seconds = 0.0, bf16Seconds = 0.0;
    const torch::Tensor reference = timed(Precision::Fp32, &fp32Seconds);
    const torch::Tensor reduced = timed(Precision::Bf16, &bf16Seconds);
    PrecisionCheck measured = comparePrecision(reference, reduced, tolerance);
    measured.fp32Seconds = fp32Seconds;
    measured.bf16Seconds = bf16Seconds;
    if (check)
        *check = measured;
    return decidePrecision(measured);
}

Precision decidePrecision(const PrecisionCheck &check)
{
    return check.passed && check.bf16Seconds <= 0.9 * check.fp32Seconds ? Precision::Bf16 : Precision::Fp32;
}

} // namespace periscope
