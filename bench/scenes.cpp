// SPDX-License-Identifier: GPL-3.0-or-later
// Scene generation throughput, as JSON lines: scenes rendered and written per second (RGB, mask,
// JSON) at a few sizes. Needs an X server for VTK (run under xvfb-run on a machine without one).
//
//   bench_scenes [--count 40] [--sizes 320x240,128x128] [--seed 1]
#include "BenchCommon.h"

#include "engine/core/errors/Error.h"
#include "engine/scenes/SceneRenderer.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>

int main(int argc, char **argv)
{
    try {
        int count = 40;
        std::string sizes = "320x240,128x128";
        std::uint64_t seed = 1;
        for (int i = 1; i + 1 < argc; i += 2) {
            const std::string key = argv[i], value = argv[i + 1];
            if (key == "--count")
                count = std::stoi(value);
            else if (key == "--sizes")
                sizes = value;
            else if (key == "--seed")
                seed = std::stoull(value);
            else
                throw periscope::Error("unknown argument " + key + " (--count, --sizes, --seed)");
        }
        std::stringstream list(sizes);
        for (std::string size; std::getline(list, size, ',');) {
            periscope::scenes::SceneSettings settings;
            if (std::sscanf(size.c_str(), "%dx%d", &settings.width, &settings.height) != 2)
                throw periscope::Error("--sizes takes WxH,WxH");
            const std::filesystem::path folder = std::filesystem::temp_directory_path() / ("bench_scenes_" + size);
            bench::removeTree(folder);
            const auto start = std::chrono::steady_clock::now();
            const periscope::scenes::DatasetSummary summary = periscope::scenes::generateDataset(folder.string(), count, seed, settings);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::printf("{\"bench\": \"scenes\", \"impl\": \"periscope\", \"size\": \"%s\", \"scenes\": %d, \"objects\": %d, "
                        "\"seconds\": %.3f, \"scenes_per_s\": %.3f}\n",
                        size.c_str(), summary.scenes, summary.objects, seconds, double(summary.scenes) / seconds);
            std::fflush(stdout);
            bench::removeTree(folder);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_scenes: %s\n", e.what());
        return 1;
    }
    return 0;
}
