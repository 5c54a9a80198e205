// SPDX-License-Identifier: GPL-3.0-or-later
// How close a colorization is to the photo's true colours, and how colourful it is; torch-free
// interface for the CLI and the workspace. Images are RGB (8-bit or float in [0, 1]) of one size.
#pragma once

#include "engine/core/image/Image.h"

#include <vector>

namespace periscope::colorize {

struct ColorComparison {
    double psnr = 0.0;           // dB over R, G, B in [0, 1]; +infinity for identical images
    double ssim = 0.0;           // Wang et al. 2004 (Gaussian window 11, sigma 1.5), mean over R, G, B
    double meanDeltaE2000 = 0.0; // CIEDE2000 per pixel, averaged
    double resultChroma = 0.0, truthChroma = 0.0; // meanChroma of each, from the same Lab
    Image deltaE2000;            // the per-pixel map, [1, H, W] float, when asked for
};

ColorComparison compareColors(const Image &result, const Image &truth, bool withDeltaMap = false);
// PSNR alone (dB over R, G, B in [0, 1]): the cheap figure, e.g. for the gray photo as a baseline.
double colorPsnr(const Image &result, const Image &truth);

// Hasler & Süsstrunk (2003): sqrt(var(rg) + var(yb)) + 0.3 sqrt(mean(rg)^2 + mean(yb)^2) with
// rg = R - G and yb = (R + G) / 2 - B on the 0-255 scale. 0 for a gray image; about 33 is
// "moderately", 59 "quite", 82 "highly" colourful in their scale.
double colourfulness(const Image &rgb);

// Mean CIELab chroma, sqrt(a^2 + b^2) per pixel averaged (D65, sRGB): 0 for a gray image; natural
// photos are typically 15-40. The vividness measure of the built-in colorizer's target (a result's
// mean chroma against its truth's).
double meanChroma(const Image &rgb);

// The share of pixels in each cell of the ab plane: `bins` x `bins` cells over [-range, range]
// in a and b; counts[row * bins + column] with column along a and row along b (both rising).
// Pixels outside the square are counted at its edge.
struct AbHistogram {
    int bins = 0;
    double range = 0.0;
    std::vector<double> counts;
};
AbHistogram abHistogram(const Image &rgb, int bins = 64, double range = 110.0);

// The photo as the colorizers see it: its CIE L with a = b = 0, as 8-bit sRGB (3 equal channels).
Image grayVersion(const Image &rgb);

} // namespace periscope::colorize
