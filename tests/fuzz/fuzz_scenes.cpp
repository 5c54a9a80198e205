// SPDX-License-Identifier: GPL-3.0-or-later
// A scene folder's scenes.json, read as `slots`, `scenes` and the Slots workspace do: the JSON,
// each scene's objects, and the image and mask names matched to files (which must stay inside
// the folder). The folder holds two real files the names can hit.
#include "FuzzSupport.h"

#include "engine/scenes/SceneFolder.h"

#include <filesystem>
#include <fstream>

namespace {
std::string sceneFolder()
{
    static const std::string folder = [] {
        const std::filesystem::path root = "/tmp/periscope-fuzz-scenes-" + std::to_string(::getpid());
        std::filesystem::create_directories(root / "images");
        std::filesystem::create_directories(root / "masks");
        for (const char *name : {"images/CLEVR_test_000000.png", "masks/CLEVR_test_000000.png"})
            std::ofstream(root / name, std::ios::binary) << "\x89PNG\r\n\x1a\n";
        return root.string();
    }();
    return folder;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string folder = sceneFolder();
    {
        std::ofstream out(folder + "/scenes.json", std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char *>(data), std::streamsize(size));
    }
    periscope::fuzz::expectOnlyOurErrors([&] {
        const periscope::scenes::SceneFolder scenes = periscope::scenes::readSceneFolder(folder);
        for (const periscope::scenes::SceneEntry &scene : scenes.scenes)
            for (const periscope::scenes::SceneObjectAttributes &object : scene.objects)
                (void)object.describe();
    });
    return 0;
}
