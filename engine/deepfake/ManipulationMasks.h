// SPDX-License-Identifier: GPL-3.0-or-later
// Where each frame of a fake video was manipulated, from what a data set ships: a folder of mask
// images (image i is frame i: what `periscope-cli fakes` writes), a mask video (FaceForensics++'s
// masks/videos), a safetensors file (`masks` [T, H, W]), or, for DFDC, which ships no masks, the
// difference between the fake and its original (Dolhansky et al. 2020 compare the two the same
// way): a pixel whose largest channel difference exceeds a threshold, cleaned by a median filter.
// Read a frame at a time, mostly forward, so a long video's masks never sit in memory together.
#pragma once

#include "engine/core/image/Image.h"

#include <cstdint>
#include <memory>
#include <string>

namespace periscope::deepfake {

struct DifferenceMaskSettings {
    int threshold = 25;  // largest channel difference, out of 255, above which a pixel is manipulated
    int medianSize = 5;  // side of the median filter's square window (odd; 1: none)
};

class ManipulationMasks {
public:
    virtual ~ManipulationMasks() = default;

    // A folder of mask images, a mask video or a .safetensors file; a pixel with any channel at
    // least half on is manipulated. Throws periscope::Error naming the file when it cannot be read.
    static std::unique_ptr<ManipulationMasks> fromFile(const std::string &path);
    // The difference of a fake and the original it was made from, frame by frame. Throws
    // periscope::Error when either cannot be opened or the settings are out of range.
    static std::unique_ptr<ManipulationMasks> fromDifference(const std::string &fake, const std::string &original,
                                                             const DifferenceMaskSettings &settings = {});

    // Frame `frame`'s mask: 8-bit, one channel, 255 where manipulated, 0 elsewhere; a null Image
    // when the source has no mask for that frame (past its end). Throws periscope::Error when the
    // source is damaged there.
    virtual Image at(std::int64_t frame) = 0;
};

// The binary mask of a mask image (any channel at least half on: 128 of 255, 0.5 of 1): masks are
// drawn black and white, and a lossy mask video's ringing around the edges stays below half.
Image binaryMask(const Image &image);

// The DFDC-style difference mask of two frames of one size (8-bit RGB): 255 where the largest
// channel difference exceeds settings.threshold, then a median filter over a square window (on a
// binary mask: a pixel is on when more than half of the window's pixels inside the frame are).
// Throws periscope::Error when the frames differ in size or the settings are out of range.
Image differenceMask(const Image &fake, const Image &original, const DifferenceMaskSettings &settings);

} // namespace periscope::deepfake
