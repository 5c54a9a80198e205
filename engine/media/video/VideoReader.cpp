// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/video/VideoReader.h"

#include "engine/core/errors/Error.h"
#include "engine/media/video/FfmpegSupport.h"
#include "engine/media/video/FrameIndexer.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/display.h>
#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <map>

namespace periscope::media {

namespace {
int environmentFlag(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::atoi(value) : 0;
}

// How far ahead (in frames) a request may be and still be reached by decoding forward instead
// of seeking, when no keyframe lies in between.
constexpr std::int64_t kMaxForwardDecode = 600;
} // namespace

struct VideoReader::Impl {
    VideoInfo info;
    InputDeadline deadline; // before `format`, which points at it: destroyed after it
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    AVPacket *packet = nullptr;
    AVFrame *frame = nullptr;
    AVFrame *softwareFrame = nullptr; // hardware frames are copied here before conversion
    SwsContext *sws = nullptr;
    AVBufferRef *hardwareDevice = nullptr;
    AVPixelFormat hardwareFormat = AV_PIX_FMT_NONE;
    int stream = -1;
    AVRational timeBase{1, 1};
    std::vector<std::int64_t> pts;          // every frame's timestamp, sorted (presentation order)
    std::vector<std::int64_t> keyframePts;  // sorted
    std::map<std::int64_t, std::int64_t> keyframeOffsets; // keyframe timestamp -> byte offset
    std::int64_t lastIndex = -1;            // index of the frame last returned
    bool draining = false;
    bool finished = false;
    std::string damage;
    std::unique_ptr<FrameIndexer> indexer;
    bool indexed = false;                   // pts and keyframePts are filled in
    std::int64_t firstPicture = AV_NOPTS_VALUE; // the first decoded picture's timestamp: time 0
    AVFrame *pending = nullptr;             // that picture, kept for the first readNext

    ~Impl()
    {
        indexer.reset(); // stop the scan first
        av_frame_free(&pending);
        sws_freeContext(sws);
        av_frame_free(&frame);
        av_frame_free(&softwareFrame);
        av_packet_free(&packet);
        avcodec_free_context(&codec);
        av_buffer_unref(&hardwareDevice);
        avformat_close_input(&format);
    }

    // Picks the hardware surface format when the decoder offers it, else the first software one.
    static AVPixelFormat chooseFormat(AVCodecContext *context, const AVPixelFormat *offered)
    {
        const auto *self = static_cast<const Impl *>(context->opaque);
        for (const AVPixelFormat *f = offered; *f != AV_PIX_FMT_NONE; ++f)
            if (*f == self->hardwareFormat)
                return *f;
        for (const AVPixelFormat *f = offered; *f != AV_PIX_FMT_NONE; ++f)
            if (!(av_pix_fmt_desc_get(*f)->flags & AV_PIX_FMT_FLAG_HWACCEL))
                return *f;
        return offered[0];
    }

    // Opens the first hardware device FFmpeg offers for this decoder; silently nothing if none.
    void tryHardware(const AVCodec *decoder)
    {
        for (int i = 0;; ++i) {
            const AVCodecHWConfig *config = avcodec_get_hw_config(decoder, i);
            if (!config)
                return;
            if (!(config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX))
                continue;
            if (av_hwdevice_ctx_create(&hardwareDevice, config->device_type, nullptr, nullptr, 0) < 0)
                continue;
            codec->hw_device_ctx = av_buffer_ref(hardwareDevice);
            codec->opaque = this;
            codec->get_format = &Impl::chooseFormat;
            hardwareFormat = config->pix_fmt;
            info.hardwareDevice = av_hwdevice_get_type_name(config->device_type);
            return;
        }
    }

    [[noreturn]] void fail(const std::string &what) const { throw Error(info.path + ": " + what); }

    std::int64_t indexOf(std::int64_t timestamp) const
    {
        auto it = std::upper_bound(pts.begin(), pts.end(), timestamp);
        return it == pts.begin() ? 0 : std::int64_t(it - pts.begin()) - 1;
    }

    // A cut-off file reads to its end without an error: what it lacks shows only against what its
    // header declares. Compared in time, not in packets: an AVI may declare 444 frames of which
    // 376 are empty "repeat the last frame" chunks that FFmpeg does not deliver (opencv-doc's
    // tree.avi), and is complete.
    std::string truncation() const
    {
        if (pts.size() < 2)
            return {};
        const AVStream *s = format->streams[stream];
        // The longest of what the header says: the stream's duration, the container's, and the
        // declared frame count at the frame rate (a cut AVI loses its index, and with it the
        // stream duration, but keeps the frame count in its main header).
        double declared = 0.0;
        if (s->duration > 0 && s->duration != AV_NOPTS_VALUE)
            declared = std::max(declared, double(s->duration) * av_q2d(s->time_base));
        if (format->duration > 0 && format->duration != AV_NOPTS_VALUE)
            declared = std::max(declared, double(format->duration) / AV_TIME_BASE);
        if (s->nb_frames > 0 && s->avg_frame_rate.num > 0 && s->avg_frame_rate.den > 0)
            declared = std::max(declared, double(s->nb_frames) / av_q2d(s->avg_frame_rate));
        const double found = double(pts.back() - pts.front()) * av_q2d(timeBase);
        // found spans first to last frame start, the header first frame to last frame end: two
        // frames and 5 % of room cover that and the containers' rounding.
        const double frame = s->avg_frame_rate.num > 0 && s->avg_frame_rate.den > 0 ? 1.0 / av_q2d(s->avg_frame_rate) : 0.1;
        if (declared <= 0.0 || found + 2.0 * frame >= 0.95 * declared)
            return {};
        char text[160];
        std::snprintf(text, sizeof text, "the file ends early: %.2f s of the %.2f s its header declares (truncated or damaged)", found,
                      declared);
        return text;
    }

    // Takes the background scan's result (waiting for it if need be). Some streams begin with
    // packets that carry no picture (an MPEG-4 stream in AVI whose first keyframe packet only
    // holds headers, as opencv-doc's Megamind.avi): entries before the first decoded picture go.
    void finishIndex()
    {
        if (indexed)
            return;
        const FrameIndexer::Result &result = indexer->wait();
        if (!result.error.empty())
            fail(result.error);
        pts = result.timestamps;
        keyframePts = result.keyframes;
        keyframeOffsets.clear();
        for (const auto &[timestamp, offset] : result.keyframeOffsets)
            keyframeOffsets.emplace(timestamp, offset);
        if (damage.empty())
            damage = result.damage;
        if (damage.empty())
            damage = truncation();
        if (firstPicture != AV_NOPTS_VALUE)
            pts.erase(pts.begin(), std::lower_bound(pts.begin(), pts.end(), firstPicture));
        if (pts.empty())
            fail("the video stream has no frames");
        if (keyframePts.empty() || keyframePts.front() > pts.front())
            keyframePts.insert(keyframePts.begin(), pts.front()); // decoding always starts at the first packet
        firstPicture = pts.front();
        indexed = true;
        describeFromIndex();
    }

    // What the stream's headers say, before the index exists: frame count and duration estimated.
    void describeStream()
    {
        AVStream *s = format->streams[stream];
        info.container = format->iformat->name;
        info.codec = avcodec_get_name(s->codecpar->codec_id);
        info.width = s->codecpar->width;
        info.height = s->codecpar->height;
        info.bitRate = format->bit_rate;
        for (unsigned i = 0; i < format->nb_streams; ++i)
            info.hasAudio |= format->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_AUDIO;
        const AVRational rate = s->avg_frame_rate.num > 0 ? s->avg_frame_rate : s->r_frame_rate;
        info.frameRate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
        info.durationSeconds = s->duration != AV_NOPTS_VALUE ? double(s->duration) * av_q2d(s->time_base)
                               : format->duration != AV_NOPTS_VALUE ? double(format->duration) / AV_TIME_BASE
                                                                    : 0.0;
        info.frameCount = std::int64_t(std::llround(info.durationSeconds * info.frameRate));
        info.frameCountExact = false;
        if (const uint8_t *matrix = av_stream_get_side_data(s, AV_PKT_DATA_DISPLAYMATRIX, nullptr)) {
            const double angle = av_display_rotation_get(reinterpret_cast<const int32_t *>(matrix));
            if (!std::isnan(angle))
                info.rotationDegrees = int(std::lround(-angle) % 360 + 360) % 360;
        }
    }

    void describeFromIndex()
    {
        AVStream *s = format->streams[stream];
        info.frameCount = std::int64_t(pts.size());
        info.frameCountExact = true;
        info.startTimeSeconds = double(pts.front()) * av_q2d(timeBase);
        // Frame durations from the index: a median for the last frame's length, and the spread
        // (beyond timestamp rounding) tells a variable frame rate.
        std::vector<std::int64_t> deltas;
        for (std::size_t i = 1; i < pts.size(); ++i)
            deltas.push_back(pts[i] - pts[i - 1]);
        std::int64_t median = 0;
        if (!deltas.empty()) {
            std::vector<std::int64_t> sorted = deltas;
            std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2), sorted.end());
            median = sorted[sorted.size() / 2];
            const auto [low, high] = std::minmax_element(deltas.begin(), deltas.end());
            const std::int64_t tolerance = std::max<std::int64_t>(1, median / 50);
            info.variableFrameRate = (*high - *low) > tolerance;
        }
        const double lastDuration = median > 0 ? double(median) * av_q2d(timeBase)
                                               : (s->avg_frame_rate.num > 0 ? 1.0 / av_q2d(s->avg_frame_rate) : 0.0);
        info.durationSeconds = double(pts.back() - pts.front()) * av_q2d(timeBase) + lastDuration;
        info.frameRate = s->avg_frame_rate.num > 0 && s->avg_frame_rate.den > 0 ? av_q2d(s->avg_frame_rate)
                         : info.durationSeconds > 0                             ? double(pts.size()) / info.durationSeconds
                                                                                : 0.0;
    }

    void seekToKeyframeBefore(std::int64_t timestamp, int earlier)
    {
        auto it = std::upper_bound(keyframePts.begin(), keyframePts.end(), timestamp);
        std::ptrdiff_t k = std::max<std::ptrdiff_t>(0, (it - keyframePts.begin()) - 1 - earlier);
        deadline.arm();
        // Streams without an index (MPEG-TS, MPEG-PS: timestamps may jump) are searched by
        // timestamp through their bytes, which can land past a keyframe: there the keyframe's own
        // byte offset from the scan is exact.
        const auto offset = keyframeOffsets.find(keyframePts[std::size_t(k)]);
        if ((format->iformat->flags & AVFMT_TS_DISCONT) && offset != keyframeOffsets.end() &&
            av_seek_frame(format, -1, offset->second, AVSEEK_FLAG_BYTE) >= 0) {
            avcodec_flush_buffers(codec);
            draining = false;
            finished = false;
            lastIndex = -1;
            return;
        }
        const int r = av_seek_frame(format, stream, keyframePts[std::size_t(k)], AVSEEK_FLAG_BACKWARD);
        if (r < 0 && av_seek_frame(format, stream, keyframePts.front(), AVSEEK_FLAG_BACKWARD) < 0)
            fail("cannot seek (" + ffmpegErrorText(r) + ")");
        avcodec_flush_buffers(codec);
        draining = false;
        finished = false;
        lastIndex = -1;
    }

    // The next decoded frame (in presentation order) into `frame`; false at the end.
    bool decodeNext()
    {
        for (;;) {
            const int received = avcodec_receive_frame(codec, frame);
            if (received == 0)
                return true;
            if (received == AVERROR_EOF) {
                finished = true;
                return false;
            }
            if (received != AVERROR(EAGAIN)) {
                damage = "decoding failed (" + ffmpegErrorText(received) + ")";
                finished = true;
                return false;
            }
            if (draining) { // nothing more will come
                finished = true;
                return false;
            }
            deadline.arm();
            const int read = av_read_frame(format, packet);
            if (read < 0) {
                if (read != AVERROR_EOF && damage.empty())
                    damage = "the file is damaged (" + ffmpegErrorText(read) + ")";
                avcodec_send_packet(codec, nullptr); // drain the frames the decoder still holds
                draining = true;
                continue;
            }
            if (packet->stream_index == stream) {
                const int sent = avcodec_send_packet(codec, packet);
                if (sent < 0 && sent != AVERROR(EAGAIN) && damage.empty())
                    damage = "a corrupt packet was skipped (" + ffmpegErrorText(sent) + ")";
            }
            av_packet_unref(packet);
        }
    }

    std::int64_t timestampOfFrame() const
    {
        return frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
    }

    VideoFrame convert(std::int64_t index)
    {
        AVFrame *source = frame;
        if (frame->format == hardwareFormat && hardwareFormat != AV_PIX_FMT_NONE) {
            if (!softwareFrame)
                softwareFrame = av_frame_alloc();
            av_frame_unref(softwareFrame);
            if (!softwareFrame || av_hwframe_transfer_data(softwareFrame, frame, 0) < 0)
                fail("cannot copy a hardware-decoded frame to memory");
            source = softwareFrame;
        }
        VideoFrame out;
        out.index = index;
        const std::int64_t timestamp = indexed ? pts[std::size_t(index)] : timestampOfFrame();
        out.timeSeconds = double(timestamp - firstPicture) * av_q2d(timeBase);
        out.keyframe = indexed ? std::binary_search(keyframePts.begin(), keyframePts.end(), timestamp) : (frame->key_frame != 0);
        out.rgb = Image(source->width, source->height, 3, PixelFormat::UInt8);
        sws = sws_getCachedContext(sws, source->width, source->height, AVPixelFormat(source->format), source->width, source->height,
                                   AV_PIX_FMT_RGB24, SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
        if (!sws)
            fail("cannot convert frames of pixel format " + std::string(av_get_pix_fmt_name(AVPixelFormat(source->format))));
        uint8_t *planes[4] = {out.rgb.bits(), nullptr, nullptr, nullptr};
        int strides[4] = {int(out.rgb.rowBytes()), 0, 0, 0};
        sws_scale(sws, source->data, source->linesize, 0, source->height, planes, strides);
        lastIndex = index;
        return out;
    }
};

VideoReader::VideoReader() : d(std::make_unique<Impl>()) {}
VideoReader::~VideoReader() = default;

std::unique_ptr<VideoReader> VideoReader::open(const std::string &path, const JobControl &control, const VideoReaderOptions &options)
{
    quietFfmpegLogging();
    std::unique_ptr<VideoReader> reader(new VideoReader);
    Impl &d = *reader->d;
    d.info.path = path;
    std::string refusal;
    int r = openVideoInput(&d.format, path, d.deadline, &refusal);
    if (!refusal.empty())
        d.fail(refusal);
    if (r < 0)
        d.fail(d.deadline.expired() ? "took longer than " + std::to_string(InputDeadline::kDefaultSeconds) + " s to open: refused"
                                    : "cannot open as a video (" + ffmpegErrorText(r) + ")");
    r = avformat_find_stream_info(d.format, nullptr);
    if (r < 0)
        d.fail("cannot read the stream information (" + ffmpegErrorText(r) + ")");
    const AVCodec *decoder = nullptr;
    d.stream = av_find_best_stream(d.format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (d.stream < 0 || !decoder)
        d.fail(d.stream == AVERROR_DECODER_NOT_FOUND ? "no decoder for its video codec" : "has no video stream");
    AVStream *s = d.format->streams[d.stream];
    d.timeBase = s->time_base;
    d.codec = avcodec_alloc_context3(decoder);
    if (!d.codec || avcodec_parameters_to_context(d.codec, s->codecpar) < 0)
        d.fail("cannot set up the decoder");
    d.codec->thread_count = 0; // one per core
    d.codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    d.codec->pkt_timebase = s->time_base;
    if (options.hardwareDecode || environmentFlag("PERISCOPE_HW_DECODE"))
        d.tryHardware(decoder);
    r = avcodec_open2(d.codec, decoder, nullptr);
    if (r < 0)
        d.fail("cannot open the " + std::string(decoder->name) + " decoder (" + ffmpegErrorText(r) + ")");
    d.packet = av_packet_alloc();
    d.frame = av_frame_alloc();
    if (!d.packet || !d.frame)
        d.fail("out of memory");
    control.throwIfCancelled();
    d.describeStream();
    if (d.info.width <= 0 || d.info.height <= 0)
        d.fail("the video stream has no frame size");
    // The index is built on a thread of its own while the first picture is decoded here: its
    // timestamp is time zero, and it is kept for the first readNext.
    d.indexer = std::make_unique<FrameIndexer>(path, d.stream, options.indexStartDelayMs);
    if (!d.decodeNext())
        d.fail("no frame of the video can be decoded" + (d.damage.empty() ? std::string() : " (" + d.damage + ")"));
    d.firstPicture = d.timestampOfFrame();
    if (d.firstPicture == AV_NOPTS_VALUE)
        d.firstPicture = 0;
    d.info.startTimeSeconds = double(d.firstPicture) * av_q2d(d.timeBase);
    d.pending = av_frame_clone(d.frame);
    return reader;
}

const VideoInfo &VideoReader::info() const
{
    d->finishIndex();
    return d->info;
}

const VideoInfo &VideoReader::quickInfo() const
{
    return d->info;
}

bool VideoReader::indexReady() const
{
    return d->indexed || d->indexer->isDone();
}

double VideoReader::indexProgress() const
{
    return d->indexed ? 1.0 : d->indexer->progress();
}

void VideoReader::waitForIndex()
{
    d->finishIndex();
}

bool VideoReader::readNext(VideoFrame &out)
{
    if (d->pending) {
        // The first picture, decoded when the video was opened.
        av_frame_unref(d->frame);
        av_frame_move_ref(d->frame, d->pending);
        av_frame_free(&d->pending);
        out = d->convert(0);
        return true;
    }
    if (d->finished)
        return false;
    while (d->decodeNext()) {
        // Without the index (yet), frames read from the start are numbered as they come.
        const std::int64_t index = d->indexed ? d->indexOf(d->timestampOfFrame()) : d->lastIndex + 1;
        if (index <= d->lastIndex)
            continue; // a frame from before a seek point, or a duplicate timestamp
        out = d->convert(index);
        return true;
    }
    return false;
}

VideoFrame VideoReader::frameAt(std::int64_t index)
{
    d->finishIndex();
    if (index < 0 || index >= d->info.frameCount)
        d->fail("frame " + std::to_string(index) + " is out of range (the video has " + std::to_string(d->info.frameCount) +
                " frames)");
    av_frame_free(&d->pending); // random access leaves the sequential start behind
    const std::int64_t target = d->pts[std::size_t(index)];
    // Decode forward when the request is a little ahead in the same group of pictures; seek otherwise.
    const bool ahead = d->lastIndex >= 0 && index > d->lastIndex && index - d->lastIndex <= kMaxForwardDecode && !d->finished;
    const bool keyframeBetween = ahead && std::upper_bound(d->keyframePts.begin(), d->keyframePts.end(), d->pts[std::size_t(d->lastIndex)]) !=
                                              std::upper_bound(d->keyframePts.begin(), d->keyframePts.end(), target);
    for (int attempt = 0; attempt < 4; ++attempt) {
        if (!ahead || keyframeBetween || attempt > 0)
            d->seekToKeyframeBefore(target, attempt);
        while (d->decodeNext()) {
            const std::int64_t timestamp = d->timestampOfFrame();
            if (timestamp == target || d->indexOf(timestamp) == index)
                return d->convert(index);
            if (timestamp > target)
                break; // the seek landed past the frame: try from an earlier keyframe
        }
    }
    d->fail("frame " + std::to_string(index) + " could not be decoded" + (d->damage.empty() ? std::string() : " (" + d->damage + ")"));
}

VideoFrame VideoReader::frameAtTime(double seconds)
{
    return frameAt(frameIndexAtTime(seconds));
}

std::int64_t VideoReader::frameIndexAtTime(double seconds) const
{
    d->finishIndex();
    const double ticks = seconds / av_q2d(d->timeBase);
    return d->indexOf(d->pts.front() + std::int64_t(std::floor(ticks + 1e-6)));
}

double VideoReader::timeOfFrame(std::int64_t index) const
{
    d->finishIndex();
    if (index < 0 || index >= d->info.frameCount)
        return -1.0;
    return double(d->pts[std::size_t(index)] - d->pts.front()) * av_q2d(d->timeBase);
}

std::vector<std::int64_t> VideoReader::keyframeIndices() const
{
    d->finishIndex();
    std::vector<std::int64_t> indices;
    for (const std::int64_t t : d->keyframePts)
        indices.push_back(d->indexOf(t));
    return indices;
}

std::string VideoReader::damage() const
{
    return d->damage;
}

} // namespace periscope::media
