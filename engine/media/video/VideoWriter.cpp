// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/video/VideoWriter.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/media/video/FfmpegSupport.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <cmath>
#include <cstdio>

namespace periscope::media {

bool h264EncoderAvailable()
{
    return avcodec_find_encoder_by_name("libx264") != nullptr;
}

struct VideoWriter::Impl {
    std::string path, temporaryPath;
    VideoWriterOptions options;
    AVFormatContext *format = nullptr;
    AVCodecContext *codec = nullptr;
    AVStream *stream = nullptr;
    AVFrame *frame = nullptr;
    AVPacket *packet = nullptr;
    SwsContext *sws = nullptr;
    std::int64_t frames = 0;
    std::int64_t lastPts = AV_NOPTS_VALUE;
    // Audio copied from another file.
    InputDeadline audioDeadline; // before audioInput, which points at it
    AVFormatContext *audioInput = nullptr;
    AVStream *audioOut = nullptr;
    int audioStream = -1;
    AVPacket *audioPacket = nullptr;
    bool audioDone = true;
    bool headerWritten = false;
    bool finished = false;

    ~Impl()
    {
        if (!finished && headerWritten)
            av_write_trailer(format);
        if (format && !(format->oformat->flags & AVFMT_NOFILE))
            avio_closep(&format->pb);
        if (!finished && !temporaryPath.empty())
            std::remove(temporaryPath.c_str());
        sws_freeContext(sws);
        av_frame_free(&frame);
        av_packet_free(&packet);
        av_packet_free(&audioPacket);
        avformat_close_input(&audioInput);
        avcodec_free_context(&codec);
        avformat_free_context(format);
    }

    void openAudio(const std::string &source)
    {
        std::string refusal;
        int r = openVideoInput(&audioInput, source, audioDeadline, &refusal);
        if (!refusal.empty())
            fail("the audio source " + source + " " + refusal);
        if (r < 0 || avformat_find_stream_info(audioInput, nullptr) < 0)
            fail("cannot read the audio source " + source + " (" + ffmpegErrorText(r) + ")");
        audioStream = av_find_best_stream(audioInput, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
        if (audioStream < 0)
            return; // nothing to copy: a silent source
        const AVCodecParameters *parameters = audioInput->streams[audioStream]->codecpar;
        // 1: the container can hold it, 0: it cannot, negative: the muxer does not say (then the
        // header write decides).
        if (avformat_query_codec(format->oformat, parameters->codec_id, FF_COMPLIANCE_NORMAL) == 0)
            fail(std::string("the source's audio (") + avcodec_get_name(parameters->codec_id) + ") cannot be stored in a " +
                 format->oformat->name + " file; choose .mkv");
        audioOut = avformat_new_stream(format, nullptr);
        if (!audioOut || avcodec_parameters_copy(audioOut->codecpar, parameters) < 0)
            fail("cannot set up the audio stream");
        audioOut->codecpar->codec_tag = 0;
        audioOut->time_base = audioInput->streams[audioStream]->time_base;
        audioPacket = av_packet_alloc();
        audioDone = false;
    }

    // Copies audio packets up to `untilSeconds` (relative to the video's start), or all of them.
    void copyAudio(double untilSeconds)
    {
        if (audioDone)
            return;
        const AVStream *in = audioInput->streams[audioStream];
        const std::int64_t start = in->start_time != AV_NOPTS_VALUE ? in->start_time : 0;
        for (;;) {
            if (audioPacket->data == nullptr) {
                for (;;) {
                    audioDeadline.arm();
                    if (av_read_frame(audioInput, audioPacket) < 0) {
                        audioDone = true;
                        return;
                    }
                    if (audioPacket->stream_index == audioStream && audioPacket->pts != AV_NOPTS_VALUE)
                        break;
                    av_packet_unref(audioPacket);
                }
            }
            const double seconds = double(audioPacket->pts - start) * av_q2d(in->time_base);
            if (seconds > untilSeconds)
                return; // keep it for later
            const std::int64_t offset = std::llround(options.startTimeSeconds / av_q2d(in->time_base)) - start;
            audioPacket->pts += offset;
            if (audioPacket->dts != AV_NOPTS_VALUE)
                audioPacket->dts += offset;
            av_packet_rescale_ts(audioPacket, in->time_base, audioOut->time_base);
            audioPacket->stream_index = audioOut->index;
            audioPacket->pos = -1;
            const int r = av_interleaved_write_frame(format, audioPacket); // takes the packet's data
            av_packet_unref(audioPacket);
            if (r < 0)
                fail("writing audio failed (" + ffmpegErrorText(r) + ")");
        }
    }

    [[noreturn]] void fail(const std::string &what) const { throw Error(path + ": " + what); }

    void drain(bool flush)
    {
        int r = avcodec_send_frame(codec, flush ? nullptr : frame);
        if (r < 0)
            fail("encoding failed (" + ffmpegErrorText(r) + ")");
        for (;;) {
            r = avcodec_receive_packet(codec, packet);
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF)
                return;
            if (r < 0)
                fail("encoding failed (" + ffmpegErrorText(r) + ")");
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            r = av_interleaved_write_frame(format, packet);
            if (r < 0)
                fail("writing failed (" + ffmpegErrorText(r) + ")");
        }
    }

    void encode(const Image &rgb, std::int64_t pts)
    {
        if (finished)
            fail("the video is already finished");
        if (rgb.format() != PixelFormat::UInt8 || rgb.channels() != 3)
            fail("frames must be 8-bit RGB");
        if (rgb.width() < codec->width || rgb.height() < codec->height)
            fail("a frame of " + std::to_string(rgb.width()) + "x" + std::to_string(rgb.height()) + " does not match the video's " +
                 std::to_string(codec->width) + "x" + std::to_string(codec->height));
        if (lastPts != AV_NOPTS_VALUE && pts <= lastPts)
            fail("frame times must increase");
        lastPts = pts;
        int r = av_frame_make_writable(frame);
        if (r < 0)
            fail("out of memory");
        sws = sws_getCachedContext(sws, codec->width, codec->height, AV_PIX_FMT_RGB24, codec->width, codec->height,
                                   codec->pix_fmt, SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
        const uint8_t *source[4] = {rgb.bits(), nullptr, nullptr, nullptr};
        const int strides[4] = {int(rgb.rowBytes()), 0, 0, 0};
        sws_scale(sws, source, strides, 0, codec->height, frame->data, frame->linesize);
        frame->pts = pts;
        drain(false);
        ++frames;
        copyAudio(double(pts) * av_q2d(codec->time_base) - options.startTimeSeconds);
    }
};

VideoWriter::VideoWriter() : d(std::make_unique<Impl>()) {}
VideoWriter::~VideoWriter() = default;

std::unique_ptr<VideoWriter> VideoWriter::create(const std::string &path, int width, int height, const VideoWriterOptions &options)
{
    quietFfmpegLogging();
    std::unique_ptr<VideoWriter> writer(new VideoWriter);
    Impl &d = *writer->d;
    d.path = path;
    d.options = options;
    if (width < 2 || height < 2)
        d.fail("a video needs at least 2x2 pixels");
    if (!(options.frameRate > 0.0 && options.frameRate <= 1000.0))
        d.fail("the frame rate must be in (0, 1000]");
    int r = avformat_alloc_output_context2(&d.format, nullptr, nullptr, path.c_str());
    if (r < 0 || !d.format)
        d.fail("no container format for this file name (" + ffmpegErrorText(r) + "); use .mp4, .mkv, .avi or .ts");

    const bool wantH264 = options.codec == "h264" || (options.codec == "auto" && h264EncoderAvailable());
    if (options.codec != "auto" && options.codec != "h264" && options.codec != "mpeg4")
        d.fail("unknown codec '" + options.codec + "' (expected auto, h264 or mpeg4)");
    const AVCodec *encoder = wantH264 ? avcodec_find_encoder_by_name("libx264") : avcodec_find_encoder(AV_CODEC_ID_MPEG4);
    if (!encoder)
        d.fail(wantH264 ? "this FFmpeg has no H.264 encoder (libx264)" : "this FFmpeg has no MPEG-4 encoder");
    d.stream = avformat_new_stream(d.format, nullptr);
    d.codec = avcodec_alloc_context3(encoder);
    if (!d.stream || !d.codec)
        d.fail("out of memory");
    d.codec->width = width & ~1;
    d.codec->height = height & ~1;
    d.codec->pix_fmt = AV_PIX_FMT_YUV420P;
    const AVRational rate = av_d2q(options.frameRate, 1000000);
    d.codec->framerate = rate;
    // Constant rate: one tick a frame. Explicit times: milliseconds (MPEG-4 Part 2 allows
    // time-base denominators up to 65535 only).
    d.codec->time_base = options.explicitTimestamps ? AVRational{1, 1000} : av_inv_q(rate);
    d.codec->gop_size = std::max(1, options.keyframeInterval);
    d.codec->thread_count = 0;
    if (wantH264) {
        av_opt_set(d.codec->priv_data, "preset", "veryfast", 0);
        av_opt_set(d.codec->priv_data, "crf", "20", 0);
    } else {
        d.codec->flags |= AV_CODEC_FLAG_QSCALE;
        d.codec->global_quality = FF_QP2LAMBDA * 3; // near-transparent quality
    }
    if (d.format->oformat->flags & AVFMT_GLOBALHEADER)
        d.codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    r = avcodec_open2(d.codec, encoder, nullptr);
    if (r < 0)
        d.fail("cannot open the " + std::string(encoder->name) + " encoder (" + ffmpegErrorText(r) + ")");
    r = avcodec_parameters_from_context(d.stream->codecpar, d.codec);
    if (r < 0)
        d.fail("cannot set up the video stream");
    d.stream->time_base = d.codec->time_base;
    d.stream->avg_frame_rate = options.explicitTimestamps ? AVRational{0, 1} : rate;

    if (!options.copyAudioFrom.empty())
        d.openAudio(options.copyAudioFrom);

    d.frame = av_frame_alloc();
    d.packet = av_packet_alloc();
    if (!d.frame || !d.packet)
        d.fail("out of memory");
    d.frame->format = d.codec->pix_fmt;
    d.frame->width = d.codec->width;
    d.frame->height = d.codec->height;
    if (av_frame_get_buffer(d.frame, 0) < 0)
        d.fail("out of memory");

    checkOutputPath(path); // the rename at the end would replace a device or FIFO
    d.temporaryPath = path + ".part";
    // The container was chosen from the real name; the bytes go to the temporary file, and the
    // MP4 muxer's faststart pass reopens the file by the context's URL, so that must name it too.
    av_freep(&d.format->url);
    d.format->url = av_strdup(d.temporaryPath.c_str());
    if (!(d.format->oformat->flags & AVFMT_NOFILE)) {
        r = avio_open(&d.format->pb, d.temporaryPath.c_str(), AVIO_FLAG_WRITE);
        if (r < 0)
            d.fail("cannot write (" + ffmpegErrorText(r) + ")");
    }
    AVDictionary *muxerOptions = nullptr;
    av_dict_set(&muxerOptions, "movflags", "+faststart", 0); // MP4/MOV only; others ignore it
    r = avformat_write_header(d.format, &muxerOptions);
    av_dict_free(&muxerOptions);
    if (r < 0)
        d.fail("cannot write the header (" + ffmpegErrorText(r) + ")");
    d.headerWritten = true;
    return writer;
}

void VideoWriter::write(const Image &rgb)
{
    if (d->options.explicitTimestamps)
        d->fail("this writer takes explicit frame times: write(image, seconds)");
    const std::int64_t offset = std::llround(d->options.startTimeSeconds / av_q2d(d->codec->time_base));
    d->encode(rgb, offset + d->frames);
}

void VideoWriter::write(const Image &rgb, double timeSeconds)
{
    if (!d->options.explicitTimestamps)
        d->fail("this writer has a constant frame rate: write(image)");
    d->encode(rgb, std::llround((d->options.startTimeSeconds + timeSeconds) / av_q2d(d->codec->time_base)));
}

void VideoWriter::finish()
{
    if (d->finished)
        return;
    d->drain(true);
    // The rest of the audio only as far as the video goes.
    const double videoEnd = d->lastPts == AV_NOPTS_VALUE
                                ? 0.0
                                : (double(d->lastPts) + (d->options.explicitTimestamps ? 0.0 : 1.0)) * av_q2d(d->codec->time_base) -
                                      d->options.startTimeSeconds;
    d->copyAudio(videoEnd);
    int r = av_write_trailer(d->format);
    d->headerWritten = false;
    if (r < 0)
        d->fail("cannot finish the file (" + ffmpegErrorText(r) + ")");
    if (!(d->format->oformat->flags & AVFMT_NOFILE))
        avio_closep(&d->format->pb);
    if (std::rename(d->temporaryPath.c_str(), d->path.c_str()) != 0)
        d->fail("cannot move the finished video into place");
    d->finished = true;
}

std::string VideoWriter::codecName() const
{
    return d->codec ? d->codec->codec->name : std::string();
}

std::int64_t VideoWriter::framesWritten() const
{
    return d->frames;
}

} // namespace periscope::media
