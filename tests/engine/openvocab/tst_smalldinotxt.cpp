// SPDX-License-Identifier: GPL-3.0-or-later
// The small dino.txt trained here: its word tokenizer, the scene captions it learns from (every
// phrase must be true of its scene, counts included), the prompts' true pixels, and a model
// trained for one epoch on drawn scenes over the built-in Slots ViT: written with its word list
// and backbone, loaded back, analysed, and refused when its backbone or metadata do not fit.
#include <torch/torch.h>

#include "engine/core/errors/Error.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/openvocab/OpenVocabModel.h"
#include "engine/openvocab/OpenVocabTraining.h"
#include "engine/openvocab/SceneCaptions.h"
#include "engine/openvocab/ScenePrompts.h"
#include "engine/openvocab/WordVocabulary.h"
#include "tests/engine/ErrorReason.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>
#include <numeric>
#include <sstream>

using namespace periscope;
using namespace periscope::openvocab;
using periscope::testing::reasonOf;

namespace {
const std::string kBackbone = PERISCOPE_SOURCE_DIR "/resources/models/slots/slots-scenes-small.safetensors";

scenes::SceneObjectAttributes object(const char *size, const char *color, const char *material, const char *shape, int maskId = 0)
{
    scenes::SceneObjectAttributes o;
    o.size = size;
    o.color = color;
    o.material = material;
    o.shape = shape;
    o.maskId = maskId;
    return o;
}

// A gray floor with up to three coloured boxes (the objects, mask ids 1..3).
OpenVocabTrainingSample drawnScene(int index)
{
    static const std::vector<std::pair<const char *, std::array<int, 3>>> colors = {{"red", {200, 40, 40}}, {"blue", {40, 60, 210}}, {"green", {40, 180, 60}}};
    OpenVocabTrainingSample s;
    s.image = Image(80, 60, 3, PixelFormat::UInt8);
    s.mask = Image(80, 60, 1, PixelFormat::UInt8);
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 80; ++x) {
            for (int c = 0; c < 3; ++c)
                s.image.setSample(x, y, c, 120);
            s.mask.setSample(x, y, 0, 0);
        }
    for (int k = 0; k < 1 + index % 3; ++k) {
        const auto &[name, rgb] = colors[std::size_t((index + k) % 3)];
        const int x0 = 5 + 25 * k, y0 = 10 + 5 * (index % 4), side = k == 0 ? 20 : 12;
        for (int y = y0; y < y0 + side; ++y)
            for (int x = x0; x < x0 + side; ++x) {
                for (int c = 0; c < 3; ++c)
                    s.image.setSample(x, y, c, float(rgb[std::size_t(c)]));
                s.mask.setSample(x, y, 0, float(k + 1));
            }
        s.objects.push_back(object(k == 0 ? "large" : "small", name, k % 2 ? "metal" : "rubber", "cube", k + 1));
    }
    return s;
}

std::vector<OpenVocabTrainingSample> drawnScenes(int count)
{
    std::vector<OpenVocabTrainingSample> samples;
    for (int i = 0; i < count; ++i)
        samples.push_back(drawnScene(i));
    return samples;
}

// Small and quick: one text block, over the built-in Slots ViT, weights in `dir`.
OpenVocabTrainingSettings quickSettings(const QTemporaryDir &dir, int epochs, int batchSize)
{
    OpenVocabTrainingSettings settings;
    settings.backbonePath = kBackbone;
    settings.backboneName = "slots-scenes-small";
    settings.outPath = dir.filePath(QStringLiteral("small.safetensors")).toStdString();
    settings.epochs = epochs;
    settings.batchSize = batchSize;
    settings.textLayers = 1;
    return settings;
}

const char *const kNumbers[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

// Splits "a red cube and two spheres, three cylinders" into its phrases.
std::vector<std::string> phrasesOf(std::string caption)
{
    for (std::size_t at; (at = caption.find(", ")) != std::string::npos;)
        caption.replace(at, 2, " and ");
    std::vector<std::string> out;
    for (std::size_t begin = 0;;) {
        const std::size_t at = caption.find(" and ", begin);
        out.push_back(caption.substr(begin, at == std::string::npos ? std::string::npos : at - begin));
        if (at == std::string::npos)
            return out;
        begin = at + 5;
    }
}
} // namespace

class TestSmallDinoTxt : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wordsAreReadAsCaptionsAre();
    void wordListsThatCannotBeRead();
    void everyCaptionIsTrueOfItsScene();
    void promptTruthFollowsTheMask();
    void trainedModelLoadsAndAnalyses();
    void modelsThatDoNotFitAreRefused();
    void trainingRefusesScenesWithoutObjects();
};

void TestSmallDinoTxt::wordsAreReadAsCaptionsAre()
{
    const WordVocabulary words({"a", "red", "cube", "cubes"});
    QCOMPARE(words.rowCount(), std::int64_t(8));
    WordTokens t = words.encode("A  RED Cube!", 8);
    // start, a, red, cube, "!" (unknown), end, padding
    QCOMPARE(t.rows, (std::vector<std::int64_t>{1, 4, 5, 6, 3, 2, 0, 0}));
    QCOMPARE(t.endPosition, std::int64_t(5));
    QCOMPARE(t.unknown, std::vector<std::string>{"!"});
    QVERIFY(!t.truncated);
    t = words.encode("a red cube", 4);
    QCOMPARE(t.rows, (std::vector<std::int64_t>{1, 4, 5, 2}));
    QCOMPARE(t.endPosition, std::int64_t(3));
    QVERIFY(t.truncated);
    t = words.encode("", 4);
    QCOMPARE(t.rows, (std::vector<std::int64_t>{1, 2, 0, 0}));
    QCOMPARE(WordVocabulary::wordsOf({"a red cube", "A red  sphere"}), (std::vector<std::string>{"a", "red", "cube", "sphere"}));
    QVERIFY(reasonOf([&] { words.encode("a", 1); }).find("context") != std::string::npos);
}

void TestSmallDinoTxt::wordListsThatCannotBeRead()
{
    QVERIFY(reasonOf([] { WordVocabulary({}); }).find("no words") != std::string::npos);
    QVERIFY(reasonOf([] { WordVocabulary({"red", "red"}); }).find("twice") != std::string::npos);
    QVERIFY(reasonOf([] { WordVocabulary({"Red"}); }).find("not one clean lower-case word") != std::string::npos);
    QVERIFY(reasonOf([] { WordVocabulary({"two words"}); }).find("not one clean lower-case word") != std::string::npos);
    QVERIFY(reasonOf([] { WordVocabulary({std::string(65, 'a')}); }).find("longer than") != std::string::npos);
}

void TestSmallDinoTxt::everyCaptionIsTrueOfItsScene()
{
    const std::vector<scenes::SceneObjectAttributes> objects = {
        object("large", "red", "metal", "sphere"),  object("small", "red", "rubber", "cube"),  object("large", "blue", "metal", "cube"),
        object("small", "gray", "rubber", "cylinder"), object("small", "red", "rubber", "cube"), object("large", "yellow", "metal", "cylinder")};
    std::mt19937_64 random(3);
    int phrases = 0, counted = 0;
    for (int draw = 0; draw < 60; ++draw) {
        const std::vector<std::string> captions = sceneCaptions(objects, 12, random);
        QCOMPARE(int(captions.size()), 12);
        for (const std::string &caption : captions) {
            // The trainer's reading of it holds too.
            const auto claims = captionClaims(caption);
            QVERIFY2(claims && claimsHold(*claims, objects), caption.c_str());
            for (const std::string &phrase : phrasesOf(caption)) {
                std::istringstream in(phrase);
                std::string first, rest, w;
                in >> first;
                int number = -1;
                for (int n = 0; n <= 10; ++n)
                    if (first == kNumbers[n])
                        number = n;
                const std::string body = number >= 0 || first == "a" || first == "an" ? phrase.substr(first.size() + 1) : phrase;
                const std::optional<AttributeQuery> query = parseScenePrompt(body);
                QVERIFY2(query && !body.empty(), (caption + ": " + body).c_str());
                const int matching = int(std::count_if(objects.begin(), objects.end(),
                                                       [&](const auto &o) { return query->matches(o.color, o.material, o.shape, o.size); }));
                const bool plural = body.back() == 's';
                QVERIFY2(matching > 0, caption.c_str());
                if (number >= 0) {
                    QVERIFY2(matching == number, caption.c_str());
                    ++counted;
                } else {
                    QVERIFY2(plural ? matching >= 2 : matching == 1, caption.c_str());
                }
                ++phrases;
            }
        }
    }
    QVERIFY(counted > 50 && phrases > counted + 50);
    // A scene with no objects has nothing to say.
    QVERIFY(sceneCaptions({}, 5, random).empty());
    // Claims read by hand: counts are exact, plurals and articles mean "at least one".
    const auto two = captionClaims("two red objects and a cube");
    QVERIFY(two && two->size() == 2);
    QCOMPARE((*two)[0].count, 2);
    QCOMPARE((*two)[0].query.color, std::string("red"));
    QCOMPARE((*two)[1].count, -1);
    QCOMPARE((*two)[1].query.shape, std::string("cube"));
    QVERIFY(!claimsHold(*two, objects)); // three red objects
    QVERIFY(claimsHold(*captionClaims("three red objects, two cylinders and a yellow thing"), objects));
    QVERIFY(!claimsHold(*captionClaims("green objects"), objects));
    QVERIFY(!captionClaims("a dog"));
    QVERIFY(!captionClaims(""));
}

void TestSmallDinoTxt::promptTruthFollowsTheMask()
{
    Image mask(4, 2, 1, PixelFormat::UInt8);
    const int ids[2][4] = {{0, 1, 1, 2}, {0, 0, 2, 2}};
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 4; ++x)
            mask.setSample(x, y, 0, float(ids[y][x]));
    const std::vector<scenes::SceneObjectAttributes> objects = {object("large", "red", "metal", "cube", 1), object("small", "blue", "rubber", "cube", 2)};
    const auto truth = promptTruth({"red objects", "cubes", "a dog"}, mask, objects, 8, 4);
    QCOMPARE(truth.size(), std::size_t(3));
    // Nearest: map pixel (x, y) reads mask (x / 2, y / 2).
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 8; ++x) {
            const int id = ids[y / 2][x / 2];
            const std::size_t at = std::size_t(y * 8 + x);
            QCOMPARE(bool(truth[0][at]), id == 1);
            QCOMPARE(bool(truth[1][at]), id != 0);
            QVERIFY(!truth[2][at]);
        }
    QVERIFY(reasonOf([&] { promptTruth({"cubes"}, Image(), objects, 8, 4); }).find("mask") != std::string::npos);
}

void TestSmallDinoTxt::trainedModelLoadsAndAnalyses()
{
    QTemporaryDir dir;
    const std::vector<OpenVocabTrainingSample> samples = drawnScenes(24);
    OpenVocabTrainingSettings settings = quickSettings(dir, 2, 8);
    settings.validationFraction = 0.25;
    int epochs = 0;
    const OpenVocabTrainingSummary summary = trainOpenVocab(samples, settings, {}, [&](const OpenVocabEpoch &e) {
        ++epochs;
        QVERIFY(std::isfinite(e.trainLoss) && e.trainLoss > 0.0);
        QVERIFY(e.validationAccuracy >= 0.0 && e.validationAccuracy <= 1.0);
        QVERIFY(e.validationMiou >= 0.0 && e.validationMiou <= 1.0);
    });
    QCOMPARE(epochs, 2);
    QCOMPARE(summary.trainCount + summary.validationCount, std::int64_t(24));
    QVERIFY(summary.words > 10);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("small.json"))));

    QCOMPARE(OpenVocabModel::smallModelBackbone(settings.outPath), std::string("slots-scenes-small"));
    QCOMPARE(OpenVocabModel::smallModelBackbone(kBackbone), std::string());
    const auto model = OpenVocabModel::loadSmall(settings.outPath, kBackbone);
    QVERIFY(model->isSmall());
    QCOMPARE(model->patchSize(), 4);
    QCOMPARE(model->embeddingWidth(), 128);
    QVERIFY(model->describe().find("small, trained here") != std::string::npos);
    const double background = model->suggestedBackground();
    QVERIFY(background >= -1.0 && background <= 1.0);

    const PromptSet prompts = model->embedPrompts({"red objects", "blue cubes", "a pink dog"}, PromptTemplates::None);
    QCOMPARE(prompts.unknownWords[0], std::vector<std::string>{});
    QCOMPARE(prompts.unknownWords[2], (std::vector<std::string>{"pink", "dog"}));
    OpenVocabOptions options;
    options.background = background;
    const OpenVocabResult result = model->analyse(samples[0].image, prompts, options);
    // The whole image, squeezed to the backbone's 64 x 64: the maps keep the image's shape.
    QCOMPARE(result.inputWidth, 64);
    QCOMPARE(result.inputHeight, 64);
    QCOMPARE(result.patchRows, 16);
    QCOMPARE(result.patchCols, 16);
    QCOMPARE(result.mapWidth, 80);
    QCOMPARE(result.mapHeight, 60);
    QCOMPARE(result.imageEmbedding.size(), std::size_t(128));
    // float32 probabilities: their sum is 1 within a few units of float's last place.
    QVERIFY(std::abs(std::accumulate(result.zeroShot.begin(), result.zeroShot.end(), 0.0) - 1.0) < 1e-6);
    for (int label : result.labels)
        QVERIFY(label >= -1 && label < 3);
    for (float s : result.pixelSimilarity)
        QVERIFY(s >= -1.0001f && s <= 1.0001f);
}

void TestSmallDinoTxt::modelsThatDoNotFitAreRefused()
{
    QTemporaryDir dir;
    OpenVocabTrainingSettings settings = quickSettings(dir, 1, 4);
    settings.headBlocks = 1;
    trainOpenVocab(drawnScenes(8), settings);
    const SafetensorsContents contents = readSafetensors(settings.outPath);
    const auto rewritten = [&](const std::string &key, const std::string &value) {
        Metadata metadata = contents.metadata;
        for (auto &[k, v] : metadata)
            if (k == key)
                v = value;
        const std::string path = dir.filePath(QString::fromStdString(key + ".safetensors")).toStdString();
        writeSafetensors(path, contents.tensors, metadata);
        return path;
    };
    QVERIFY(reasonOf([&] { OpenVocabModel::loadSmall(rewritten("backbone_sha256", std::string(64, '0')), kBackbone); }).find("another backbone") !=
            std::string::npos);
    QVERIFY(reasonOf([&] { OpenVocabModel::loadSmall(rewritten("words", "red Red"), kBackbone); }).find("word vocabulary") != std::string::npos);
    QVERIFY(reasonOf([&] { OpenVocabModel::loadSmall(rewritten("words", "red"), kBackbone); }).empty()); // fewer words than rows is fine
    QVERIFY(reasonOf([&] { OpenVocabModel::loadSmall(rewritten("background", "2"), kBackbone); }).find("between -1 and 1") != std::string::npos);
    QVERIFY(reasonOf([&] { OpenVocabModel::loadSmall(rewritten("architecture", "slots-vit"), kBackbone); }).find("not a small dino.txt") !=
            std::string::npos);
    QVERIFY(reasonOf([&] { OpenVocabModel::loadSmall(kBackbone, kBackbone); }).find("not a small dino.txt") != std::string::npos);
    // A tensor missing: strict loading names it.
    StateDict fewer(contents.tensors.begin() + 1, contents.tensors.end());
    const std::string missing = dir.filePath(QStringLiteral("missing.safetensors")).toStdString();
    writeSafetensors(missing, fewer, contents.metadata);
    QVERIFY(!reasonOf([&] { OpenVocabModel::loadSmall(missing, kBackbone); }).empty());
}

void TestSmallDinoTxt::trainingRefusesScenesWithoutObjects()
{
    QTemporaryDir dir;
    OpenVocabTrainingSettings settings = quickSettings(dir, 1, 4);
    std::vector<OpenVocabTrainingSample> samples = drawnScenes(3);
    QVERIFY(reasonOf([&] { trainOpenVocab(samples, settings); }).find("at least 4") != std::string::npos);
    samples.push_back(drawnScene(3));
    samples[2].objects.clear();
    QVERIFY(reasonOf([&] { trainOpenVocab(samples, settings); }).find("lists no objects") != std::string::npos);
    settings.textWidth = 100;
    QVERIFY(reasonOf([&] { trainOpenVocab(samples, settings); }).find("multiple of 64") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestSmallDinoTxt)
#include "tst_smalldinotxt.moc"
