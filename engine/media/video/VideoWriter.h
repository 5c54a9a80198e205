// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/image/Image.h"

#include <cstdint>
#include <memory>
#include <string>

namespace periscope::media {

struct VideoWriterOptions {
    double frameRate = 25.0;
    std::string codec = "auto";       // "h264" (libx264), "mpeg4" (Part 2), or auto: h264 when available
    double startTimeSeconds = 0.0;    // the first frame's timestamp
    bool explicitTimestamps = false;  // frames carry their own times: write(image, seconds)
    int keyframeInterval = 12;        // frames between keyframes; short keeps seeking cheap
    std::string copyAudioFrom;        // a video whose audio is copied in (not re-encoded), from its start
};

// Encodes RGB frames (e.g. with overlays drawn in) into any container FFmpeg writes, chosen by
// the file's suffix (.mp4, .mkv, .avi, .ts, ...). MP4 files get their index at the front, so a
// truncated copy still plays. With copyAudioFrom, the source's first audio stream is copied
// packet by packet and interleaved with the video by time. Odd frame sizes lose their last column or row (4:2:0 chroma needs
// even sizes). The file is written beside its final name and renamed by finish(), so a failed or
// abandoned write never replaces an existing video.
class VideoWriter {
public:
    static std::unique_ptr<VideoWriter> create(const std::string &path, int width, int height,
                                               const VideoWriterOptions &options = {});
    ~VideoWriter(); // abandons an unfinished file (removes the partial one)

    void write(const Image &rgb);                      // the next frame at the frame rate
    void write(const Image &rgb, double timeSeconds);  // with explicitTimestamps: strictly increasing
    void finish();                                     // flushes, writes the index, renames into place

    std::string codecName() const;
    std::int64_t framesWritten() const;

private:
    VideoWriter();
    struct Impl;
    std::unique_ptr<Impl> d;
};

bool h264EncoderAvailable();

} // namespace periscope::media
