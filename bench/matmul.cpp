// SPDX-License-Identifier: GPL-3.0-or-later
// Matrix-product throughput in fp32 and bf16 on the engine's device, as JSON lines.
// On CPUs with AMX or AVX512-BF16 LibTorch routes bf16 through oneDNN, which is the
// biggest speed lever the engine has without a GPU; this bench shows whether it holds here.
//
//   bench_matmul [--device auto|cpu|cuda] [--threads N] [--sizes 512,1024,2048] [--repeats R]
#include "engine/core/device/Device.h"
#include "engine/core/errors/Error.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Options {
    std::string device = "auto";
    int threads = 0;
    std::vector<int> sizes{512, 1024, 2048};
    int repeats = 5;
};

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                throw periscope::Error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--device") {
            o.device = next();
        } else if (arg == "--threads") {
            o.threads = std::stoi(next());
        } else if (arg == "--repeats") {
            o.repeats = std::max(1, std::stoi(next()));
        } else if (arg == "--sizes") {
            o.sizes.clear();
            std::stringstream list(next());
            for (std::string item; std::getline(list, item, ',');)
                o.sizes.push_back(std::stoi(item));
        } else {
            throw periscope::Error("unknown argument " + arg);
        }
    }
    return o;
}

void synchronize(const torch::Device &device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

double secondsPerProduct(const torch::Tensor &a, const torch::Tensor &b, int repeats)
{
    torch::NoGradGuard noGrad;
    torch::matmul(a, b); // warm-up: oneDNN and cuBLAS pick their kernels on the first call
    synchronize(a.device());
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeats; ++r)
        torch::matmul(a, b);
    synchronize(a.device());
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    return elapsed.count() / repeats;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const Options options = parse(argc, argv);
        periscope::setThreadCount(options.threads);
        const periscope::DeviceInfo info = periscope::selectDevice(periscope::parseDevicePreference(options.device));
        const torch::Device device(info.torchName());
        periscope::seedEverything(0);
        for (int n : options.sizes) {
            const torch::Tensor a = torch::randn({n, n}, torch::TensorOptions().device(device));
            const torch::Tensor b = torch::randn({n, n}, torch::TensorOptions().device(device));
            const double fp32 = secondsPerProduct(a, b, options.repeats);
            const double bf16 = secondsPerProduct(a.to(torch::kBFloat16), b.to(torch::kBFloat16), options.repeats);
            const double flops = 2.0 * double(n) * n * n;
            std::printf("{\"bench\":\"matmul\",\"device\":\"%s\",\"threads\":%d,\"n\":%d,"
                        "\"fp32_gflops\":%.1f,\"bf16_gflops\":%.1f,\"bf16_speedup\":%.2f}\n",
                        info.name.c_str(), info.threadCount, n, flops / fp32 / 1e9, flops / bf16 / 1e9, fp32 / bf16);
            std::fflush(stdout);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_matmul: %s\n", e.what());
        return 1;
    }
    return 0;
}
