// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the fuzz targets. The contract they check: a parser given any bytes returns or
// throws periscope::Error; anything else (another exception type, a signal, a sanitizer report,
// running out of the 2 GB libFuzzer allows) is a finding.
#pragma once

#include "engine/core/errors/Error.h"

#include <cstdint>
#include <fstream>
#include <string>
#include <unistd.h>

namespace periscope::fuzz {

// Parsers that take a path get the input through a file of this process's own.
inline std::string writeInput(const std::uint8_t *data, std::size_t size, const char *suffix)
{
    const std::string path = "/tmp/periscope-fuzz-" + std::to_string(::getpid()) + suffix;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), std::streamsize(size));
    return path;
}

template <typename Action>
void expectOnlyOurErrors(Action &&action)
{
    try {
        action();
    } catch (const periscope::Error &) {
        // a clear refusal: what bad input should get
    }
}

} // namespace periscope::fuzz
