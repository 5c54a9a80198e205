// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace periscope::media {

struct VideoInfo {
    std::string path;
    std::string container;       // "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", ...
    std::string codec;           // "h264", "mpeg4", ...
    int width = 0;
    int height = 0;
    double frameRate = 0.0;      // average frames per second
    double durationSeconds = 0.0;
    std::int64_t frameCount = 0; // counted from the index; an estimate in quickInfo() until it is built
    bool frameCountExact = false;
    double startTimeSeconds = 0.0; // the stream's first timestamp; frame times are relative to it
    int rotationDegrees = 0;     // from the display matrix (phones): 0, 90, 180 or 270
    bool variableFrameRate = false;
    bool hasAudio = false;
    std::int64_t bitRate = 0;
    std::string hardwareDevice;  // "vaapi", "cuda", ... when frames are decoded in hardware; empty: software
};

struct VideoReaderOptions {
    // Decode on the GPU when FFmpeg offers a hardware device for the codec (VAAPI, CUDA, ...),
    // falling back silently to software when none can be opened. Off unless asked for (or
    // PERISCOPE_HW_DECODE=1): software decoding is exact on every machine.
    bool hardwareDecode = false;
    // Holds the background index scan back by this long: lets tests and benchmarks observe the
    // reader before its index exists.
    int indexStartDelayMs = 0;
};

struct VideoFrame {
    Image rgb;                  // 8-bit RGB, unrotated (display with info().rotationDegrees)
    std::int64_t index = -1;    // 0-based, in presentation order
    double timeSeconds = 0.0;   // relative to the stream's start
    bool keyframe = false;
};

// Frame-accurate reading of any video FFmpeg can demux and decode. Opening decodes the first
// picture and starts a background scan of the file's packets (no decoding) that indexes every
// frame's timestamp and the keyframes, so a frame index maps to an exact timestamp even with
// B-frames or a variable frame rate, and a seek goes to the keyframe before it and decodes
// forward to exactly that frame. Sequential reading works at once; random access and info()
// wait for the index (quickInfo() does not). Decoding uses FFmpeg's
// frame and slice threads. A damaged or truncated file plays up to the damage; damage() says
// what happened.
class VideoReader {
public:
    // Throws periscope::Error naming the file when it is missing, not a video, or undecodable.
    // The index pass honours `control` (cancel, progress).
    static std::unique_ptr<VideoReader> open(const std::string &path, const JobControl &control = {},
                                             const VideoReaderOptions &options = {});
    ~VideoReader();

    const VideoInfo &info() const;       // waits for the index: exact frame count and timing
    const VideoInfo &quickInfo() const;  // at once: frameCountExact says whether the index is in
    bool indexReady() const;
    double indexProgress() const;        // 0 .. 1
    void waitForIndex();

    // The next frame in presentation order; false at the end (or where damage stops playback).
    bool readNext(VideoFrame &frame);
    // Exactly frame `index`; throws periscope::Error when out of range or not decodable.
    VideoFrame frameAt(std::int64_t index);
    // The frame on screen at `seconds` (relative to the start): the last frame starting at or before it.
    VideoFrame frameAtTime(double seconds);

    std::int64_t frameIndexAtTime(double seconds) const;
    double timeOfFrame(std::int64_t index) const;
    std::vector<std::int64_t> keyframeIndices() const;
    // Empty, or what was wrong with the file ("truncated after frame 41", ...).
    std::string damage() const;

private:
    VideoReader();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace periscope::media
