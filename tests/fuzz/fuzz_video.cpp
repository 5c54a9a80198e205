// SPDX-License-Identifier: GPL-3.0-or-later
// The video opener on small files: FFmpeg's probe and demuxers through openVideoInput, then
// the first frames, each seek and the frame index.
#include "FuzzSupport.h"

#include "engine/media/video/VideoReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = periscope::fuzz::writeInput(data, size, ".video");
    periscope::fuzz::expectOnlyOurErrors([&] {
        std::unique_ptr<periscope::media::VideoReader> reader = periscope::media::VideoReader::open(path);
        for (int i = 0; i < 4; ++i)
            periscope::fuzz::expectOnlyOurErrors([&] { reader->frameAt(i); });
    });
    return 0;
}
