// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/ManipulationMasks.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoReader.h"

#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace periscope::deepfake {

namespace {
namespace fs = std::filesystem;

constexpr std::int64_t kMaxForwardDecode = 64; // further ahead than this, a seek is cheaper than decoding forward
constexpr std::size_t kMaxMaskImages = 10'000'000;

std::vector<std::string> imagesIn(const std::string &folder)
{
    std::vector<std::string> files;
    std::error_code error;
    for (const fs::directory_entry &entry : fs::directory_iterator(folder, error)) {
        std::string extension = entry.path().extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (entry.is_regular_file(error) &&
            (extension == ".png" || extension == ".bmp" || extension == ".tif" || extension == ".tiff" || extension == ".webp")) {
            if (files.size() >= kMaxMaskImages)
                throw Error(folder + " holds over ten million mask images");
            files.push_back(entry.path().string());
        }
    }
    if (error)
        throw Error("cannot list the mask folder " + folder + ": " + error.message());
    std::sort(files.begin(), files.end());
    return files;
}

class ImageFolderMasks final : public ManipulationMasks {
public:
    explicit ImageFolderMasks(const std::string &folder) : m_images(imagesIn(folder)) {}
    Image at(std::int64_t frame) override
    {
        if (frame < 0 || frame >= std::int64_t(m_images.size()))
            return {};
        return binaryMask(media::readImage(m_images[std::size_t(frame)]).pixels);
    }

private:
    std::vector<std::string> m_images;
};

// Frames of a video in the order asked for, decoding forward where that is cheaper than a seek.
class ForwardVideo {
public:
    explicit ForwardVideo(const std::string &path) : m_reader(media::VideoReader::open(path)) {}
    // A null Image past the end.
    Image frame(std::int64_t index)
    {
        if (index < 0)
            return {};
        if (index == m_last.index)
            return m_last.rgb;
        if (index > m_last.index && index - m_last.index <= kMaxForwardDecode) {
            while (m_last.index < index)
                if (!m_reader->readNext(m_last))
                    return {};
            if (m_last.index == index)
                return m_last.rgb;
            // Overshot (a frame the reader could not place): seek to exactly this one.
        }
        if (index >= m_reader->info().frameCount)
            return {};
        m_last = m_reader->frameAt(index); // readNext goes on from here
        return m_last.rgb;
    }

private:
    std::unique_ptr<media::VideoReader> m_reader;
    media::VideoFrame m_last;
};

class VideoMasks final : public ManipulationMasks {
public:
    explicit VideoMasks(const std::string &path) : m_video(path) {}
    Image at(std::int64_t frame) override
    {
        const Image rgb = m_video.frame(frame);
        return rgb.isNull() ? Image() : binaryMask(rgb);
    }

private:
    ForwardVideo m_video;
};

class TensorMasks final : public ManipulationMasks {
public:
    explicit TensorMasks(const std::string &path)
    {
        const SafetensorsContents contents = readSafetensors(path);
        const torch::Tensor *masks = findTensor(contents.tensors, "masks");
        if (!masks)
            throw Error(path + " has no tensor named \"masks\"");
        if (masks->dim() != 3)
            throw Error(path + ": \"masks\" must be [T, H, W]");
        m_masks = masks->ne(0).to(torch::kUInt8).mul(255).contiguous();
    }
    Image at(std::int64_t frame) override
    {
        if (frame < 0 || frame >= m_masks.size(0))
            return {};
        return imageFromTensor(m_masks[frame]);
    }

private:
    torch::Tensor m_masks;
};

class DifferenceMasks final : public ManipulationMasks {
public:
    DifferenceMasks(const std::string &fake, const std::string &original, const DifferenceMaskSettings &settings)
        : m_fake(fake), m_original(original), m_settings(settings)
    {
    }
    Image at(std::int64_t frame) override
    {
        const Image fake = m_fake.frame(frame), original = m_original.frame(frame);
        if (fake.isNull() || original.isNull())
            return {};
        return differenceMask(fake, original, m_settings);
    }

private:
    ForwardVideo m_fake, m_original;
    DifferenceMaskSettings m_settings;
};

void checkSettings(const DifferenceMaskSettings &settings)
{
    if (settings.threshold < 0 || settings.threshold > 254)
        throw Error("the difference threshold must be 0 .. 254, not " + std::to_string(settings.threshold));
    if (settings.medianSize < 1 || settings.medianSize > 99 || settings.medianSize % 2 == 0)
        throw Error("the median filter's size must be odd, 1 .. 99, not " + std::to_string(settings.medianSize));
}

} // namespace

std::unique_ptr<ManipulationMasks> ManipulationMasks::fromFile(const std::string &path)
{
    std::error_code error;
    if (fs::is_directory(path, error))
        return std::make_unique<ImageFolderMasks>(path);
    if (!fs::is_regular_file(path, error))
        throw Error("the masks " + path + " are neither a folder of images nor a file");
    if (fs::path(path).extension() == ".safetensors")
        return std::make_unique<TensorMasks>(path);
    return std::make_unique<VideoMasks>(path);
}

std::unique_ptr<ManipulationMasks> ManipulationMasks::fromDifference(const std::string &fake, const std::string &original,
                                                                     const DifferenceMaskSettings &settings)
{
    checkSettings(settings);
    return std::make_unique<DifferenceMasks>(fake, original, settings);
}

Image binaryMask(const Image &image)
{
    if (image.isNull())
        throw Error("a mask image is empty");
    Image out(image.width(), image.height(), 1, PixelFormat::UInt8);
    const int channels = image.channels();
    for (int y = 0; y < image.height(); ++y) {
        std::uint8_t *row = out.row(y);
        if (image.format() == PixelFormat::UInt8) {
            const std::uint8_t *in = image.row(y);
            for (int x = 0; x < image.width(); ++x) {
                bool on = false;
                for (int c = 0; c < channels; ++c)
                    on = on || in[x * channels + c] >= 128;
                row[x] = on ? 255 : 0;
            }
        } else {
            const float *in = image.rowAs<float>(y);
            for (int x = 0; x < image.width(); ++x) {
                bool on = false;
                for (int c = 0; c < channels; ++c)
                    on = on || in[x * channels + c] >= 0.5f;
                row[x] = on ? 255 : 0;
            }
        }
    }
    return out;
}

Image differenceMask(const Image &fake, const Image &original, const DifferenceMaskSettings &settings)
{
    checkSettings(settings);
    if (fake.width() != original.width() || fake.height() != original.height() || fake.channels() != original.channels() ||
        fake.format() != PixelFormat::UInt8 || original.format() != PixelFormat::UInt8)
        throw Error("the fake's frame (" + std::to_string(fake.width()) + " x " + std::to_string(fake.height()) +
                    ") and its original's (" + std::to_string(original.width()) + " x " + std::to_string(original.height()) +
                    ") differ in size or kind: they are not aligned");
    const int w = fake.width(), h = fake.height(), channels = fake.channels();
    // The thresholded difference, as counts in an integral image, so the median of any window of a
    // binary mask (its majority) costs four reads.
    std::vector<std::int64_t> integral(std::size_t(w + 1) * std::size_t(h + 1), 0);
    const auto at = [&](int x, int y) -> std::int64_t & { return integral[std::size_t(y) * std::size_t(w + 1) + std::size_t(x)]; };
    for (int y = 0; y < h; ++y) {
        const std::uint8_t *a = fake.row(y), *b = original.row(y);
        std::int64_t rowSum = 0;
        for (int x = 0; x < w; ++x) {
            int largest = 0;
            for (int c = 0; c < channels; ++c)
                largest = std::max(largest, std::abs(int(a[x * channels + c]) - int(b[x * channels + c])));
            rowSum += largest > settings.threshold ? 1 : 0;
            at(x + 1, y + 1) = at(x + 1, y) + rowSum;
        }
    }
    const int r = settings.medianSize / 2;
    Image out(w, h, 1, PixelFormat::UInt8);
    for (int y = 0; y < h; ++y) {
        std::uint8_t *row = out.row(y);
        const int y0 = std::max(0, y - r), y1 = std::min(h, y + r + 1);
        for (int x = 0; x < w; ++x) {
            const int x0 = std::max(0, x - r), x1 = std::min(w, x + r + 1);
            const std::int64_t on = at(x1, y1) - at(x0, y1) - at(x1, y0) + at(x0, y0);
            const std::int64_t n = std::int64_t(x1 - x0) * (y1 - y0);
            row[x] = 2 * on > n ? 255 : 0;
        }
    }
    return out;
}

} // namespace periscope::deepfake
