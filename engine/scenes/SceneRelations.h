// SPDX-License-Identifier: GPL-3.0-or-later
// Visual relations of a synthetic scene, decided from its 3-D layout, for the Relations workspace.
// CLEVR's left/right/front/behind hold in every scene with two objects, so an image-level label
// built from them says nothing; these predicates are absent from many scenes:
//   on            the subject rests on the object (a small object on a large cube)
//   touching      footprints on the ground closer than Scene::touchDistance, or one on
//                 the other (symmetric)
//   near          centres closer than Scene::nearDistance and not touching (symmetric)
//   same_color, same_shape, same_material                                  (symmetric)
//   larger_than   the subject is large, the object small
// A symmetric predicate gives a triplet in each direction. An object's footprint is what it
// covers of the ground: a circle for spheres and cylinders, the turned square of a cube.
#pragma once

#include "engine/scenes/Scene.h"

#include <string>
#include <vector>

namespace periscope::scenes {

struct SceneTriplet {
    int subject = 0;
    int predicate = 0; // index into scenePredicates()
    int object = 0;
};

// The predicates above, in this order.
const std::vector<std::string> &scenePredicates();
// The object categories of relation scenes: the shape ("sphere", "cube", "cylinder").
const std::vector<std::string> &sceneObjectCategories();

// Signed distance between the footprints of two objects on the ground: the gap between them,
// negative when they overlap. Objects' heights are not considered.
double footprintGap(const SceneObject &a, const SceneObject &b);

// Every (subject, predicate, object) that holds in `scene`, ordered by subject, predicate, object.
std::vector<SceneTriplet> sceneTriplets(const Scene &scene);

// The predicates present in `scene` (the image-level label), as a 0/1 vector over
// scenePredicates().
std::vector<int> presentPredicates(const std::vector<SceneTriplet> &triplets);

} // namespace periscope::scenes
