// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/color/ColorOps.h"

#include "engine/core/errors/Error.h"

namespace periscope {

namespace {
// sRGB primaries with a D65 white (IEC 61966-2-1), rows: X, Y, Z.
const double kRgbToXyz[3][3] = {{0.4124564, 0.3575761, 0.1804375},
                                {0.2126729, 0.7151522, 0.0721750},
                                {0.0193339, 0.1191920, 0.9503041}};
const double kXyzToRgb[3][3] = {{3.2404542, -1.5371385, -0.4985314},
                                {-0.9692660, 1.8760108, 0.0415560},
                                {0.0556434, -0.2040259, 1.0572252}};
// D65 reference white, Y normalised to 1.
const double kWhite[3] = {0.95047, 1.0, 1.08883};
// CIE constants: epsilon = (6/29)^3, kappa-related slope for the linear segment.
constexpr double kDelta = 6.0 / 29.0;

void checkChannels(const torch::Tensor &t, const char *what)
{
    if (t.dim() < 3 || t.size(-3) != 3)
        throw Error(std::string(what) + ": expected 3 channels in dimension -3, got shape " + c10::str(t.sizes()));
}

torch::Tensor floating(const torch::Tensor &t)
{
    return t.is_floating_point() && t.scalar_type() != torch::kHalf && t.scalar_type() != torch::kBFloat16
               ? t
               : t.to(torch::kFloat32);
}

// out[c] = sum_k m[c][k] * in[k], over the channel dimension -3.
torch::Tensor mixChannels(const torch::Tensor &in, const double m[3][3])
{
    const torch::Tensor matrix = torch::tensor({m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]},
                                               torch::TensorOptions().dtype(in.scalar_type()).device(in.device()))
                                     .reshape({3, 3});
    // [..., 3, H, W] -> [..., H, W, 3] x [3, 3]^T -> back.
    return torch::matmul(in.movedim(-3, -1), matrix.t()).movedim(-1, -3);
}

torch::Tensor channelScale(const torch::Tensor &like, const double values[3])
{
    return torch::tensor({values[0], values[1], values[2]}, torch::TensorOptions().dtype(like.scalar_type()).device(like.device()))
        .reshape({3, 1, 1});
}
} // namespace

torch::Tensor srgbToLinear(const torch::Tensor &srgb)
{
    const torch::Tensor x = floating(srgb);
    return torch::where(x <= 0.04045, x / 12.92, torch::pow((x.clamp_min(0.04045) + 0.055) / 1.055, 2.4));
}

torch::Tensor linearToSrgb(const torch::Tensor &linear)
{
    const torch::Tensor x = floating(linear);
    return torch::where(x <= 0.0031308, x * 12.92, 1.055 * torch::pow(x.clamp_min(0.0031308), 1.0 / 2.4) - 0.055);
}

torch::Tensor linearRgbToXyz(const torch::Tensor &linear)
{
    checkChannels(linear, "linearRgbToXyz");
    return mixChannels(floating(linear), kRgbToXyz);
}

torch::Tensor xyzToLinearRgb(const torch::Tensor &xyz)
{
    checkChannels(xyz, "xyzToLinearRgb");
    return mixChannels(floating(xyz), kXyzToRgb);
}

torch::Tensor xyzToLab(const torch::Tensor &xyz)
{
    checkChannels(xyz, "xyzToLab");
    const torch::Tensor t = floating(xyz) / channelScale(floating(xyz), kWhite);
    const double epsilon = kDelta * kDelta * kDelta;
    const torch::Tensor f = torch::where(t > epsilon, torch::pow(t.clamp_min(epsilon), 1.0 / 3.0),
                                         t / (3.0 * kDelta * kDelta) + 4.0 / 29.0);
    const torch::Tensor fx = f.select(-3, 0), fy = f.select(-3, 1), fz = f.select(-3, 2);
    return torch::stack({116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)}, -3);
}

torch::Tensor labToXyz(const torch::Tensor &lab)
{
    checkChannels(lab, "labToXyz");
    const torch::Tensor x = floating(lab);
    const torch::Tensor fy = (x.select(-3, 0) + 16.0) / 116.0;
    const torch::Tensor fx = fy + x.select(-3, 1) / 500.0;
    const torch::Tensor fz = fy - x.select(-3, 2) / 200.0;
    const torch::Tensor f = torch::stack({fx, fy, fz}, -3);
    const torch::Tensor t = torch::where(f > kDelta, f * f * f, 3.0 * kDelta * kDelta * (f - 4.0 / 29.0));
    return t * channelScale(x, kWhite);
}

torch::Tensor srgbToLab(const torch::Tensor &srgb)
{
    checkChannels(srgb, "srgbToLab");
    return xyzToLab(linearRgbToXyz(srgbToLinear(srgb)));
}

torch::Tensor labToSrgb(const torch::Tensor &lab)
{
    return linearToSrgb(xyzToLinearRgb(labToXyz(lab)).clamp(0.0, 1.0)).clamp(0.0, 1.0);
}

torch::Tensor srgbToLightness(const torch::Tensor &srgb)
{
    // L depends on Y alone: one weighted sum of the linear channels and one cube root, instead of
    // the whole XYZ and Lab (a third of the work on a full-resolution photo).
    checkChannels(srgb, "srgbToLightness");
    const torch::Tensor linear = srgbToLinear(srgb);
    const torch::Tensor y = (linear.narrow(-3, 0, 1) * kRgbToXyz[1][0] + linear.narrow(-3, 1, 1) * kRgbToXyz[1][1] +
                             linear.narrow(-3, 2, 1) * kRgbToXyz[1][2]) /
                            kWhite[1];
    const double epsilon = kDelta * kDelta * kDelta;
    const torch::Tensor f = torch::where(y > epsilon, torch::pow(y.clamp_min(epsilon), 1.0 / 3.0), y / (3.0 * kDelta * kDelta) + 4.0 / 29.0);
    return 116.0 * f - 16.0;
}

} // namespace periscope
