// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/FaceCrop.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace periscope::deepfake {

namespace F = torch::nn::functional;

FaceCrop faceCropFor(const FaceBox &box, int size, double grow)
{
    if (!(box.width > 0.0 && box.height > 0.0))
        throw Error("a face box needs a positive width and height");
    if (!(grow > 0.0) || size < 1)
        throw Error("a face crop needs grow > 0 and a size of at least one pixel");
    FaceCrop crop;
    crop.side = std::max(1, int(std::lround(grow * std::max(box.width, box.height))));
    const double centreX = box.left + box.width / 2.0, centreY = box.top + box.height / 2.0;
    crop.left = int(std::lround(centreX - crop.side / 2.0));
    crop.top = int(std::lround(centreY - crop.side / 2.0));
    crop.size = size;
    return crop;
}

namespace {
// The square [top, top + side) x [left, left + side) of a [C, H, W] tensor, zero where it leaves it.
torch::Tensor cutSquare(const torch::Tensor &chw, const FaceCrop &crop)
{
    const std::int64_t height = chw.size(1), width = chw.size(2);
    torch::Tensor square = torch::zeros({chw.size(0), crop.side, crop.side}, chw.options());
    const std::int64_t x0 = std::max<std::int64_t>(crop.left, 0), x1 = std::min<std::int64_t>(crop.left + crop.side, width);
    const std::int64_t y0 = std::max<std::int64_t>(crop.top, 0), y1 = std::min<std::int64_t>(crop.top + crop.side, height);
    if (x0 < x1 && y0 < y1)
        square.slice(1, y0 - crop.top, y1 - crop.top).slice(2, x0 - crop.left, x1 - crop.left).copy_(chw.slice(1, y0, y1).slice(2, x0, x1));
    return square;
}

// Bilinear with align_corners = false (pixel centres at i + 1/2, edges meeting edges), antialiased
// when shrinking: the convention both directions share.
torch::Tensor resizeSquare(const torch::Tensor &chw, std::int64_t side)
{
    if (chw.size(1) == side && chw.size(2) == side)
        return chw;
    return F::interpolate(chw.unsqueeze(0), F::InterpolateFuncOptions()
                                                 .size(std::vector<std::int64_t>{side, side})
                                                 .mode(torch::kBilinear)
                                                 .align_corners(false)
                                                 .antialias(true))
        .squeeze(0);
}
} // namespace

Image cropFace(const Image &frame, const FaceCrop &crop)
{
    if (frame.isNull())
        throw Error("there is no frame to crop");
    if (crop.side < 1 || crop.size < 1)
        throw Error("the face crop is empty");
    const bool eightBit = frame.format() == PixelFormat::UInt8;
    const torch::Tensor chw = imageAsTensorHWC(frame).permute({2, 0, 1}).to(torch::kFloat);
    torch::Tensor out = resizeSquare(cutSquare(chw, crop), crop.size);
    if (eightBit)
        return imageFromTensor(out.round().clamp(0, 255).to(torch::kByte).contiguous());
    return imageFromTensor(out.contiguous());
}

at::Tensor heatmapToFrame(const at::Tensor &cropHeatmap, const FaceCrop &crop, int frameHeight, int frameWidth)
{
    if (frameHeight < 1 || frameWidth < 1)
        throw Error("the frame is empty");
    torch::Tensor frame = torch::zeros({frameHeight, frameWidth}, cropHeatmap.options().dtype(torch::kFloat));
    placeHeatmapInFrame(cropHeatmap, crop, frame);
    return frame;
}

void placeHeatmapInFrame(const at::Tensor &cropHeatmap, const FaceCrop &crop, const at::Tensor &frame)
{
    if (cropHeatmap.dim() != 2 || cropHeatmap.size(0) != crop.size || cropHeatmap.size(1) != crop.size)
        throw Error("the crop's heatmap must be [" + std::to_string(crop.size) + ", " + std::to_string(crop.size) + "]");
    if (frame.dim() != 2 || frame.numel() == 0)
        throw Error("the frame is empty");
    const std::int64_t frameHeight = frame.size(0), frameWidth = frame.size(1);
    const std::int64_t x0 = std::max<std::int64_t>(crop.left, 0), x1 = std::min<std::int64_t>(crop.left + crop.side, frameWidth);
    const std::int64_t y0 = std::max<std::int64_t>(crop.top, 0), y1 = std::min<std::int64_t>(crop.top + crop.side, frameHeight);
    if (x0 >= x1 || y0 >= y1)
        return;
    const torch::Tensor square = resizeSquare(cropHeatmap.to(torch::kFloat).unsqueeze(0), crop.side).squeeze(0);
    frame.slice(0, y0, y1).slice(1, x0, x1).copy_(square.slice(0, y0 - crop.top, y1 - crop.top).slice(1, x0 - crop.left, x1 - crop.left));
}

} // namespace periscope::deepfake
