// SPDX-License-Identifier: GPL-3.0-or-later
// Time per image of each attribution method on one benchmark model, as JSON lines.
//
//   bench_attribution [--device auto] [--threads 0] [--model resnet18] [--size 224]
//                     [--methods gradient,gradient_x_input,smoothgrad,integrated_gradients,occlusion,gradcam]
#include "BenchCommon.h"

#include "engine/core/attribution/Attribution.h"
#include "engine/core/models/ResNet.h"

#include <chrono>

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"device", "auto"}, {"threads", "0"}, {"model", "resnet18"}, {"size", "224"},
                                                 {"methods", "gradient,gradient_x_input,smoothgrad,integrated_gradients,occlusion,gradcam"}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        const torch::Device device(info.torchName());
        const std::string name = args.text("model");
        if (name != "resnet18" && name != "resnet50")
            throw periscope::Error("the attribution bench runs resnet18 or resnet50");
        periscope::ResNet net(name == "resnet18" ? periscope::ResNetConfig::resnet18() : periscope::ResNetConfig::resnet50());
        net->to(device);
        net->eval();
        const std::int64_t size = args.integer("size");
        const torch::Tensor image = torch::rand({1, 3, size, size}, torch::TensorOptions().device(device));
        const torch::Tensor target = torch::tensor({7}, torch::TensorOptions().device(device).dtype(torch::kLong));
        const periscope::ScoreFunction model = [&net](const torch::Tensor &x) { return net->forward(x); };

        for (const std::string &method : args.list("methods")) {
            std::string detail;
            const double seconds = bench::secondsPerCall(device, [&] {
                if (method == "gradient") {
                    periscope::vanillaGradient(model, image, target);
                } else if (method == "gradient_x_input") {
                    periscope::gradientTimesInput(model, image, target);
                } else if (method == "smoothgrad") {
                    periscope::SmoothGradOptions o;
                    detail = "25 samples, batch 16";
                    periscope::smoothGrad(model, image, target, o);
                } else if (method == "integrated_gradients") {
                    periscope::IntegratedGradientsOptions o;
                    detail = "50 steps, batch 32";
                    periscope::integratedGradients(model, image, target, o);
                } else if (method == "occlusion") {
                    periscope::OcclusionOptions o;
                    o.window = int(size / 7);
                    o.stride = int(size / 14);
                    detail = "window " + std::to_string(o.window) + ", stride " + std::to_string(o.stride);
                    periscope::occlusion(model, image, target, o);
                } else if (method == "gradcam") {
                    periscope::gradCam([&net](const torch::Tensor &x, const std::string &l) { return net->forwardWithActivation(x, l); },
                                       "layer4", image, target);
                } else {
                    throw periscope::Error("unknown method " + method);
                }
            }, 1.0, 3);
            std::printf("{\"bench\":\"attribution\",\"model\":\"%s\",\"size\":%lld,\"device\":\"%s\",\"threads\":%d,"
                        "\"method\":\"%s\",\"detail\":\"%s\",\"ms_per_image\":%.1f}\n",
                        name.c_str(), (long long)size, bench::escape(info.name).c_str(), info.threadCount, method.c_str(),
                        detail.c_str(), seconds * 1e3);
            std::fflush(stdout);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_attribution: %s\n", e.what());
        return 1;
    }
    return 0;
}
