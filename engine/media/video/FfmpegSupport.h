// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

struct AVFormatContext;

namespace periscope::media {

// FFmpeg prints advice and errors about the files it reads to stderr; Periscope reports each
// failure itself, in one line. Called by the reader and the writer.
void quietFfmpegLogging();

// FFmpeg's text for an error code ("Invalid data found when processing input").
std::string ffmpegErrorText(int code);

// A time limit FFmpeg checks through its interrupt callback while it reads: no input can block
// a read for longer (a live playlist waiting for segments, a file on a stalled network mount).
// It must outlive the format context it was given to. arm() starts a new limit before each
// operation (open, a read, a seek).
class InputDeadline {
public:
    static constexpr int kDefaultSeconds = 30;

    void arm(int seconds = kDefaultSeconds);
    bool expired() const;
    static int interrupt(void *deadline); // AVIOInterruptCB's callback

private:
    std::atomic<std::int64_t> m_untilMs{0};
};

// Opens a local video file for demuxing, as data only:
// - a regular file, checked before FFmpeg sees the name (a FIFO would block, a folder or device
//   is not a video);
// - through the `file` protocol alone (protocol_whitelist): "concat:", "http:", "tcp:" in a name
//   or inside the file (an HLS playlist's segments) are never opened;
// - demuxers that open other files are refused by name (ffconcat lists, HLS and DASH playlists),
//   and a still image is never read as a numbered sequence;
// - under `deadline`, armed here for the open.
// On failure returns a negative FFmpeg code or sets `refusal` (then returns AVERROR(EPERM)).
int openVideoInput(AVFormatContext **format, const std::string &path, InputDeadline &deadline, std::string *refusal);

} // namespace periscope::media
