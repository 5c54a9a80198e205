// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace periscope {

// True when `candidate`, with symbolic links followed and "." / ".." resolved, lies inside
// `folder` (itself resolved the same way). A path found inside a file (a scene's image name, a
// project's photo) is used only when this holds: "/etc/shadow", "../../x" or a link out of the
// folder are refused, however the file spells them.
bool isInsideFolder(const std::filesystem::path &folder, const std::filesystem::path &candidate);

} // namespace periscope
