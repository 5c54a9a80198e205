// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/relations/BoxFeatures.h"

#include "engine/core/errors/Error.h"

#include <algorithm>
#include <cmath>

namespace periscope::relations {

namespace {

constexpr double kPi = 3.14159265358979323846;

void checkImage(int width, int height)
{
    if (width <= 0 || height <= 0)
        throw Error("relations: the image size must be positive");
}

} // namespace

bool Box::isValid() const
{
    return std::isfinite(x1) && std::isfinite(y1) && std::isfinite(x2) && std::isfinite(y2) && x2 > x1 && y2 > y1;
}

double boxIou(const Box &a, const Box &b)
{
    const double w = std::max(0.0, std::min(a.x2, b.x2) - std::max(a.x1, b.x1));
    const double h = std::max(0.0, std::min(a.y2, b.y2) - std::max(a.y1, b.y1));
    const double intersection = w * h, joint = a.area() + b.area() - intersection;
    return joint > 0.0 ? intersection / joint : 0.0;
}

Box boxUnion(const Box &a, const Box &b)
{
    return {std::min(a.x1, b.x1), std::min(a.y1, b.y1), std::max(a.x2, b.x2), std::max(a.y2, b.y2)};
}

std::vector<std::array<double, 3>> nodeBoxFeatures(const std::vector<Box> &boxes, int imageWidth, int imageHeight)
{
    checkImage(imageWidth, imageHeight);
    std::vector<std::array<double, 3>> out;
    out.reserve(boxes.size());
    for (const Box &b : boxes) {
        if (!b.isValid())
            throw Error("relations: a box has no area or a coordinate that is not finite");
        const double elongation = b.height() / b.width();
        out.push_back({elongation, 1.0 / elongation, b.area() / (double(imageWidth) * imageHeight)});
    }
    return out;
}

BoxGraph edgeBoxFeatures(const std::vector<Box> &boxes, int imageWidth, int imageHeight, const std::vector<bool> *subjects)
{
    checkImage(imageWidth, imageHeight);
    if (subjects && subjects->size() != boxes.size())
        throw Error("relations: one subject flag per box is needed");
    for (const Box &b : boxes)
        if (!b.isValid())
            throw Error("relations: a box has no area or a coordinate that is not finite");
    const double scale = std::sqrt(double(imageWidth) * imageHeight);
    const int n = int(boxes.size());
    BoxGraph graph;
    for (int i = 0; i < n; ++i) {
        if (subjects && !(*subjects)[std::size_t(i)])
            continue;
        for (int j = 0; j < n; ++j) {
            if (i == j)
                continue;
            const Box &a = boxes[std::size_t(i)], &b = boxes[std::size_t(j)];
            const double dx = b.centreX() - a.centreX(), dy = b.centreY() - a.centreY();
            const double angle = std::atan2(dy, dx);
            // The paper's quantisation (see the header): both halves test the same sine. It is
            // taken in float32 as the paper's tensors are: on an exact diagonal (boxes drawn on a
            // grid) sin(angle - pi/4) is about 1e-7 either side of 0, and float32 decides the side.
            const float fdx = 0.5f * (float(b.x1) + float(b.x2)) - 0.5f * (float(a.x1) + float(a.x2));
            const float fdy = 0.5f * (float(b.y1) + float(b.y2)) - 0.5f * (float(a.y1) + float(a.y2));
            const float shifted = std::atan2(fdy, fdx) - float(kPi / 4.0);
            const bool top = std::sin(shifted) >= 0.0f, right = top;
            const double ratio = a.area() / b.area();
            graph.senders.push_back(i);
            graph.receivers.push_back(j);
            graph.features.push_back({std::hypot(dx, dy) / scale, std::sin(angle), std::cos(angle), double(top && right), double(top && !right),
                                      double(!top && !right), double(!top && right), boxIou(a, b), ratio, 1.0 / ratio});
        }
    }
    return graph;
}

} // namespace periscope::relations
