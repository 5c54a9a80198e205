// SPDX-License-Identifier: GPL-3.0-or-later
// Forward and forward+backward throughput of the registered benchmark models (a ResNet-50, a
// ViT-B/14 at 224 px, ...) in fp32 and bf16, as JSON lines with the achieved GFLOP/s.
//
//   bench_models [--device auto] [--threads 0] [--models resnet50,vit_b14] [--batches 1,8,32]
//                [--precisions fp32,bf16] [--modes forward,train] [--min-seconds 2] [--max-repeats 10]
#include "BenchCommon.h"

#include "engine/core/models/BenchmarkModels.h"
#include "engine/core/precision/PrecisionOps.h"

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"device", "auto"}, {"threads", "0"}, {"models", "resnet50,vit_b14"},
                                                 {"batches", "1,8,32"}, {"precisions", "fp32,bf16"}, {"modes", "forward,train"},
                                                 {"min-seconds", "2"}, {"max-repeats", "10"}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        const torch::Device device(info.torchName());
        const std::vector<std::string> wanted = args.list("models");
        for (const periscope::BenchmarkModel &entry : periscope::benchmarkModels()) {
            if (std::find(wanted.begin(), wanted.end(), entry.name) == wanted.end())
                continue;
            std::shared_ptr<torch::nn::Module> model = entry.create();
            model->to(device);
            for (const std::string &batchText : args.list("batches")) {
                const std::int64_t batch = std::stoll(batchText);
                std::vector<std::int64_t> shape = entry.inputShape;
                shape.insert(shape.begin(), batch);
                const torch::Tensor input = torch::rand(shape, torch::TensorOptions().device(device));
                for (const std::string &precisionText : args.list("precisions")) {
                    const periscope::Precision precision = precisionText == "bf16" ? periscope::Precision::Bf16 : periscope::Precision::Fp32;
                    for (const std::string &mode : args.list("modes")) {
                        const bool train = mode == "train";
                        model->train(train);
                        const double seconds = bench::secondsPerCall(device, [&] {
                            periscope::AutocastScope autocast(device, precision);
                            if (train) {
                                model->zero_grad();
                                entry.forward(*model, input).to(torch::kFloat32).mean().backward();
                            } else {
                                torch::NoGradGuard noGrad;
                                entry.forward(*model, input);
                            }
                        }, args.number("min-seconds"), args.integer("max-repeats"));
                        // A backward pass costs about twice the forward's arithmetic.
                        const double flops = entry.forwardFlops * double(batch) * (train ? 3.0 : 1.0);
                        std::printf("{\"bench\":\"model\",\"impl\":\"periscope\",\"model\":\"%s\",\"device\":\"%s\",\"threads\":%d,"
                                    "\"batch\":%lld,\"precision\":\"%s\",\"mode\":\"%s\",\"ms_per_batch\":%.2f,"
                                    "\"images_per_s\":%.3f,\"gflops\":%.1f}\n",
                                    entry.name.c_str(), bench::escape(info.name).c_str(), info.threadCount, (long long)batch,
                                    precisionText.c_str(), mode.c_str(), seconds * 1e3, double(batch) / seconds, flops / seconds / 1e9);
                        std::fflush(stdout);
                    }
                }
            }
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_models: %s\n", e.what());
        return 1;
    }
    return 0;
}
