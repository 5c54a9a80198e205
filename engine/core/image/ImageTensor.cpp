// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/image/ImageTensor.h"

#include "engine/core/errors/Error.h"

#include <cstring>

namespace periscope {

torch::Tensor imageAsTensorHWC(const Image &image)
{
    if (image.isNull())
        throw Error("cannot convert an empty image to a tensor");
    const auto dtype = image.format() == PixelFormat::UInt8 ? torch::kUInt8 : torch::kFloat32;
    const std::int64_t sample = std::int64_t(image.sampleBytes());
    std::shared_ptr<std::uint8_t[]> owner = image.owner();
    return torch::from_blob(const_cast<std::uint8_t *>(image.bits()), {image.height(), image.width(), image.channels()},
                            {image.rowBytes() / sample, image.channels(), 1}, [owner](void *) {},
                            torch::TensorOptions().dtype(dtype));
}

torch::Tensor imageToTensor(const Image &image, const torch::Device &device)
{
    torch::Tensor hwc = imageAsTensorHWC(image);
    // Move the 8-bit samples first (4x less to transfer), convert on the device.
    torch::Tensor chw = hwc.permute({2, 0, 1}).to(device, /*non_blocking=*/false, /*copy=*/false);
    if (image.format() == PixelFormat::UInt8)
        return chw.to(torch::kFloat32).div_(255.0f).contiguous();
    return chw.contiguous().clone(); // never alias the caller's float pixels
}

namespace {
Image fromContiguousHWC(const torch::Tensor &hwc, PixelFormat format)
{
    Image image(int(hwc.size(1)), int(hwc.size(0)), int(hwc.size(2)), format);
    const std::size_t bytes = std::size_t(hwc.numel()) * hwc.element_size();
    if (bytes)
        std::memcpy(image.bits(), hwc.data_ptr(), bytes);
    return image;
}

torch::Tensor toCHW(const torch::Tensor &tensor)
{
    if (tensor.dim() == 2)
        return tensor.unsqueeze(0);
    if (tensor.dim() == 3)
        return tensor;
    throw Error("an image tensor must be [C, H, W] or [H, W], got " + std::to_string(tensor.dim()) + " dimensions");
}
} // namespace

Image imageFromTensor(const torch::Tensor &tensor)
{
    const torch::Tensor chw = toCHW(tensor);
    if (chw.scalar_type() == torch::kUInt8)
        return fromContiguousHWC(chw.permute({1, 2, 0}).to(torch::kCPU).contiguous(), PixelFormat::UInt8);
    if (!chw.is_floating_point())
        throw Error(std::string("cannot make an image of a ") + c10::toString(chw.scalar_type()) + " tensor");
    return fromContiguousHWC(chw.detach().permute({1, 2, 0}).to(torch::kCPU, torch::kFloat32).contiguous(),
                             PixelFormat::Float32);
}

Image imageFromTensorToUInt8(const torch::Tensor &tensor)
{
    const torch::Tensor chw = toCHW(tensor).detach().to(torch::kFloat32);
    const torch::Tensor bytes = chw.mul(255.0f).round_().clamp_(0, 255).to(torch::kUInt8);
    return fromContiguousHWC(bytes.permute({1, 2, 0}).to(torch::kCPU).contiguous(), PixelFormat::UInt8);
}

} // namespace periscope
