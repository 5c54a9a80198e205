// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/scenes/SceneRelations.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace periscope::scenes {

namespace {

constexpr double kPi = 3.14159265358979323846;

using Point = std::array<double, 2>;

bool isSquare(const SceneObject &o)
{
    return o.shape == "cube";
}

// `p` in the frame of the cube `o`: its centre at the origin, its sides along the axes.
Point intoCubeFrame(const SceneObject &o, const Point &p)
{
    const double a = -o.rotation * kPi / 180.0;
    const double dx = p[0] - o.position[0], dy = p[1] - o.position[1];
    return {std::cos(a) * dx - std::sin(a) * dy, std::sin(a) * dx + std::cos(a) * dy};
}

// Signed distance from `p` to the square footprint of the cube `o` (negative inside).
double distanceToSquare(const SceneObject &o, const Point &p)
{
    const Point q = intoCubeFrame(o, p);
    const double ox = std::abs(q[0]) - o.radius, oy = std::abs(q[1]) - o.radius;
    if (ox <= 0.0 && oy <= 0.0)
        return std::max(ox, oy);
    return std::hypot(std::max(ox, 0.0), std::max(oy, 0.0));
}

std::array<Point, 4> squareCorners(const SceneObject &o)
{
    const double a = o.rotation * kPi / 180.0, c = std::cos(a), s = std::sin(a), r = o.radius;
    std::array<Point, 4> out{};
    const double signs[4][2] = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
    for (int k = 0; k < 4; ++k) {
        const double x = signs[k][0] * r, y = signs[k][1] * r;
        out[std::size_t(k)] = {o.position[0] + c * x - s * y, o.position[1] + s * x + c * y};
    }
    return out;
}

// Whether two turned squares overlap: no separating axis among their four side directions.
bool squaresOverlap(const SceneObject &a, const SceneObject &b)
{
    const std::array<Point, 4> ca = squareCorners(a), cb = squareCorners(b);
    for (const SceneObject *o : {&a, &b}) {
        const double t = o->rotation * kPi / 180.0;
        for (const Point axis : {Point{std::cos(t), std::sin(t)}, Point{-std::sin(t), std::cos(t)}}) {
            double minA = 1e300, maxA = -1e300, minB = 1e300, maxB = -1e300;
            for (const Point &p : ca) {
                const double v = p[0] * axis[0] + p[1] * axis[1];
                minA = std::min(minA, v);
                maxA = std::max(maxA, v);
            }
            for (const Point &p : cb) {
                const double v = p[0] * axis[0] + p[1] * axis[1];
                minB = std::min(minB, v);
                maxB = std::max(maxB, v);
            }
            if (maxA < minB || maxB < minA)
                return false;
        }
    }
    return true;
}

} // namespace

const std::vector<std::string> &scenePredicates()
{
    static const std::vector<std::string> names = {"on", "touching", "near", "same_color", "same_shape", "same_material", "larger_than"};
    return names;
}

const std::vector<std::string> &sceneObjectCategories()
{
    static const std::vector<std::string> names = {"sphere", "cube", "cylinder"};
    return names;
}

double footprintGap(const SceneObject &a, const SceneObject &b)
{
    const Point ca{a.position[0], a.position[1]}, cb{b.position[0], b.position[1]};
    if (!isSquare(a) && !isSquare(b))
        return std::hypot(ca[0] - cb[0], ca[1] - cb[1]) - a.radius - b.radius;
    if (isSquare(a) && !isSquare(b))
        return distanceToSquare(a, cb) - b.radius;
    if (!isSquare(a) && isSquare(b))
        return distanceToSquare(b, ca) - a.radius;
    // Two squares: apart, the nearest points include a corner of one of them.
    if (squaresOverlap(a, b))
        return -std::min(a.radius, b.radius); // an overlap; its depth does not matter here
    double gap = 1e300;
    for (const Point &p : squareCorners(a))
        gap = std::min(gap, distanceToSquare(b, p));
    for (const Point &p : squareCorners(b))
        gap = std::min(gap, distanceToSquare(a, p));
    return gap;
}

std::vector<SceneTriplet> sceneTriplets(const Scene &scene)
{
    const std::vector<std::string> &names = scenePredicates();
    const int n = int(scene.objects.size());
    std::vector<SceneTriplet> out;
    for (int i = 0; i < n; ++i) {
        const SceneObject &s = scene.objects[std::size_t(i)];
        for (int p = 0; p < int(names.size()); ++p) {
            const std::string &name = names[std::size_t(p)];
            for (int j = 0; j < n; ++j) {
                if (i == j)
                    continue;
                const SceneObject &o = scene.objects[std::size_t(j)];
                const bool stacked = s.support == j || o.support == i;
                // Objects at different heights touch only through stacking.
                const bool bothOnGround = s.support < 0 && o.support < 0;
                const bool touching = stacked || (bothOnGround && footprintGap(s, o) < scene.touchDistance);
                bool holds = false;
                if (name == "on")
                    holds = s.support == j;
                else if (name == "touching")
                    holds = touching;
                else if (name == "near")
                    holds = !touching && std::hypot(s.position[0] - o.position[0], s.position[1] - o.position[1]) < scene.nearDistance;
                else if (name == "same_color")
                    holds = s.color == o.color;
                else if (name == "same_shape")
                    holds = s.shape == o.shape;
                else if (name == "same_material")
                    holds = s.material == o.material;
                else if (name == "larger_than")
                    holds = s.size == "large" && o.size == "small";
                if (holds)
                    out.push_back({i, p, j});
            }
        }
    }
    return out;
}

std::vector<int> presentPredicates(const std::vector<SceneTriplet> &triplets)
{
    std::vector<int> present(scenePredicates().size(), 0);
    for (const SceneTriplet &t : triplets)
        present[std::size_t(t.predicate)] = 1;
    return present;
}

} // namespace periscope::scenes
