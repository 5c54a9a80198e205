// SPDX-License-Identifier: GPL-3.0-or-later
// Video decoding: sequential rate and random-seek latency of VideoReader on a 1080p H.264 clip
// this bench writes, against FFmpeg's own decode of the same file in the same run: a plain
// libavformat/libavcodec loop (to YUV, and to RGB like ours) and, when installed, the ffmpeg tool.
//
//   bench_video [--frames 240] [--seeks 50] [--width 1920] [--height 1080] [--keep FILE]
#include "BenchCommon.h"

#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>

namespace {
double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

periscope::Image syntheticFrame(int width, int height, int index)
{
    periscope::Image image(width, height, 3, periscope::PixelFormat::UInt8);
    std::minstd_rand noise{std::uint32_t(index) + 1};
    for (int y = 0; y < height; ++y) {
        std::uint8_t *row = image.row(y);
        for (int x = 0; x < width; ++x) {
            const int moving = (x + 4 * index) ^ (y + 2 * index);
            row[3 * x] = std::uint8_t(moving);
            row[3 * x + 1] = std::uint8_t((x * y + index * 7) >> 6);
            row[3 * x + 2] = std::uint8_t(128 + (noise() & 31));
        }
    }
    return image;
}

// FFmpeg's own decode loop: demux, decode (frame threads), optionally convert to RGB.
int plainDecode(const std::string &path, bool toRgb)
{
    AVFormatContext *format = nullptr;
    if (avformat_open_input(&format, path.c_str(), nullptr, nullptr) < 0 || avformat_find_stream_info(format, nullptr) < 0)
        throw periscope::Error("reference: cannot open " + path);
    const AVCodec *decoder = nullptr;
    const int stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    AVCodecContext *codec = avcodec_alloc_context3(decoder);
    avcodec_parameters_to_context(codec, format->streams[stream]->codecpar);
    codec->thread_count = 0;
    codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    avcodec_open2(codec, decoder, nullptr);
    AVPacket *packet = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    SwsContext *sws = nullptr;
    std::vector<std::uint8_t> rgb;
    int frames = 0;
    auto receive = [&] {
        while (avcodec_receive_frame(codec, frame) == 0) {
            ++frames;
            if (toRgb) {
                sws = sws_getCachedContext(sws, frame->width, frame->height, AVPixelFormat(frame->format), frame->width, frame->height,
                                           AV_PIX_FMT_RGB24, SWS_BILINEAR | SWS_ACCURATE_RND, nullptr, nullptr, nullptr);
                rgb.resize(std::size_t(frame->width) * std::size_t(frame->height) * 3);
                uint8_t *planes[4] = {rgb.data()};
                int strides[4] = {frame->width * 3};
                sws_scale(sws, frame->data, frame->linesize, 0, frame->height, planes, strides);
            }
        }
    };
    while (av_read_frame(format, packet) >= 0) {
        if (packet->stream_index == stream && avcodec_send_packet(codec, packet) >= 0)
            receive();
        av_packet_unref(packet);
    }
    avcodec_send_packet(codec, nullptr);
    receive();
    sws_freeContext(sws);
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&codec);
    avformat_close_input(&format);
    return frames;
}
} // namespace

int main(int argc, char **argv)
{
    try {
        const bench::Arguments args(argc, argv, {{"frames", "240"}, {"seeks", "50"}, {"width", "1920"}, {"height", "1080"},
                                                 {"keep", ""}, {"threads", "0"}, {"device", "cpu"}});
        bench::setUpDevice(args);
        const int frames = args.integer("frames"), width = args.integer("width"), height = args.integer("height");
        const std::string path = args.text("keep").empty() ? "/tmp/periscope-bench-video.mp4" : args.text("keep");
        if (!periscope::media::h264EncoderAvailable())
            throw periscope::Error("this FFmpeg has no H.264 encoder");
        {
            periscope::media::VideoWriterOptions options;
            options.frameRate = 30.0;
            options.codec = "h264";
            options.keyframeInterval = 60; // a 2-second GOP, typical of camera and web video
            auto writer = periscope::media::VideoWriter::create(path, width, height, options);
            for (int i = 0; i < frames; ++i)
                writer->write(syntheticFrame(width, height, i));
            writer->finish();
        }

        // Sequential: the reference loops, then ours (open includes the index pass).
        double start = now();
        const int plainFrames = plainDecode(path, false);
        const double plainYuv = now() - start;
        start = now();
        plainDecode(path, true);
        const double plainRgb = now() - start;
        start = now();
        auto reader = periscope::media::VideoReader::open(path);
        periscope::media::VideoFrame frame;
        reader->readNext(frame);
        const double firstFrameSeconds = now() - start; // the index builds in the background meanwhile
        int ours = 1;
        while (reader->readNext(frame))
            ++ours;
        const double oursSeconds = now() - start;
        const double indexStart = now();
        auto indexOnly = periscope::media::VideoReader::open(path);
        indexOnly->waitForIndex();
        const double indexSeconds = now() - indexStart;
        double cliSeconds = -1.0;
        if (std::system("command -v ffmpeg > /dev/null 2>&1") == 0) {
            start = now();
            const std::string command = "ffmpeg -v error -threads 0 -i " + path + " -f null - > /dev/null 2>&1";
            if (std::system(command.c_str()) == 0)
                cliSeconds = now() - start;
        }
        std::printf("{\"bench\":\"video_decode\",\"size\":\"%dx%d\",\"codec\":\"h264\",\"frames\":%d,"
                    "\"ours_fps\":%.1f,\"ffmpeg_loop_yuv_fps\":%.1f,\"ffmpeg_loop_rgb_fps\":%.1f,\"ffmpeg_cli_fps\":%.1f,"
                    "\"first_frame_ms\":%.1f,\"index_ms\":%.1f,\"ratio_vs_rgb_loop\":%.2f,\"ratio_vs_yuv_loop\":%.2f}\n",
                    width, height, ours, ours / oursSeconds, plainFrames / plainYuv, plainFrames / plainRgb,
                    cliSeconds > 0 ? plainFrames / cliSeconds : -1.0, firstFrameSeconds * 1e3, indexSeconds * 1e3, plainRgb / oursSeconds,
                    plainYuv / oursSeconds);

        // Random access.
        std::mt19937 random(1);
        std::vector<double> latencies;
        for (int i = 0; i < args.integer("seeks"); ++i) {
            const std::int64_t index = std::uniform_int_distribution<std::int64_t>(0, reader->info().frameCount - 1)(random);
            start = now();
            reader->frameAt(index);
            latencies.push_back((now() - start) * 1e3);
        }
        std::sort(latencies.begin(), latencies.end());
        double mean = 0.0;
        for (double l : latencies)
            mean += l / double(latencies.size());
        std::printf("{\"bench\":\"video_seek\",\"size\":\"%dx%d\",\"gop\":60,\"seeks\":%zu,\"mean_ms\":%.1f,"
                    "\"median_ms\":%.1f,\"p95_ms\":%.1f,\"sequential_ms_per_frame\":%.2f}\n",
                    width, height, latencies.size(), mean, latencies[latencies.size() / 2],
                    latencies[std::min(latencies.size() - 1, latencies.size() * 95 / 100)], oursSeconds * 1e3 / ours);
        if (args.text("keep").empty())
            std::remove(path.c_str());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_video: %s\n", e.what());
        return 1;
    }
    return 0;
}
