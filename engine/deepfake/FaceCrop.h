// SPDX-License-Identifier: GPL-3.0-or-later
// The square crop around a face that a DeepFake detector sees, and the exact way back: the face
// box grown (1.3x by default, as the detectors of the DFDC challenge crop), made square on its
// longer side, resized isotropically to the model's input; where the square leaves the frame it
// is padded with black. A heatmap computed on the crop is mapped back to full-frame pixels with the
// inverse of the same transform, so overlays and the metrics (which take full-frame heatmaps,
// masks and boxes) line up with the video to the pixel.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/deepfake/ExplanationMetrics.h"

namespace at {
class Tensor;
}

namespace periscope::deepfake {

// Positions are continuous frame coordinates: pixel (x, y) covers [x, x + 1) x [y, y + 1).
struct FaceCrop {
    int left = 0, top = 0; // the square's top-left corner in the frame (may be negative: padding)
    int side = 0;          // the square's side in frame pixels
    int size = 0;          // the crop's side in pixels (the model's input)

    double scale() const { return double(size) / double(side); } // crop pixels per frame pixel
    // Frame coordinates -> crop coordinates and back; exact inverses of each other.
    double cropX(double frameX) const { return (frameX - left) * scale(); }
    double cropY(double frameY) const { return (frameY - top) * scale(); }
    double frameX(double cropX) const { return left + cropX / scale(); }
    double frameY(double cropY) const { return top + cropY / scale(); }
};

// The crop for a face box: centred on the box, side = round(grow * max(width, height)) (at least
// one pixel), corners on whole pixels. Throws periscope::Error for a box without area, grow <= 0
// or size < 1.
FaceCrop faceCropFor(const FaceBox &box, int size, double grow = 1.3);

// The crop's pixels, size x size with the frame's channels: the square cut out (black where it
// leaves the frame) and resized with antialiased bilinear filtering. 8-bit frames give 8-bit crops.
Image cropFace(const Image &frame, const FaceCrop &crop);

// A heatmap on the crop [size, size] in full-frame pixels [frameHeight, frameWidth]: resized to
// the square (bilinear, same pixel-centre convention as cropFace) and placed at it; zero outside.
// Engine-internal (torch).
at::Tensor heatmapToFrame(const at::Tensor &cropHeatmap, const FaceCrop &crop, int frameHeight, int frameWidth);
// The same, written into `frame` [frameHeight, frameWidth], which the caller has zeroed (a slice
// of a video's heatmaps: no full-frame map made and copied per frame).
void placeHeatmapInFrame(const at::Tensor &cropHeatmap, const FaceCrop &crop, const at::Tensor &frame);

} // namespace periscope::deepfake
