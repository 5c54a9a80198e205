// SPDX-License-Identifier: GPL-3.0-or-later
// Scenes with selective predicates (SceneRelations.h), rendered under Xvfb: the footprint gaps
// against hand-computed values, every triplet of the scene JSON against the 3-D layout (the gap
// between footprints measured by brute force over their outlines, not by the generator's
// formulas), stacked objects resting on their cube in 3-D and in the image, predicates that many
// scenes lack, and the same seed giving the same files.
#include "engine/core/json/Json.h"
#include "engine/scenes/SceneRelations.h"
#include "engine/scenes/SceneRenderer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace periscope;
using namespace periscope::scenes;

namespace {

constexpr double kPi = 3.14159265358979323846;

json::Value readJson(const QString &path)
{
    std::ifstream in(path.toStdString());
    std::ostringstream text;
    text << in.rdbuf();
    return json::Value::parse(text.str());
}

SceneObject object(const std::string &shape, double x, double y, double radius, double rotation = 0.0)
{
    SceneObject o;
    o.shape = shape;
    o.position = {x, y, radius};
    o.radius = radius;
    o.rotation = rotation;
    return o;
}

// Points on the outline of an object's footprint, read from its JSON.
std::vector<std::array<double, 2>> outline(const json::Value &o)
{
    const std::string shape = o.find("shape")->asString();
    const bool large = o.find("size")->asString() == "large";
    const double r = (large ? 0.7 : 0.35) / (shape == "cube" ? std::sqrt(2.0) : 1.0);
    const json::Array &c = o.find("3d_coords")->asArray();
    const double cx = c[0].asNumber(), cy = c[1].asNumber(), turn = o.find("rotation")->asNumber() * kPi / 180.0;
    std::vector<std::array<double, 2>> points;
    const int n = 400; // 0.011 apart on a large circle: gaps within 0.006
    for (int k = 0; k < n; ++k) {
        double x = 0.0, y = 0.0;
        if (shape == "cube") { // walk the square's perimeter
            const double t = 8.0 * r * k / n;
            const int side = int(t / (2.0 * r));
            const double s = t - side * 2.0 * r - r;
            const double sx[4] = {s, r, -s, -r}, sy[4] = {-r, s, r, -s};
            x = sx[side];
            y = sy[side];
        } else {
            x = r * std::cos(2.0 * kPi * k / n);
            y = r * std::sin(2.0 * kPi * k / n);
        }
        points.push_back({cx + std::cos(turn) * x - std::sin(turn) * y, cy + std::sin(turn) * x + std::cos(turn) * y});
    }
    return points;
}

double bruteForceGap(const json::Value &a, const json::Value &b)
{
    double best = 1e300;
    const auto pa = outline(a), pb = outline(b);
    for (const auto &p : pa)
        for (const auto &q : pb)
            best = std::min(best, std::hypot(p[0] - q[0], p[1] - q[1]));
    return best; // outlines apart; the generator keeps footprints from overlapping
}

std::map<QString, QByteArray> hashes(const QString &folder)
{
    std::map<QString, QByteArray> out;
    for (const QString &sub : {QStringLiteral("."), QStringLiteral("images"), QStringLiteral("masks"), QStringLiteral("scenes")})
        for (const QFileInfo &file : QDir(QDir(folder).filePath(sub)).entryInfoList(QDir::Files)) {
            QFile f(file.filePath());
            f.open(QIODevice::ReadOnly);
            out[sub + QLatin1Char('/') + file.fileName()] = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
        }
    return out;
}

} // namespace

class TestSceneRelations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void footprintGapsAsComputedByHand();
    void tripletsAgreeWithTheLayout();
    void stackedObjectsRestOnTheirCube();
    void predicatesAreSelective();
    void sameSeedGivesIdenticalFiles();

private:
    QTemporaryDir m_dir;
    QString m_folder;
    SceneSettings m_settings = SceneSettings::forRelations();
    json::Array m_scenes;
};

void TestSceneRelations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_settings.width = 200;
    m_settings.height = 150;
    m_folder = m_dir.filePath(QStringLiteral("relations"));
    generateDataset(m_folder.toStdString(), 16, 5, m_settings);
    m_scenes = readJson(m_folder + QStringLiteral("/scenes.json")).find("scenes")->asArray();
    QCOMPARE(int(m_scenes.size()), 16);
    QVERIFY(readJson(m_folder + QStringLiteral("/manifest.json")).find("relations"));
}

void TestSceneRelations::footprintGapsAsComputedByHand()
{
    // Circles: centres 2 apart, radii 0.7 and 0.35.
    QCOMPARE(footprintGap(object("sphere", 0, 0, 0.7), object("cylinder", 2, 0, 0.35)), 2.0 - 1.05);
    // A square of half side 0.5 and a circle of radius 0.3 on its diagonal, 1.5 away: the gap is
    // from the corner (0.5, 0.5) to the circle.
    const double diagonal = 1.5 / std::sqrt(2.0);
    QVERIFY(std::abs(footprintGap(object("cube", 0, 0, 0.5), object("sphere", diagonal, diagonal, 0.3)) - (1.5 - 0.5 * std::sqrt(2.0) - 0.3)) < 1e-12);
    // Turned by 45 degrees, the square's corner points along x: (0.5 sqrt 2, 0).
    QVERIFY(std::abs(footprintGap(object("cube", 0, 0, 0.5, 45.0), object("sphere", 1.5, 0, 0.3)) - (1.5 - 0.5 * std::sqrt(2.0) - 0.3)) < 1e-12);
    // Two squares side by side, 0.2 apart, and the circle inside a square overlapping it.
    QVERIFY(std::abs(footprintGap(object("cube", 0, 0, 0.5), object("cube", 1.2, 0.3, 0.5)) - 0.2) < 1e-12);
    QVERIFY(footprintGap(object("cube", 0, 0, 0.5), object("sphere", 0.2, 0, 0.1)) < 0.0);
    // Two squares crossed at 45 degrees on one centre overlap though no corner is inside the other.
    QVERIFY(footprintGap(object("cube", 0, 0, 0.5), object("cube", 0, 0, 0.5, 45.0)) < 0.0);
    // Corner to corner: squares turned 45 degrees, centres 2 apart along x, corners 2 - sqrt 2 apart.
    QVERIFY(std::abs(footprintGap(object("cube", 0, 0, 0.5, 45.0), object("cube", 2, 0, 0.5, 45.0)) - (2.0 - std::sqrt(2.0))) < 1e-12);
}

void TestSceneRelations::tripletsAgreeWithTheLayout()
{
    const std::vector<std::string> &names = scenePredicates();
    int touchingPairs = 0;
    for (const json::Value &scene : m_scenes) {
        const json::Array &objects = scene.find("objects")->asArray();
        std::set<std::tuple<int, std::string, int>> listed;
        for (const json::Value &t : scene.find("triplets")->asArray()) {
            const int s = int(t.find("subject")->asInt64()), o = int(t.find("object")->asInt64());
            listed.insert({s, t.find("predicate")->asString(), o});
            // Both boxes as [x1, y1, x2, y2] from the object's [x, y, w, h].
            for (const auto &[key, index] : {std::pair{"subject_box", s}, std::pair{"object_box", o}}) {
                const json::Array &box = t.find(key)->asArray(), &bbox = objects[std::size_t(index)].find("bbox")->asArray();
                QCOMPARE(box[0].asInt64(), bbox[0].asInt64());
                QCOMPARE(box[3].asInt64(), bbox[1].asInt64() + bbox[3].asInt64());
            }
        }
        auto str = [&](std::size_t i, const char *key) { return objects[i].find(key)->asString(); };
        auto support = [&](std::size_t i) { return objects[i].find("support") ? int(objects[i].find("support")->asInt64()) : -1; };
        auto coord = [&](std::size_t i, int c) { return objects[i].find("3d_coords")->asArray()[std::size_t(c)].asNumber(); };
        std::map<std::pair<std::size_t, std::size_t>, double> gaps;
        for (std::size_t i = 0; i < objects.size(); ++i)
            for (std::size_t j = i + 1; j < objects.size(); ++j)
                if (support(i) < 0 && support(j) < 0)
                    gaps[{i, j}] = gaps[{j, i}] = bruteForceGap(objects[i], objects[j]);
        for (std::size_t i = 0; i < objects.size(); ++i)
            for (std::size_t j = 0; j < objects.size(); ++j) {
                if (i == j)
                    continue;
                const bool stacked = support(i) == int(j) || support(j) == int(i);
                bool touching = stacked;
                if (support(i) < 0 && support(j) < 0) {
                    const double gap = gaps.at({i, j});
                    // Placed touching (0.02 apart) or kept 0.25 apart: nothing in between.
                    QVERIFY2(gap < 0.03 || gap > 0.24, qPrintable(QString::number(gap)));
                    touching = gap < 0.03;
                    touchingPairs += touching && i < j;
                }
                const double centres = std::hypot(coord(i, 0) - coord(j, 0), coord(i, 1) - coord(j, 1));
                const std::map<std::string, bool> expected = {
                    {"on", support(i) == int(j)},
                    {"touching", touching},
                    {"near", !touching && centres < 1.5},
                    {"same_color", str(i, "color") == str(j, "color")},
                    {"same_shape", str(i, "shape") == str(j, "shape")},
                    {"same_material", str(i, "material") == str(j, "material")},
                    {"larger_than", str(i, "size") == "large" && str(j, "size") == "small"},
                };
                for (const std::string &p : names)
                    QVERIFY2(listed.count({int(i), p, int(j)}) == std::size_t(expected.at(p)), (p + " " + std::to_string(i) + " " + std::to_string(j)).c_str());
            }
    }
    QVERIFY(touchingPairs > 0);
}

void TestSceneRelations::stackedObjectsRestOnTheirCube()
{
    int stacked = 0;
    for (const json::Value &scene : m_scenes) {
        const json::Array &objects = scene.find("objects")->asArray();
        for (const json::Value &o : objects) {
            const json::Value *support = o.find("support");
            if (!support)
                continue;
            ++stacked;
            const json::Value &cube = objects[std::size_t(support->asInt64())];
            QCOMPARE(cube.find("shape")->asString(), std::string("cube"));
            QCOMPARE(cube.find("size")->asString(), std::string("large"));
            QCOMPARE(o.find("size")->asString(), std::string("small"));
            QVERIFY(!cube.find("support"));
            const json::Array &p = o.find("3d_coords")->asArray(), &q = cube.find("3d_coords")->asArray();
            const double radius = 0.35 / (o.find("shape")->asString() == "cube" ? std::sqrt(2.0) : 1.0);
            QCOMPARE(p[0].asNumber(), q[0].asNumber());
            QCOMPARE(p[1].asNumber(), q[1].asNumber());
            // Its bottom (centre less its half height) on the cube's top face (twice its half side).
            QVERIFY(std::abs(p[2].asNumber() - radius - 2.0 * 0.7 / std::sqrt(2.0)) < 1e-9);
            // In the image it stands above the cube: its box starts higher and overlaps the cube's
            // box across.
            const json::Array &b = o.find("bbox")->asArray(), &c = cube.find("bbox")->asArray();
            QVERIFY(b[1].asInt64() < c[1].asInt64());
            QVERIFY(b[0].asInt64() < c[0].asInt64() + c[2].asInt64() && c[0].asInt64() < b[0].asInt64() + b[2].asInt64());
        }
    }
    QVERIFY2(stacked >= 2, qPrintable(QString::number(stacked)));
}

void TestSceneRelations::predicatesAreSelective()
{
    // Each of on, touching, near is present in some scenes and absent from others, and the
    // scene's predicate list is the set of its triplets' predicates.
    std::map<std::string, int> present;
    for (const json::Value &scene : m_scenes) {
        std::set<std::string> fromTriplets, listed;
        for (const json::Value &t : scene.find("triplets")->asArray())
            fromTriplets.insert(t.find("predicate")->asString());
        for (const json::Value &p : scene.find("predicates")->asArray())
            listed.insert(p.asString());
        QCOMPARE(listed, fromTriplets);
        for (const std::string &p : listed)
            ++present[p];
    }
    for (const char *p : {"on", "touching", "near"}) {
        QVERIFY2(present[p] > 0, p);
        QVERIFY2(present[p] < int(m_scenes.size()), p);
    }
}

void TestSceneRelations::sameSeedGivesIdenticalFiles()
{
    const QString again = m_dir.filePath(QStringLiteral("again")), other = m_dir.filePath(QStringLiteral("other"));
    generateDataset(again.toStdString(), 16, 5, m_settings);
    QVERIFY(hashes(again) == hashes(m_folder));
    generateDataset(other.toStdString(), 16, 6, m_settings);
    QVERIFY(hashes(other) != hashes(m_folder));
}

QTEST_GUILESS_MAIN(TestSceneRelations)
#include "tst_scenerelations.moc"
