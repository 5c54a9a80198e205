// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/image/ImageHeader.h"

#include "engine/core/io/MappedFile.h"

#include <atomic>
#include <cstdlib>

namespace periscope::media {

namespace {

std::atomic<std::int64_t> g_maxPixels{kDefaultMaxImagePixels};

class Bytes {
public:
    Bytes(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}
    bool has(std::size_t at, std::size_t n) const { return at <= m_size && n <= m_size - at; }
    std::uint32_t big(std::size_t at, int n) const
    {
        std::uint32_t v = 0;
        for (int i = 0; i < n; ++i)
            v = (v << 8) | m_data[at + std::size_t(i)];
        return v;
    }
    std::uint32_t little(std::size_t at, int n) const
    {
        std::uint32_t v = 0;
        for (int i = n - 1; i >= 0; --i)
            v = (v << 8) | m_data[at + std::size_t(i)];
        return v;
    }
    std::uint8_t operator[](std::size_t at) const { return m_data[at]; }
    bool equals(std::size_t at, const char *text, std::size_t n) const
    {
        return has(at, n) && std::equal(text, text + n, reinterpret_cast<const char *>(m_data + at));
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
};

std::optional<ImageDimensions> png(const Bytes &b)
{
    if (!b.has(16, 8) || !b.equals(12, "IHDR", 4))
        return std::nullopt;
    return ImageDimensions{b.big(16, 4), b.big(20, 4)};
}

// Markers until the first start-of-frame; SOS or EOI before it means there is none.
std::optional<ImageDimensions> jpeg(const Bytes &b, std::size_t size)
{
    std::size_t at = 2;
    while (b.has(at, 2)) {
        if (b[at] != 0xFF)
            return std::nullopt;
        while (b.has(at + 1, 1) && b[at + 1] == 0xFF) // fill bytes
            ++at;
        if (!b.has(at + 1, 1))
            return std::nullopt;
        const std::uint8_t marker = b[at + 1];
        at += 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8))
            continue; // no length
        if (marker == 0xD9 || marker == 0xDA || !b.has(at, 2))
            return std::nullopt;
        const std::size_t length = b.big(at, 2);
        if (length < 2)
            return std::nullopt;
        const bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            if (!b.has(at, 7))
                return std::nullopt;
            return ImageDimensions{b.big(at + 5, 2), b.big(at + 3, 2)};
        }
        at += length;
        if (at > size)
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<ImageDimensions> tiff(const Bytes &b)
{
    if (!b.has(0, 8))
        return std::nullopt;
    const bool little = b[0] == 'I';
    auto read = [&](std::size_t at, int n) { return little ? b.little(at, n) : b.big(at, n); };
    const std::size_t ifd = read(4, 4);
    if (!b.has(ifd, 2))
        return std::nullopt;
    const std::size_t count = read(ifd, 2);
    std::optional<std::int64_t> width, height;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t entry = ifd + 2 + 12 * i;
        if (!b.has(entry, 12))
            return std::nullopt;
        const std::uint32_t tag = read(entry, 2), type = read(entry + 2, 2);
        if (tag != 256 && tag != 257)
            continue;
        const std::int64_t value = type == 3 ? read(entry + 8, 2) : type == 4 ? read(entry + 8, 4) : -1;
        if (value < 0)
            return std::nullopt;
        (tag == 256 ? width : height) = value;
    }
    if (!width || !height)
        return std::nullopt;
    return ImageDimensions{*width, *height};
}

std::optional<ImageDimensions> webp(const Bytes &b)
{
    if (b.equals(12, "VP8 ", 4) && b.has(26, 4) && b[23] == 0x9d && b[24] == 0x01 && b[25] == 0x2a)
        return ImageDimensions{b.little(26, 2) & 0x3fff, b.little(28, 2) & 0x3fff};
    if (b.equals(12, "VP8L", 4) && b.has(21, 4) && b[20] == 0x2f) {
        const std::uint32_t bits = b.little(21, 4);
        return ImageDimensions{1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff)};
    }
    if (b.equals(12, "VP8X", 4) && b.has(24, 6))
        return ImageDimensions{1 + std::int64_t(b.little(24, 3)), 1 + std::int64_t(b.little(27, 3))};
    return std::nullopt;
}

std::optional<ImageDimensions> bmp(const Bytes &b)
{
    if (!b.has(14, 4))
        return std::nullopt;
    const std::uint32_t header = b.little(14, 4);
    if (header == 12 && b.has(18, 4)) // OS/2 BITMAPCOREHEADER
        return ImageDimensions{b.little(18, 2), b.little(20, 2)};
    if (header < 40 || !b.has(18, 8))
        return std::nullopt;
    const std::int64_t height = std::int32_t(b.little(22, 4)); // negative: stored top-down
    return ImageDimensions{std::int32_t(b.little(18, 4)), std::llabs(height)};
}

} // namespace

std::optional<ImageDimensions> readImageDimensions(const std::string &path, const std::string &format)
{
    const std::shared_ptr<MappedFile> file = MappedFile::open(path);
    const Bytes bytes(file->data(), file->size());
    std::optional<ImageDimensions> size;
    if (format == "PNG")
        size = png(bytes);
    else if (format == "JPEG")
        size = jpeg(bytes, file->size());
    else if (format == "TIFF")
        size = tiff(bytes);
    else if (format == "WebP")
        size = webp(bytes);
    else if (format == "BMP")
        size = bmp(bytes);
    if (size && (size->width <= 0 || size->height <= 0))
        return std::nullopt;
    return size;
}

void setMaxImagePixels(std::int64_t pixels)
{
    g_maxPixels = pixels > 0 ? pixels : kDefaultMaxImagePixels;
}

std::int64_t maxImagePixels()
{
    return g_maxPixels;
}

} // namespace periscope::media
