// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/io/PathGuard.h"

#include <sys/stat.h>

namespace periscope {

std::optional<FileIdentity> fileIdentity(const std::string &path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return std::nullopt;
    return FileIdentity{static_cast<unsigned long long>(info.st_dev), static_cast<unsigned long long>(info.st_ino)};
}

bool isInsideFolder(const std::filesystem::path &folder, const std::filesystem::path &candidate)
{
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path root = fs::weakly_canonical(fs::absolute(folder, error), error);
    if (error)
        return false;
    const fs::path resolved = fs::weakly_canonical(fs::absolute(candidate, error), error);
    if (error)
        return false;
    // Component by component: "/data/scenes-old" is not inside "/data/scenes".
    auto r = root.begin(), c = resolved.begin();
    for (; r != root.end(); ++r, ++c) {
        if (r->empty()) // a trailing separator
            continue;
        if (c == resolved.end() || *r != *c)
            return false;
    }
    return true;
}

} // namespace periscope
