// SPDX-License-Identifier: GPL-3.0-or-later
// Fake videos with ground-truth masks made from real ones (the DFDC and DFD sets are not on this
// machine): every frame's face self-blended (SelfBlend.h) with parameters drifting smoothly over
// the video, or swapped with another video's face (Poisson cloning), written in the DFDC layout: real/<name>, fake/<name>.mp4, masks/<name>/<frame>.png
// (8-bit, lossless, frame-aligned with the fake) and metadata.json ({"fake/x.mp4": {"label":
// "FAKE", "original": "real/x.avi", "mask": "masks/x", "boxes": "boxes/x.json"}, "real/x.avi":
// {"label": "REAL", "boxes": "boxes/x.json"}}); boxes/x.json holds the face box of every frame
// (the fake's are its original's), so training and explaining need not find the faces again.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/core/json/Json.h"

#include <cstdint>
#include <string>
#include <vector>

namespace periscope::deepfake {

struct FakeVideoRequest {
    std::string input;        // a real video
    std::string outFolder;    // gets real/, fake/, masks/
    std::uint64_t seed = 1;   // the blend parameters' trajectory
    std::int64_t maxFrames = 0; // 0: every frame
    // Face boxes ({"frames": [{"index", "face_box"}]}, as for the metrics) instead of detecting
    // faces with the Haar cascade and the tracker; frames without a box are left real.
    std::string boxes;
    int minFace = 40;         // the smallest face the detector looks for, in pixels
    std::string source;       // a swap's second video, whose face goes into input's
    std::string sourceBoxes;  // its face boxes (as `boxes`); empty: found with the cascade and the tracker
};

struct FakeVideoResult {
    std::string real, fake, masks, boxes; // relative to outFolder
    std::string kind = "self-blend";      // or "swap"
    std::string source;                   // a swap's face source (real/...), relative to outFolder
    std::int64_t frames = 0;
    std::int64_t framesWithFace = 0;
};

// Makes one fake. Throws periscope::Error with a one-line reason; cancellable between frames.
FakeVideoResult makeSelfBlendedFake(const FakeVideoRequest &request, const JobControl &control = {});

// A cross-identity swap: in every frame of `input` with a face, the face of `source` (its frame at
// the same index, the source played again when shorter) resampled onto it and pasted by Poisson
// cloning (SeamlessClone.h) inside an ellipse on the face. Written as fake/<input>_<source>.mp4
// with masks/<input>_<source>/ non-zero exactly where a pixel changed, and both originals in real/.
FakeVideoResult makeSwappedFake(const FakeVideoRequest &request, const JobControl &control = {});

// Writes (atomically) outFolder/metadata.json for the fakes made there.
void writeFakesMetadata(const std::string &outFolder, const std::vector<FakeVideoResult> &results);

} // namespace periscope::deepfake
