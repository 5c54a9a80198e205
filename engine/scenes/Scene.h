// SPDX-License-Identifier: GPL-3.0-or-later
// CLEVR-like synthetic scenes (Johnson et al. 2017), no Qt: what a scene holds, how one is drawn
// from a seed, and its description in CLEVR's JSON schema (objects with shape, color, material,
// size, 3d_coords, pixel_coords, rotation; relationships left/right/front/behind as index
// lists) extended with each object's bounding box and visible pixel count, a "near" relation and
// captions. Rendering is in SceneRenderer.h.
#pragma once

#include "engine/core/json/Json.h"

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace periscope::scenes {

struct SceneObject {
    std::string shape;    // "sphere", "cube", "cylinder"
    std::string color;    // one of CLEVR's 8: gray red blue green brown purple cyan yellow
    std::string material; // "rubber" (matte) or "metal" (specular)
    std::string size;     // "large" or "small"
    double radius = 0.7;  // CLEVR's half-extent: 0.7 large, 0.35 small
    std::array<double, 3> position{};    // x, y on the ground plane, z = radius (resting on it)
    double rotation = 0.0;               // degrees about the vertical axis
    int support = -1;                    // the large cube this object rests on, -1 on the ground
    // Filled by the renderer:
    std::array<double, 3> pixelCoords{}; // x, y in pixels (origin top left), depth from the camera
    std::array<int, 4> box{};            // x, y, width, height of the visible pixels
    int visiblePixels = 0;
};

struct SceneCamera {
    std::array<double, 3> position{7.5, -7.5, 5.6}; // CLEVR's default camera, jittered
    std::array<double, 3> focus{0.0, 0.0, 0.0};
    double viewAngle = 37.8;                         // vertical field of view: CLEVR's 35 mm lens on a 24 mm frame height
};

struct SceneLight {
    std::array<double, 3> position{};
    double intensity = 1.0;
};

struct Scene {
    int index = 0;
    std::uint64_t seed = 0;
    int width = 320, height = 240;
    std::vector<SceneObject> objects;
    SceneCamera camera;
    std::array<SceneLight, 3> lights; // key, fill, back
    std::string imageFile, maskFile;  // file names beside the JSON
    double nearDistance = 1.5;        // "near": centres closer than this on the ground
    double touchDistance = 0.05;      // "touching": footprints closer than this

    // CLEVR's directions on the ground plane, from the camera: "behind" is away from it, "left"
    // to its left. Object j is in relationships["left"][i] when it is left of object i.
    std::array<double, 3> behindDirection() const;
    std::array<double, 3> leftDirection() const;
    // name -> one list per object of the indices related to it by name (left, right, front,
    // behind, near).
    std::vector<std::pair<std::string, std::vector<std::vector<int>>>> relationships() const;
    std::vector<std::string> captions(int count = 3) const;
    json::Value toJson() const;
};

struct SceneSettings {
    int minObjects = 3, maxObjects = 10;
    int width = 320, height = 240;
    double minDistance = 0.25;   // between object surfaces (CLEVR's min_dist)
    double margin = 0.4;         // along the left/right and front/behind axes (CLEVR's margin)
    int minVisiblePixels = 200;  // at 480 x 320 in CLEVR; scaled with the image area here
    double cameraJitter = 0.5, lightJitter = 1.0;
    double nearDistance = 1.5;   // "near": centres closer than this on the ground
    // Selective predicates (SceneRelations.h). Both 0 by default, which draws exactly the scenes
    // earlier versions drew from the same seed.
    double stackProbability = 0.0; // a small object is put on a free large cube
    double touchProbability = 0.0; // an object is placed touching one already on the ground
    double touchDistance = 0.05;   // footprints closer than this touch

    // Scenes for the Relations workspace: 3 to 6 objects, stacking and touching common, the
    // objects' footprints (not CLEVR's circles) kept apart.
    static SceneSettings forRelations();
    bool selectivePredicates() const { return stackProbability > 0.0 || touchProbability > 0.0; }
};

// CLEVR's palette, as the renderer draws it (sRGB 0-255).
const std::vector<std::pair<std::string, std::array<int, 3>>> &clevrColors();

// Draws the objects, camera and lights of scene `index` of a dataset with `seed` (the same pair
// gives the same scene everywhere). Objects keep their distance and CLEVR's margins; visibility
// is checked by the renderer, which asks for another draw (`attempt`) when an object is hidden.
Scene sampleScene(const SceneSettings &settings, std::uint64_t seed, int index, int attempt = 0);

} // namespace periscope::scenes
