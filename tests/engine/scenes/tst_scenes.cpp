// SPDX-License-Identifier: GPL-3.0-or-later
// The scene generator under a real X server (Xvfb) and Mesa: the same seed gives byte-identical
// files; masks agree with the JSON (visible pixel counts, boxes, each object's colour under its
// mask); no object is hidden; the relations agree with the 3-D coordinates and CLEVR's
// directions; bad settings are refused.
#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"
#include "engine/media/image/ImageFile.h"
#include "engine/scenes/Scene.h"
#include "engine/scenes/SceneFolder.h"
#include "engine/scenes/SceneRenderer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

using namespace periscope;
using namespace periscope::scenes;

namespace {
json::Value readJson(const QString &path)
{
    std::ifstream in(path.toStdString());
    std::ostringstream text;
    text << in.rdbuf();
    return json::Value::parse(text.str());
}

// Each channel's median over the pixels whose mask value is `id`.
std::array<double, 3> medianUnderMask(const Image &rgb, const Image &mask, int id)
{
    std::array<std::vector<int>, 3> values;
    for (int y = 0; y < mask.height(); ++y)
        for (int x = 0; x < mask.width(); ++x)
            if (mask.row(y)[x] == id)
                for (int c = 0; c < 3; ++c)
                    values[std::size_t(c)].push_back(rgb.row(y)[3 * x + c]);
    std::array<double, 3> median{};
    for (int c = 0; c < 3; ++c) {
        std::vector<int> &v = values[std::size_t(c)];
        if (v.empty())
            return median;
        std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
        median[std::size_t(c)] = v[v.size() / 2];
    }
    return median;
}

QString nearestClevrColor(const std::array<double, 3> &rgb)
{
    auto chroma = [](double r, double g, double b) {
        const double sum = std::max(r + g + b, 1.0);
        return std::array<double, 2>{r / sum, g / sum};
    };
    const std::array<double, 2> seen = chroma(rgb[0], rgb[1], rgb[2]);
    QString best;
    double bestDistance = 1e300;
    for (const auto &[name, colour] : clevrColors()) {
        const std::array<double, 2> c = chroma(colour[0], colour[1], colour[2]);
        const double d = std::hypot(seen[0] - c[0], seen[1] - c[1]);
        if (d < bestDistance) {
            bestDistance = d;
            best = QString::fromStdString(name);
        }
    }
    return best;
}

std::map<QString, QByteArray> hashes(const QString &folder)
{
    std::map<QString, QByteArray> out;
    QDir dir(folder);
    for (const QString &sub : {QStringLiteral("."), QStringLiteral("images"), QStringLiteral("masks"), QStringLiteral("scenes")})
        for (const QFileInfo &file : QDir(dir.filePath(sub)).entryInfoList(QDir::Files)) {
            QFile f(file.filePath());
            f.open(QIODevice::ReadOnly);
            out[sub + QLatin1Char('/') + file.fileName()] = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
        }
    return out;
}
} // namespace

class TestScenes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameSeedGivesIdenticalFiles();
    void masksAgreeWithTheDescription();
    void relationsAgreeWithTheCoordinates();
    void badSettingsAreRefused();
    void sceneFilesStayInsideTheirFolder();

private:
    QTemporaryDir m_dir;
    QString m_first;
    SceneSettings m_settings;
};

void TestScenes::initTestCase()
{
    m_settings.width = 200;
    m_settings.height = 150;
    m_first = m_dir.filePath(QStringLiteral("first"));
    const DatasetSummary summary = generateDataset(m_first.toStdString(), 6, 11, m_settings);
    QCOMPARE(summary.scenes, 6);
    QVERIFY(summary.objects >= 6 * 3);
}

void TestScenes::sameSeedGivesIdenticalFiles()
{
    const QString second = m_dir.filePath(QStringLiteral("second"));
    generateDataset(second.toStdString(), 6, 11, m_settings);
    const auto a = hashes(m_first), b = hashes(second);
    QCOMPARE(int(a.size()), 2 + 6 * 3); // scenes.json, manifest.json and 6 x (image, mask, JSON)
    QVERIFY(a == b);
    const QString other = m_dir.filePath(QStringLiteral("other-seed"));
    generateDataset(other.toStdString(), 1, 12, m_settings);
    QVERIFY(hashes(other)[QStringLiteral("images/CLEVR_periscope_000000.png")] != a.at(QStringLiteral("images/CLEVR_periscope_000000.png")));
}

void TestScenes::masksAgreeWithTheDescription()
{
    const double area = double(m_settings.width) * m_settings.height / (480.0 * 320.0);
    const int minimum = int(std::lround(m_settings.minVisiblePixels * area));
    for (int i = 0; i < 6; ++i) {
        const QString name = QStringLiteral("CLEVR_periscope_%1").arg(i, 6, 10, QLatin1Char('0'));
        const json::Value scene = readJson(m_first + QStringLiteral("/scenes/") + name + QStringLiteral(".json"));
        const json::Array &objects = scene.find("objects")->asArray();
        QVERIFY(objects.size() >= 3 && objects.size() <= 10);
        const Image mask = media::readImage((m_first + QStringLiteral("/masks/") + name + QStringLiteral(".png")).toStdString()).pixels;
        const Image rgb = media::readImage((m_first + QStringLiteral("/images/") + name + QStringLiteral(".png")).toStdString()).pixels;
        QCOMPARE(mask.channels(), 1);
        QCOMPARE(rgb.channels(), 3);
        QCOMPARE(mask.width(), 200);
        std::map<int, int> counts;
        std::map<int, std::array<int, 4>> extent;
        for (int y = 0; y < mask.height(); ++y)
            for (int x = 0; x < mask.width(); ++x) {
                const int id = mask.row(y)[x];
                if (!id)
                    continue;
                QVERIFY2(id <= int(objects.size()), "a mask id beyond the objects");
                ++counts[id];
                auto it = extent.try_emplace(id, std::array<int, 4>{x, y, x, y}).first;
                it->second = {std::min(it->second[0], x), std::min(it->second[1], y), std::max(it->second[2], x), std::max(it->second[3], y)};
            }
        for (std::size_t k = 0; k < objects.size(); ++k) {
            const json::Value &o = objects[k];
            const int id = int(k) + 1;
            QCOMPARE(int(o.find("visible_pixels")->asInt64()), counts[id]);
            QVERIFY2(counts[id] >= minimum, "an object is (nearly) hidden");
            const json::Array &box = o.find("bbox")->asArray();
            QCOMPARE(int(box[0].asInt64()), extent[id][0]);
            QCOMPARE(int(box[1].asInt64()), extent[id][1]);
            QCOMPARE(int(box[2].asInt64()), extent[id][2] - extent[id][0] + 1);
            QCOMPARE(int(box[3].asInt64()), extent[id][3] - extent[id][1] + 1);
            for (const char *field : {"shape", "color", "material", "size"})
                QVERIFY(!o.find(field)->asString().empty());
            // The object's colour is where its mask is: of CLEVR's eight colours, the one named
            // is nearest in chromaticity (r, g over r + g + b, which shading's brightness leaves
            // alone) to the median pixel under the mask. A renderer that paints an object in
            // another colour, or masks in the wrong place, fails here.
            const QString named = QString::fromStdString(o.find("color")->asString());
            QCOMPARE(nearestClevrColor(medianUnderMask(rgb, mask, id)), named);
        }
    }
}

void TestScenes::relationsAgreeWithTheCoordinates()
{
    const json::Value all = readJson(m_first + QStringLiteral("/scenes.json"));
    const json::Array &sceneList = all.find("scenes")->asArray();
    QCOMPARE(int(sceneList.size()), 6);
    for (const json::Value &scene : sceneList) {
        const json::Array &objects = scene.find("objects")->asArray();
        const json::Value &relations = *scene.find("relationships");
        const json::Array &left = scene.find("directions")->find("left")->asArray();
        const json::Array &behind = scene.find("directions")->find("behind")->asArray();
        auto coord = [&](std::size_t i, int c) { return objects[i].find("3d_coords")->asArray()[std::size_t(c)].asNumber(); };
        for (std::size_t i = 0; i < objects.size(); ++i)
            for (std::size_t j = 0; j < objects.size(); ++j) {
                if (i == j)
                    continue;
                const double dx = coord(j, 0) - coord(i, 0), dy = coord(j, 1) - coord(i, 1);
                const double alongLeft = dx * left[0].asNumber() + dy * left[1].asNumber();
                const double alongBehind = dx * behind[0].asNumber() + dy * behind[1].asNumber();
                auto listed = [&](const char *name) {
                    for (const json::Value &k : relations.find(name)->asArray()[i].asArray())
                        if (std::size_t(k.asInt64()) == j)
                            return true;
                    return false;
                };
                QCOMPARE(listed("left"), alongLeft > 0.0);
                QCOMPARE(listed("right"), alongLeft < 0.0);
                QCOMPARE(listed("behind"), alongBehind > 0.0);
                QCOMPARE(listed("front"), alongBehind < 0.0);
                QVERIFY(std::abs(alongLeft) >= 0.4 - 1e-9 && std::abs(alongBehind) >= 0.4 - 1e-9); // CLEVR's margin
                QCOMPARE(listed("near"), std::hypot(dx, dy) < 1.5);
            }
        QVERIFY(!scene.find("captions")->asArray().empty());
    }
}

void TestScenes::badSettingsAreRefused()
{
    SceneSettings bad = m_settings;
    bad.minObjects = 5;
    bad.maxObjects = 2;
    QVERIFY_THROWS_EXCEPTION(Error, sampleScene(bad, 1, 0));
    bad = m_settings;
    bad.width = 8;
    QVERIFY_THROWS_EXCEPTION(Error, sampleScene(bad, 1, 0));
    QVERIFY_THROWS_EXCEPTION(Error, generateDataset(m_dir.filePath(QStringLiteral("none")).toStdString(), 0, 1, m_settings));
    QVERIFY_THROWS_EXCEPTION(Error, generateDataset("/proc/periscope-scenes", 1, 1, m_settings));
}

void TestScenes::sceneFilesStayInsideTheirFolder()
{
    // The scene JSON names files; names are data. An absolute path, a "../" and a link out of
    // the folder are refused (the first is named), the scene inside is read.
    QTemporaryDir top;
    QVERIFY(top.isValid());
    const QString root = top.filePath(QStringLiteral("scenes"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/images")));
    Image pixels(8, 8, 3, PixelFormat::UInt8);
    media::writeImage((root + QStringLiteral("/images/inside.png")).toStdString(), pixels);
    media::writeImage(top.filePath(QStringLiteral("outside.png")).toStdString(), pixels);
    QVERIFY(QFile::link(top.filePath(QStringLiteral("outside.png")), root + QStringLiteral("/images/link.png")));
    auto writeScenes = [&](const QStringList &names) {
        QString text = QStringLiteral("{\"scenes\": [");
        for (const QString &name : names)
            text += QStringLiteral("{\"image_filename\": \"%1\", \"objects\": []},").arg(name);
        text.chop(1);
        text += QStringLiteral("]}");
        QFile file(root + QStringLiteral("/scenes.json"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
    };
    const QString absolute = top.filePath(QStringLiteral("outside.png"));
    writeScenes({absolute, QStringLiteral("../outside.png"), QStringLiteral("link.png"), QStringLiteral("inside.png")});
    const SceneFolder folder = readSceneFolder(root.toStdString());
    QCOMPARE(folder.scenes.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(folder.scenes[0].name), QStringLiteral("inside"));
    QVERIFY2(QString::fromStdString(folder.note).contains(QStringLiteral("refused %1, which lies outside the folder").arg(absolute)),
             folder.note.c_str());

    writeScenes({QStringLiteral("../outside.png"), QStringLiteral("link.png")});
    try {
        readSceneFolder(root.toStdString());
        QFAIL("a folder of outside files was read");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("refused ../outside.png, which lies outside the folder")), e.what());
    }
}

QTEST_GUILESS_MAIN(TestScenes)
#include "tst_scenes.moc"
