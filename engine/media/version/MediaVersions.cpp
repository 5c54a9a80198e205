// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/media/version/MediaVersions.h"

#include <opencv2/core/version.hpp>

extern "C" {
#include <libavutil/avutil.h>
}

namespace periscope::media {

std::string openCvVersion()
{
    return CV_VERSION;
}

std::string ffmpegVersion()
{
    return av_version_info();
}

} // namespace periscope::media
