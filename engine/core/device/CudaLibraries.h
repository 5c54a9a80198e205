// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace periscope {

// LibTorch's CUDA half (libtorch_cuda.so, cuBLAS, cuDNN, NCCL...: about 2.7 GB) is not linked
// into Periscope's programs. It is loaded when the process starts, from the folder that holds the
// libtorch_cpu.so in use, if it is there. So one build serves two installations: the `periscope`
// package alone (CPU only, a few hundred MB) and `periscope` with `periscope-cuda`. LibTorch
// looks up its CUDA hooks once, on the first CUDA question anyone asks, so the load must come
// before any: it runs in a static initialiser of the engine (CudaLibraries.cpp, pulled in by
// Device.cpp), before main().
//
// The load is skipped where NVIDIA's driver (libcuda.so.1) is missing: no GPU could be used,
// and the CUDA libraries would cost every process start a quarter of a second. In the
// environment, PERISCOPE_CUDA=off skips it always (a CPU-only run on a GPU machine) and
// PERISCOPE_CUDA=on loads the libraries even without a driver (to test this loader).
struct CudaLibraries {
    bool loaded = false;   // libtorch_cuda.so is in the process (loaded now, or linked)
    bool noDriver = false; // not loaded because the machine has no NVIDIA driver
    std::string folder;    // where it was looked for: libtorch_cpu.so's folder
    std::string problem;   // why it was not loaded; empty when it was
};

// The outcome of the start-up load (the load itself runs once).
const CudaLibraries &cudaLibraries();

} // namespace periscope
