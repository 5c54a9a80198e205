// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace periscope::media {

// FFmpeg prints advice about the files it reads ("packed B-frames", "Consider using...") to
// stderr; only its errors are worth a user's attention. Called by the reader and the writer.
void quietFfmpegLogging();

// FFmpeg's text for an error code ("Invalid data found when processing input").
std::string ffmpegErrorText(int code);

} // namespace periscope::media
