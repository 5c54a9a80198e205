// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace periscope {

enum class DeviceKind { Cpu, Cuda };

// What the user asked for: "auto" takes CUDA when a CUDA LibTorch sees a GPU, else the CPU.
enum class DevicePreference { Auto, Cpu, Cuda };

DevicePreference parseDevicePreference(const std::string &text); // throws Error on bad text
std::string toString(DevicePreference preference);

struct DeviceInfo {
    DeviceKind kind = DeviceKind::Cpu;
    int index = 0;                 // CUDA ordinal; 0 for the CPU
    std::string name;              // "CPU (x86_64, 2 threads)" or the CUDA device's name
    std::int64_t totalMemoryBytes = 0; // 0 when unknown
    std::int64_t freeMemoryBytes = 0;  // 0 when unknown
    int threadCount = 1;           // intra-op threads LibTorch uses on the CPU

    // "CPU" or "cuda:0"; what torch::Device parses.
    std::string torchName() const;
    // One line for a status bar: "CPU · 2 threads" or "NVIDIA H100 · 71.3 of 79.1 GiB free".
    std::string summary() const;
};

// True when this LibTorch was built with CUDA and a device is visible.
bool cudaAvailable();
int cudaDeviceCount();

// Resolves a preference to a device. Asking for CUDA where there is none throws
// UnsupportedError with a message that says why (CPU-only LibTorch, or no visible GPU).
DeviceInfo selectDevice(DevicePreference preference);

// The devices this process can use: the CPU first, then each CUDA device.
std::vector<DeviceInfo> availableDevices();

// Sets LibTorch's intra-op thread count; 0 means one per available core. LibTorch's own default
// depends on the build (Debian's 1.13 started with 1), so the app calls this at start-up with the
// preferences' choice. Returns the count in effect.
int setThreadCount(int threads);
// The cores this process may run on (its CPU affinity: a Slurm task's, taskset's, a container's),
// which 0 threads above means; at least 1.
int availableCores();
int threadCount();

// Seeds LibTorch's generators (CPU and every CUDA device) so CPU runs repeat exactly.
void seedEverything(std::uint64_t seed);

// LibTorch's version as "2.11.0" and whether it was built with CUDA.
std::string torchVersion();
bool torchBuiltWithCuda();
// The CUDA version LibTorch was built with (torch.version.cuda), "13.0"; empty without CUDA.
std::string cudaBuildVersion();
// One line on CUDA for `info` and the About box: "built with CUDA 13.0, no GPU found" (with
// " (no NVIDIA driver)" where the driver is missing), "built with CUDA 13.0, 1 GPU (NVIDIA
// H200)", "built with CUDA 13.0; the CUDA libraries are not installed (...)" (CudaLibraries.h)
// or "built without CUDA".
std::string cudaStatus();

} // namespace periscope
