// SPDX-License-Identifier: GPL-3.0-or-later
// Colorization throughput, as JSON lines: each network at its input size (batch 1 and 16) and the
// whole full-resolution pipeline on a 1920x1080 photo (resize, Lab, network, upsampled ab joined
// with the full L, back to sRGB). Weights are random (seeded): the speed does not depend on them.
// bench/reference/colorize_reference.py times the same networks and pipeline in PyTorch eager.
//
//   bench_colorize [--device auto] [--threads 0] [--models eccv16,siggraph17,koalarization]
//                  [--batches 1,16] [--size 224] [--seconds 3]
#include "BenchCommon.h"

#include "engine/colorize/ColorizationNets.h"
#include "engine/colorize/LabPipeline.h"

int main(int argc, char **argv)
{
    using namespace periscope::colorize;
    try {
        const bench::Arguments args(argc, argv, {{"device", "auto"}, {"threads", "0"}, {"models", "eccv16,siggraph17,koalarization"},
                                                 {"batches", "1,16"}, {"size", "224"}, {"seconds", "3"}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        const torch::Device device(info.torchName());
        const std::int64_t size = args.integer("size");
        const double minSeconds = args.number("seconds");
        torch::NoGradGuard noGrad;
        for (const std::string &name : args.list("models")) {
            std::function<torch::Tensor(const torch::Tensor &)> net;
            std::int64_t photoSide = 256; // the authors' recipe for eccv16 and siggraph17
            if (name == "eccv16") {
                Eccv16 m;
                m->to(device);
                m->eval();
                net = [m](const torch::Tensor &l) mutable { return m->forward(l); };
            } else if (name == "siggraph17") {
                Siggraph17 m;
                m->to(device);
                m->eval();
                net = [m](const torch::Tensor &l) mutable { return m->forward(l); };
            } else if (name == "koalarization") {
                Koalarization m(KoalarizationConfig{size, 1000, 127.0});
                m->to(device);
                m->eval();
                net = [m](const torch::Tensor &l) mutable { return m->forward(l); };
                photoSide = size;
            } else {
                throw periscope::Error("unknown model " + name + " (eccv16, siggraph17, koalarization)");
            }
            for (const std::string &b : args.list("batches")) {
                const std::int64_t batch = std::stoll(b);
                const torch::Tensor l = torch::rand({batch, 1, size, size}, torch::TensorOptions().device(device)) * 100.0;
                const double seconds = bench::secondsPerCall(device, [&] { net(l); }, minSeconds, 10);
                std::printf("{\"bench\": \"colorize\", \"impl\": \"periscope\", \"model\": \"%s\", \"mode\": \"network\", \"batch\": %lld, "
                            "\"size\": %lld, \"seconds\": %.5f, \"images_per_s\": %.3f, \"device\": \"%s\"}\n",
                            name.c_str(), static_cast<long long>(batch), static_cast<long long>(size), seconds, double(batch) / seconds,
                            info.torchName().c_str());
                std::fflush(stdout);
            }
            const torch::Tensor photo = torch::rand({3, 1080, 1920}, torch::TensorOptions().device(device));
            const double seconds =
                bench::secondsPerCall(device, [&] { colorizeFullResolution(photo, photoSide, photoSide, net); }, minSeconds, 10);
            std::printf("{\"bench\": \"colorize\", \"impl\": \"periscope\", \"model\": \"%s\", \"mode\": \"photo_1080p\", \"batch\": 1, "
                        "\"size\": %lld, \"seconds\": %.5f, \"images_per_s\": %.3f, \"device\": \"%s\"}\n",
                        name.c_str(), static_cast<long long>(photoSide), seconds, 1.0 / seconds, info.torchName().c_str());
            std::fflush(stdout);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_colorize: %s\n", e.what());
        return 1;
    }
    return 0;
}
