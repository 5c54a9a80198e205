// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/video/FfmpegLog.h"

extern "C" {
#include <libavutil/log.h>
}

#include <mutex>

namespace periscope::media {

void quietFfmpegLogging()
{
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_ERROR); });
}

} // namespace periscope::media
