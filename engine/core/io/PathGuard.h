// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace periscope {

// True when `candidate`, with symbolic links followed and "." / ".." resolved, lies inside
// `folder` (itself resolved the same way). A path found inside a file (a scene's image name, a
// project's photo) is used only when this holds: "/etc/shadow", "../../x" or a link out of the
// folder are refused, however the file spells them.
bool isInsideFolder(const std::filesystem::path &folder, const std::filesystem::path &candidate);

// A file's identity (device and inode): two names, links or spellings of one file compare equal.
struct FileIdentity {
    unsigned long long device = 0;
    unsigned long long inode = 0;
    bool operator==(const FileIdentity &other) const { return device == other.device && inode == other.inode; }
    bool operator<(const FileIdentity &other) const
    {
        return device != other.device ? device < other.device : inode < other.inode;
    }
};

// nullopt when nothing exists at `path` (symbolic links followed).
std::optional<FileIdentity> fileIdentity(const std::string &path);

} // namespace periscope
