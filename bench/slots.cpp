// SPDX-License-Identifier: GPL-3.0-or-later
// Slot model throughput (ICLR-W 2022's ViT + slot attention), as JSON lines: inference images/s
// at batch sizes, and training steps/s on two views of a batch. "network" steps use a stand-in
// loss (the mean square of the projections) so that bench/reference/slots_reference.py --bench
// times the very same work in PyTorch eager; "full" steps add our NT-Xent and the
// Hungarian-matched object loss. Weights are random (seeded): speed does not depend on them.
//
//   bench_slots [--device auto] [--threads 0] [--size 128] [--batches 1,16] [--train-batch 16] [--seconds 3]
#include "BenchCommon.h"

#include "engine/slots/SlotLosses.h"
#include "engine/slots/SlotModelInternal.h"
#include "engine/slots/SlotNets.h"

int main(int argc, char **argv)
{
    using namespace periscope::slot;
    try {
        const bench::Arguments args(argc, argv, {{"device", "auto"}, {"threads", "0"}, {"size", "128"}, {"batches", "1,16"},
                                                 {"train-batch", "16"}, {"seconds", "3"}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        const torch::Device device(info.torchName());
        const double minSeconds = args.number("seconds");
        // The paper's slot-mean configuration (average pooling, no class token), at --size.
        SlotNetConfig config = configFromOptions({{"image_size", args.text("size")}});
        ObjectCentricNet net(config);
        net->to(device);
        const auto options = torch::TensorOptions().device(device);
        {
            net->eval();
            torch::NoGradGuard noGrad;
            for (const std::string &b : args.list("batches")) {
                const std::int64_t batch = std::stoll(b);
                const torch::Tensor images = torch::rand({batch, 3, config.imageSize, config.imageSize}, options);
                const double seconds = bench::secondsPerCall(device, [&] { net->forward(images); }, minSeconds, 100000);
                std::printf("{\"bench\": \"slots_inference\", \"impl\": \"periscope\", \"batch\": %lld, \"size\": %lld, \"seconds\": %.5f, "
                            "\"images_per_s\": %.3f, \"device\": \"%s\"}\n",
                            static_cast<long long>(batch), static_cast<long long>(config.imageSize), seconds, double(batch) / seconds,
                            info.torchName().c_str());
                std::fflush(stdout);
            }
        }
        net->train();
        torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(1e-4));
        const std::int64_t half = args.integer("train-batch");
        const torch::Tensor images = torch::rand({2 * half, 3, config.imageSize, config.imageSize}, options);
        for (const char *mode : {"network", "full"}) {
            const bool full = std::string(mode) == "full";
            const double seconds = bench::secondsPerCall(
                device,
                [&] {
                    optimizer.zero_grad();
                    const SlotNetOutput out = net->forward(images);
                    const torch::Tensor loss = full ? ntXentLoss(out.globalProjection, 0.1) +
                                                          objectLoss(out.slotProjections, ObjectLoss::MatchedContrastiveImage, 0.1)
                                                    : out.globalProjection.pow(2).mean() + out.slotProjections.pow(2).mean();
                    loss.backward();
                    optimizer.step();
                },
                minSeconds, 50);
            std::printf("{\"bench\": \"slots_train_step\", \"impl\": \"periscope\", \"mode\": \"%s\", \"batch\": %lld, \"size\": %lld, "
                        "\"seconds\": %.5f, \"steps_per_s\": %.3f, \"device\": \"%s\"}\n",
                        mode, static_cast<long long>(2 * half), static_cast<long long>(config.imageSize), seconds, 1.0 / seconds,
                        info.torchName().c_str());
            std::fflush(stdout);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_slots: %s\n", e.what());
        return 1;
    }
    return 0;
}
