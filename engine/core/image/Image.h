// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace periscope {

enum class PixelFormat { UInt8, Float32 };

// An image or a map (a heatmap, a mask, a Lab image) that the UI, the media layer and the engine
// exchange without any of them seeing torch: width x height pixels of `channels` interleaved
// samples, 8-bit or float. An Image either owns its pixels (shared, so copies are cheap and see
// the same pixels: call copy() for a deep copy) or views memory someone else owns (a QImage's
// bits, a decoded video frame), in which case that memory must outlive it.
class Image {
public:
    Image() = default;
    // Owning and zero-filled. Throws periscope::Error on a negative or absurd size.
    Image(int width, int height, int channels, PixelFormat format);
    // A view of existing pixels; rowBytes may exceed width * channels * sample size (padding).
    static Image wrap(void *data, int width, int height, int channels, PixelFormat format, std::ptrdiff_t rowBytes);

    bool isNull() const { return m_data == nullptr; }
    bool isView() const { return m_data != nullptr && !m_owner; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    int channels() const { return m_channels; }
    PixelFormat format() const { return m_format; }
    std::size_t sampleBytes() const { return m_format == PixelFormat::UInt8 ? 1 : 4; }
    std::ptrdiff_t rowBytes() const { return m_rowBytes; }
    bool isContiguous() const { return m_rowBytes == std::ptrdiff_t(m_width * m_channels * sampleBytes()); }

    std::uint8_t *bits() { return m_data; }
    const std::uint8_t *bits() const { return m_data; }
    std::uint8_t *row(int y) { return m_data + y * m_rowBytes; }
    const std::uint8_t *row(int y) const { return m_data + y * m_rowBytes; }
    template <typename T> T *rowAs(int y) { return reinterpret_cast<T *>(row(y)); }
    template <typename T> const T *rowAs(int y) const { return reinterpret_cast<const T *>(row(y)); }

    // The sample at (x, y, channel) as a float (8-bit samples are not rescaled).
    float sample(int x, int y, int channel) const;
    void setSample(int x, int y, int channel, float value);

    // An owning, contiguous deep copy.
    Image copy() const;
    // The owner of the pixels, for callers that must keep them alive (tensor views).
    std::shared_ptr<std::uint8_t[]> owner() const { return m_owner; }

private:
    std::shared_ptr<std::uint8_t[]> m_owner;
    std::uint8_t *m_data = nullptr;
    int m_width = 0;
    int m_height = 0;
    int m_channels = 0;
    PixelFormat m_format = PixelFormat::UInt8;
    std::ptrdiff_t m_rowBytes = 0;
};

} // namespace periscope
