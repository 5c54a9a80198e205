// SPDX-License-Identifier: GPL-3.0-or-later
// Captions of generated scenes for training the small dino.txt (OpenVocabTraining.h): phrases
// about the objects' attributes, as a person would describe a scene to find things in it.
//
//   one object, some of its attributes:  "a large red metal sphere", "a red sphere", "a metal object"
//   a group that shares attributes:      "two red objects", "metal cubes", "three small spheres"
//   the shapes counted:                  "two cubes and a cylinder"
//   two phrases joined:                  "a cyan cube and two metal spheres"
//
// Every phrase is true of the scene; counted phrases count every object that fits. CLEVR's
// synonyms (ball, block, shiny, matte, big, tiny, grey) stand in now and then, so that the
// encoder learns them too. Plain strings: no torch, no Qt.
#pragma once

#include "engine/openvocab/ScenePrompts.h"
#include "engine/scenes/SceneFolder.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace periscope::openvocab {

// `count` different captions when the scene allows as many (fewer otherwise), drawn with `random`.
std::vector<std::string> sceneCaptions(const std::vector<scenes::SceneObjectAttributes> &objects, int count, std::mt19937_64 &random);

// What a caption says about a scene, phrase by phrase: the objects a phrase names and how many
// ("two red cubes": exactly 2; "red cubes", "a red cube": at least one). The trainer counts an
// image and a caption as a positive pair when the caption holds for the image, so that captions
// true of several images in a batch do not push those images apart.
struct CaptionClaim {
    AttributeQuery query;
    int count = -1; // -1: at least one
};
// The claims of a caption sceneCaptions writes (phrases joined by "and" or commas, each an
// optional number or article and then a prompt parseScenePrompt reads); nothing when a phrase
// cannot be read.
std::optional<std::vector<CaptionClaim>> captionClaims(const std::string &caption);
bool claimsHold(const std::vector<CaptionClaim> &claims, const std::vector<scenes::SceneObjectAttributes> &objects);

// The prompts the small model is scored with, in groups that exclude each other (each group is
// segmented on its own, as a semantic segmentation's classes): the 8 colours ("red objects"), the
// 3 shapes ("spheres"), the 2 materials ("metal objects") and the 2 sizes ("small objects").
std::vector<std::vector<std::string>> sceneEvaluationPromptGroups();

} // namespace periscope::openvocab
