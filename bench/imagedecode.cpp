// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a large photo whole against reduced for a reader that needs 512 px (Slots without
// masks): time and the growth of peak memory (ru_maxrss), on a JPEG and a PNG this bench writes.
// Each reading runs in its own child process, so one's peak does not hide the other's.
//
//   bench_imagedecode [--width 8000] [--height 6000] [--short-side 512] [--repeats 3]
#include "BenchCommon.h"

#include "engine/media/image/ImageFile.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace {
double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

long peakKilobytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// Runs one reading in a child; prints its JSON line there.
void measure(const std::string &file, const std::string &format, int shortSide, int repeats)
{
    std::fflush(stdout);
    const pid_t child = fork();
    if (child == 0) {
        const long before = peakKilobytes();
        double best = 1e30;
        int width = 0, height = 0;
        for (int r = 0; r < repeats; ++r) {
            const double start = now();
            const periscope::media::ImageFile image = periscope::media::readImage(file, shortSide);
            best = std::min(best, now() - start);
            width = image.pixels.width();
            height = image.pixels.height();
        }
        std::printf("{\"bench\": \"imagedecode\", \"format\": \"%s\", \"read\": \"%s\", \"result\": \"%dx%d\", \"ms\": %.1f, "
                    "\"peak_growth_mb\": %.1f}\n",
                    format.c_str(), shortSide > 0 ? "reduced" : "whole", width, height, best * 1e3, double(peakKilobytes() - before) / 1024.0);
        std::fflush(stdout);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
}
} // namespace

int main(int argc, char **argv)
{
    const bench::Arguments args(argc, argv, {{"width", "8000"}, {"height", "6000"}, {"short-side", "512"}, {"repeats", "3"}});
    const int width = args.integer("width"), height = args.integer("height");
    periscope::Image photo(width, height, 3, periscope::PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            photo.setSample(x, y, 0, float((x * 7 + y) % 256));
            photo.setSample(x, y, 1, float((y * 3) % 256));
            photo.setSample(x, y, 2, float(((x ^ y) >> 3) % 256));
        }
    for (const char *format : {"jpg", "png"}) {
        const std::string file = "/tmp/periscope-bench-photo-" + std::to_string(::getpid()) + "." + format;
        periscope::media::writeImage(file, photo);
        measure(file, format, 0, args.integer("repeats"));
        measure(file, format, args.integer("short-side"), args.integer("repeats"));
        std::remove(file.c_str());
    }
    return 0;
}
