// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/video/FrameIndexer.h"
#include "engine/media/video/FfmpegSupport.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <algorithm>
#include <chrono>

namespace periscope::media {

FrameIndexer::FrameIndexer(std::string path, int stream, int startDelayMs) : m_path(std::move(path)), m_stream(stream)
{
    m_thread = std::thread([this, startDelayMs] { scan(startDelayMs); });
}

FrameIndexer::~FrameIndexer()
{
    m_stop = true;
    m_finished.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

const FrameIndexer::Result &FrameIndexer::wait()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_finished.wait(lock, [this] { return m_done.load(); });
    return m_result;
}

void FrameIndexer::scan(int startDelayMs)
{
    Result result;
    if (startDelayMs > 0) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_finished.wait_for(lock, std::chrono::milliseconds(startDelayMs), [this] { return m_stop.load(); });
    }
    AVFormatContext *format = nullptr;
    AVPacket *packet = av_packet_alloc();
    InputDeadline deadline;
    std::string refusal;
    int r = openVideoInput(&format, m_path, deadline, &refusal);
    if (r < 0 || !packet) {
        result.error = !refusal.empty() ? refusal : "cannot open the file to index it (" + ffmpegErrorText(r) + ")";
    } else {
        const std::int64_t size = format->pb ? avio_size(format->pb) : -1;
        std::int64_t packets = 0;
        while (!m_stop) {
            deadline.arm();
            r = av_read_frame(format, packet);
            if (r < 0) {
                if (r != AVERROR_EOF)
                    result.damage = "the file is damaged after " + std::to_string(result.timestamps.size()) + " frames (" +
                                    ffmpegErrorText(r) + ")";
                break;
            }
            if (packet->stream_index == m_stream) {
                const std::int64_t t = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
                if (t != AV_NOPTS_VALUE) {
                    result.timestamps.push_back(t);
                    if (packet->flags & AV_PKT_FLAG_KEY) {
                        result.keyframes.push_back(t);
                        if (packet->pos >= 0)
                            result.keyframeOffsets.emplace_back(t, packet->pos);
                    }
                }
            }
            av_packet_unref(packet);
            if (++packets % 256 == 0 && size > 0 && format->pb)
                m_progress = double(avio_tell(format->pb)) / double(size);
        }
        std::sort(result.timestamps.begin(), result.timestamps.end());
        result.timestamps.erase(std::unique(result.timestamps.begin(), result.timestamps.end()), result.timestamps.end());
        std::sort(result.keyframes.begin(), result.keyframes.end());
        std::sort(result.keyframeOffsets.begin(), result.keyframeOffsets.end());
        if (m_stop)
            result.error = "indexing was stopped";
    }
    av_packet_free(&packet);
    avformat_close_input(&format);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_result = std::move(result);
        m_progress = 1.0;
        m_done = true;
    }
    m_finished.notify_all();
}

} // namespace periscope::media
