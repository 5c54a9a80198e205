// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/io/MappedFile.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace periscope {

// The bytes of one zip entry: a view into the mapped file for a stored entry (what torch.save
// and torch.jit.save write, 64-byte aligned so tensors can view it), or an inflated buffer.
// Either way the bytes stay valid as long as the record (or a copy of `owner`) lives.
struct ZipRecord {
    const std::uint8_t *data = nullptr;
    std::size_t size = 0;
    std::shared_ptr<const void> owner;
};

// A zip archive read as data, with every count and size checked before anything is allocated:
// the central directory is bounded by the file, the entry count by kMaxEntries, an entry's
// declared sizes by the file (stored) or by what the caller says it needs (deflated), and each
// entry's CRC-32 is verified when it is read. Entry names are keys, never file system paths.
// Reads zip64 archives (torch writes them for files over 4 GB). Deflated entries need zlib;
// a build without it refuses them with the reason.
class ZipArchive {
public:
    static constexpr std::size_t kMaxEntries = 1'000'000;

    struct Entry {
        std::string name;
        std::uint16_t method = 0; // 0 stored, 8 deflated
        std::uint32_t crc32 = 0;
        std::uint64_t compressedSize = 0;
        std::uint64_t size = 0;
        std::uint64_t localHeaderOffset = 0;
    };

    // Throws periscope::Error naming the file when it is not a readable zip archive.
    static ZipArchive open(const std::string &path);
    static ZipArchive open(std::shared_ptr<MappedFile> file);

    const std::vector<Entry> &entries() const { return m_entries; }
    const std::string &path() const { return m_file->path(); }
    // The entry with this exact name, or nullptr (names are unique: duplicates are refused).
    const Entry *find(const std::string &name) const;

    // Reads an entry, refusing one whose uncompressed size exceeds maxBytes before reading it.
    ZipRecord read(const Entry &entry, std::uint64_t maxBytes) const;

private:
    explicit ZipArchive(std::shared_ptr<MappedFile> file) : m_file(std::move(file)) {}
    [[noreturn]] void fail(const std::string &what) const;
    void readCentralDirectory();

    std::shared_ptr<MappedFile> m_file;
    std::vector<Entry> m_entries;
    std::unordered_map<std::string, std::size_t> m_index; // name -> entry
};

// CRC-32 (ISO-HDLC, the zip and PNG checksum) of `size` bytes, continuing from `crc`.
std::uint32_t crc32(const std::uint8_t *data, std::size_t size, std::uint32_t crc = 0);

bool zipInflateAvailable();

} // namespace periscope
