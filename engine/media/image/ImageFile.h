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

// Writes PNG, JPEG (quality 95) or TIFF by the suffix; 8-bit or float [0, 1] (saved as 16-bit
// PNG/TIFF, 8-bit JPEG) RGB, RGBA or gray pixels. Atomic: written beside, then renamed.
void writeImage(const std::string &path, const Image &image);

// True when every pixel's R, G and B are equal (or the image has one channel).
bool isGrayscale(const Image &image);

} // namespace periscope::media
