// SPDX-License-Identifier: GPL-3.0-or-later
// The geometric inputs of the relational network, defined as the paper's code defines them
// (baldassarreFe/ws-vrd, src/xib/detectron2/node_features.py and edge_features.py). Plain C++.
#pragma once

#include "engine/relations/RelationTypes.h"

#include <array>
#include <vector>

namespace periscope::relations {

// Per object: height / width, width / height, and area / (image width x height).
std::vector<std::array<double, 3>> nodeBoxFeatures(const std::vector<Box> &boxes, int imageWidth, int imageHeight);

// The edges of a graph over N objects, with the paper's 10 features of the directed pair (i, j),
// where d = centre(j) - centre(i):
//   |d| / sqrt(image area), sin and cos of atan2(d_y, d_x),
//   4 quadrant flags of the angle, iou(i, j), area_i / area_j, area_j / area_i.
// The quadrant flags are computed as the paper's code computes them: its "right half" repeats
// the test of its "top half" (sin(angle - pi/4) >= 0), so flags 1 and 3 are always 0 and flags 0
// and 2 split the circle at angles pi/4 and 5pi/4. Checkpoints were trained on exactly these.
struct BoxGraph {
    std::vector<int> senders, receivers;            // edge e goes senders[e] -> receivers[e]
    std::vector<std::array<double, 10>> features;
    int edgeCount() const { return int(senders.size()); }
};

// The complete directed graph without self-loops, edges in the paper's order (i major, then j).
// When `subjects` is given (one flag per object), only edges leaving a flagged object are kept:
// human -> object for human-object interaction data.
BoxGraph edgeBoxFeatures(const std::vector<Box> &boxes, int imageWidth, int imageHeight, const std::vector<bool> *subjects = nullptr);

} // namespace periscope::relations
