// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/device/CudaLibraries.h"

#include <torch/cuda.h>

#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <sys/stat.h>

namespace periscope {
namespace {

std::string folderOf(const char *path)
{
    const char *slash = std::strrchr(path, '/');
    return slash ? std::string(path, slash) : std::string(".");
}

bool fileExists(const std::string &path)
{
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0;
}

CudaLibraries loadCudaLibraries()
{
    CudaLibraries result;
#if defined(PERISCOPE_WITH_CUDA)
    // A symbol of libtorch_cpu.so names the file it came from: the CUDA half is its sibling.
    Dl_info info{};
    if (::dladdr(reinterpret_cast<void *>(&torch::cuda::is_available), &info) == 0 || !info.dli_fname) {
        result.problem = "cannot tell where libtorch_cpu.so is";
        return result;
    }
    result.folder = folderOf(info.dli_fname);
    // Already in the process (a program that links it, such as tst_cuda): nothing to do.
    if (::dlopen("libtorch_cuda.so", RTLD_NOW | RTLD_NOLOAD)) {
        result.loaded = true;
        return result;
    }
    const char *choice = std::getenv("PERISCOPE_CUDA");
    if (choice && (std::strcmp(choice, "off") == 0 || std::strcmp(choice, "0") == 0)) {
        result.problem = "not loaded (PERISCOPE_CUDA=off)";
        return result;
    }
    const std::string library = result.folder + "/libtorch_cuda.so";
    if (!fileExists(library)) {
        result.problem = "the CUDA libraries are not installed (the periscope-cuda package)";
        return result;
    }
    // Without NVIDIA's driver no GPU can be used, and mapping and binding libtorch_cuda.so and
    // cuBLAS, cuDNN... costs every process a quarter of a second and 350 MB: look for the
    // driver's library the way the CUDA runtime itself does, and load the rest only when it is
    // there. PERISCOPE_CUDA=on loads them regardless (the tests of this loader use it).
    const bool forced = choice && (std::strcmp(choice, "on") == 0 || std::strcmp(choice, "1") == 0);
    if (!forced && !::dlopen("libcuda.so.1", RTLD_LAZY | RTLD_LOCAL)) {
        result.noDriver = true;
        result.problem = "there is no NVIDIA driver (libcuda.so.1 was not found)";
        return result;
    }
    // RTLD_GLOBAL: its kernels and hooks register into libtorch_cpu's registries, and the
    // libraries it loads lazily later (libtorch_cuda_linalg.so) resolve against it.
    if (::dlopen(library.c_str(), RTLD_NOW | RTLD_GLOBAL)) {
        result.loaded = true;
    } else {
        const char *why = ::dlerror();
        result.problem = std::string("the CUDA libraries did not load: ") + (why ? why : "unknown reason");
    }
#else
    result.problem = "this LibTorch was built without CUDA";
#endif
    return result;
}

} // namespace

const CudaLibraries &cudaLibraries()
{
    static const CudaLibraries outcome = loadCudaLibraries(); // whoever asks first, once
    return outcome;
}

namespace {
// Before main(): see the header. Device.cpp references cudaLibraries(), so every program that
// asks about devices links this file and runs the load.
const bool g_loadedBeforeMain = (cudaLibraries(), true);
} // namespace

} // namespace periscope
