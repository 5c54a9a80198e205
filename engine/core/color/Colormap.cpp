// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/color/Colormap.h"

#include "engine/core/color/ColormapOps.h"
#include "engine/core/errors/Error.h"
#include "engine/core/image/ImageTensor.h"

#include <algorithm>
#include <cstring>
#include <cmath>

namespace periscope {

namespace {
struct Stops {
    std::vector<std::uint32_t> hex; // evenly spaced over [0, 1]
};

const Stops &stopsFor(Colormap map)
{
    static const Stops viridis{{0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725}};
    static const Stops magma{{0x000004, 0x180F3E, 0x451077, 0x721F81, 0x9F2F7F, 0xCD4071, 0xF1605D, 0xFD9567, 0xFEC98D, 0xFCFDBF}};
    static const Stops turbo{{0x30123B, 0x4662D7, 0x36AAF9, 0x1AE4B6, 0x72FE5E, 0xC8EF34, 0xFABA39, 0xF66B19, 0xCA2A04, 0x7A0403}};
    static const Stops coolwarm{{0x3B4CC0, 0x6282EA, 0x8DB0FE, 0xB8D0F9, 0xDDDDDD, 0xF5C4AC, 0xF49A7B, 0xDE604D, 0xB40426}};
    static const Stops bwr{{0x0000FF, 0xFFFFFF, 0xFF0000}};
    switch (map) {
    case Colormap::Viridis: return viridis;
    case Colormap::Magma: return magma;
    case Colormap::Turbo: return turbo;
    case Colormap::Coolwarm: return coolwarm;
    case Colormap::Bwr: return bwr;
    case Colormap::Jet: break;
    }
    return viridis;
}

std::array<Rgb8, 256> buildTable(Colormap map)
{
    std::array<Rgb8, 256> table;
    for (int i = 0; i < 256; ++i) {
        const double x = double(i) / 255.0;
        if (map == Colormap::Jet) {
            auto channel = [x](double centre) {
                return std::uint8_t(std::lround(255.0 * std::clamp(1.5 - std::abs(4.0 * x - centre), 0.0, 1.0)));
            };
            table[std::size_t(i)] = {channel(3.0), channel(2.0), channel(1.0)};
            continue;
        }
        const std::vector<std::uint32_t> &hex = stopsFor(map).hex;
        const double position = x * double(hex.size() - 1);
        const std::size_t left = std::min<std::size_t>(std::size_t(position), hex.size() - 2);
        const double t = position - double(left);
        auto mix = [&](int shift) {
            const double a = double((hex[left] >> shift) & 0xFF), b = double((hex[left + 1] >> shift) & 0xFF);
            return std::uint8_t(std::lround(a + (b - a) * t));
        };
        table[std::size_t(i)] = {mix(16), mix(8), mix(0)};
    }
    return table;
}
} // namespace

Colormap parseColormap(const std::string &name)
{
    for (Colormap map : {Colormap::Viridis, Colormap::Magma, Colormap::Turbo, Colormap::Jet, Colormap::Coolwarm, Colormap::Bwr})
        if (toString(map) == name)
            return map;
    std::string names;
    for (const std::string &n : colormapNames())
        names += (names.empty() ? "" : ", ") + n;
    throw Error("unknown colormap '" + name + "' (available: " + names + ")");
}

std::string toString(Colormap map)
{
    switch (map) {
    case Colormap::Viridis: return "viridis";
    case Colormap::Magma: return "magma";
    case Colormap::Turbo: return "turbo";
    case Colormap::Jet: return "jet";
    case Colormap::Coolwarm: return "coolwarm";
    case Colormap::Bwr: return "bwr";
    }
    return "viridis";
}

std::vector<std::string> colormapNames()
{
    return {"viridis", "magma", "turbo", "jet", "coolwarm", "bwr"};
}

bool isDiverging(Colormap map)
{
    return map == Colormap::Coolwarm || map == Colormap::Bwr;
}

const std::array<Rgb8, 256> &colormapTable(Colormap map)
{
    static const std::array<std::array<Rgb8, 256>, 6> tables = {buildTable(Colormap::Viridis), buildTable(Colormap::Magma),
                                                                 buildTable(Colormap::Turbo), buildTable(Colormap::Jet),
                                                                 buildTable(Colormap::Coolwarm), buildTable(Colormap::Bwr)};
    return tables[std::size_t(map)];
}

torch::Tensor colormapLookup(Colormap map, const torch::Device &device)
{
    const std::array<Rgb8, 256> &table = colormapTable(map);
    torch::Tensor lut = torch::empty({256, 3}, torch::kUInt8);
    std::memcpy(lut.data_ptr(), table.data(), sizeof(Rgb8) * 256);
    return lut.to(device).to(torch::kFloat32).div_(255.0f);
}

torch::Tensor applyColormap(const torch::Tensor &scalar, Colormap map, double low, double high)
{
    if (!(high > low))
        throw Error("colormap range must have high > low");
    const torch::Tensor x = scalar.to(torch::kFloat32);
    const torch::Tensor nan = torch::isnan(x);
    const torch::Tensor index = ((x - low) / (high - low) * 255.0).nan_to_num(0.0).round().clamp(0, 255).to(torch::kLong);
    torch::Tensor rgb = colormapLookup(map, x.device()).index({index}); // [..., 3]
    rgb = rgb.masked_fill(nan.unsqueeze(-1), 0.0f);
    return rgb.movedim(-1, -3);
}

Image applyColormap(const Image &scalar, Colormap map, float low, float high)
{
    if (scalar.channels() != 1)
        throw Error("a colormap applies to a one-channel map, not " + std::to_string(scalar.channels()) + " channels");
    const torch::Tensor values = imageAsTensorHWC(scalar).select(2, 0);
    return imageFromTensorToUInt8(applyColormap(values, map, low, high));
}

} // namespace periscope
