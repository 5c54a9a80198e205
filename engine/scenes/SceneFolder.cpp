// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/scenes/SceneFolder.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/PathGuard.h"
#include "engine/core/json/Json.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace periscope::scenes {

namespace {

json::Value readJsonFile(const fs::path &path)
{
    return json::readJsonFile(path.string());
}

std::string stringField(const json::Value &object, const char *key)
{
    const json::Value *v = object.find(key);
    return v && v->isString() ? v->asString() : std::string();
}

double numberField(const json::Value &object, const char *key, double fallback)
{
    const json::Value *v = object.find(key);
    return v && v->isNumber() && std::isfinite(v->asNumber()) ? v->asNumber() : fallback;
}

// A JSON array of N numbers into `out`; left as it is when the field is missing or malformed.
template <typename T, std::size_t N>
void readNumbers(const json::Value &object, const char *key, std::array<T, N> &out)
{
    const json::Value *v = object.find(key);
    if (!v || !v->isArray() || v->asArray().size() != N)
        return;
    std::array<T, N> values{};
    for (std::size_t i = 0; i < N; ++i) {
        const json::Value &x = v->asArray()[i];
        if (!x.isNumber() || !std::isfinite(x.asNumber()) || std::abs(x.asNumber()) > 1e9)
            return;
        values[i] = T(x.asNumber());
    }
    out = values;
}

// The scene's triplets: as listed (names and indices checked), or decided from the layout when
// the JSON predates them and has 3-D coordinates.
std::vector<SceneTriplet> readTriplets(const json::Value &scene, const std::vector<SceneObjectAttributes> &objects)
{
    const int n = int(objects.size());
    std::vector<SceneTriplet> out;
    if (const json::Value *list = scene.find("triplets"); list && list->isArray()) {
        const std::vector<std::string> &names = scenePredicates();
        for (const json::Value &t : list->asArray()) {
            const int s = int(numberField(t, "subject", -1.0)), o = int(numberField(t, "object", -1.0));
            const auto p = std::find(names.begin(), names.end(), stringField(t, "predicate"));
            if (s >= 0 && s < n && o >= 0 && o < n && s != o && p != names.end())
                out.push_back({s, int(p - names.begin()), o});
        }
        return out;
    }
    const json::Value *list = scene.find("objects");
    if (n == 0 || !list || !list->isArray() || list->asArray().empty() || !list->asArray().front().isObject() ||
        !list->asArray().front().find("3d_coords"))
        return out; // CLEVR's own scenes have coordinates; a bare list of attributes has nothing to decide from
    Scene layout;
    for (const SceneObjectAttributes &a : objects) {
        SceneObject o;
        o.shape = a.shape;
        o.color = a.color;
        o.material = a.material;
        o.size = a.size;
        o.radius = (a.size == "large" ? 0.7 : 0.35) / (a.shape == "cube" ? std::sqrt(2.0) : 1.0);
        o.position = a.position;
        o.rotation = a.rotation;
        o.support = a.support >= 0 && a.support < n ? a.support : -1;
        layout.objects.push_back(o);
    }
    return sceneTriplets(layout);
}

// Where a scene's file lies: beside the folder's images/ (ours), in images/<split>/ (CLEVR), or
// as given relative to the root; never outside the root (a name from the JSON is data: an
// absolute path or "../" would otherwise reach any file). `outside` is set when only a place
// outside the folder would have matched.
fs::path locate(const fs::path &root, const std::string &sub, const std::string &split, const std::string &file, bool *outside)
{
    for (const fs::path &candidate : {root / sub / file, root / sub / split / file, root / file}) {
        if (file.empty() || !fs::is_regular_file(candidate))
            continue;
        if (!isInsideFolder(root, candidate)) {
            *outside = true;
            continue;
        }
        return fs::absolute(candidate);
    }
    return {};
}

void addScenes(const json::Value &list, const fs::path &root, const std::string &fallbackSplit, SceneFolder &folder, int &missingImages,
               int &missingMasks, std::string &outsidePath, const JobControl &job)
{
    const auto &scenes = list.asArray();
    for (std::size_t i = 0; i < scenes.size(); ++i) {
        if (i % 256 == 0)
            job.throwIfCancelled();
        const json::Value &scene = scenes[i];
        if (!scene.isObject())
            continue;
        const std::string imageFile = stringField(scene, "image_filename");
        const std::string split = stringField(scene, "split").empty() ? fallbackSplit : stringField(scene, "split");
        SceneEntry entry;
        entry.name = fs::path(imageFile).stem().string();
        bool outside = false;
        const fs::path image = locate(root, "images", split, imageFile, &outside);
        if (outside && outsidePath.empty())
            outsidePath = imageFile;
        if (image.empty()) {
            ++missingImages;
            continue;
        }
        entry.imagePath = image.string();
        const std::string maskFile = stringField(scene, "mask_filename");
        outside = false;
        const fs::path mask = maskFile.empty() ? fs::path() : locate(root, "masks", split, maskFile, &outside);
        if (outside && outsidePath.empty())
            outsidePath = maskFile;
        if (mask.empty())
            ++missingMasks;
        else
            entry.maskPath = mask.string();
        if (const json::Value *objects = scene.find("objects"); objects && objects->isArray()) {
            int id = 0;
            for (const json::Value &o : objects->asArray()) {
                ++id;
                SceneObjectAttributes a;
                a.shape = stringField(o, "shape");
                a.color = stringField(o, "color");
                a.material = stringField(o, "material");
                a.size = stringField(o, "size");
                a.maskId = entry.maskPath.empty() ? 0 : id;
                readNumbers(o, "bbox", a.box);
                readNumbers(o, "3d_coords", a.position);
                a.rotation = numberField(o, "rotation", 0.0);
                a.support = int(numberField(o, "support", -1.0));
                entry.objects.push_back(std::move(a));
            }
        }
        entry.width = int(numberField(scene, "width", 0.0));
        entry.height = int(numberField(scene, "height", 0.0));
        entry.triplets = readTriplets(scene, entry.objects);
        folder.scenes.push_back(std::move(entry));
    }
}

} // namespace

std::string SceneObjectAttributes::describe() const
{
    std::string out;
    for (const std::string *part : {&size, &color, &material, &shape})
        if (!part->empty())
            out += (out.empty() ? "" : " ") + *part;
    return out;
}

const std::vector<std::string> &SceneFolder::shapes()
{
    static const std::vector<std::string> v = {"cube", "sphere", "cylinder"};
    return v;
}
const std::vector<std::string> &SceneFolder::colors()
{
    static const std::vector<std::string> v = {"gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow"};
    return v;
}
const std::vector<std::string> &SceneFolder::materials()
{
    static const std::vector<std::string> v = {"rubber", "metal"};
    return v;
}
const std::vector<std::string> &SceneFolder::sizes()
{
    static const std::vector<std::string> v = {"large", "small"};
    return v;
}

SceneFolder readSceneFolder(const std::string &folderPath, const std::string &split, const JobControl &job)
{
    const fs::path root(folderPath);
    if (!fs::is_directory(root))
        throw Error(folderPath + ": not a folder");
    SceneFolder folder;
    folder.root = fs::absolute(root).string();
    int missingImages = 0, missingMasks = 0;
    std::string outsidePath; // the first file named outside the folder, refused

    if (fs::is_regular_file(root / "scenes.json")) {
        const json::Value all = readJsonFile(root / "scenes.json");
        const json::Value *list = all.find("scenes");
        if (!list || !list->isArray())
            throw Error((root / "scenes.json").string() + ": no \"scenes\" list");
        folder.kind = fs::is_regular_file(root / "manifest.json") ? "periscope" : "clevr";
        addScenes(*list, root, split, folder, missingImages, missingMasks, outsidePath, job);
    } else if (fs::is_directory(root / "scenes")) {
        // CLEVR: scenes/CLEVR_<split>_scenes.json; the requested split, else val, train, test.
        std::vector<fs::path> aggregates;
        for (const auto &f : fs::directory_iterator(root / "scenes"))
            if (f.path().filename().string().find("_scenes.json") != std::string::npos)
                aggregates.push_back(f.path());
        std::sort(aggregates.begin(), aggregates.end());
        if (!aggregates.empty()) {
            fs::path chosen = aggregates.front();
            for (const std::string &want : {split, std::string("val"), std::string("train"), std::string("test")}) {
                auto it = std::find_if(aggregates.begin(), aggregates.end(), [&](const fs::path &p) {
                    return !want.empty() && p.filename().string().find("_" + want + "_scenes") != std::string::npos;
                });
                if (it != aggregates.end()) {
                    chosen = *it;
                    break;
                }
            }
            const json::Value all = readJsonFile(chosen);
            const json::Value *list = all.find("scenes");
            if (!list || !list->isArray())
                throw Error(chosen.string() + ": no \"scenes\" list");
            folder.kind = "clevr";
            std::string chosenSplit = chosen.filename().string();
            chosenSplit = chosenSplit.substr(0, chosenSplit.find("_scenes.json"));
            chosenSplit = chosenSplit.substr(chosenSplit.rfind('_') + 1);
            addScenes(*list, root, split.empty() ? chosenSplit : split, folder, missingImages, missingMasks, outsidePath, job);
        } else {
            // One JSON per scene (ours, without the aggregate).
            std::vector<fs::path> files;
            for (const auto &f : fs::directory_iterator(root / "scenes"))
                if (f.path().extension() == ".json")
                    files.push_back(f.path());
            std::sort(files.begin(), files.end());
            json::Array list;
            for (const fs::path &f : files) {
                job.throwIfCancelled();
                list.push_back(readJsonFile(f));
            }
            folder.kind = "periscope";
            addScenes(json::Value(std::move(list)), root, split, folder, missingImages, missingMasks, outsidePath, job);
        }
    }
    const std::string outsideNote = outsidePath.empty() ? std::string()
                                                        : "refused " + outsidePath + ", which lies outside the folder";
    if (folder.scenes.empty() && !outsideNote.empty())
        throw Error(folderPath + ": " + outsideNote + (missingImages > 1 ? " (and " + std::to_string(missingImages - 1) + " more)" : ""));
    if (folder.scenes.empty())
        throw Error(folderPath + (missingImages > 0 ? ": the scene JSON names " + std::to_string(missingImages) + " images, none of them found"
                                                    : ": no scenes (expected scenes.json, or CLEVR's scenes/CLEVR_<split>_scenes.json)"));
    folder.hasMasks = std::all_of(folder.scenes.begin(), folder.scenes.end(), [](const SceneEntry &s) { return !s.maskPath.empty(); });
    if (!folder.hasMasks) {
        if (std::none_of(folder.scenes.begin(), folder.scenes.end(), [](const SceneEntry &s) { return !s.maskPath.empty(); }))
            folder.note = "no instance masks: mask IoU and ARI are not computed (CLEVR itself has none; generated scenes do)";
        else
            folder.note = std::to_string(missingMasks) + " scenes have no instance mask: mask IoU and ARI skip them";
        for (SceneEntry &s : folder.scenes)
            if (s.maskPath.empty())
                for (SceneObjectAttributes &o : s.objects)
                    o.maskId = 0;
    }
    if (missingImages > 0)
        folder.note += std::string(folder.note.empty() ? "" : "; ") + std::to_string(missingImages) + " scenes skipped: image not found";
    if (!outsideNote.empty())
        folder.note += std::string(folder.note.empty() ? "" : "; ") + outsideNote;
    return folder;
}

} // namespace periscope::scenes
