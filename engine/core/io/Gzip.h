// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

namespace periscope {

// The bytes of a file, inflated when it is gzip-compressed (it starts with 1f 8b) and read as it
// is otherwise. `maxBytes` bounds what it may produce, so a small file that inflates without end
// (a gzip bomb) is refused at the bound instead of filling the memory. Throws periscope::Error
// naming the file: unreadable, corrupt, larger than the bound, or compressed in a build without
// zlib (engine/core links it when the machine has it).
std::string readMaybeGzippedFile(const std::string &path, std::size_t maxBytes);

} // namespace periscope
