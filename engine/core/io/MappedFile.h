// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace periscope {

// A whole file mapped read-only into memory (copy-on-write: a tensor that views it may be
// written to without touching the file). Tensors loaded from it keep it alive through a
// shared_ptr, so weights are never copied when their alignment allows a view.
class MappedFile {
public:
    // Throws periscope::Error naming the file when it cannot be opened or mapped, or when it is
    // not a regular file (a FIFO, a device, a folder): never blocks on one.
    static std::shared_ptr<MappedFile> open(const std::string &path);
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    const std::uint8_t *data() const { return m_data; }
    std::uint8_t *mutableData() { return m_data; }
    std::size_t size() const { return m_size; }
    const std::string &path() const { return m_path; }

private:
    MappedFile() = default;
    std::string m_path;
    std::uint8_t *m_data = nullptr;
    std::size_t m_size = 0;
};

// Writes bytes to `path` through a temporary file in the same folder and a rename, so readers
// never see a half-written file. Throws periscope::Error on failure (the old file is kept), and
// when `path` exists and is not a regular file (checkOutputPath).
void writeFileAtomically(const std::string &path, const void *data, std::size_t size);

// Refuses an output path that exists and is not a regular file (a device such as /dev/full, a
// FIFO, a folder): an atomic rename would replace it. Throws periscope::Error naming it.
void checkOutputPath(const std::string &path);

// "a FIFO (named pipe)", "a folder", "a device", ... for messages.
std::string describeFileType(unsigned mode);

} // namespace periscope
