// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake clip detector (MViT-v2 with one logit) scoring and explaining batches of clips, as
// JSON lines: clips per second for each method and batch. The Python reference
// (bench/reference/deepfake_clip_reference.py: torchvision's mvit_v2_s, Grad-CAM with a forward
// hook on the last block's input) prints the same lines for the ratio; rollout is ours alone.
//
//   bench_deepfake_clip [--device auto] [--threads 0] [--arch mvit_v2_s] [--batches 1,4]
//                       [--methods score,gradcam,rollout] [--seconds 1] [--repeats 3]
#include "BenchCommon.h"

#include "engine/deepfake/ClipDetector.h"

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"device", "auto"}, {"threads", "0"}, {"arch", "mvit_v2_s"}, {"batches", "1,4"},
                                                 {"methods", "score,gradcam,rollout"}, {"seconds", "1"}, {"repeats", "3"}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        const torch::Device device(info.torchName());
        const std::string architecture = args.text("arch");
        periscope::MViT network(periscope::MViTConfig::named(architecture, 1));
        periscope::deepfake::ClipDetector detector(network, device);
        const std::int64_t frames = detector.framesPerClip(), size = detector.cropSize();
        const double seconds = std::stod(args.text("seconds"));
        const int repeats = int(args.integer("repeats"));
        for (const std::string &batchText : args.list("batches")) {
            const std::int64_t batch = std::stoll(batchText);
            std::vector<torch::Tensor> clips;
            for (std::int64_t b = 0; b < batch; ++b)
                clips.push_back(detector.input(torch::rand({frames, 3, size, size})));
            const torch::Tensor input = torch::cat(clips);
            for (const std::string &method : args.list("methods")) {
                const double perCall = bench::secondsPerCall(device, [&] {
                    if (method == "score")
                        detector.probabilities(input);
                    else
                        detector.explain(periscope::deepfake::parseExplanationMethod(method), input);
                }, seconds, repeats);
                std::printf("{\"bench\":\"deepfake_clip\",\"impl\":\"periscope\",\"model\":\"%s\",\"device\":\"%s\","
                            "\"threads\":%d,\"frames\":%lld,\"size\":%lld,\"batch\":%lld,\"method\":\"%s\",\"ms_per_batch\":%.2f,"
                            "\"clips_per_s\":%.3f,\"torch\":\"%s\"}\n",
                            architecture.c_str(), bench::escape(info.name).c_str(), info.threadCount, (long long)frames, (long long)size,
                            (long long)batch, method.c_str(), perCall * 1e3, double(batch) / perCall, periscope::torchVersion().c_str());
                std::fflush(stdout);
            }
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_deepfake_clip: %s\n", e.what());
        return 1;
    }
    return 0;
}
