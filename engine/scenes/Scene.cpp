// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/scenes/Scene.h"

#include "engine/core/errors/Error.h"
#include "engine/scenes/SceneRelations.h"

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


// The largest distance from an object's centre to its footprint's edge.
double reach(const SceneObject &o)
{
    return o.shape == "cube" ? o.radius * std::sqrt(2.0) : o.radius;
}

// Places `o` among `placed` for scenes with selective predicates: on a free large cube (when `o`
// is small, with the settings' stacking chance), touching an object on the ground (with the
// touching chance), or anywhere. The footprints, not CLEVR's circles, keep their distance, and
// CLEVR's margins hold between objects on the ground. Returns whether `o` fits.
bool placeWithRelations(const SceneSettings &settings, SceneObject &o, const std::vector<SceneObject> &placed, const std::array<double, 3> &behind,
                        const std::array<double, 3> &left, std::mt19937_64 &random)
{
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(random); };
    std::vector<int> ground, freeCubes;
    for (int k = 0; k < int(placed.size()); ++k) {
        const SceneObject &p = placed[std::size_t(k)];
        if (p.support >= 0)
            continue;
        ground.push_back(k);
        const bool carries = std::any_of(placed.begin(), placed.end(), [k](const SceneObject &q) { return q.support == k; });
        if (p.shape == "cube" && p.size == "large" && !carries)
            freeCubes.push_back(k);
    }
    o.rotation = uniform(0.0, 360.0);
    if (o.size == "small" && !freeCubes.empty() && std::bernoulli_distribution(settings.stackProbability)(random)) {
        const int k = freeCubes[std::uniform_int_distribution<std::size_t>(0, freeCubes.size() - 1)(random)];
        const SceneObject &cube = placed[std::size_t(k)];
        // Centred on the top face: a small object's footprint stays inside a large cube's.
        o.position = {cube.position[0], cube.position[1], 2.0 * cube.radius + o.radius};
        o.support = k;
        return true;
    }
    int partner = -1;
    if (!ground.empty() && std::bernoulli_distribution(settings.touchProbability)(random)) {
        partner = ground[std::uniform_int_distribution<std::size_t>(0, ground.size() - 1)(random)];
        const SceneObject &p = placed[std::size_t(partner)];
        const double angle = uniform(0.0, 2.0 * 3.14159265358979323846);
        // Along a ray from the partner's centre the gap between two convex footprints only grows:
        // bisect for a gap well inside the touching distance.
        const double target = 0.4 * settings.touchDistance;
        double lo = 0.0, hi = reach(p) + reach(o) + 1.0;
        for (int step = 0; step < 40; ++step) {
            const double mid = 0.5 * (lo + hi);
            o.position = {p.position[0] + mid * std::cos(angle), p.position[1] + mid * std::sin(angle), o.radius};
            (footprintGap(o, p) < target ? lo : hi) = mid;
        }
        o.position = {p.position[0] + hi * std::cos(angle), p.position[1] + hi * std::sin(angle), o.radius};
    } else {
        o.position = {uniform(-3.0, 3.0), uniform(-3.0, 3.0), o.radius};
    }
    if (std::abs(o.position[0]) > 3.5 || std::abs(o.position[1]) > 3.5)
        return false;
    for (int k : ground) {
        const SceneObject &other = placed[std::size_t(k)];
        const std::array<double, 3> d = {o.position[0] - other.position[0], o.position[1] - other.position[1], 0.0};
        if (std::abs(dot2(d, left)) < settings.margin || std::abs(dot2(d, behind)) < settings.margin)
            return false;
        if (k != partner && footprintGap(o, other) < settings.minDistance)
            return false;
    }
    return true;
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
        if (o.support >= 0)
            v.set("support", o.support);
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
    // The relations of the Relations workspace, with both boxes as [x1, y1, x2, y2] in pixels.
    auto corners = [](const SceneObject &o) {
        return json::Array{o.box[0], o.box[1], o.box[0] + o.box[2], o.box[1] + o.box[3]};
    };
    const std::vector<SceneTriplet> triplets = sceneTriplets(*this);
    json::Array tripletList;
    for (const SceneTriplet &t : triplets) {
        json::Value v = json::Object{};
        v.set("subject", t.subject);
        v.set("predicate", scenePredicates()[std::size_t(t.predicate)]);
        v.set("object", t.object);
        v.set("subject_box", corners(objects[std::size_t(t.subject)]));
        v.set("object_box", corners(objects[std::size_t(t.object)]));
        tripletList.push_back(std::move(v));
    }
    json::Array presentList;
    const std::vector<int> present = presentPredicates(triplets);
    for (std::size_t p = 0; p < present.size(); ++p)
        if (present[p])
            presentList.emplace_back(scenePredicates()[p]);
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
    v.set("triplets", json::Value(std::move(tripletList)));
    v.set("predicates", json::Value(std::move(presentList)));
    return v;
}

SceneSettings SceneSettings::forRelations()
{
    SceneSettings s;
    s.minObjects = 3;
    s.maxObjects = 6;
    s.stackProbability = 0.6;
    s.touchProbability = 0.35;
    return s;
}

Scene sampleScene(const SceneSettings &settings, std::uint64_t seed, int index, int attempt)
{
    if (settings.minObjects < 1 || settings.maxObjects < settings.minObjects || settings.maxObjects > 20)
        throw Error("scenes: between 1 and 20 objects, and at least as many at most as at least");
    if (settings.width < 32 || settings.height < 32 || settings.width > 4096 || settings.height > 4096)
        throw Error("scenes: the image side must be between 32 and 4096 pixels");
    if (!(settings.stackProbability >= 0.0 && settings.stackProbability <= 1.0 && settings.touchProbability >= 0.0 && settings.touchProbability <= 1.0))
        throw Error("scenes: the stacking and touching chances must be between 0 and 1");
    if (!(settings.touchDistance > 0.0 && settings.touchDistance < settings.minDistance))
        throw Error("scenes: the touching distance must be above 0 and below the distance kept between objects");
    std::mt19937_64 random(seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(index) * 1000003ULL + std::uint64_t(attempt) * 7919ULL + 1ULL);
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(random); };
    Scene scene;
    scene.index = index;
    scene.seed = seed;
    scene.width = settings.width;
    scene.height = settings.height;
    scene.nearDistance = settings.nearDistance;
    scene.touchDistance = settings.touchDistance;
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
        if (settings.selectivePredicates()) {
            if (placeWithRelations(settings, o, scene.objects, behind, left, random)) {
                scene.objects.push_back(o);
                ++placed;
            }
            continue;
        }
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
