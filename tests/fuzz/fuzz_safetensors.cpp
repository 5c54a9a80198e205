// SPDX-License-Identifier: GPL-3.0-or-later
// A safetensors header (and its offsets against the data that follows).
#include "FuzzSupport.h"

#include "engine/core/weights/Safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    periscope::fuzz::expectOnlyOurErrors([&] { periscope::parseSafetensorsHeader(data, size, "fuzz.safetensors"); });
    return 0;
}
