// SPDX-License-Identifier: GPL-3.0-or-later
// The zip reader on its own: central directory, zip64, local headers, inflation and CRC-32.
#include "FuzzSupport.h"

#include "engine/core/io/ZipArchive.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = periscope::fuzz::writeInput(data, size, ".zip");
    periscope::fuzz::expectOnlyOurErrors([&] {
        const periscope::ZipArchive archive = periscope::ZipArchive::open(path);
        for (const periscope::ZipArchive::Entry &entry : archive.entries())
            periscope::fuzz::expectOnlyOurErrors([&] { archive.read(entry, 64u << 20); });
    });
    return 0;
}
