// SPDX-License-Identifier: GPL-3.0-or-later
// Renders synthetic scenes with VTK offscreen (no Qt): the photo-like RGB image under a key, fill
// and back light, with matte rubber and specular metal, and an instance mask drawn in a second,
// unlit pass (object i has id i + 1, the ground and sky 0). Debian's VTK renders through GLX, so
// an X server must be reachable (the CLI starts a private Xvfb when DISPLAY is unset).
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/scenes/Scene.h"

#include <memory>
#include <string>
#include <vector>

namespace periscope::scenes {

struct RenderedScene {
    Image rgb;  // 8-bit RGB
    Image mask; // 8-bit, one channel: 0 background, i + 1 object i
};

class SceneRenderer {
public:
    SceneRenderer();
    ~SceneRenderer();
    SceneRenderer(const SceneRenderer &) = delete;
    SceneRenderer &operator=(const SceneRenderer &) = delete;

    // Draws `scene` and fills each object's pixel coordinates, box and visible pixel count.
    RenderedScene render(Scene &scene);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Scene `index` of the dataset `seed`: drawn again (a new attempt) until every object shows at
// least the settings' visible pixel count (scaled from CLEVR's 480 x 320 to the image's area).
Scene generateScene(SceneRenderer &renderer, const SceneSettings &settings, std::uint64_t seed, int index, RenderedScene *rendered);

struct DatasetSummary {
    int scenes = 0, objects = 0;
    double seconds = 0.0;
    json::Value toJson() const;
};

// Writes `count` scenes to `folder`: images/NAME.png, masks/NAME.png, scenes/NAME.json (NAME =
// CLEVR_periscope_000000, ...), scenes.json with all of them in CLEVR's aggregate format, and
// manifest.json (seed, size, settings, files). Progress and cancel through `job`.
DatasetSummary generateDataset(const std::string &folder, int count, std::uint64_t seed, const SceneSettings &settings, const JobControl &job = {});

// The two halves of generateDataset, for a dataset made by several processes (one shard each):
// renderScenes writes the scenes `indices` (of `count`) to images/, masks/ and scenes/ and returns
// their descriptions; writeDatasetIndex writes scenes.json and manifest.json over all `count`
// descriptions, in index order. The files are those generateDataset writes.
std::vector<json::Value> renderScenes(const std::string &folder, int count, std::uint64_t seed, const SceneSettings &settings,
                                      const std::vector<int> &indices, const JobControl &job = {});
DatasetSummary writeDatasetIndex(const std::string &folder, std::uint64_t seed, const SceneSettings &settings,
                                 const std::vector<json::Value> &descriptions);

// The VTK the renderer runs on ("9.1.0"), for the version reports of the workbench and the CLI.
std::string vtkVersion();

} // namespace periscope::scenes
