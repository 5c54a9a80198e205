// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/image/Image.h"

#include <string>

namespace periscope::media {

// A photo as read from disk, in RGB(A) order.
struct ImageFile {
    Image pixels;            // UInt8 for 8-bit files; Float32 in [0, 1] for 16-bit ones
    int bitDepth = 8;        // of the file: 8 or 16
    bool hasAlpha = false;   // pixels then have 4 channels (RGBA)
    bool isGrayscale = false; // one channel in the file, or three equal ones
};

// Reads JPEG, PNG (8/16-bit, alpha), TIFF, WebP and BMP with OpenCV. EXIF orientation is applied
// (a phone's portrait photo comes out upright), except for images with alpha, whose formats
// rarely carry EXIF. Throws periscope::Error naming the file for a missing, truncated or
// non-image file; never returns a partial image.
ImageFile readImage(const std::string &path);

// The same for a reader that needs only `shortSide` pixels on the shorter side (a model's input,
// a thumbnail): an image at least twice that is decoded at 1/2, 1/4 or 1/8 of its size, the
// smallest that keeps `shortSide`. JPEG decodes at that size directly (libjpeg's DCT scaling:
// a 100-megapixel photo costs 1/64 of the memory), the other formats are decoded and then reduced.
// A reduced read is 8-bit RGB without alpha; an image that is not reduced reads as above.
ImageFile readImage(const std::string &path, int shortSide);

// Writes PNG, JPEG (quality 95) or TIFF by the suffix; 8-bit or float [0, 1] (saved as 16-bit
// PNG/TIFF, 8-bit JPEG) RGB, RGBA or gray pixels. Atomic: written beside, then renamed.
void writeImage(const std::string &path, const Image &image);

// True when every pixel's R, G and B are equal (or the image has one channel).
bool isGrayscale(const Image &image);

} // namespace periscope::media
