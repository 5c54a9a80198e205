// SPDX-License-Identifier: GPL-3.0-or-later
// What the fake-video and video-explainer suites share: a small synthetic clip with face boxes,
// its self-blended fake, and reading files back.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/deepfake/FakeVideos.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoWriter.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

namespace periscope::deepfake::testing {

inline std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// 12 frames of 96 x 80 (a bright blob moving right on a textured background), and boxes on the
// blob for frames 0-9 (10 and 11 have none). `green` makes the blob green rather than orange.
inline void writeClip(const std::string &video, const std::string &boxes, bool green = false)
{
    const auto writer = media::VideoWriter::create(video, 96, 80);
    std::ofstream json(boxes);
    json << "{\"frames\": [";
    for (int t = 0; t < 12; ++t) {
        Image frame(96, 80, 3, PixelFormat::UInt8);
        const double cx = 36.0 + 2.0 * t, cy = 40.0;
        for (int y = 0; y < 80; ++y)
            for (int x = 0; x < 96; ++x) {
                const double face = std::exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 200.0);
                frame.setSample(x, y, 0, float(50 + (green ? 20 : 170) * face + (x * 7 + y * 3) % 20));
                frame.setSample(x, y, 1, float(40 + (green ? 200 : 120) * face + (x * 5) % 16));
                frame.setSample(x, y, 2, float(90 + 30 * face));
            }
        writer->write(frame);
        json << (t ? ", " : "") << "{\"index\": " << t << ", \"face_box\": ";
        if (t < 10)
            json << "[" << cx - 14 << ", " << cy - 16 << ", 28, 32]}";
        else
            json << "null}";
    }
    json << "]}";
    writer->finish();
}

// The synthetic clip at ROOT/clip.mp4 and its self-blended fake (given boxes) under ROOT/fakes.
inline FakeVideoResult fakeOfClip(const std::string &root)
{
    writeClip(root + "/clip.mp4", root + "/boxes.json");
    FakeVideoRequest fake;
    fake.input = root + "/clip.mp4";
    fake.outFolder = root + "/fakes";
    fake.boxes = root + "/boxes.json";
    return makeSelfBlendedFake(fake);
}

inline int maskPixels(const std::string &png)
{
    const Image mask = media::readImage(png).pixels;
    int count = 0;
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x)
            count += mask.sample(x, y, 0) > 0 ? 1 : 0;
    return count;
}

} // namespace periscope::deepfake::testing
