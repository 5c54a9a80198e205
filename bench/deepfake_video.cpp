// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake explainer end to end on a 1080p video, as `periscope-cli deepfake` runs it: decode,
// find the face (Haar cascade and tracker), crop, score and explain with Grad-CAM (EfficientNet-B0,
// one logit, random weights: the work, not the answer), map each heatmap back to the frame and
// write the heatmaps and metrics. Prints frames per second as a JSON line; the Python reference
// (bench/reference/deepfake_video_reference.py: OpenCV capture and cascade, torchvision's network,
// the same crops and maps) prints the same line for the ratio.
//
//   bench_deepfake_video [--video FILE] [--make FILE] [--frames 120] [--device auto] [--threads 0]
//
// Without --video it makes one with --make (default /tmp/periscope-bench-1080p.mp4): opencv-doc's
// Megamind.avi scaled to 1920 x 1080, H.264.
#include "BenchCommon.h"

#include "engine/core/image/ImageTensor.h"
#include "engine/core/models/EfficientNet.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/deepfake/VideoExplainer.h"
#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"

#include <chrono>
#include <filesystem>

namespace {
namespace F = torch::nn::functional;

void makeVideo(const std::string &path, std::int64_t frames)
{
    const auto reader = periscope::media::VideoReader::open("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");
    const auto writer = periscope::media::VideoWriter::create(path, 1920, 1080);
    periscope::media::VideoFrame frame;
    for (std::int64_t i = 0; i < frames && reader->readNext(frame); ++i) {
        const torch::Tensor rgb = periscope::imageAsTensorHWC(frame.rgb).permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat);
        const torch::Tensor big = F::interpolate(rgb, F::InterpolateFuncOptions()
                                                          .size(std::vector<std::int64_t>{1080, 1920})
                                                          .mode(torch::kBilinear)
                                                          .align_corners(false));
        periscope::Image out(1920, 1080, 3, periscope::PixelFormat::UInt8);
        periscope::imageAsTensorHWC(out).copy_(big.squeeze(0).permute({1, 2, 0}).round().clamp(0, 255).to(torch::kUInt8));
        writer->write(out);
    }
    writer->finish();
}
} // namespace

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"video", ""}, {"make", "/tmp/periscope-bench-1080p.mp4"}, {"frames", "120"},
                                                 {"device", "auto"}, {"threads", "0"}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        std::string video = args.text("video");
        if (video.empty()) {
            video = args.text("make");
            if (!std::filesystem::exists(video))
                makeVideo(video, args.integer("frames"));
        }
        const std::filesystem::path work = std::filesystem::temp_directory_path() / "periscope-bench-deepfake";
        std::filesystem::create_directories(work);
        torch::manual_seed(0);
        periscope::writeSafetensors((work / "b0.safetensors").string(),
                                    periscope::stateDictOf(*periscope::EfficientNet(periscope::EfficientNetConfig::b(0, 1))));
        periscope::deepfake::VideoExplanationRequest request;
        request.video = video;
        request.weights = (work / "b0.safetensors").string();
        request.outFolder = work.string();
        request.maxFrames = args.integer("frames");
        request.device = periscope::parseDevicePreference(args.text("device"));
        const auto started = std::chrono::steady_clock::now();
        const periscope::deepfake::VideoExplanationResult result = periscope::deepfake::explainVideo(request);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::printf("{\"bench\":\"deepfake_video\",\"impl\":\"periscope\",\"method\":\"gradcam\",\"size\":224,\"frames\":%lld,"
                    "\"faces\":%lld,\"device\":\"%s\",\"threads\":%d,\"seconds\":%.2f,\"frames_per_s\":%.2f}\n",
                    static_cast<long long>(result.frames), static_cast<long long>(result.framesWithFace), bench::escape(info.name).c_str(),
                    info.threadCount, seconds, double(result.frames) / seconds);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_deepfake_video: %s\n", e.what());
        return 1;
    }
    return 0;
}
