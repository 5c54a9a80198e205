// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the image and video seeds of the fuzz corpus (tests/fuzz/corpus/{image,video}) with
// Periscope's own writers: small files of every format the readers take. The committed seeds
// were made with it: make_fuzz_corpus tests/fuzz/corpus
#include "engine/core/image/Image.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoWriter.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace periscope;

namespace {
Image pattern(int width, int height, int phase)
{
    Image image(width, height, 3, PixelFormat::UInt8);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c)
                image.setSample(x, y, c, float((x * 7 + y * 13 + c * 40 + phase * 30) % 256));
    return image;
}

void writeBytes(const std::filesystem::path &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string little(std::uint32_t v, int n)
{
    std::string out;
    for (int i = 0; i < n; ++i)
        out += char((v >> (8 * i)) & 0xff);
    return out;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_fuzz_corpus CORPUS_FOLDER\n");
        return 2;
    }
    const std::filesystem::path root(argv[1]);
    std::filesystem::create_directories(root / "image");
    std::filesystem::create_directories(root / "video");
    const Image small = pattern(12, 8, 0);
    for (const char *name : {"small.png", "small.jpg", "small.tif"})
        media::writeImage((root / "image" / name).string(), small);
    Image gray(9, 5, 1, PixelFormat::UInt8);
    media::writeImage((root / "image" / "gray.png").string(), gray);

    // A 2 x 2 24-bit BMP, bottom-up, rows padded to 4 bytes.
    std::string bmp = "BM" + little(54 + 16, 4) + little(0, 4) + little(54, 4) + little(40, 4) + little(2, 4) + little(2, 4) +
                      little(1, 2) + little(24, 2) + little(0, 4) + little(16, 4) + little(2835, 4) + little(2835, 4) +
                      little(0, 4) + little(0, 4);
    bmp += std::string("\x00\x00\xff\xff\xff\xff\x00\x00", 8) + std::string("\xff\x00\x00\x00\xff\x00\x00\x00", 8);
    writeBytes(root / "image" / "tiny.bmp", bmp);
    // A WebP container with a lossless (VP8L) header for 3 x 2 and no pixel data: the header
    // reader's input; the decoder refuses it.
    std::string vp8l = "\x2f" + little((3 - 1) | ((2 - 1) << 14), 4) + std::string(4, '\0');
    writeBytes(root / "image" / "header-only.webp", "RIFF" + little(std::uint32_t(4 + 8 + vp8l.size()), 4) + "WEBP" + "VP8L" +
                                                        little(std::uint32_t(vp8l.size()), 4) + vp8l);

    for (const char *name : {"tiny.mkv", "tiny.mp4", "tiny.avi"}) {
        media::VideoWriterOptions options;
        options.codec = "mpeg4";
        auto writer = media::VideoWriter::create((root / "video" / name).string(), 16, 16, options);
        for (int i = 0; i < 4; ++i)
            writer->write(pattern(16, 16, i));
        writer->finish();
    }
    std::printf("fuzz seeds written under %s\n", root.string().c_str());
    return 0;
}
