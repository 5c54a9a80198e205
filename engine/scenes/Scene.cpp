// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/scenes/Scene.h"

#include "engine/core/errors/Error.h"

#include <algorithm>
#include <cmath>

namespace periscope::scenes {

namespace {

double dot2(const std::array<double, 3> &a, const std::array<double, 3> &b)
{
    return a[0] * b[0] + a[1] * b[1];
}

std::array<double, 3> normalised2(double x, double y)
{
    const double n = std::hypot(x, y);
    return {x / n, y / n, 0.0};
}

std::string describe(const SceneObject &o)
{
    return o.size + " " + o.color + " " + o.material + " " + o.shape;
}

} // namespace

const std::vector<std::pair<std::string, std::array<int, 3>>> &clevrColors()
{
    static const std::vector<std::pair<std::string, std::array<int, 3>>> colors = {
        {"gray", {87, 87, 87}},      {"red", {173, 35, 35}},   {"blue", {42, 75, 215}},  {"green", {29, 105, 20}},
        {"brown", {129, 74, 25}},    {"purple", {129, 38, 192}}, {"cyan", {41, 208, 208}}, {"yellow", {255, 238, 51}},
    };
    return colors;
}

std::array<double, 3> Scene::behindDirection() const
{
    // From the camera towards what it looks at, on the ground plane.
    return normalised2(camera.focus[0] - camera.position[0], camera.focus[1] - camera.position[1]);
}

std::array<double, 3> Scene::leftDirection() const
{
    const std::array<double, 3> b = behindDirection();
    return {-b[1], b[0], 0.0}; // the behind direction turned a quarter to the left (z up)
}

std::vector<std::pair<std::string, std::vector<std::vector<int>>>> Scene::relationships() const
{
    const std::array<double, 3> behind = behindDirection(), left = leftDirection();
    const int n = int(objects.size());
    std::vector<std::pair<std::string, std::vector<std::vector<int>>>> out;
    for (const char *name : {"left", "right", "front", "behind", "near"}) {
        std::vector<std::vector<int>> lists(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                if (i == j)
                    continue;
                const std::array<double, 3> d = {objects[std::size_t(j)].position[0] - objects[std::size_t(i)].position[0],
                                                 objects[std::size_t(j)].position[1] - objects[std::size_t(i)].position[1], 0.0};
                const std::string rel = name;
                bool related = false;
                if (rel == "left")
                    related = dot2(d, left) > 0.0;
                else if (rel == "right")
                    related = dot2(d, left) < 0.0;
                else if (rel == "behind")
                    related = dot2(d, behind) > 0.0;
                else if (rel == "front")
                    related = dot2(d, behind) < 0.0;
                else
                    related = std::hypot(d[0], d[1]) < nearDistance;
                if (related)
                    lists[std::size_t(i)].push_back(j);
            }
        out.push_back({name, std::move(lists)});
    }
    return out;
}

std::vector<std::string> Scene::captions(int count) const
{
    std::vector<std::string> out;
    const int n = int(objects.size());
    if (n < 2)
        return out;
    std::mt19937_64 random(seed * 1000003ULL + std::uint64_t(index) * 7919ULL + 17ULL);
    const auto relations = relationships();
    const char *phrases[] = {"left of", "right of", "in front of", "behind"};
    for (int k = 0; k < count * 4 && int(out.size()) < count; ++k) {
        const int i = std::uniform_int_distribution<int>(0, n - 1)(random);
        const int r = std::uniform_int_distribution<int>(0, 3)(random);
        const std::vector<int> &related = relations[std::size_t(r)].second[std::size_t(i)];
        if (related.empty())
            continue;
        const int j = related[std::uniform_int_distribution<std::size_t>(0, related.size() - 1)(random)];
        // j is <relation> of i: "a <j> <relation> a <i>".
        const std::string caption = "a " + describe(objects[std::size_t(j)]) + " " + phrases[r] + " a " + describe(objects[std::size_t(i)]);
        if (std::find(out.begin(), out.end(), caption) == out.end())
            out.push_back(caption);
    }
    return out;
}

json::Value Scene::toJson() const
{
    json::Array objectList;
    for (const SceneObject &o : objects) {
        json::Value v = json::Object{};
        v.set("shape", o.shape);
        v.set("color", o.color);
        v.set("material", o.material);
        v.set("size", o.size);
        v.set("3d_coords", json::Array{o.position[0], o.position[1], o.position[2]});
        v.set("pixel_coords", json::Array{o.pixelCoords[0], o.pixelCoords[1], o.pixelCoords[2]});
        v.set("rotation", o.rotation);
        v.set("bbox", json::Array{o.box[0], o.box[1], o.box[2], o.box[3]});
        v.set("visible_pixels", o.visiblePixels);
        objectList.push_back(std::move(v));
    }
    json::Value relations = json::Object{};
    for (const auto &[name, lists] : relationships()) {
        json::Array perObject;
        for (const std::vector<int> &l : lists) {
            json::Array ids;
            for (int j : l)
                ids.emplace_back(j);
            perObject.emplace_back(std::move(ids));
        }
        relations.set(name, json::Value(std::move(perObject)));
    }
    json::Array captionList;
    for (const std::string &c : captions())
        captionList.emplace_back(c);
    const std::array<double, 3> b = behindDirection(), l = leftDirection();
    json::Value directions = json::Object{};
    directions.set("behind", json::Array{b[0], b[1], b[2]});
    directions.set("front", json::Array{-b[0], -b[1], -b[2]});
    directions.set("left", json::Array{l[0], l[1], l[2]});
    directions.set("right", json::Array{-l[0], -l[1], -l[2]});
    directions.set("above", json::Array{0.0, 0.0, 1.0});
    directions.set("below", json::Array{0.0, 0.0, -1.0});
    json::Value v = json::Object{};
    v.set("split", "periscope");
    v.set("image_index", index);
    v.set("image_filename", imageFile);
    v.set("mask_filename", maskFile);
    v.set("seed", std::to_string(seed));
    v.set("width", width);
    v.set("height", height);
    v.set("objects", json::Value(std::move(objectList)));
    v.set("relationships", std::move(relations));
    v.set("directions", std::move(directions));
    v.set("captions", json::Value(std::move(captionList)));
    return v;
}

Scene sampleScene(const SceneSettings &settings, std::uint64_t seed, int index, int attempt)
{
    if (settings.minObjects < 1 || settings.maxObjects < settings.minObjects || settings.maxObjects > 20)
        throw Error("scenes: between 1 and 20 objects, and at least as many at most as at least");
    if (settings.width < 32 || settings.height < 32 || settings.width > 4096 || settings.height > 4096)
        throw Error("scenes: the image side must be between 32 and 4096 pixels");
    std::mt19937_64 random(seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(index) * 1000003ULL + std::uint64_t(attempt) * 7919ULL + 1ULL);
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(random); };
    Scene scene;
    scene.index = index;
    scene.seed = seed;
    scene.width = settings.width;
    scene.height = settings.height;
    scene.nearDistance = settings.nearDistance;
    for (int k = 0; k < 3; ++k)
        scene.camera.position[std::size_t(k)] += uniform(-settings.cameraJitter, settings.cameraJitter);
    const std::array<std::array<double, 3>, 3> lightBase = {{{-6.0, -4.0, 9.0}, {7.0, -3.0, 4.0}, {-2.0, 8.0, 6.0}}}; // key, fill, back
    const double intensities[3] = {1.0, 0.45, 0.55};
    for (int k = 0; k < 3; ++k) {
        for (int c = 0; c < 3; ++c)
            scene.lights[std::size_t(k)].position[std::size_t(c)] = lightBase[std::size_t(k)][std::size_t(c)] + uniform(-settings.lightJitter, settings.lightJitter);
        scene.lights[std::size_t(k)].intensity = intensities[k];
    }
    const int count = std::uniform_int_distribution<int>(settings.minObjects, settings.maxObjects)(random);
    const char *shapes[] = {"sphere", "cube", "cylinder"};
    const std::array<double, 3> behind = scene.behindDirection(), left = scene.leftDirection();
    for (int placed = 0, tries = 0; placed < count && tries < 2000; ++tries) {
        SceneObject o;
        const bool large = std::bernoulli_distribution(0.5)(random);
        o.size = large ? "large" : "small";
        o.radius = large ? 0.7 : 0.35;
        o.shape = shapes[std::uniform_int_distribution<int>(0, 2)(random)];
        o.color = clevrColors()[std::size_t(std::uniform_int_distribution<int>(0, 7)(random))].first;
        o.material = std::bernoulli_distribution(0.5)(random) ? "metal" : "rubber";
        if (o.shape == "cube")
            o.radius /= std::sqrt(2.0); // CLEVR shrinks cubes so that they take the room of the others
        o.position = {uniform(-3.0, 3.0), uniform(-3.0, 3.0), o.radius};
        o.rotation = uniform(0.0, 360.0);
        bool fits = true;
        for (const SceneObject &other : scene.objects) {
            const std::array<double, 3> d = {o.position[0] - other.position[0], o.position[1] - other.position[1], 0.0};
            if (std::hypot(d[0], d[1]) - o.radius - other.radius < settings.minDistance) {
                fits = false;
                break;
            }
            // CLEVR's margins keep every left/right and front/behind relation unambiguous.
            if (std::abs(dot2(d, left)) < settings.margin || std::abs(dot2(d, behind)) < settings.margin) {
                fits = false;
                break;
            }
        }
        if (fits) {
            scene.objects.push_back(o);
            ++placed;
        }
    }
    if (int(scene.objects.size()) < settings.minObjects)
        throw Error("scenes: could not place " + std::to_string(settings.minObjects) + " objects apart; lower the count or the distances");
    return scene;
}

} // namespace periscope::scenes
