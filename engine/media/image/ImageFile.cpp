// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/image/ImageFile.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/media/image/ImageHeader.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace periscope::media {

namespace {
// Formats OpenCV reads that we accept; anything else is refused before decoding.
bool hasKnownSignature(const std::string &path, std::string *format)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char head[16] = {};
    in.read(reinterpret_cast<char *>(head), sizeof head);
    const std::streamsize n = in.gcount();
    auto starts = [&](const char *magic, std::size_t length) { return std::size_t(n) >= length && std::memcmp(head, magic, length) == 0; };
    if (starts("\xFF\xD8\xFF", 3))
        *format = "JPEG";
    else if (starts("\x89PNG\r\n\x1A\n", 8))
        *format = "PNG";
    else if (starts("II*\0", 4) || starts("MM\0*", 4))
        *format = "TIFF";
    else if (starts("RIFF", 4) && n >= 12 && std::memcmp(head + 8, "WEBP", 4) == 0)
        *format = "WebP";
    else if (starts("BM", 2))
        *format = "BMP";
    else
        return false;
    return true;
}

// libjpeg "decodes" a cut-off JPEG by filling the missing rows with gray and a warning; a
// complete file ends with the EOI marker (some cameras append a little data after it).
bool jpegHasEndMarker(const std::string &path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in.tellg();
    const std::streamoff tail = std::min<std::streamoff>(size, 65536);
    std::vector<char> bytes(std::size_t(tail), '\0');
    in.seekg(size - tail);
    in.read(bytes.data(), tail);
    for (std::streamoff i = tail - 2; i >= 0; --i)
        if (static_cast<unsigned char>(bytes[std::size_t(i)]) == 0xFF && static_cast<unsigned char>(bytes[std::size_t(i) + 1]) == 0xD9)
            return true;
    return false;
}

// The same for PNG: a complete file ends with its IEND chunk. Checked before decoding, so that a
// cut-off file is refused with the reason (libpng would print its own "Read Error" first).
bool pngHasEndChunk(const std::string &path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in.tellg();
    const std::streamoff tail = std::min<std::streamoff>(size, 65536);
    std::string bytes(std::size_t(tail), '\0');
    in.seekg(size - tail);
    in.read(bytes.data(), tail);
    return bytes.find("IEND") != std::string::npos;
}

Image fromMat(const cv::Mat &mat)
{
    const bool sixteen = mat.depth() == CV_16U;
    const int channels = mat.channels();
    Image image(mat.cols, mat.rows, channels, sixteen ? PixelFormat::Float32 : PixelFormat::UInt8);
    cv::Mat target(mat.rows, mat.cols, CV_MAKETYPE(sixteen ? CV_32F : CV_8U, channels), image.bits(), std::size_t(image.rowBytes()));
    if (sixteen)
        mat.convertTo(target, CV_MAKETYPE(CV_32F, channels), 1.0 / 65535.0);
    else
        mat.copyTo(target);
    return image;
}
} // namespace

bool isGrayscale(const Image &image)
{
    if (image.channels() == 1)
        return true;
    if (image.channels() < 3)
        return false;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const float r = image.sample(x, y, 0);
            if (image.sample(x, y, 1) != r || image.sample(x, y, 2) != r)
                return false;
        }
    return true;
}

ImageFile readImage(const std::string &path)
{
    return readImage(path, 0);
}

ImageFile readImage(const std::string &path, int shortSide)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        throw Error(path + ": no such image file");
    std::string format;
    if (!hasKnownSignature(path, &format))
        throw Error(path + ": not an image (expected JPEG, PNG, TIFF, WebP or BMP)");
    if (format == "JPEG" && !jpegHasEndMarker(path))
        throw Error(path + ": the JPEG image is truncated (no end-of-image marker)");
    if (format == "PNG" && !pngHasEndChunk(path))
        throw Error(path + ": the PNG image is truncated (no IEND chunk)");
    // The decoder allocates what the header declares: a 2 MB PNG can declare 20000 x 20000.
    const std::optional<ImageDimensions> size = readImageDimensions(path, format);
    if (!size)
        throw Error(path + ": the " + format + " header is cut off or malformed (no image size in it)");
    if (size->pixels() > maxImagePixels())
        throw Error(path + ": " + std::to_string(size->width) + " x " + std::to_string(size->height) + " pixels is over the limit of " +
                    std::to_string(maxImagePixels()) + " (Settings, or --max-pixels, raise it)");
    // The reduction the reader can take: the largest of 8, 4, 2 that keeps shortSide.
    int reduction = 1;
    if (shortSide > 0)
        for (const int factor : {8, 4, 2})
            if (reduction == 1 && std::min(size->width, size->height) / factor >= std::int64_t(shortSide))
                reduction = factor;
    cv::Mat raw;
    try {
        if (reduction > 1) {
            // Colour, 8-bit, EXIF orientation applied; never the full-size pixels for JPEG.
            const int flag = reduction == 8 ? cv::IMREAD_REDUCED_COLOR_8 : reduction == 4 ? cv::IMREAD_REDUCED_COLOR_4 : cv::IMREAD_REDUCED_COLOR_2;
            raw = cv::imread(path, flag);
        } else {
            // One unchanged read tells depth and alpha; orientation needs a second, flag-driven read.
            raw = cv::imread(path, cv::IMREAD_UNCHANGED);
            if (!raw.empty() && raw.channels() != 4)
                raw = cv::imread(path, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR); // applies EXIF orientation
        }
    } catch (const cv::Exception &e) {
        throw Error(path + ": cannot decode the " + format + " image (" + e.err + ")");
    }
    if (raw.empty())
        throw Error(path + ": cannot decode the " + format + " image (truncated or corrupt)");
    if (raw.depth() != CV_8U && raw.depth() != CV_16U)
        throw Error(path + ": unsupported sample type (only 8- and 16-bit images are read)");

    ImageFile file;
    file.bitDepth = raw.depth() == CV_16U ? 16 : 8;
    file.hasAlpha = raw.channels() == 4;
    cv::Mat rgb;
    switch (raw.channels()) {
    case 1: rgb = raw; break;
    case 3: cv::cvtColor(raw, rgb, cv::COLOR_BGR2RGB); break;
    case 4: cv::cvtColor(raw, rgb, cv::COLOR_BGRA2RGBA); break;
    default: throw Error(path + ": " + std::to_string(raw.channels()) + " channels are not supported");
    }
    file.pixels = fromMat(rgb);
    file.isGrayscale = isGrayscale(file.pixels);
    return file;
}

void writeImage(const std::string &path, const Image &image)
{
    if (image.isNull())
        throw Error(path + ": there is no image to write");
    const std::string extension = [&] {
        std::string e = std::filesystem::path(path).extension().string();
        std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return e;
    }();
    const bool jpeg = extension == ".jpg" || extension == ".jpeg";
    if (!jpeg && extension != ".png" && extension != ".tif" && extension != ".tiff")
        throw Error(path + ": unsupported image format '" + extension + "' (use .png, .jpg or .tif)");
    if (image.channels() != 1 && image.channels() != 3 && image.channels() != 4)
        throw Error(path + ": cannot write a " + std::to_string(image.channels()) + "-channel image");
    if (jpeg && image.channels() == 4)
        throw Error(path + ": JPEG has no alpha channel; write PNG or TIFF");

    const int channels = image.channels();
    const bool isFloat = image.format() == PixelFormat::Float32;
    cv::Mat view(image.height(), image.width(), CV_MAKETYPE(isFloat ? CV_32F : CV_8U, channels),
                 const_cast<std::uint8_t *>(image.bits()), std::size_t(image.rowBytes()));
    cv::Mat samples;
    if (isFloat)
        view.convertTo(samples, CV_MAKETYPE(jpeg ? CV_8U : CV_16U, channels), jpeg ? 255.0 : 65535.0);
    else
        samples = view;
    cv::Mat bgr;
    if (channels == 3)
        cv::cvtColor(samples, bgr, cv::COLOR_RGB2BGR);
    else if (channels == 4)
        cv::cvtColor(samples, bgr, cv::COLOR_RGBA2BGRA);
    else
        bgr = samples;

    std::vector<int> parameters;
    if (jpeg)
        parameters = {cv::IMWRITE_JPEG_QUALITY, 95};
    std::vector<unsigned char> encoded;
    try {
        if (!cv::imencode(extension, bgr, encoded, parameters))
            throw Error(path + ": the image could not be encoded");
    } catch (const cv::Exception &e) {
        throw Error(path + ": the image could not be encoded (" + e.err + ")");
    }
    writeFileAtomically(path, encoded.data(), encoded.size());
}

} // namespace periscope::media
