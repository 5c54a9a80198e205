// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/image/Image.h"

#include "engine/core/errors/Error.h"

#include <cstring>
#include <string>

namespace periscope {

namespace {
// 1 gigapixel-sample; far above any photo or video frame, far below memory exhaustion.
constexpr std::int64_t kMaxSamples = std::int64_t(1) << 30;

void checkSize(int width, int height, int channels)
{
    if (width < 0 || height < 0 || channels < 1 || channels > 64)
        throw Error("invalid image size " + std::to_string(width) + "x" + std::to_string(height) + "x" +
                    std::to_string(channels));
    if (std::int64_t(width) * height * channels > kMaxSamples)
        throw Error("image of " + std::to_string(width) + "x" + std::to_string(height) + "x" + std::to_string(channels) +
                    " samples is too large");
}
} // namespace

Image::Image(int width, int height, int channels, PixelFormat format)
{
    checkSize(width, height, channels);
    m_width = width;
    m_height = height;
    m_channels = channels;
    m_format = format;
    m_rowBytes = std::ptrdiff_t(width * channels * sampleBytes());
    const std::size_t bytes = std::size_t(m_rowBytes) * std::size_t(height);
    m_owner = std::shared_ptr<std::uint8_t[]>(new std::uint8_t[bytes > 0 ? bytes : 1]());
    m_data = m_owner.get();
}

Image Image::wrap(void *data, int width, int height, int channels, PixelFormat format, std::ptrdiff_t rowBytes)
{
    checkSize(width, height, channels);
    Image image;
    image.m_data = static_cast<std::uint8_t *>(data);
    image.m_width = width;
    image.m_height = height;
    image.m_channels = channels;
    image.m_format = format;
    image.m_rowBytes = rowBytes;
    if (!data || rowBytes < std::ptrdiff_t(width * channels * image.sampleBytes()))
        throw Error("invalid image view (null pixels or rows shorter than the width)");
    return image;
}

float Image::sample(int x, int y, int channel) const
{
    const std::size_t index = std::size_t(x) * std::size_t(m_channels) + std::size_t(channel);
    return m_format == PixelFormat::UInt8 ? float(row(y)[index]) : rowAs<float>(y)[index];
}

void Image::setSample(int x, int y, int channel, float value)
{
    const std::size_t index = std::size_t(x) * std::size_t(m_channels) + std::size_t(channel);
    if (m_format == PixelFormat::UInt8)
        row(y)[index] = std::uint8_t(value < 0 ? 0 : value > 255 ? 255 : value + 0.5f);
    else
        rowAs<float>(y)[index] = value;
}

Image Image::copy() const
{
    if (isNull())
        return {};
    Image out(m_width, m_height, m_channels, m_format);
    const std::size_t rowLength = std::size_t(out.m_rowBytes);
    for (int y = 0; y < m_height; ++y)
        std::memcpy(out.row(y), row(y), rowLength);
    return out;
}

} // namespace periscope
