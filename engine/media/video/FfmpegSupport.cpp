// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/video/FfmpegSupport.h"

#include "engine/core/io/MappedFile.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/error.h>
#include <libavutil/log.h>
}

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <vector>

#include <sys/stat.h>

namespace periscope::media {

namespace {
std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Demuxers whose input names other inputs: reading them would open files (or URLs) the user
// never chose, and can recurse into themselves.
constexpr const char *kRefusedDemuxers[] = {"concat", "hls", "dash"};

// FFmpeg's own probe, on the first 1 MB, to learn the demuxer before any demuxer runs.
const AVInputFormat *probe(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<unsigned char> buffer((1 << 20) + AVPROBE_PADDING_SIZE, 0);
    in.read(reinterpret_cast<char *>(buffer.data()), 1 << 20);
    AVProbeData data{};
    data.filename = path.c_str();
    data.buf = buffer.data();
    data.buf_size = int(in.gcount());
    int score = 0;
    return av_probe_input_format3(&data, 1, &score);
}
} // namespace

void quietFfmpegLogging()
{
    static std::once_flag once;
    // Quiet, not just errors: every failure comes back to us as a code and reaches the user as one
    // line with FFmpeg's own words ("moov atom not found" would otherwise precede it on stderr).
    // PERISCOPE_FFMPEG_LOG=1 shows FFmpeg's messages when diagnosing a file.
    std::call_once(once, [] { av_log_set_level(std::getenv("PERISCOPE_FFMPEG_LOG") ? AV_LOG_INFO : AV_LOG_QUIET); });
}

std::string ffmpegErrorText(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

void InputDeadline::arm(int seconds)
{
    m_untilMs = nowMs() + std::int64_t(seconds) * 1000;
}

bool InputDeadline::expired() const
{
    const std::int64_t until = m_untilMs;
    return until != 0 && nowMs() > until;
}

int InputDeadline::interrupt(void *deadline)
{
    return static_cast<const InputDeadline *>(deadline)->expired() ? 1 : 0;
}

int openVideoInput(AVFormatContext **format, const std::string &path, InputDeadline &deadline, std::string *refusal)
{
    auto refuse = [&](const std::string &why) {
        if (refusal)
            *refusal = why;
        return AVERROR(EPERM);
    };
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return AVERROR(errno);
    if (!S_ISREG(info.st_mode))
        return refuse("is " + describeFileType(info.st_mode) + ", not a video file");
    const AVInputFormat *detected = probe(path);
    if (detected)
        for (const char *name : kRefusedDemuxers)
            if (std::strcmp(detected->name, name) == 0)
                return refuse(std::string("is a list of other files (FFmpeg's ") + name +
                              " format), not a video: open the videos it names directly");

    *format = avformat_alloc_context();
    if (!*format)
        return AVERROR(ENOMEM);
    (*format)->interrupt_callback = {&InputDeadline::interrupt, &deadline};
    AVDictionary *options = nullptr;
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    av_dict_set(&options, "pattern_type", "none", 0); // a still image is one file, never "img%03d.png"
    deadline.arm();
    // "file:" so that a name such as "concat:a|b" or "http:x" is a file name, not a protocol.
    const int r = avformat_open_input(format, ("file:" + path).c_str(), nullptr, &options);
    av_dict_free(&options);
    if (r >= 0 && (*format)->iformat)
        for (const char *name : kRefusedDemuxers)
            if (std::strcmp((*format)->iformat->name, name) == 0) {
                avformat_close_input(format);
                return refuse(std::string("is a list of other files (FFmpeg's ") + name + " format), not a video");
            }
    return r;
}

} // namespace periscope::media
