// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/device/Device.h"

#include "engine/core/device/CudaLibraries.h"
#include "engine/core/errors/Error.h"

#include <torch/torch.h>
#include <torch/version.h>

#if defined(PERISCOPE_WITH_CUDA)
// The CUDA runtime only: libtorch_cpu.so needs libcudart itself, so it is in every installation,
// while LibTorch's CUDA half may be absent (CudaLibraries.h).
#include <cuda_runtime_api.h>
#endif

#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#ifdef __linux__
#include <sched.h>
#endif

#include <unistd.h>

namespace periscope {
namespace {

std::string formatGiB(std::int64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", double(bytes) / (1024.0 * 1024.0 * 1024.0));
    return text;
}

std::string cpuModelName()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos && colon + 2 <= line.size())
                return line.substr(colon + 2);
        }
    }
    return {};
}

DeviceInfo cpuDevice()
{
    DeviceInfo info;
    info.kind = DeviceKind::Cpu;
    const std::string model = cpuModelName();
    info.name = model.empty() ? std::string("CPU") : "CPU (" + model + ")";
    const long pageSize = sysconf(_SC_PAGESIZE);
    info.totalMemoryBytes = std::int64_t(sysconf(_SC_PHYS_PAGES)) * pageSize;
    info.freeMemoryBytes = std::int64_t(sysconf(_SC_AVPHYS_PAGES)) * pageSize;
    info.threadCount = threadCount();
    return info;
}

DeviceInfo cudaDevice(int index)
{
    DeviceInfo info;
    info.kind = DeviceKind::Cuda;
    info.index = index;
    info.threadCount = threadCount();
#if defined(PERISCOPE_WITH_CUDA)
    cudaDeviceProp properties{};
    if (cudaGetDeviceProperties(&properties, index) != cudaSuccess) {
        info.name = "CUDA device " + std::to_string(index);
        return info;
    }
    info.name = properties.name;
    info.totalMemoryBytes = std::int64_t(properties.totalGlobalMem);
    // cudaMemGetInfo answers for the current device: make it `index` for the call, then restore.
    int previous = 0;
    if (cudaGetDevice(&previous) == cudaSuccess && cudaSetDevice(index) == cudaSuccess) {
        size_t freeBytes = 0, totalBytes = 0;
        if (cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess) {
            info.freeMemoryBytes = std::int64_t(freeBytes);
            info.totalMemoryBytes = std::int64_t(totalBytes);
        }
        cudaSetDevice(previous);
    }
#else
    info.name = "CUDA device " + std::to_string(index);
#endif
    return info;
}

} // namespace

DevicePreference parseDevicePreference(const std::string &text)
{
    if (text == "auto")
        return DevicePreference::Auto;
    if (text == "cpu")
        return DevicePreference::Cpu;
    if (text == "cuda")
        return DevicePreference::Cuda;
    throw Error("unknown device '" + text + "' (expected auto, cpu or cuda)");
}

std::string toString(DevicePreference preference)
{
    switch (preference) {
    case DevicePreference::Auto: return "auto";
    case DevicePreference::Cpu: return "cpu";
    case DevicePreference::Cuda: return "cuda";
    }
    return "auto";
}

std::string DeviceInfo::torchName() const
{
    return kind == DeviceKind::Cpu ? std::string("cpu") : "cuda:" + std::to_string(index);
}

std::string DeviceInfo::summary() const
{
    std::ostringstream out;
    if (kind == DeviceKind::Cpu) {
        out << "CPU · " << threadCount << (threadCount == 1 ? " thread" : " threads");
    } else {
        out << name;
        if (totalMemoryBytes > 0)
            out << " · " << formatGiB(freeMemoryBytes) << " of " << formatGiB(totalMemoryBytes)
                << " GiB free";
    }
    return out.str();
}

bool torchBuiltWithCuda()
{
#if defined(PERISCOPE_WITH_CUDA)
    return true;
#else
    return false;
#endif
}

bool cudaAvailable()
{
    return cudaLibraries().loaded && torch::cuda::is_available();
}

int cudaDeviceCount()
{
    return cudaAvailable() ? int(torch::cuda::device_count()) : 0;
}

DeviceInfo selectDevice(DevicePreference preference)
{
    switch (preference) {
    case DevicePreference::Cpu:
        return cpuDevice();
    case DevicePreference::Cuda:
        if (!cudaAvailable()) {
            if (!torchBuiltWithCuda())
                throw UnsupportedError("CUDA was requested but this LibTorch was built without CUDA");
            if (!cudaLibraries().loaded)
                throw UnsupportedError("CUDA was requested but " + cudaLibraries().problem);
            throw UnsupportedError("CUDA was requested but no CUDA device is visible");
        }
        return cudaDevice(0);
    case DevicePreference::Auto:
        break;
    }
    return cudaAvailable() ? cudaDevice(0) : cpuDevice();
}

std::string cudaBuildVersion()
{
#if defined(PERISCOPE_TORCH_CUDA_VERSION)
    return PERISCOPE_TORCH_CUDA_VERSION; // torch.version.cuda of the package the build linked
#else
    return {};
#endif
}

std::string cudaStatus()
{
    if (!torchBuiltWithCuda())
        return "built without CUDA";
    const std::string built = "built with CUDA " + cudaBuildVersion();
    if (cudaLibraries().noDriver)
        return built + ", no GPU found (no NVIDIA driver)";
    if (!cudaLibraries().loaded)
        return built + "; " + cudaLibraries().problem;
    const int count = cudaDeviceCount();
    if (count == 0)
        return built + ", no GPU found";
    std::string names;
    for (int i = 0; i < count; ++i)
        names += (i ? ", " : "") + cudaDevice(i).name;
    return built + ", " + std::to_string(count) + (count == 1 ? " GPU (" : " GPUs (") + names + ")";
}

std::vector<DeviceInfo> availableDevices()
{
    std::vector<DeviceInfo> devices{cpuDevice()};
    for (int i = 0; i < cudaDeviceCount(); ++i)
        devices.push_back(cudaDevice(i));
    return devices;
}

int availableCores()
{
#ifdef __linux__
    // The cores this process may run on: a Slurm task, `taskset` or a container's cpuset gets
    // fewer than the machine has, and a thread per machine core would fight over them.
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
#endif
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

int setThreadCount(int threads)
{
    if (threads < 0)
        throw Error("thread count must be 0 (one per hardware thread) or positive, got " +
                    std::to_string(threads));
    if (threads == 0)
        threads = availableCores();
    torch::set_num_threads(threads);
    return threadCount();
}

int threadCount()
{
    return torch::get_num_threads();
}

void seedEverything(std::uint64_t seed)
{
    torch::manual_seed(seed); // also seeds every CUDA generator when CUDA is present
}

std::string torchVersion()
{
#if defined(TORCH_VERSION)
    return TORCH_VERSION;
#else
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
#endif
}

} // namespace periscope
