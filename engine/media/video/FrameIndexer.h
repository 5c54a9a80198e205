// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace periscope::media {

// Scans one video stream's packets (demuxing only, no decoding) on a background thread with its
// own demuxer, collecting every frame's timestamp and the keyframes, so a VideoReader can show
// the first frame at once and seek exactly once the scan is done (about 0.3 ms a frame for
// 1080p H.264 here: tens of seconds for a feature film).
class FrameIndexer {
public:
    struct Result {
        std::vector<std::int64_t> timestamps; // sorted, unique (presentation order)
        std::vector<std::int64_t> keyframes;  // sorted
        // (timestamp, byte offset) of each keyframe packet, where the demuxer knows the offset:
        // streams without an index (MPEG-TS) seek by bytes.
        std::vector<std::pair<std::int64_t, std::int64_t>> keyframeOffsets;
        std::string damage;                   // why the scan stopped early, if it did
        std::string error;                    // the file could not be scanned at all
    };

    // `startDelayMs` holds the scan back, so tests and benchmarks can observe the unindexed state.
    FrameIndexer(std::string path, int stream, int startDelayMs = 0);
    ~FrameIndexer(); // stops the scan and waits for its thread

    bool isDone() const { return m_done.load(); }
    double progress() const { return m_progress.load(); } // fraction of the file's bytes scanned
    const Result &wait();                                  // blocks until the scan has finished

private:
    void scan(int startDelayMs);

    std::string m_path;
    int m_stream;
    Result m_result;
    std::atomic<bool> m_done{false};
    std::atomic<bool> m_stop{false};
    std::atomic<double> m_progress{0.0};
    std::mutex m_mutex;
    std::condition_variable m_finished;
    std::thread m_thread;
};

} // namespace periscope::media
