// SPDX-License-Identifier: GPL-3.0-or-later
// Poisson image editing (Perez, Gangnet and Blake, SIGGRAPH 2003) through OpenCV's photo module:
// a patch pasted into an image so that its gradients are kept and its colours meet the image's
// at the mask's edge. What a face swap between two videos is made with.
#pragma once

#include "engine/core/image/Image.h"

namespace periscope::media {

// Clones `patch` (8-bit RGB) into `target` (8-bit RGB) with its top-left corner at (left, top),
// where `mask` (8-bit, one channel, the patch's size) is non-zero. The patch must lie inside the
// target. Pixels where the mask is 0 are returned exactly as they were (the solver's solution is
// used inside the mask only). Throws periscope::Error with a one-line reason.
Image seamlessClone(const Image &patch, const Image &mask, const Image &target, int left, int top);

} // namespace periscope::media
