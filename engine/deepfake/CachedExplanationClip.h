// SPDX-License-Identifier: GPL-3.0-or-later
// The annotated clip of what the DeepFake workspace has explained (no torch in this header): every
// frame the explanation cache holds, in order, drawn as writeExplanationClip draws them
// (ExplanationClip.h: heatmap blended by value on one scale for the whole clip, face box green or
// red by the score, the score strip with a mark at the frame), one frame in memory at a time.
#pragma once

#include "engine/core/jobs/JobControl.h"

#include <string>

namespace periscope::deepfake {

class ExplanationCache;

// `out`: .mp4 (H.264 where FFmpeg has it) or any container VideoWriter writes, at the video's frame
// rate. Throws periscope::Error (nothing explained yet, an unreadable video, an unwritable file);
// cancellable between frames, and a cancelled clip leaves no file.
void writeCachedExplanationClip(const ExplanationCache &cache, const std::string &video, const std::string &out,
                                const JobControl &control = {});

} // namespace periscope::deepfake
