// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace periscope::media {

std::string openCvVersion();  // "4.6.0"
std::string ffmpegVersion();  // FFmpeg's own version string, e.g. "5.1.6-0+deb12u1"

} // namespace periscope::media
