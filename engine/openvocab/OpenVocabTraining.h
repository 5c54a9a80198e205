// SPDX-License-Identifier: GPL-3.0-or-later
// Trains the small dino.txt (SmallDinoTxt.h) on generated scenes, torch-free interface for the
// CLI: the recipe of Jose et al. (CVPR 2025) at this machine's scale. The Slots ViT stays frozen,
// so its tokens are computed once per image (and its mirror image: the captions name no sides).
// Each step pairs every image of a batch with one of its captions (SceneCaptions.h); the vision
// head and the text encoder learn with CLIP's symmetric contrastive loss and a learnable
// temperature, where every caption of the batch that holds for an image (captionClaims) is a
// positive of it: scenes of 3 to 10 objects share much of what a caption says.
//
// One addition to the paper's loss, because generated scenes come with masks and the paper's
// photos do not: a region term (regionWeight) that puts one object's mean patch token, and the
// floor's, against the captions' patch halves, a caption being about an object when one of its
// phrases names it and about the floor never. Without it the dense maps of this small model stay
// near chance (measured on the built-in recipe: validation prompt mIoU 0.09-0.16 over 20 epochs;
// with it 0.31 after one epoch and 0.50 after 40), because the floor, the same in every scene, is
// left free to resemble any prompt.
// AdamW, linear warm-up, cosine decay.
//
// After each epoch, on the held-out scenes: the loss, image-to-caption top-1 accuracy (the best
// caption holds for the image), and the open-vocabulary segmentation of the evaluation prompts
// (sceneEvaluationPromptGroups, each group on its own) scored against the scenes' masks as
// prompt mIoU, at the background threshold that scores best there (written into the model as
// its suggestion). Weights + JSON sidecar after every epoch, a checkpoint to resume from;
// cancellable.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/core/json/Json.h"
#include "engine/scenes/SceneFolder.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace periscope::openvocab {

struct OpenVocabTrainingSample {
    Image image;                                      // 8-bit RGB
    Image mask;                                       // instance ids (0 background), or null
    std::vector<scenes::SceneObjectAttributes> objects; // their attributes (maskId = value in the mask)
};

struct OpenVocabTrainingSettings {
    std::string backbonePath;     // the Slots model (safetensors)
    std::string backboneName;     // what the weights will name as their backbone (a built-in name or the file's name)
    std::string outPath;          // OUT.safetensors; OUT.json beside with the summary
    int epochs = 40;
    int batchSize = 64;
    double learningRate = 2e-3;
    double weightDecay = 0.05;
    double warmupFraction = 0.1;
    int headBlocks = 2;           // dino.txt's vision head has two
    int textWidth = 128;          // 64-wide heads, as dino.txt's
    int textLayers = 3;
    int context = 24;             // words + start + end
    int captionsPerImage = 24;
    double validationFraction = 0.1;
    // Weight of the region term (0: dino.txt's loss only): with the scenes' masks, one object's
    // mean patch token and the floor's against the captions' patch halves (OpenVocabTraining.cpp).
    double regionWeight = 1.0;
    std::uint64_t seed = 0;
    bool resume = false;          // continue from OUT.checkpoint.* (written after every epoch)
};

struct OpenVocabEpoch {
    int epoch = 0;
    double trainLoss = 0.0;
    double validationLoss = 0.0;
    double validationAccuracy = 0.0; // image -> caption top-1 among the validation captions
    double validationMiou = -1.0;    // prompt mIoU on the validation masks (-1: none)
    double background = 0.0;         // the threshold it was measured at
    double logitScale = 0.0;         // exp(logit_scale)
    double learningRate = 0.0;
    double seconds = 0.0;
};

struct OpenVocabTrainingSummary {
    std::vector<OpenVocabEpoch> epochs;
    std::int64_t trainCount = 0, validationCount = 0, parameters = 0, words = 0;
    double seconds = 0.0;
    json::Value toJson() const;
};

// Throws periscope::Error on bad settings or samples, CancelledError when cancelled (the last
// finished epoch's weights stay on disk).
OpenVocabTrainingSummary trainOpenVocab(const std::vector<OpenVocabTrainingSample> &samples, const OpenVocabTrainingSettings &settings,
                                        const JobControl &job = {}, const std::function<void(const OpenVocabEpoch &)> &onEpoch = {});

// Each prompt's true pixels in a scene image, for the trainer and the CLI's scene report: the
// mask pixels of the objects whose attributes the prompt names (ScenePrompts.h; a prompt that
// names none selects nothing), the mask resized to mapWidth x mapHeight (nearest).
std::vector<std::vector<bool>> promptTruth(const std::vector<std::string> &prompts, const Image &mask,
                                           const std::vector<scenes::SceneObjectAttributes> &objects, int mapWidth, int mapHeight);

} // namespace periscope::openvocab
