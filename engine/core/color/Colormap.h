// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/image/Image.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace periscope {

// Colormaps for scalar maps (saliency, error, depth). Viridis, magma and turbo are perceptually
// ordered; coolwarm and bwr are diverging (for signed relevance); jet is there because papers use
// it. Each 256-entry table is built from stops of the published map (ten evenly spaced for the
// sequential ones), interpolated linearly in sRGB; jet is its classic piecewise-linear formula.
enum class Colormap { Viridis, Magma, Turbo, Jet, Coolwarm, Bwr };

struct Rgb8 {
    std::uint8_t r = 0, g = 0, b = 0;
};

Colormap parseColormap(const std::string &name); // throws periscope::Error listing the names
std::string toString(Colormap map);
std::vector<std::string> colormapNames();
bool isDiverging(Colormap map);

const std::array<Rgb8, 256> &colormapTable(Colormap map);

// Maps a one-channel image through the colormap: values at or below `low` take the first
// entry, at or above `high` the last; NaN pixels come out black. Returns an 8-bit RGB image.
Image applyColormap(const Image &scalar, Colormap map, float low, float high);

} // namespace periscope
