// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// safetensors: 8 bytes little-endian header length N, N bytes of JSON
//   {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ...,
//    "__metadata__": {"key": "value"}}
// then the tensors' bytes; offsets are relative to the end of the header.
#pragma once

#include "engine/core/weights/StateDict.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace periscope {

using Metadata = std::vector<std::pair<std::string, std::string>>;

// One validated header entry.
struct SafetensorsEntry {
    std::string name;
    std::string dtypeCode;            // as in the file: "F32", "BF16", ...
    c10::ScalarType dtype = c10::ScalarType::Float;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;          // relative to the data section
    std::uint64_t end = 0;
};

struct SafetensorsHeader {
    std::vector<SafetensorsEntry> entries; // in header order
    Metadata metadata;
    std::uint64_t dataOffset = 0;          // where the data section starts in the file
};

// Largest header accepted. Real headers are kilobytes; a bigger value is a corrupt file.
constexpr std::uint64_t kMaxSafetensorsHeaderBytes = 100ull * 1024 * 1024;

// Validates the whole header against the file size before anything is allocated from it:
// length bound, JSON, known dtypes, shapes, offsets inside the data section, contiguous and
// non-overlapping, and shape x element size == byte length. Throws periscope::Error naming the
// file, the problem and the tensor.
SafetensorsHeader parseSafetensorsHeader(const std::uint8_t *fileBytes, std::size_t fileSize,
                                         const std::string &path);

struct SafetensorsContents {
    StateDict tensors;
    Metadata metadata;
};

// Memory-maps the file; tensors view the mapping (no copy) unless a tensor's offset is not
// aligned to its element size, in which case that one tensor is copied.
SafetensorsContents readSafetensors(const std::string &path);

// Writes CPU copies of the tensors (contiguous, little-endian) atomically.
void writeSafetensors(const std::string &path, const StateDict &tensors, const Metadata &metadata = {});

} // namespace periscope
