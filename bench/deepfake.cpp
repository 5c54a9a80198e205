// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake frame detector (EfficientNet-B0 with one logit) scoring and explaining batches of
// face crops, as JSON lines: crops per second for each method and batch. The Python reference
// (bench/reference/deepfake_reference.py: torchvision's EfficientNet-B0, the same methods written
// with hooks and autograd, the same pass sizes) prints the same lines for the ratio.
//
//   bench_deepfake [--device auto] [--threads 0] [--size 224] [--batches 1,8]
//                  [--methods score,gradcam,gradcampp,ig,smoothgrad,occlusion] [--seconds 1] [--repeats 3]
#include "BenchCommon.h"

#include "engine/core/training/BatchNormStatistics.h"
#include "engine/deepfake/FrameDetector.h"

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"device", "auto"}, {"threads", "0"}, {"size", "224"}, {"batches", "1,8"},
                                                 {"methods", "score,gradcam,gradcampp,ig,smoothgrad,occlusion"},
                                                 {"seconds", "1"}, {"repeats", "3"}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        const torch::Device device(info.torchName());
        // Random weights with batch normalisation's statistics from data, so activations stay in
        // a trained network's range on crops like the bench's (torchvision's initial statistics let
        // them grow without bound).
        const std::int64_t size = args.integer("size");
        periscope::EfficientNet network(periscope::EfficientNetConfig::b(0, 1));
        periscope::deepfake::FrameDetector detector(network, device);
        periscope::updateBatchNormStatistics(*network, {detector.input(torch::rand({8, 3, size, size}))},
                                             [&](const torch::Tensor &x) { network->forward(x); });
        const double seconds = std::stod(args.text("seconds"));
        const int repeats = int(args.integer("repeats"));
        for (const std::string &batchText : args.list("batches")) {
            const std::int64_t batch = std::stoll(batchText);
            const torch::Tensor input = detector.input(torch::rand({batch, 3, size, size}));
            for (const std::string &method : args.list("methods")) {
                const double perCall = bench::secondsPerCall(device, [&] {
                    if (method == "score")
                        detector.probabilities(input);
                    else
                        detector.explain(periscope::deepfake::parseExplanationMethod(method), input);
                }, seconds, repeats);
                std::printf("{\"bench\":\"deepfake\",\"impl\":\"periscope\",\"model\":\"efficientnet_b0\",\"device\":\"%s\","
                            "\"threads\":%d,\"size\":%lld,\"batch\":%lld,\"pass\":%d,\"method\":\"%s\",\"ms_per_batch\":%.2f,"
                            "\"crops_per_s\":%.3f,\"torch\":\"%s\"}\n",
                            bench::escape(info.name).c_str(), info.threadCount, (long long)size, (long long)batch,
                            detector.passBatch(), method.c_str(), perCall * 1e3, double(batch) / perCall,
                            periscope::torchVersion().c_str());
                std::fflush(stdout);
            }
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_deepfake: %s\n", e.what());
        return 1;
    }
    return 0;
}
