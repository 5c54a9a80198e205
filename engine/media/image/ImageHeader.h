// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace periscope::media {

struct ImageDimensions {
    std::int64_t width = 0;
    std::int64_t height = 0;
    // Saturates: a header may declare 4294967295 x 4294967295, whose product does not fit.
    std::int64_t pixels() const
    {
        std::int64_t product = 0;
        return __builtin_mul_overflow(width, height, &product) ? std::numeric_limits<std::int64_t>::max() : product;
    }
};

// The width and height an image file declares, read from its header alone (PNG IHDR, JPEG SOF,
// TIFF's first IFD, WebP VP8/VP8L/VP8X, BMP info header), so that a decompression bomb is refused
// before any decoder allocates. `format` is what the signature said: "PNG", "JPEG", "TIFF",
// "WebP" or "BMP". nullopt when the header is cut off or malformed.
std::optional<ImageDimensions> readImageDimensions(const std::string &path, const std::string &format);

// The pixel limit checked before decoding. The default, 178,956,970 pixels (about 13,377²), is
// where Pillow refuses an image as a decompression bomb; Settings and `--max-pixels` change it
// for the process.
constexpr std::int64_t kDefaultMaxImagePixels = 178'956'970;
void setMaxImagePixels(std::int64_t pixels);
std::int64_t maxImagePixels();

} // namespace periscope::media
