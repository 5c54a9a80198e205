// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/io/ZipArchive.h"

#include "engine/core/errors/Error.h"

#include <array>
#include <cstring>

#ifdef PERISCOPE_WITH_ZLIB
#include <zlib.h>
#endif

namespace periscope {

namespace {

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr std::uint32_t kZip64End = 0x06064b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kLocalSize = 30;

std::uint64_t readLittle(const std::uint8_t *p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// Slice-by-8 tables: eight bytes per step, ~2 GB/s, so checking a 1 GB checkpoint costs about
// half a second.
struct CrcTables {
    std::array<std::array<std::uint32_t, 256>, 8> t{};
    CrcTables()
    {
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[0][i] = c;
        }
        for (std::uint32_t i = 0; i < 256; ++i)
            for (int s = 1; s < 8; ++s)
                t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xff];
    }
};

const CrcTables &crcTables()
{
    static const CrcTables tables;
    return tables;
}

} // namespace

std::uint32_t crc32(const std::uint8_t *data, std::size_t size, std::uint32_t crc)
{
    const auto &t = crcTables().t;
    crc = ~crc;
    while (size >= 8) {
        std::uint32_t low = 0, high = 0;
        std::memcpy(&low, data, 4); // little-endian x86-64 / aarch64
        std::memcpy(&high, data + 4, 4);
        low ^= crc;
        crc = t[7][low & 0xff] ^ t[6][(low >> 8) & 0xff] ^ t[5][(low >> 16) & 0xff] ^ t[4][low >> 24] ^
              t[3][high & 0xff] ^ t[2][(high >> 8) & 0xff] ^ t[1][(high >> 16) & 0xff] ^ t[0][high >> 24];
        data += 8;
        size -= 8;
    }
    while (size--)
        crc = t[0][(crc ^ *data++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

bool zipInflateAvailable()
{
#ifdef PERISCOPE_WITH_ZLIB
    return true;
#else
    return false;
#endif
}

ZipArchive ZipArchive::open(const std::string &path)
{
    return open(MappedFile::open(path));
}

ZipArchive ZipArchive::open(std::shared_ptr<MappedFile> file)
{
    ZipArchive archive(std::move(file));
    archive.readCentralDirectory();
    return archive;
}

void ZipArchive::fail(const std::string &what) const
{
    throw Error(m_file->path() + ": " + what);
}

void ZipArchive::readCentralDirectory()
{
    const std::uint8_t *bytes = m_file->data();
    const std::size_t size = m_file->size();
    if (size < kEndSize)
        fail("not a zip archive (too short)");

    // The end record is in the last 22 + 65535 (comment) bytes; search backwards.
    std::size_t end = size - kEndSize + 1;
    const std::size_t lowest = size > kEndSize + 0xffff ? size - kEndSize - 0xffff : 0;
    bool found = false;
    while (end-- > lowest) {
        if (readLittle(bytes + end, 4) == kEndOfCentralDirectory) {
            found = true;
            break;
        }
    }
    if (!found)
        fail("not a zip archive (no end of central directory): truncated or corrupt");

    std::uint64_t count = readLittle(bytes + end + 10, 2);
    std::uint64_t directorySize = readLittle(bytes + end + 12, 4);
    std::uint64_t directoryOffset = readLittle(bytes + end + 16, 4);
    if (end >= 20 && readLittle(bytes + end - 20, 4) == kZip64Locator) {
        const std::uint64_t zip64 = readLittle(bytes + end - 20 + 8, 8);
        if (zip64 > size || size - zip64 < 56 || readLittle(bytes + zip64, 4) != kZip64End)
            fail("the zip64 end record is out of place: the archive is corrupt");
        count = readLittle(bytes + zip64 + 32, 8);
        directorySize = readLittle(bytes + zip64 + 40, 8);
        directoryOffset = readLittle(bytes + zip64 + 48, 8);
    }
    if (directoryOffset > size || directorySize > size - directoryOffset)
        fail("the central directory lies outside the file: truncated or corrupt");
    // Every entry takes at least 46 bytes of the directory, so the count is bounded by the file.
    if (count > kMaxEntries || count > directorySize / kCentralSize)
        fail(std::to_string(count) + " entries do not fit in a central directory of " + std::to_string(directorySize) +
             " bytes" + (count > kMaxEntries ? " (the limit is " + std::to_string(kMaxEntries) + ")" : std::string()) +
             ": refused");

    m_entries.reserve(std::size_t(count));
    const std::uint8_t *p = bytes + directoryOffset;
    const std::uint8_t *directoryEnd = p + directorySize;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (std::size_t(directoryEnd - p) < kCentralSize || readLittle(p, 4) != kCentralHeader)
            fail("central directory entry " + std::to_string(i) + " is malformed: the archive is corrupt");
        Entry entry;
        const std::uint16_t flags = std::uint16_t(readLittle(p + 8, 2));
        entry.method = std::uint16_t(readLittle(p + 10, 2));
        entry.crc32 = std::uint32_t(readLittle(p + 16, 4));
        entry.compressedSize = readLittle(p + 20, 4);
        entry.size = readLittle(p + 24, 4);
        const std::size_t nameLength = readLittle(p + 28, 2);
        const std::size_t extraLength = readLittle(p + 30, 2);
        const std::size_t commentLength = readLittle(p + 32, 2);
        entry.localHeaderOffset = readLittle(p + 42, 4);
        if (std::size_t(directoryEnd - p) - kCentralSize < nameLength + extraLength + commentLength)
            fail("central directory entry " + std::to_string(i) + " runs past the directory: corrupt");
        entry.name.assign(reinterpret_cast<const char *>(p + kCentralSize), nameLength);
        if (flags & 1)
            fail(entry.name + " is encrypted: not a weights archive");

        // The zip64 extra field holds, in this order, the sizes and offset marked 0xffffffff.
        const std::uint8_t *extra = p + kCentralSize + nameLength;
        const std::uint8_t *extraEnd = extra + extraLength;
        while (extraEnd - extra >= 4) {
            const std::uint16_t id = std::uint16_t(readLittle(extra, 2));
            const std::size_t length = readLittle(extra + 2, 2);
            if (std::size_t(extraEnd - extra) - 4 < length)
                break;
            if (id == 0x0001) {
                const std::uint8_t *field = extra + 4;
                std::size_t left = length;
                auto take = [&](std::uint64_t &value) {
                    if (value != 0xffffffffu)
                        return;
                    if (left < 8)
                        fail(entry.name + ": malformed zip64 field: corrupt");
                    value = readLittle(field, 8);
                    field += 8;
                    left -= 8;
                };
                take(entry.size);
                take(entry.compressedSize);
                take(entry.localHeaderOffset);
            }
            extra += 4 + length;
        }
        if (entry.method != 0 && entry.method != 8)
            fail(entry.name + " uses zip compression method " + std::to_string(entry.method) +
                 ", which is not read (stored and deflated are)");
        if (entry.method == 0 && entry.compressedSize != entry.size)
            fail(entry.name + ": a stored entry whose sizes disagree: corrupt");
        if (entry.localHeaderOffset > size || entry.compressedSize > size)
            fail(entry.name + " lies outside the file: truncated or corrupt");
        if (!m_index.emplace(entry.name, m_entries.size()).second)
            fail("the archive holds two entries named " + entry.name + ": refused as ambiguous");
        m_entries.push_back(std::move(entry));
        p += kCentralSize + nameLength + extraLength + commentLength;
    }
}

const ZipArchive::Entry *ZipArchive::find(const std::string &name) const
{
    const auto found = m_index.find(name);
    return found == m_index.end() ? nullptr : &m_entries[found->second];
}

ZipRecord ZipArchive::read(const Entry &entry, std::uint64_t maxBytes) const
{
    if (entry.size > maxBytes)
        fail(entry.name + " declares " + std::to_string(entry.size) + " bytes where at most " +
             std::to_string(maxBytes) + " are expected: refused before reading");
    const std::uint8_t *bytes = m_file->data();
    const std::size_t fileSize = m_file->size();
    const std::uint64_t local = entry.localHeaderOffset;
    if (fileSize - local < kLocalSize || readLittle(bytes + local, 4) != kLocalHeader)
        fail(entry.name + ": its local header is missing: the archive is corrupt");
    const std::uint64_t dataOffset = local + kLocalSize + readLittle(bytes + local + 26, 2) + readLittle(bytes + local + 28, 2);
    if (dataOffset > fileSize || entry.compressedSize > fileSize - dataOffset)
        fail(entry.name + " runs past the end of the file: the archive is truncated");

    ZipRecord record;
    const std::uint8_t *compressed = bytes + dataOffset;
    if (entry.method == 0) {
        record.data = compressed;
        record.size = std::size_t(entry.size);
        record.owner = m_file;
    } else {
#ifdef PERISCOPE_WITH_ZLIB
        // Inflated into exactly the declared size: a stream that would produce more (a zip
        // bomb behind a small declared size) stops there and is refused.
        auto buffer = std::shared_ptr<std::uint8_t[]>(new std::uint8_t[std::max<std::uint64_t>(entry.size, 1)]);
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
            fail(entry.name + ": cannot start inflating");
        std::uint64_t inputLeft = entry.compressedSize, outputLeft = entry.size;
        const std::uint8_t *in = compressed;
        std::uint8_t *out = buffer.get();
        int status = Z_OK;
        while (status == Z_OK) {
            const uInt inChunk = uInt(std::min<std::uint64_t>(inputLeft, 1u << 30));
            const uInt outChunk = uInt(std::min<std::uint64_t>(outputLeft, 1u << 30));
            stream.next_in = const_cast<Bytef *>(in);
            stream.avail_in = inChunk;
            stream.next_out = out;
            stream.avail_out = outChunk;
            status = inflate(&stream, Z_NO_FLUSH);
            const uInt used = inChunk - stream.avail_in, made = outChunk - stream.avail_out;
            in += used;
            inputLeft -= used;
            out += made;
            outputLeft -= made;
            if (status == Z_OK && used == 0 && made == 0)
                status = Z_BUF_ERROR; // no progress: more output than declared, or input cut off
        }
        inflateEnd(&stream);
        if (status != Z_STREAM_END || outputLeft != 0)
            fail(entry.name + ": its compressed data does not inflate to the declared " + std::to_string(entry.size) +
                 " bytes: the archive is corrupt");
        record.data = buffer.get();
        record.size = std::size_t(entry.size);
        record.owner = std::move(buffer);
#else
        fail(entry.name + " is compressed, and this build reads only stored entries (it has no zlib)");
#endif
    }
    // torch.save can be told to skip checksums (it then records 0); any other value is checked.
    if (entry.crc32 != 0 && crc32(record.data, record.size) != entry.crc32)
        fail(entry.name + ": CRC-32 mismatch: the archive is corrupt");
    return record;
}

} // namespace periscope
