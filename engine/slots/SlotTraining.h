// SPDX-License-Identifier: GPL-3.0-or-later
// Self-supervised training of the object-centric model (ICLR-W 2022), torch-free interface for
// the CLI and the workspace. Two augmented views of every image (random resized crop, scale
// 0.3-1; horizontal flip; colour jitter: saturation, brightness, contrast), the global NT-Xent
// loss on the global projections and the Hungarian-matched object loss on the slot projections,
// AdamW with linear warm-up and cosine decay. After each epoch: validation loss on fixed views,
// and where validation images have instance masks, the slot masks' mean IoU and foreground ARI.
// Weights + JSON sidecar after every epoch, a resumable checkpoint, cancellable.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/core/json/Json.h"
#include "engine/slots/SlotModel.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace periscope::slot {

struct SlotTrainingSample {
    Image image;
    Image mask; // optional instance mask (0 background), same size as the image
};

struct SlotTrainingSettings {
    ArchOptions architecture = smallArchitecture();
    int epochs = 30;
    int batchSize = 32;
    double learningRate = 7e-4;
    double weightDecay = 1e-3;
    double warmupFraction = 0.2;    // of all steps: linear warm-up, then cosine to 0
    double globalWeight = 1.0;
    double objectWeight = 1.0;
    double globalTemperature = 0.1;
    double objectTemperature = 0.1;
    std::string objectLoss = "ctr_img"; // ctr_img, ctr_all or sim_img (SlotLosses.h)
    double validationFraction = 0.1;
    std::uint64_t seed = 0;
    std::string outPath;  // weights (.safetensors); OUT.json beside; OUT.checkpoint.* to resume
    bool resume = false;
    std::string initWeights; // start from these weights instead of random ones
};

// "small": 64 px, 30 epochs of batches of 32, for 2 CPU cores in minutes. "paper": 128 px, batch
// 64, 50 epochs (10 warm-up), as the paper trains on a GPU. Throws Error for another name.
SlotTrainingSettings trainingPreset(const std::string &name);

struct SlotEpoch {
    int epoch = 0;
    double trainLoss = 0.0;
    double globalLoss = 0.0;
    double objectLoss = 0.0;
    double validationLoss = 0.0;
    double validationIoU = -1.0; // -1: no validation masks
    double validationAri = -1.0;
    double learningRate = 0.0;
    double seconds = 0.0;
};

struct SlotTrainingSummary {
    std::vector<SlotEpoch> epochs;
    std::int64_t trainCount = 0, validationCount = 0, parameters = 0;
    double initialIoU = -1.0, initialAri = -1.0; // the untrained model on the validation masks
    double seconds = 0.0;
    json::Value toJson() const;
};

// Throws periscope::Error on bad settings or images, CancelledError when cancelled (the last
// finished epoch's weights and a checkpoint stay on disk).
SlotTrainingSummary trainSlots(const std::vector<SlotTrainingSample> &samples, const SlotTrainingSettings &settings,
                               const JobControl &job = {}, const std::function<void(const SlotEpoch &)> &onEpoch = {});

} // namespace periscope::slot
