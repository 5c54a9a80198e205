// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/deepfake/SelfBlend.h"

#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace periscope::deepfake {

namespace F = torch::nn::functional;

namespace {
constexpr double kPi = 3.14159265358979323846;

// Uniform in [low, high) from the generator's 53 high bits: the same numbers on every standard
// library (std::uniform_real_distribution's algorithm is not fixed by the standard).
double uniform(std::mt19937_64 &random, double low, double high)
{
    return low + (high - low) * double(random() >> 11) * 0x1.0p-53;
}

// A 1-D Gaussian kernel [1, 1, n] with sigma in pixels.
torch::Tensor gaussianKernel(double sigma)
{
    const int radius = std::max(1, int(std::ceil(3.0 * sigma)));
    const torch::Tensor x = torch::arange(-radius, radius + 1, torch::kFloat);
    const torch::Tensor k = torch::exp(-x * x / float(2.0 * sigma * sigma));
    return (k / k.sum()).view({1, 1, -1});
}

// Separable Gaussian blur of [C, H, W] (each channel alone), edges replicated.
torch::Tensor blur(const torch::Tensor &chw, double sigma)
{
    const torch::Tensor k = gaussianKernel(sigma);
    const std::int64_t r = k.size(2) / 2, c = chw.size(0);
    torch::Tensor x = chw.unsqueeze(0);
    x = F::pad(x, F::PadFuncOptions({r, r, 0, 0}).mode(torch::kReplicate));
    x = F::conv2d(x, k.view({1, 1, 1, -1}).expand({c, 1, 1, -1}), F::Conv2dFuncOptions().groups(c));
    x = F::pad(x, F::PadFuncOptions({0, 0, r, r}).mode(torch::kReplicate));
    x = F::conv2d(x, k.view({1, 1, -1, 1}).expand({c, 1, -1, 1}), F::Conv2dFuncOptions().groups(c));
    return x.squeeze(0);
}
} // namespace

double BlendTrajectory::Curve::at(std::int64_t frame) const
{
    const double t = double(frame);
    return base + amplitude * (0.6 * std::sin(2.0 * kPi * t / period1 + phase1) + 0.4 * std::sin(2.0 * kPi * t / period2 + phase2));
}

BlendTrajectory::BlendTrajectory(std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    // A curve that stays in [low, high]: amplitude a quarter of the range, the base where the
    // swing cannot leave it.
    auto curve = [&](double low, double high) {
        Curve c;
        c.amplitude = 0.25 * (high - low);
        c.base = uniform(random, low + c.amplitude, high - c.amplitude);
        c.period1 = uniform(random, 40.0, 160.0);
        c.period2 = uniform(random, 40.0, 160.0);
        c.phase1 = uniform(random, 0.0, 2.0 * kPi);
        c.phase2 = uniform(random, 0.0, 2.0 * kPi);
        return c;
    };
    m_scale = curve(0.95, 1.05);
    m_shiftX = curve(-0.03, 0.03);
    m_shiftY = curve(-0.03, 0.03);
    for (Curve &g : m_gain)
        g = curve(0.9, 1.1);
    m_sharpness = curve(-1.0, 1.0);
    m_ratio = curve(0.5, 1.0);
    m_axisX = curve(0.38, 0.5);
    m_axisY = curve(0.48, 0.6);
    for (Curve &w : m_wobble)
        w = curve(0.0, 0.08);
    for (Curve &p : m_wobblePhase)
        p = curve(0.0, 2.0 * kPi);
    m_edge = curve(0.05, 0.15);
}

BlendParameters BlendTrajectory::at(std::int64_t frame) const
{
    BlendParameters p;
    p.scale = m_scale.at(frame);
    p.shiftX = m_shiftX.at(frame);
    p.shiftY = m_shiftY.at(frame);
    for (std::size_t c = 0; c < 3; ++c) {
        p.gain[c] = m_gain[c].at(frame);
        p.wobble[c] = m_wobble[c].at(frame);
        p.wobblePhase[c] = m_wobblePhase[c].at(frame);
    }
    p.sharpness = m_sharpness.at(frame);
    p.ratio = m_ratio.at(frame);
    p.axisX = m_axisX.at(frame);
    p.axisY = m_axisY.at(frame);
    p.edge = m_edge.at(frame);
    return p;
}

BlendedFrame selfBlend(const Image &frame, const FaceBox &box, const BlendParameters &p)
{
    if (frame.isNull() || frame.format() != PixelFormat::UInt8 || frame.channels() != 3)
        throw Error("self-blending needs an 8-bit RGB frame");
    if (!(box.width > 0.0 && box.height > 0.0))
        throw Error("self-blending needs a face box with a positive width and height");
    const std::int64_t height = frame.height(), width = frame.width();
    const torch::Tensor original = imageAsTensorHWC(frame).permute({2, 0, 1}).to(torch::kFloat); // [3, H, W]
    const double cx = box.left + box.width / 2.0, cy = box.top + box.height / 2.0;

    // The region the mask can reach: the ellipse's largest radius, with room for the deformation.
    const double reach = 1.0 + p.wobble[0] + p.wobble[1] + p.wobble[2];
    const std::int64_t x0 = std::clamp<std::int64_t>(std::int64_t(std::floor(cx - p.axisX * box.width * reach)) - 1, 0, width);
    const std::int64_t x1 = std::clamp<std::int64_t>(std::int64_t(std::ceil(cx + p.axisX * box.width * reach)) + 1, 0, width);
    const std::int64_t y0 = std::clamp<std::int64_t>(std::int64_t(std::floor(cy - p.axisY * box.height * reach)) - 1, 0, height);
    const std::int64_t y1 = std::clamp<std::int64_t>(std::int64_t(std::ceil(cy + p.axisY * box.height * reach)) + 1, 0, height);

    Image maskImage(int(width), int(height), 1, PixelFormat::UInt8);
    torch::Tensor mask8 = imageAsTensorHWC(maskImage).squeeze(2);
    mask8.zero_();
    BlendedFrame out;
    if (x0 >= x1 || y0 >= y1) { // the face is outside the frame: nothing changes
        out.fake = frame;
        out.mask = maskImage;
        return out;
    }
    // Pixel centres of the region, in frame coordinates.
    const torch::Tensor xs = torch::arange(x0, x1, torch::kFloat) + 0.5f, ys = torch::arange(y0, y1, torch::kFloat) + 0.5f;
    const torch::Tensor gx = xs.view({1, -1}).expand({y1 - y0, x1 - x0}), gy = ys.view({-1, 1}).expand({y1 - y0, x1 - x0});

    // The mask: a deformed ellipse with a soft edge, times the blend ratio, quantized to 8 bits.
    const torch::Tensor dx = (gx - float(cx)) / float(p.axisX * box.width), dy = (gy - float(cy)) / float(p.axisY * box.height);
    const torch::Tensor rho = torch::sqrt(dx * dx + dy * dy), theta = torch::atan2(dy, dx);
    torch::Tensor radius = torch::ones_like(rho);
    for (int k = 0; k < 3; ++k)
        radius = radius + float(p.wobble[std::size_t(k)]) * torch::sin(float(k + 2) * theta + float(p.wobblePhase[std::size_t(k)]));
    const torch::Tensor inside = ((radius - rho) / (float(p.edge) * radius)).clamp(0.0, 1.0);
    const torch::Tensor weight = inside * inside * (3.0f - 2.0f * inside) * float(p.ratio); // smoothstep
    const torch::Tensor quantized = (weight * 255.0f).round();
    mask8.slice(0, y0, y1).slice(1, x0, x1).copy_(quantized.to(torch::kByte));

    // The altered copy over the region: the face scaled and shifted about the box centre, then its
    // colour and sharpness changed.
    const double shiftX = p.shiftX * box.width, shiftY = p.shiftY * box.height;
    const torch::Tensor sx = (gx - float(cx + shiftX)) / float(p.scale) + float(cx);
    const torch::Tensor sy = (gy - float(cy + shiftY)) / float(p.scale) + float(cy);
    const torch::Tensor grid = torch::stack({sx / float(width) * 2.0f - 1.0f, sy / float(height) * 2.0f - 1.0f}, 2).unsqueeze(0);
    torch::Tensor copy = F::grid_sample(original.unsqueeze(0), grid,
                                        F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kBorder).align_corners(false))
                             .squeeze(0);
    copy = copy * torch::tensor({float(p.gain[0]), float(p.gain[1]), float(p.gain[2])}).view({3, 1, 1});
    if (p.sharpness != 0.0) {
        const double sigma = 0.5 + 0.01 * std::max(box.width, box.height);
        const torch::Tensor soft = blur(copy, sigma);
        copy = p.sharpness < 0.0 ? copy + float(-p.sharpness) * (soft - copy) : copy + float(p.sharpness) * (copy - soft);
    }

    // Blend with the quantized weight, so that a pixel whose mask is 0 keeps its exact value.
    const torch::Tensor region = original.slice(1, y0, y1).slice(2, x0, x1);
    const torch::Tensor w = (quantized / 255.0f).unsqueeze(0);
    const torch::Tensor blended = (region + w * (copy - region)).round().clamp(0.0, 255.0);
    Image fake(int(width), int(height), 3, PixelFormat::UInt8);
    torch::Tensor fakeHwc = imageAsTensorHWC(fake);
    fakeHwc.copy_(imageAsTensorHWC(frame));
    fakeHwc.slice(0, y0, y1).slice(1, x0, x1).copy_(blended.permute({1, 2, 0}).to(torch::kByte));
    out.fake = fake;
    out.mask = maskImage;
    return out;
}

} // namespace periscope::deepfake
