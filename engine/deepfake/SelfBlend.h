// SPDX-License-Identifier: GPL-3.0-or-later
// Self-blended fakes with their ground-truth masks, after Shiohara and Yamasaki, "Detecting
// Deepfakes with Self-Blended Images" (CVPR 2022), made from any real video: in each frame the
// face is blended with a slightly altered copy of itself (colour, sharpness, scale 0.95-1.05,
// shift +-3 %) through a soft mask (an ellipse on the face box, randomly deformed, with a blurred
// edge), at a random blend ratio. The parameters drift smoothly over time, so the fake is a
// coherent video rather than flicker, and the mask says exactly which pixels may have changed.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/deepfake/ExplanationMetrics.h"

#include <array>
#include <cstdint>

namespace periscope::deepfake {

struct BlendParameters {
    double scale = 1.0;                         // the copy resized about the box centre, 0.95 .. 1.05
    double shiftX = 0.0, shiftY = 0.0;          // the copy moved, in box widths / heights, -0.03 .. 0.03
    std::array<double, 3> gain = {1.0, 1.0, 1.0}; // the copy's colour, per channel, 0.9 .. 1.1
    double sharpness = 0.0;                     // < 0 blurs the copy, > 0 sharpens it (unsharp mask), -1 .. 1
    double ratio = 1.0;                         // the mask's largest weight, 0.5 .. 1
    double axisX = 0.45, axisY = 0.55;          // the ellipse's half axes, in box widths / heights
    std::array<double, 3> wobble = {0, 0, 0};   // the radius's deformation: amplitudes of harmonics 2, 3, 4
    std::array<double, 3> wobblePhase = {0, 0, 0};
    double edge = 0.08;                         // the soft edge's width, as a fraction of the radius
};

// Smoothly varying parameters for one video: each parameter drifts as two slow sinusoids with
// random periods (40 - 160 frames) and phases around a random base, inside its range.
// Deterministic: the same seed gives the same parameters on any machine.
class BlendTrajectory {
public:
    explicit BlendTrajectory(std::uint64_t seed);
    BlendParameters at(std::int64_t frame) const;

private:
    struct Curve {
        double base = 0.0, amplitude = 0.0;
        double period1 = 1.0, period2 = 1.0, phase1 = 0.0, phase2 = 0.0;
        double at(std::int64_t frame) const;
    };
    Curve m_scale, m_shiftX, m_shiftY, m_sharpness, m_ratio, m_axisX, m_axisY, m_edge;
    std::array<Curve, 3> m_gain, m_wobble, m_wobblePhase;
};

struct BlendedFrame {
    Image fake; // 8-bit RGB, the frame's size
    Image mask; // 8-bit, one channel: the blend weight * 255; a pixel outside it (0) is unchanged
};

// Blends one 8-bit RGB frame's face (box in frame pixels). Pixels where the mask is 0 are
// returned exactly as they were. Throws periscope::Error for a frame that is not 8-bit RGB or a
// box without area.
BlendedFrame selfBlend(const Image &frame, const FaceBox &box, const BlendParameters &parameters);

} // namespace periscope::deepfake
