// SPDX-License-Identifier: GPL-3.0-or-later
// Slot masks and their scores, as the ICLR-W 2022 paper evaluates them on CLEVR with masks:
// each slot's attention map (first or last iteration) is upsampled to the image, thresholded
// with Otsu's method, and the binary masks are matched one to one to the true object masks by
// IoU (Hungarian); the mean IoU is over the true objects, background excluded. The foreground
// ARI compares the arg-max slot of every pixel with the true objects, background pixels left out.
// Two diagnostics beside them tell the threshold's share of a low IoU from the grouping's: the
// same matching on the arg-max partition's masks (no threshold), and each object's best slot of
// that partition, one to one or not (an upper bound on how well any slot holds an object).
#pragma once

#include "engine/core/image/Image.h"
#include "engine/slots/SlotModel.h"

#include <vector>

namespace periscope::slot {

struct SlotMasks {
    int size = 0;
    Image labels;                 // size x size, 8-bit: 1 + the arg-max slot of each pixel
    std::vector<Image> binary;    // per slot, size x size, 8-bit 0/255: attention above its Otsu threshold
    std::vector<Image> soft;      // per slot, size x size, float: the upsampled attention
    std::vector<double> mass;     // per slot: its share of all attention (sums to 1)
};

// `size`: the side the masks are drawn at (the model's input side, or larger for display).
SlotMasks slotMasks(const SlotResult &result, int size, bool lastIteration = true);

struct SlotScore {
    int objects = 0;                 // true objects in the image (background excluded)
    double meanIoU = 0.0;            // over the true objects (an unmatched one counts 0)
    double foregroundAri = 0.0;      // NaN when the image has fewer than 2 foreground pixels
    double partitionIoU = 0.0;       // meanIoU of the arg-max partition's masks
    double bestSlotIoU = 0.0;        // over the objects: the best IoU any partition mask reaches
    std::vector<int> objectOfSlot;   // per slot: the matched object's id in the mask (1-based), 0 none
    std::vector<double> iouOfSlot;   // per slot: IoU with that object (0 when unmatched)
};

// `truth`: an instance mask already in the model's square (centreSquare(mask, size, true)),
// 8-bit, 0 background and 1..255 object ids.
SlotScore scoreSlots(const SlotMasks &masks, const Image &truth);

// The mean of per-image scores over a folder (images without objects are skipped).
struct SlotScoreSummary {
    int images = 0;
    double meanIoU = 0.0;
    double foregroundAri = 0.0;
    double partitionIoU = 0.0;
    double bestSlotIoU = 0.0;
};
SlotScoreSummary summarize(const std::vector<SlotScore> &scores);

// Each slot's share of the arg-max partition (the `labels` of slotMasks), in pixels.
std::vector<int> labelAreas(const SlotMasks &masks);

// The slot that took the background: the largest area of the partition, over 40 % of the image,
// matched to no object (`objectOfSlot` from scoreSlots, empty when the image has no mask). -1
// when no slot is that. Drawn faint in the masks so the scene shows through.
int backgroundSlot(const SlotMasks &masks, const std::vector<int> &objectOfSlot);

} // namespace periscope::slot
