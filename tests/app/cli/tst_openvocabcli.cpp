// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli open-vocab, tokenize and forward --arch dinotxt_* on real files: a model folder
// laid out as the released files are (the small reference towers made with the paper's code, and
// CLIP's vocabulary), the label PNG and JSON it writes and how they agree, the tokenizer's ids for
// the sentence, the towers through `forward` against the paper's outputs, and one-line
// errors.
#include <torch/torch.h> // before Qt: its `slots` macro breaks torch's headers

#include "CliRun.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "tests/engine/openvocab/ClipVocabularyForTests.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace periscope;

namespace {
QString dataPath(const char *name)
{
    return QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/openvocab/") + QLatin1String(name);
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}
} // namespace

class TestOpenVocabCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void segmentsImagesByPrompts();
    void scoresSceneFoldersByAttributes();
    void tokenizePrintsClipsIds();
    void forwardRunsThePapersTowers();
    void builtInModelFindsColoursInDemoScenes();
    void trainsASmallModelThatFindsItsBackbone();
    void badArgumentsGetOneLine_data();
    void badArgumentsGetOneLine();

private:
    QTemporaryDir m_dir;
    QString m_model, m_image;
};

void TestOpenVocabCli::initTestCase()
{
    m_model = m_dir.filePath(QStringLiteral("model"));
    QVERIFY(QDir().mkpath(m_model));
    const QString vocabulary = clipVocabularyForTests(m_dir.path());
    QVERIFY(QFile::copy(dataPath("dinov2_reg_backbone.pth"), m_model + QStringLiteral("/dinov2_tiny_reg2_pretrain.pth")));
    QVERIFY(QFile::copy(dataPath("dinotxt_vision_head.pth"), m_model + QStringLiteral("/tiny_vision_head.pth")));
    QVERIFY(QFile::copy(vocabulary, m_model + QStringLiteral("/bpe_simple_vocab_16e6.txt.gz")));
    // The reference text encoder knows eight CLIP ids ("a", "red", "cube", "sphere", ...).
    StateDict text = loadStateDict(dataPath("dinotxt_text_encoder.pth").toStdString());
    text.emplace_back("vocabulary_ids", torch::tensor({49406, 49407, 320, 736, 11353, 6987, 1125, 539}, torch::kLong));
    writeSafetensors((m_model + QStringLiteral("/tiny_text_encoder.safetensors")).toStdString(), text);
    QImage image(120, 100, QImage::Format_RGB888);
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 120; ++x)
            image.setPixelColor(x, y, QColor(x * 2, y * 2, (x * y) % 256));
    m_image = m_dir.filePath(QStringLiteral("gradient.png"));
    QVERIFY(image.save(m_image));
}

void TestOpenVocabCli::segmentsImagesByPrompts()
{
    const QString out = m_dir.filePath(QStringLiteral("out"));
    const CliRun run = runProgram(QStringLiteral("periscope-cli"),
                                  {QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"), QStringLiteral("a red cube; sphere ;;"),
                                   QStringLiteral("--model"), m_model, QStringLiteral("--input-side"), QStringLiteral("84"), QStringLiteral("--out"), out,
                                   QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("dino.txt: DINOv2 ViT 128 wide, 2 blocks, 2 registers"));
    QVERIFY(run.err.contains("gradient: \""));
    const QJsonObject doc = readJson(out + QStringLiteral("/gradient.openvocab.json"));
    QCOMPARE(doc.value(QStringLiteral("prompts")).toArray(), (QJsonArray{QStringLiteral("a red cube"), QStringLiteral("sphere")}));
    QCOMPARE(doc.value(QStringLiteral("image_embedding")).toArray().size(), 256);
    const QJsonArray texts = doc.value(QStringLiteral("text_embeddings")).toArray();
    QCOMPARE(texts.size(), 2);
    QCOMPARE(texts.at(0).toArray().size(), 256);
    double sum = 0.0;
    for (const QJsonValue &p : doc.value(QStringLiteral("zero_shot")).toArray())
        sum += p.toDouble();
    QVERIFY(std::abs(sum - 1.0) < 1e-5);
    QCOMPARE(doc.value(QStringLiteral("patch_grid")).toArray(), (QJsonArray{5, 6}));
    const QJsonArray patches = doc.value(QStringLiteral("patch_similarity")).toArray();
    QCOMPARE(patches.size(), 2);
    QCOMPARE(patches.at(1).toArray().size(), 30);
    QCOMPARE(doc.value(QStringLiteral("map_size")).toArray(), (QJsonArray{120, 100}));
    // The label PNG holds 1 + the prompt, and its counts are the coverage.
    const QImage labels(out + QStringLiteral("/gradient.openvocab.png"));
    QCOMPARE(labels.size(), QSize(120, 100));
    double counts[3] = {0, 0, 0};
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 120; ++x) {
            const int v = qGray(labels.pixel(x, y));
            QVERIFY(v >= 1 && v <= 2); // no background at the default threshold
            counts[v] += 1.0 / 12000.0;
        }
    const QJsonArray coverage = doc.value(QStringLiteral("coverage")).toArray();
    QVERIFY(std::abs(coverage.at(0).toDouble() - counts[1]) < 1e-9);
    QVERIFY(std::abs(coverage.at(1).toDouble() - counts[2]) < 1e-9);
}

void TestOpenVocabCli::scoresSceneFoldersByAttributes()
{
    const QString scenes = m_dir.filePath(QStringLiteral("scenes"));
    const CliRun made = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("scenes"), QStringLiteral("--count"), QStringLiteral("3"),
                                                                     QStringLiteral("--out"), scenes, QStringLiteral("--seed"), QStringLiteral("4"),
                                                                     QStringLiteral("--size"), QStringLiteral("96x72")},
                                   120000, {QStringLiteral("DISPLAY")});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QString out = m_dir.filePath(QStringLiteral("scene-out"));
    const QStringList prompts{QStringLiteral("red objects"), QStringLiteral("metal cubes"), QStringLiteral("small spheres"), QStringLiteral("a dog")};
    const CliRun run = runProgram(QStringLiteral("periscope-cli"),
                                  {QStringLiteral("open-vocab"), scenes, QStringLiteral("--prompts"), prompts.join(QLatin1Char(';')), QStringLiteral("--model"),
                                   m_model, QStringLiteral("--input-side"), QStringLiteral("56"), QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("scored_images")).toInt(), 3);
    const QJsonArray rows = report.value(QStringLiteral("prompts")).toArray();
    QCOMPARE(rows.size(), 4);
    QVERIFY(!rows.at(3).toObject().value(QStringLiteral("scored")).toBool());
    QVERIFY(rows.at(3).toObject().value(QStringLiteral("iou")).isNull());
    // The IoU again, from the files: the label PNGs written, the scene's masks and its JSON.
    QFile json(scenes + QStringLiteral("/scenes.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray sceneList = QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("scenes")).toArray();
    QCOMPARE(sceneList.size(), 3);
    double intersection[3] = {0, 0, 0}, unions[3] = {0, 0, 0};
    for (const QJsonValue &value : sceneList) {
        const QJsonObject scene = value.toObject();
        const QString name = QFileInfo(scene.value(QStringLiteral("image_filename")).toString()).completeBaseName();
        const QImage labels(out + QStringLiteral("/") + name + QStringLiteral(".openvocab.png"));
        const QImage mask(scenes + QStringLiteral("/masks/") + name + QStringLiteral(".png"));
        QVERIFY2(!labels.isNull() && !mask.isNull(), qPrintable(name));
        QCOMPARE(labels.size(), mask.size());
        const QJsonArray objects = scene.value(QStringLiteral("objects")).toArray();
        for (int y = 0; y < mask.height(); ++y)
            for (int x = 0; x < mask.width(); ++x) {
                const int id = qGray(mask.pixel(x, y)), label = qGray(labels.pixel(x, y)) - 1;
                const QJsonObject o = id > 0 && id <= objects.size() ? objects.at(id - 1).toObject() : QJsonObject();
                const bool truth[3] = {o.value(QStringLiteral("color")).toString() == QLatin1String("red"),
                                       o.value(QStringLiteral("material")).toString() == QLatin1String("metal") &&
                                           o.value(QStringLiteral("shape")).toString() == QLatin1String("cube"),
                                       o.value(QStringLiteral("size")).toString() == QLatin1String("small") &&
                                           o.value(QStringLiteral("shape")).toString() == QLatin1String("sphere")};
                for (int p = 0; p < 3; ++p) {
                    intersection[p] += double(truth[p] && label == p);
                    unions[p] += double(truth[p] || label == p);
                }
            }
    }
    double sum = 0.0;
    int counted = 0;
    for (int p = 0; p < 3; ++p) {
        const QJsonValue reported = rows.at(p).toObject().value(QStringLiteral("iou"));
        if (unions[p] == 0.0) {
            QVERIFY(reported.isNull());
            continue;
        }
        QVERIFY2(std::abs(reported.toDouble() - intersection[p] / unions[p]) < 1e-9, qPrintable(prompts[p]));
        sum += intersection[p] / unions[p];
        ++counted;
    }
    QVERIFY(counted > 0);
    QVERIFY(std::abs(report.value(QStringLiteral("mean_iou")).toDouble() - sum / counted) < 1e-9);
}

void TestOpenVocabCli::tokenizePrintsClipsIds()
{
    if (!QFile::exists(realClipVocabulary()))
        QSKIP("../shared/data/clip is not here (a clone outside the team's workspace): the ids of real words need the real vocabulary");
    const QString vocabulary = realClipVocabulary();
    const CliRun run = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("tokenize"), QStringLiteral("--bpe"), vocabulary,
                                                                    QStringLiteral("--no-padding"), QStringLiteral("a photo of a cat"), QStringLiteral("Hi!")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(doc.value(QStringLiteral("tokens")).toArray().at(0).toArray(), (QJsonArray{49406, 320, 1125, 539, 320, 2368, 49407}));
    QCOMPARE(doc.value(QStringLiteral("texts")).toArray(), (QJsonArray{QStringLiteral("a photo of a cat"), QStringLiteral("hi !")}));
    const CliRun padded = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("tokenize"), QStringLiteral("--bpe"), vocabulary, QStringLiteral("x")});
    QCOMPARE(QJsonDocument::fromJson(padded.out).object().value(QStringLiteral("tokens")).toArray().at(0).toArray().size(), 77);
}

void TestOpenVocabCli::forwardRunsThePapersTowers()
{
    const StateDict reference = readSafetensors(dataPath("dinotxt_reference.safetensors").toStdString()).tensors;
    const QString images = m_dir.filePath(QStringLiteral("images.safetensors")), ids = m_dir.filePath(QStringLiteral("ids.safetensors"));
    writeSafetensors(images.toStdString(), {{"input", *findTensor(reference, "images")}});
    writeSafetensors(ids.toStdString(), {{"input", *findTensor(reference, "token_ids")}});
    const QString visionOut = m_dir.filePath(QStringLiteral("vision.safetensors")), textOut = m_dir.filePath(QStringLiteral("text.safetensors"));
    CliRun run = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("forward"), QStringLiteral("--arch"), QStringLiteral("dinotxt_vision"),
                                                              QStringLiteral("--weights"), dataPath("dinov2_reg_backbone.pth"), QStringLiteral("--head-weights"),
                                                              dataPath("dinotxt_vision_head.pth"), QStringLiteral("--input"), images, QStringLiteral("--out"), visionOut});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("forward"), QStringLiteral("--arch"), QStringLiteral("dinotxt_text"), QStringLiteral("--weights"),
                                                       dataPath("dinotxt_text_encoder.pth"), QStringLiteral("--input"), ids, QStringLiteral("--out"), textOut});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const StateDict vision = readSafetensors(visionOut.toStdString()).tensors, text = readSafetensors(textOut.toStdString()).tensors;
    // Tolerance as tst_dinotxt argues it: 1e-4 of the output's scale.
    for (const char *name : {"cls", "patch_tokens", "image_embedding"}) {
        const torch::Tensor expected = *findTensor(reference, name);
        QVERIFY2((*findTensor(vision, name) - expected).abs().max().item<double>() <= 1e-4 * expected.abs().max().item<double>(), name);
    }
    const torch::Tensor expected = *findTensor(reference, "text_embedding");
    QVERIFY((*findTensor(text, "text_embedding") - expected).abs().max().item<double>() <= 1e-4 * expected.abs().max().item<double>());
}

void TestOpenVocabCli::builtInModelFindsColoursInDemoScenes()
{
    // The demo's 16 scenes, which no model here was trained on, by the 8 colours.
    const QString demo = QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/scenes/demo");
    const QString colours = QStringLiteral("gray objects;red objects;blue objects;green objects;brown objects;purple objects;cyan objects;yellow objects");
    const CliRun run = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("open-vocab"), demo, QStringLiteral("--prompts"), colours,
                                                                    QStringLiteral("--model"), QStringLiteral("openvocab-scenes-small"),
                                                                    QStringLiteral("--out"), m_dir.filePath(QStringLiteral("demo-out"))});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.err.contains("small, trained here"));
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("scored_images")).toInt(), 16);
    // The model's own background threshold, chosen on its validation scenes.
    const double background = report.value(QStringLiteral("background")).toDouble();
    QVERIFY(background > -1.0 && background < 1.0);
    const double miou = report.value(QStringLiteral("mean_iou")).toDouble(), shuffled = report.value(QStringLiteral("shuffled_mean_iou")).toDouble();
    qInfo("colours on the demo scenes: prompt mIoU %.3f, shuffled %.3f, background %.2f", miou, shuffled, background);
    QVERIFY2(miou > shuffled + 0.3, qPrintable(QStringLiteral("mIoU %1, shuffled %2").arg(miou).arg(shuffled)));
}

void TestOpenVocabCli::trainsASmallModelThatFindsItsBackbone()
{
    const QString scenes = m_dir.filePath(QStringLiteral("train-scenes"));
    const CliRun made = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("scenes"), QStringLiteral("--count"), QStringLiteral("12"),
                                                                     QStringLiteral("--out"), scenes, QStringLiteral("--seed"), QStringLiteral("5"),
                                                                     QStringLiteral("--size"), QStringLiteral("96x72")},
                                   120000, {QStringLiteral("DISPLAY")});
    QVERIFY2(made.exitCode == 0, made.err.constData());
    // A Slots model given as a file: the weights name it by its file name, read beside them.
    const QString folder = m_dir.filePath(QStringLiteral("trained"));
    QVERIFY(QDir().mkpath(folder));
    const QString backbone = folder + QStringLiteral("/my-slots.safetensors");
    QVERIFY(QFile::copy(QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/models/slots/slots-scenes-small.safetensors"), backbone));
    const QString weights = folder + QStringLiteral("/small.safetensors");
    const CliRun trained = runProgram(QStringLiteral("periscope-cli"),
                                      {QStringLiteral("train-open-vocab"), QStringLiteral("--data"), scenes, QStringLiteral("--backbone"), backbone,
                                       QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--batch-size"), QStringLiteral("4"),
                                       QStringLiteral("--text-layers"), QStringLiteral("1"), QStringLiteral("--validation"), QStringLiteral("0.25"),
                                       QStringLiteral("--out"), weights});
    QVERIFY2(trained.exitCode == 0, trained.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(trained.out).object();
    QCOMPARE(summary.value(QStringLiteral("backbone")).toString(), QStringLiteral("my-slots.safetensors"));
    QCOMPARE(summary.value(QStringLiteral("epochs")).toArray().size(), 2);
    QCOMPARE(summary.value(QStringLiteral("train_images")).toInt() + summary.value(QStringLiteral("validation_images")).toInt(), 12);
    QVERIFY(summary.value(QStringLiteral("words")).toInt() > 10);
    QVERIFY(readJson(folder + QStringLiteral("/small.json")).contains(QStringLiteral("epochs")));

    const QString out = m_dir.filePath(QStringLiteral("trained-out"));
    const CliRun run = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"),
                                                                    QStringLiteral("red objects;a pink dog"), QStringLiteral("--model"), weights,
                                                                    QStringLiteral("--out"), out, QStringLiteral("--figure"),
                                                                    out + QStringLiteral("/figure.png")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    // The figure: segmentation with its legend beside the two prompts' maps, wider than tall.
    const QImage figure(out + QStringLiteral("/figure.png"));
    QVERIFY(!figure.isNull());
    QVERIFY(figure.width() > figure.height());
    QVERIFY2(run.err.contains("\"a pink dog\": the model never saw pink, dog"), run.err.constData());
    const QJsonObject doc = readJson(out + QStringLiteral("/gradient.openvocab.json"));
    QCOMPARE(doc.value(QStringLiteral("patch_grid")).toArray(), (QJsonArray{16, 16}));
    QCOMPARE(doc.value(QStringLiteral("map_size")).toArray(), (QJsonArray{120, 100}));
    QCOMPARE(QImage(out + QStringLiteral("/gradient.openvocab.png")).size(), QSize(120, 100));

    // Moved away from its backbone, it says which file it misses.
    const QString moved = m_dir.filePath(QStringLiteral("moved.safetensors"));
    QVERIFY(QFile::copy(weights, moved));
    const CliRun lost = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"),
                                                                     QStringLiteral("red objects"), QStringLiteral("--model"), moved,
                                                                     QStringLiteral("--out"), out});
    QCOMPARE(lost.exitCode, 1);
    QVERIFY2(lost.err.contains("was trained on the Slots model my-slots.safetensors, which is not beside it"), lost.err.constData());
}

void TestOpenVocabCli::badArgumentsGetOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");
    const QString out = m_dir.filePath(QStringLiteral("bad"));
    QTest::newRow("no prompts") << QStringList{QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"), QStringLiteral(" ; "),
                                               QStringLiteral("--model"), m_model, QStringLiteral("--out"), out}
                                << 2 << QStringLiteral("give at least one prompt");
    QTest::newRow("a prompt twice") << QStringList{QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"), QStringLiteral("cube;cube"),
                                                   QStringLiteral("--model"), m_model, QStringLiteral("--out"), out}
                                    << 2 << QStringLiteral("given twice");
    // Without --model the released files come from the catalogue: not fetched in the test's home.
    QTest::newRow("released model not fetched") << QStringList{QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"), QStringLiteral("cube"),
                                                               QStringLiteral("--out"), out}
                                                << 1 << QStringLiteral("'dinov2-vitl14-reg4' is not on this machine: periscope-cli models fetch");
    QTest::newRow("a model that is no folder") << QStringList{QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"), QStringLiteral("cube"),
                                                              QStringLiteral("--model"), QStringLiteral("nowhere"), QStringLiteral("--out"), out}
                                               << 1 << QStringLiteral("nowhere is neither a folder");
    QTest::newRow("a folder without a head") << QStringList{QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"), QStringLiteral("cube"),
                                                            QStringLiteral("--model"), m_dir.path(), QStringLiteral("--out"), out}
                                             << 1 << QStringLiteral("has no DINOv2 backbone");
    QTest::newRow("a text encoder for another vocabulary")
        << QStringList{QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"), QStringLiteral("cube"), QStringLiteral("--model"), m_model,
                       QStringLiteral("--text"), dataPath("dinotxt_text_encoder.pth"), QStringLiteral("--out"), out}
        << 1 << QStringLiteral("its token table has 64 rows");
    QTest::newRow("not an image") << QStringList{QStringLiteral("open-vocab"), dataPath("clip_tokens.json"), QStringLiteral("--prompts"), QStringLiteral("cube"),
                                                 QStringLiteral("--model"), m_model, QStringLiteral("--out"), out}
                                  << 1 << QStringLiteral("no image could be read");
    QTest::newRow("vision without a head") << QStringList{QStringLiteral("forward"), QStringLiteral("--arch"), QStringLiteral("dinotxt_vision"), QStringLiteral("--weights"),
                                                          dataPath("dinov2_reg_backbone.pth"), QStringLiteral("--input"), m_image, QStringLiteral("--out"), out + QStringLiteral(".st")}
                                           << 1 << QStringLiteral("needs the vision head's weights");
    QTest::newRow("tokenize with no vocabulary") << QStringList{QStringLiteral("tokenize"), QStringLiteral("--bpe"), m_image, QStringLiteral("x")} << 1
                                                 << QStringLiteral("is not a CLIP BPE vocabulary");
    QTest::newRow("train on a folder that is no scene folder")
        << QStringList{QStringLiteral("train-open-vocab"), QStringLiteral("--data"), m_model, QStringLiteral("--out"), out + QStringLiteral(".safetensors")}
        << 1 << QStringLiteral("is not a scene folder");
    QTest::newRow("a text width that does not split into heads")
        << QStringList{QStringLiteral("train-open-vocab"), QStringLiteral("--data"), m_dir.path(), QStringLiteral("--text-width"), QStringLiteral("100"),
                       QStringLiteral("--out"), out + QStringLiteral(".safetensors")}
        << 2 << QStringLiteral("multiple of 64");
    QTest::newRow("a backbone that does not exist")
        << QStringList{QStringLiteral("train-open-vocab"), QStringLiteral("--data"), QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/scenes/demo"),
                       QStringLiteral("--backbone"), QStringLiteral("nowhere.safetensors"), QStringLiteral("--out"), out + QStringLiteral(".safetensors")}
        << 1 << QStringLiteral("nowhere.safetensors");
    QTest::newRow("weights that are no small dino.txt")
        << QStringList{QStringLiteral("open-vocab"), m_image, QStringLiteral("--prompts"), QStringLiteral("cube"), QStringLiteral("--model"),
                       QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/models/slots/slots-scenes-small.safetensors"), QStringLiteral("--out"), out}
        << 1 << QStringLiteral("is not a small dino.txt trained here");
    QTest::newRow("tokenize with no text") << QStringList{QStringLiteral("tokenize"), QStringLiteral("--bpe"), m_image} << 2
                                           << QStringLiteral("give at least one text");
}

void TestOpenVocabCli::badArgumentsGetOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    const CliRun run = runProgram(QStringLiteral("periscope-cli"), arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(reason.toUtf8()), run.err.constData());
    // One line, whatever went wrong (warnings about skipped files come before it).
    QVERIFY2(run.err.trimmed().split('\n').last().startsWith("periscope-cli: "), run.err.constData());
}

QTEST_GUILESS_MAIN(TestOpenVocabCli)
#include "tst_openvocabcli.moc"
