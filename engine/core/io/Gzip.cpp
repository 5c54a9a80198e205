// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/io/Gzip.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"

#include <algorithm>

#ifdef PERISCOPE_WITH_ZLIB
#include <zlib.h>
#endif

namespace periscope {

namespace {
bool isGzip(const MappedFile &file)
{
    return file.size() >= 2 && file.data()[0] == 0x1f && file.data()[1] == 0x8b;
}

std::string sizeText(std::size_t bytes)
{
    return std::to_string(bytes) + " bytes";
}
} // namespace

std::string readMaybeGzippedFile(const std::string &path, std::size_t maxBytes)
{
    const std::shared_ptr<MappedFile> file = MappedFile::open(path);
    if (!isGzip(*file)) {
        if (file->size() > maxBytes)
            throw Error(path + " is larger than the " + sizeText(maxBytes) + " it may be");
        return std::string(reinterpret_cast<const char *>(file->data()), file->size());
    }
#ifdef PERISCOPE_WITH_ZLIB
    z_stream stream{};
    // 16 + MAX_WBITS: a gzip header and trailer around the deflate stream, its CRC checked.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        throw Error(path + ": cannot start inflating");
    std::string out;
    const std::uint8_t *in = file->data();
    std::size_t inputLeft = file->size();
    int status = Z_OK;
    char chunk[1 << 16];
    while (status == Z_OK) {
        const uInt inChunk = uInt(std::min<std::size_t>(inputLeft, 1u << 30));
        stream.next_in = const_cast<Bytef *>(in);
        stream.avail_in = inChunk;
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        status = inflate(&stream, Z_NO_FLUSH);
        const std::size_t used = inChunk - stream.avail_in, made = sizeof chunk - stream.avail_out;
        in += used;
        inputLeft -= used;
        if (out.size() + made > maxBytes) {
            inflateEnd(&stream);
            throw Error(path + " inflates to more than the " + sizeText(maxBytes) + " it may be");
        }
        out.append(chunk, made);
        if (status == Z_OK && used == 0 && made == 0)
            status = Z_BUF_ERROR; // no progress: the stream is cut off
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        throw Error(path + " is not a valid gzip file (" + (status == Z_BUF_ERROR ? "cut off" : "corrupt data") + ")");
    return out;
#else
    throw Error(path + " is gzip-compressed, and this build has no zlib: give it uncompressed (gunzip it)");
#endif
}

} // namespace periscope
