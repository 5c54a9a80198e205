// SPDX-License-Identifier: GPL-3.0-or-later
// What the DeepFake workspace does when the playhead lands on a frame explained earlier, as JSON
// lines in milliseconds: the crop's map read back from the explanation cache (a file of 8
// explained frames, as the background job writes them), and the map placed in the full frame and
// normalised (heatmapInFrame), for frame sizes from 480p to 4K. Decoding the frame and drawing
// the layer come on top (bench_video has decoding); the issue asks for under 50 ms in all. Also
// what the metrics panel spends per explained frame (scoreCachedExplanations: read, place, score),
// without a manipulation mask and with one (the mask's ROC AUC sorts every pixel of the frame).
//
//   bench_deepfake_scrub [--threads 0] [--size 224] [--frames 1280x720,1920x1080,3840x2160] [--seconds 1] [--repeats 50]
#include "BenchCommon.h"

#include "engine/core/image/ImageTensor.h"
#include "engine/deepfake/FrameExplanations.h"

#include <filesystem>
#include <unistd.h>
#include <fstream>

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"device", "cpu"}, {"threads", "0"}, {"size", "224"},
                                                 {"frames", "1280x720,1920x1080,3840x2160"}, {"seconds", "1"}, {"repeats", "50"}});
        const periscope::DeviceInfo info = bench::setUpDevice(args);
        namespace fs = std::filesystem;
        const fs::path root = fs::temp_directory_path() / ("periscope-bench-scrub-" + std::to_string(::getpid()));
        fs::create_directories(root);
        const std::string video = (root / "video.mp4").string(), weights = (root / "w.safetensors").string();
        std::ofstream(video) << "stand-in: the cache keys files by path, size and time";
        std::ofstream(weights) << "stand-in";
        periscope::deepfake::DetectorSpec spec;
        spec.weights = weights;
        const int size = args.integer("size");
        periscope::deepfake::ExplanationCache cache(root.string(), video, spec);
        std::vector<periscope::deepfake::FrameExplanation> batch;
        for (int k = 0; k < 8; ++k) {
            periscope::deepfake::FrameExplanation e;
            e.frame = k;
            e.box = {400.0, 200.0, 300.0, 360.0};
            e.crop = periscope::deepfake::faceCropFor(e.box, size);
            e.score = 0.5;
            e.heatmap = periscope::imageFromTensor(torch::rand({1, size, size}));
            batch.push_back(e);
        }
        cache.store(batch);
        const double seconds = args.number("seconds");
        const int repeats = args.integer("repeats");
        const double readMs = 1e3 * bench::secondsPerCall(torch::kCPU, [&] { cache.heatmap(5); }, seconds, repeats);
        const periscope::Image map = cache.heatmap(5);
        for (const std::string &frame : args.list("frames")) {
            const int width = std::stoi(frame.substr(0, frame.find('x'))), height = std::stoi(frame.substr(frame.find('x') + 1));
            const double placeMs = 1e3 * bench::secondsPerCall(torch::kCPU, [&] {
                periscope::deepfake::heatmapInFrame(map, batch[5].crop, width, height, true);
            }, seconds, repeats);
            // A mask over the face box's lower half, as a blend region would be.
            periscope::Image mask(width, height, 1, periscope::PixelFormat::UInt8);
            for (int y = 0; y < height; ++y)
                for (int x = 0; x < width; ++x)
                    mask.row(y)[x] = x >= 400 && x < 700 && y >= 380 && y < 560 ? 255 : 0;
            const double scoreMs = 1e3 / 8.0 * bench::secondsPerCall(torch::kCPU, [&] {
                periscope::deepfake::scoreCachedExplanations(cache, width, height);
            }, seconds, 3);
            const double scoreMaskedMs = 1e3 / 8.0 * bench::secondsPerCall(torch::kCPU, [&] {
                periscope::deepfake::scoreCachedExplanations(cache, width, height, [&](std::int64_t) { return mask; });
            }, seconds, 3);
            std::printf("{\"bench\":\"deepfake_scrub\",\"impl\":\"periscope\",\"threads\":%d,\"size\":%d,\"frame\":\"%s\","
                        "\"read_ms\":%.3f,\"place_ms\":%.3f,\"score_ms_per_frame\":%.2f,\"score_masked_ms_per_frame\":%.2f,"
                        "\"torch\":\"%s\"}\n",
                        info.threadCount, size, frame.c_str(), readMs, placeMs, scoreMs, scoreMaskedMs,
                        periscope::torchVersion().c_str());
            std::fflush(stdout);
        }
        bench::removeTree(root);
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_deepfake_scrub: %s\n", e.what());
        return 1;
    }
}
