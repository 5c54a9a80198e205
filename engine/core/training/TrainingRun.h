// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
//
// What every trainer does around runTraining (TrainingLoop.h): a seeded train/validation split,
// and after each epoch the weights written for use (OUT.safetensors, plain parameter names) with
// a JSON sidecar beside them (OUT.json: architecture, settings, metrics), the resumable checkpoint
// going to OUT.checkpoint.* (TrainingCheckpoint.h).
#pragma once

#include "engine/core/json/Json.h"
#include "engine/core/weights/Safetensors.h"

#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace periscope {

struct DataSplit {
    std::vector<std::size_t> train;
    std::vector<std::size_t> validation; // the training items themselves when none are held out
    std::size_t heldOut = 0;             // how many items validation really holds out
};

// Shuffles 0..count-1 with std::mt19937_64(seed) and holds out floor(fraction * count) items
// (at most count - 1) for validation.
DataSplit seededSplit(std::size_t count, double validationFraction, std::uint64_t seed);

// OUT.checkpoint: the stem of the resumable checkpoint beside OUT.safetensors.
std::string checkpointStemFor(const std::string &weightsPath);
// OUT.json: the sidecar beside OUT.safetensors.
std::string sidecarPathFor(const std::string &weightsPath);

// Writes the module's parameters and buffers to `weightsPath` (safetensors with `metadata`) and
// `sidecar` to the same path with the suffix .json, both atomically.
void writeWeightsAndSidecar(const std::string &weightsPath, const torch::nn::Module &module, const Metadata &metadata,
                            const json::Value &sidecar);
// The sidecar alone (the weights on disk stay), atomically.
void writeSidecar(const std::string &weightsPath, const json::Value &sidecar);
// The sidecar beside `weightsPath`; nullopt when there is none or it is not one of ours to read: not
// a regular file (never blocks on a FIFO), over 16 MiB, or not JSON (weights from elsewhere).
std::optional<json::Value> readSidecar(const std::string &weightsPath);

} // namespace periscope
