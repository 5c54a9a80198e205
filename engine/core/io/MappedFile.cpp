// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/io/MappedFile.h"

#include "engine/core/errors/Error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <climits>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace periscope {

std::string describeFileType(unsigned mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISREG(mode))
        return "a regular file";
    return "not a regular file";
}

std::shared_ptr<MappedFile> MappedFile::open(const std::string &path)
{
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. It
    // changes nothing for a regular file, and anything else is refused right after.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        throw Error(path + ": cannot open (" + std::strerror(errno) + ")");
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        throw Error(path + ": is " + describeFileType(info.st_mode) + ", not a regular file");
    }
    std::shared_ptr<MappedFile> file(new MappedFile);
    file->m_path = path;
    file->m_size = std::size_t(info.st_size);
    if (file->m_size > 0) {
        void *address = ::mmap(nullptr, file->m_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        if (address == MAP_FAILED) {
            const int error = errno;
            ::close(fd);
            throw Error(path + ": cannot map into memory (" + std::strerror(error) + ")");
        }
        file->m_data = static_cast<std::uint8_t *>(address);
    }
    ::close(fd);
    return file;
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(m_data, m_size);
}

void checkOutputPath(const std::string &path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode))
        throw Error(path + ": is " + describeFileType(info.st_mode) +
                    "; an output may only replace a regular file (nothing was written)");
}

void writeFileAtomically(const std::string &path, const void *data, std::size_t size)
{
    // Renaming over a device node, a FIFO or a folder would replace it, not write into it.
    checkOutputPath(path);
    // The temporary file sits beside the target so that the rename is atomic. Its name is the
    // target's plus a suffix, unless that would pass NAME_MAX; then a short name in that folder.
    const std::size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string temporary = base.size() + 8 <= NAME_MAX ? path + ".XXXXXX" : folder + ".periscope-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
        throw Error(path + ": cannot create a temporary file next to it (" + std::strerror(errno) + ")");
    const auto *bytes = static_cast<const std::uint8_t *>(data);
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd, bytes + written, size - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            throw Error(path + ": write failed (" + std::strerror(error) + ")");
        }
        written += std::size_t(n);
    }
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0 || ::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        throw Error(path + ": cannot finish writing (" + std::strerror(error) + ")");
    }
}

} // namespace periscope
