// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files and tests.
//
// Training the DeepFake clip detector (MViT-v2 with one logit, ClipDetector.h) on runs of
// consecutive face crops of real and fake videos, with the same regulariser as the frame detector
// (DetectorTraining.h): the spatial total variation of the detector's Grad-CAM map in each frame
// slice and the temporal total variation between consecutive slices, with the map's graph kept.
// Validation scores non-overlapping clips of each video and measures Grad-CAM's smoothness at crop
// size, frame by frame, as the paper does.
#pragma once

#include "engine/core/models/MViT.h"
#include "engine/deepfake/DetectorTraining.h"

#include <torch/torch.h>

#include <utility>

namespace periscope::deepfake {

// Grad-CAM of each clip's logit on the last block's input tokens, [N, t, h, w] at the token grid,
// and the logits [N]. With the graph kept (create_graph) when `trainable`, so a loss on the map
// trains the network.
std::pair<torch::Tensor, torch::Tensor> clipGradCam(MViT &network, const torch::Tensor &clips, bool trainable);

// Runs of crops (uint8, or float in [0, 1], [3, S, S] each) -> clips [R, 3, T, S, S] normalised
// as the network expects.
torch::Tensor clipsOf(const torch::Tensor &crops, const std::vector<std::vector<std::int64_t>> &runs);

// Measures `network` (evaluation mode) on the non-overlapping clips of the crops' videos. Throws
// periscope::Error when no video has a full clip.
DetectorValidation validateClipDetector(MViT &network, const CropSet &crops);

// Trains `network` in place (moved to settings.device) on overlapping runs of the training crops;
// settings.batchPairs clips a step. Throws periscope::Error for crops of another size than the
// network's, or sets that cannot train (fewer than two clips, one class only).
DetectorTrainingSummary trainClipDetector(MViT &network, const CropSet &train, const CropSet &validation,
                                          const DetectorTrainingSettings &settings,
                                          const std::function<void(const DetectorValidation &)> &onValidation = {},
                                          const JobControl &control = {});

} // namespace periscope::deepfake
