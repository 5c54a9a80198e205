// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// RoIAlign (He et al. 2017) as torchvision's roi_align computes it, and as detectron2's box
// pooler (ROIAlignV2) calls it: `aligned` shifts box corners by half a pixel so that a box is
// sampled where its pixels are; each of the output x output bins averages `samplingRatio`^2
// bilinear samples (0: ceil(box side / output) per axis, per box); samples more than one pixel
// outside the map are 0, the others are clamped to its edge. Differentiable in the features,
// which is what the explanations need.
#pragma once

#include "engine/relations/RelationTypes.h"

#include <torch/torch.h>

#include <vector>

namespace periscope::relations {

// features [C, H, W] of one image; boxes in image pixels, `spatialScale` = map side / image side.
// Returns [N, C, output, output].
torch::Tensor roiAlign(const torch::Tensor &features, const std::vector<Box> &boxes, double spatialScale, int output = 7, int samplingRatio = 0,
                       bool aligned = true);

} // namespace periscope::relations
