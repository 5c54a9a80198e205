// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a folder of scenes: ours (generateDataset: images/, masks/, scenes.json) or the real
// CLEVR (CLEVR_v1.0: images/<split>/*.png and scenes/CLEVR_<split>_scenes.json, no masks). Only
// the scene JSON is parsed here; images are decoded by whoever needs their pixels. Without masks
// the evaluation that needs them is disabled, and `note` says so.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/scenes/SceneRelations.h"

#include <array>

#include <string>
#include <vector>

namespace periscope::scenes {

struct SceneObjectAttributes {
    std::string shape, color, material, size;
    int maskId = 0; // the object's value in the instance mask (index + 1), 0 when there are no masks
    std::array<int, 4> box{};            // x, y, width, height of its visible pixels; all 0 when the JSON has none (CLEVR's)
    std::array<double, 3> position{};    // 3d_coords
    double rotation = 0.0;
    int support = -1;                    // the object it rests on (scenes generated with --relations)
    std::string describe() const; // "large red metal sphere"
};

struct SceneEntry {
    std::string name;      // the image's file name without extension
    std::string imagePath; // absolute
    std::string maskPath;  // absolute; empty when the folder has no masks
    std::vector<SceneObjectAttributes> objects;
    int width = 0, height = 0;         // from the JSON; 0 when it does not say
    // The scene's relations (SceneRelations.h): from its JSON's "triplets", or, for scenes
    // written before they were, decided from its 3-D layout as the generator decides them.
    std::vector<SceneTriplet> triplets;
};

struct SceneFolder {
    std::string root;
    std::string kind;           // "periscope" (generated here) or "clevr" (scene JSON of CLEVR's)
    std::vector<SceneEntry> scenes;
    bool hasMasks = false;      // every scene has its instance mask
    std::string note;           // what is missing and what that disables; empty when nothing is

    // The object attributes CLEVR's questions are about, in a fixed order.
    static const std::vector<std::string> &shapes();
    static const std::vector<std::string> &colors();
    static const std::vector<std::string> &materials();
    static const std::vector<std::string> &sizes();
};

// Finds the scene JSON (scenes.json, or scenes/*_scenes.json, or scenes/*.json one per scene),
// matches each scene's image (and mask) to a file, and skips scenes whose image is missing
// (counted in the note). `split` picks a CLEVR split when several are present ("val" first by
// default). Throws periscope::Error with a one-line reason when the folder holds no scenes.
SceneFolder readSceneFolder(const std::string &folder, const std::string &split = {}, const JobControl &job = {});

} // namespace periscope::scenes
