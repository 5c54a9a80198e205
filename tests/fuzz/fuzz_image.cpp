// SPDX-License-Identifier: GPL-3.0-or-later
// An image file: signature, the size from the header (checked before decoding), then OpenCV's
// decoders under a 4-megapixel limit so that one input stays within libFuzzer's memory.
#include "FuzzSupport.h"

#include "engine/media/image/ImageFile.h"
#include "engine/media/image/ImageHeader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    periscope::media::setMaxImagePixels(4'000'000);
    const std::string path = periscope::fuzz::writeInput(data, size, ".image");
    periscope::fuzz::expectOnlyOurErrors([&] { periscope::media::readImage(path); });
    return 0;
}
