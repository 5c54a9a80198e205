// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/DisplayProbe.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace periscope::app {

namespace {

bool connectUnix(const QByteArray &path, bool abstractName)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const int offset = abstractName ? 1 : 0; // an abstract name starts with a NUL byte
    if (std::size_t(path.size()) + std::size_t(offset) >= sizeof address.sun_path) {
        ::close(fd);
        return false;
    }
    std::memcpy(address.sun_path + offset, path.constData(), std::size_t(path.size()));
    const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + std::size_t(offset) + std::size_t(path.size()));
    const bool ok = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), length) == 0;
    ::close(fd);
    return ok;
}

bool connectTcp(const QByteArray &host, int port, int timeoutMs)
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (::getaddrinfo(host.constData(), QByteArray::number(port).constData(), &hints, &found) != 0)
        return false;
    bool ok = false;
    for (addrinfo *a = found; a && !ok; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0)
            continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            ok = true;
        } else if (errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            int error = 0;
            socklen_t size = sizeof error;
            ok = ::poll(&p, 1, timeoutMs) == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
        }
        ::close(fd);
    }
    ::freeaddrinfo(found);
    return ok;
}

} // namespace

bool x11DisplayAnswers(const QString &display)
{
    // [host]:number[.screen]
    const qsizetype colon = display.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    const QString host = display.left(colon);
    bool numeric = false;
    const int number = display.mid(colon + 1).section(QLatin1Char('.'), 0, 0).toInt(&numeric);
    if (!numeric || number < 0 || number > 65535 - 6000)
        return false;
    if (host.isEmpty() || host == QLatin1String("unix")) {
        const QByteArray socket = "/tmp/.X11-unix/X" + QByteArray::number(number);
        return connectUnix(socket, false) || connectUnix(socket, true);
    }
    return connectTcp(host.toLocal8Bit(), 6000 + number, 1000);
}

bool displayIsStale()
{
    if (!qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") || qEnvironmentVariableIsEmpty("DISPLAY"))
        return false;
    return !x11DisplayAnswers(qEnvironmentVariable("DISPLAY"));
}

} // namespace periscope::app
