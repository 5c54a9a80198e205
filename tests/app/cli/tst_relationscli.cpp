// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli scenes --relations -> train-relations -> relations on real files: the per-image
// JSON against the scene's truth (every hit really is a true triplet, every object's box the
// scene's), the recall tables, a detector's boxes in COCO's results format, the paper's network
// through `forward --arch ws_vrd`, and one-line errors.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <set>

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestRelationsCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainThenRecoverRelations();
    void detectionsGiveTheBoxes();
    void thePriorWeighsTheTripletsAndAFigureIsDrawn();
    void forwardRunsThePapersNetwork();
    void badArgumentsGetOneLine_data();
    void badArgumentsGetOneLine();

private:
    QTemporaryDir m_dir;
    QString m_scenes, m_weights;
};

void TestRelationsCli::initTestCase()
{
    m_scenes = m_dir.filePath(QStringLiteral("scenes"));
    const CliRun run = runProgram(QStringLiteral("periscope-cli"),
                                  {QStringLiteral("scenes"), QStringLiteral("--relations"), QStringLiteral("--count"), QStringLiteral("24"),
                                   QStringLiteral("--out"), m_scenes, QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--size"),
                                   QStringLiteral("160x120")},
                                  120000, {QStringLiteral("DISPLAY")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    m_weights = m_dir.filePath(QStringLiteral("relations.safetensors"));
    const CliRun train = runProgram(QStringLiteral("periscope-cli"),
                                    {QStringLiteral("train-relations"), QStringLiteral("--data"), m_scenes, QStringLiteral("--out"), m_weights,
                                     QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--batch-size"), QStringLiteral("8"),
                                     QStringLiteral("--width"), QStringLiteral("32"), QStringLiteral("--validation"), QStringLiteral("0.25")},
                                    300000);
    QVERIFY2(train.exitCode == 0, train.err.constData());
    QVERIFY(train.err.contains("epoch 2/2"));
    QVERIFY(train.err.contains("R@20"));
    const QJsonObject summary = QJsonDocument::fromJson(train.out).object();
    QCOMPARE(summary.value(QStringLiteral("epochs")).toArray().size(), 2);
    QCOMPARE(summary.value(QStringLiteral("validation_examples")).toInt(), 6);
    const QJsonObject sidecar = readJson(m_dir.filePath(QStringLiteral("relations.json")));
    QCOMPARE(sidecar.value(QStringLiteral("relations_model")).toObject().value(QStringLiteral("predicate_classes")).toArray().size(), 7);
}

void TestRelationsCli::trainThenRecoverRelations()
{
    const QString out = m_dir.filePath(QStringLiteral("out"));
    const CliRun run = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("relations"), m_scenes, QStringLiteral("--model"), m_weights,
                                                                    QStringLiteral("--out"), out, QStringLiteral("--recall"), QStringLiteral("5,20")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("images")).toInt(), 24);
    QCOMPARE(report.value(QStringLiteral("failed")).toInt(), 0);
    const QJsonObject recall = report.value(QStringLiteral("recall")).toObject();
    for (const char *mode : {"predicate", "phrase", "relationship"}) {
        const double r5 = recall.value(QLatin1String(mode)).toObject().value(QStringLiteral("R@5")).toDouble(-1);
        const double r20 = recall.value(QLatin1String(mode)).toObject().value(QStringLiteral("R@20")).toDouble(-1);
        QVERIFY2(r5 >= 0.0 && r5 <= r20 && r20 <= 1.0, mode); // recall grows with K
    }
    QVERIFY(QFile::exists(out + QStringLiteral("/relations.recall.csv")));
    QVERIFY(QFile::exists(out + QStringLiteral("/relations.json")));

    // Every image's JSON: the scene's own boxes, and "hit" exactly where a triplet is true.
    const QJsonArray scenes = readJson(m_scenes + QStringLiteral("/scenes.json")).value(QStringLiteral("scenes")).toArray();
    int hits = 0, triplets = 0;
    for (const QJsonValue &sceneValue : scenes) {
        const QJsonObject scene = sceneValue.toObject();
        const QString stem = scene.value(QStringLiteral("image_filename")).toString().chopped(4);
        const QJsonObject result = readJson(out + QLatin1Char('/') + stem + QStringLiteral(".relations.json"));
        const QJsonArray objects = result.value(QStringLiteral("objects")).toArray();
        const QJsonArray sceneObjects = scene.value(QStringLiteral("objects")).toArray();
        QCOMPARE(objects.size(), sceneObjects.size());
        for (int i = 0; i < objects.size(); ++i) {
            const QJsonArray box = objects[i].toObject().value(QStringLiteral("box")).toArray();
            const QJsonArray bbox = sceneObjects[i].toObject().value(QStringLiteral("bbox")).toArray();
            QCOMPARE(box[0].toInt(), bbox[0].toInt());
            QCOMPARE(box[2].toInt(), bbox[0].toInt() + bbox[2].toInt());
            QCOMPARE(objects[i].toObject().value(QStringLiteral("category")).toString(), sceneObjects[i].toObject().value(QStringLiteral("shape")).toString());
        }
        std::set<std::tuple<int, QString, int>> truth;
        for (const QJsonValue &t : scene.value(QStringLiteral("triplets")).toArray())
            truth.insert({t[QStringLiteral("subject")].toInt(), t[QStringLiteral("predicate")].toString(), t[QStringLiteral("object")].toInt()});
        QCOMPARE(result.value(QStringLiteral("predicates")).toArray().size(), 7);
        double previous = 1e300;
        for (const QJsonValue &t : result.value(QStringLiteral("triplets")).toArray()) {
            const QJsonObject o = t.toObject();
            const bool isTrue = truth.count({o.value(QStringLiteral("subject")).toInt(), o.value(QStringLiteral("predicate")).toString(),
                                             o.value(QStringLiteral("object")).toInt()}) > 0;
            // With the ground truth's boxes a hit is exactly a true triplet (distinct boxes of one
            // class overlap by less than half in these scenes, or are the same object).
            QCOMPARE(o.value(QStringLiteral("hit")).toBool(), isTrue);
            QVERIFY(o.value(QStringLiteral("score")).toDouble() <= previous); // best first
            previous = o.value(QStringLiteral("score")).toDouble();
            hits += isTrue;
            ++triplets;
        }
    }
    QVERIFY(triplets > 0);
    QVERIFY(hits > 0);
}

void TestRelationsCli::detectionsGiveTheBoxes()
{
    // Two images with boxes from a "detector": the first scene's objects by category name, and
    // a box for the second under the score threshold (so it has none and is reported).
    const QJsonArray scenes = readJson(m_scenes + QStringLiteral("/scenes.json")).value(QStringLiteral("scenes")).toArray();
    const QJsonObject first = scenes[0].toObject(), second = scenes[1].toObject();
    QJsonArray detections;
    for (const QJsonValue &o : first.value(QStringLiteral("objects")).toArray())
        detections.append(QJsonObject{{QStringLiteral("image_id"), first.value(QStringLiteral("image_filename"))},
                                      {QStringLiteral("category_id"), o[QStringLiteral("shape")]},
                                      {QStringLiteral("bbox"), o[QStringLiteral("bbox")]},
                                      {QStringLiteral("score"), 0.8}});
    detections.append(QJsonObject{{QStringLiteral("image_id"), second.value(QStringLiteral("image_filename"))},
                                  {QStringLiteral("category_id"), 0},
                                  {QStringLiteral("bbox"), QJsonArray{1, 1, 10, 10}},
                                  {QStringLiteral("score"), 0.1}});
    const QString file = m_dir.filePath(QStringLiteral("detections.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(detections).toJson());
    f.close();
    const QString out = m_dir.filePath(QStringLiteral("detected"));
    const QString images = m_scenes + QStringLiteral("/images/");
    const CliRun run = runProgram(QStringLiteral("periscope-cli"),
                                  {QStringLiteral("relations"), images + first.value(QStringLiteral("image_filename")).toString(),
                                   images + second.value(QStringLiteral("image_filename")).toString(), QStringLiteral("--model"), m_weights,
                                   QStringLiteral("--boxes"), file, QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("images")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("failed")).toInt(), 1);
    QVERIFY(run.err.contains("no objects"));
    const QJsonObject result = readJson(out + QLatin1Char('/') + first.value(QStringLiteral("image_filename")).toString().chopped(4) + QStringLiteral(".relations.json"));
    QCOMPARE(result.value(QStringLiteral("objects")).toArray().size(), first.value(QStringLiteral("objects")).toArray().size());
    QCOMPARE(result.value(QStringLiteral("objects")).toArray()[0].toObject().value(QStringLiteral("score")).toDouble(), 0.8);
    QVERIFY(!result.value(QStringLiteral("triplets")).toArray().isEmpty());
    QVERIFY(!result.contains(QStringLiteral("truth")));
}

void TestRelationsCli::forwardRunsThePapersNetwork()
{
    // The reference file holds the weights under a prefix; forward needs them bare: the tool
    // `weights` is not needed, the engine test covers the numbers. Here: the command's wiring and
    // its one-line refusal of a file that is not a ws-vrd network.
    const QString reference = QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/relations/ws_vrd_reference.safetensors");
    const CliRun run = runProgram(QStringLiteral("periscope-cli"),
                                  {QStringLiteral("forward"), QStringLiteral("--arch"), QStringLiteral("ws_vrd"), QStringLiteral("--weights"), reference,
                                   QStringLiteral("--input"), reference, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("scores.safetensors"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("not a ws-vrd relational network"));
    QCOMPARE(run.err.count('\n'), 1);
}

void TestRelationsCli::thePriorWeighsTheTripletsAndAFigureIsDrawn()
{
    const QString out = m_dir.filePath(QStringLiteral("prior"));
    const CliRun run = runProgram(QStringLiteral("periscope-cli"),
                                  {QStringLiteral("relations"), m_scenes, QStringLiteral("--model"), m_weights, QStringLiteral("--out"), out,
                                   QStringLiteral("--prior"), QStringLiteral("s,o|p"), QStringLiteral("--prior-data"), m_scenes,
                                   QStringLiteral("--figure"), out + QStringLiteral("/figure.png"), QStringLiteral("--figure-predicate"),
                                   QStringLiteral("same_shape")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report.value(QStringLiteral("prior")).toString(), QStringLiteral("s,o|p"));
    QVERIFY(report.value(QStringLiteral("prior_triplets")).toInt() > 24);
    // A class triplet the data never shows gets probability 0, so a triplet ranked with a
    // positive score has classes some true triplet has.
    std::set<std::tuple<QString, QString, QString>> seen;
    const QJsonArray scenes = readJson(m_scenes + QStringLiteral("/scenes.json")).value(QStringLiteral("scenes")).toArray();
    for (const QJsonValue &scene : scenes) {
        const QJsonArray objects = scene[QStringLiteral("objects")].toArray();
        for (const QJsonValue &t : scene[QStringLiteral("triplets")].toArray())
            seen.insert({objects[t[QStringLiteral("subject")].toInt()][QStringLiteral("shape")].toString(), t[QStringLiteral("predicate")].toString(),
                         objects[t[QStringLiteral("object")].toInt()][QStringLiteral("shape")].toString()});
    }
    const QString stem = scenes[0][QStringLiteral("image_filename")].toString().chopped(4);
    const QJsonObject result = readJson(out + QLatin1Char('/') + stem + QStringLiteral(".relations.json"));
    const QJsonArray objects = result.value(QStringLiteral("objects")).toArray();
    int positive = 0;
    for (const QJsonValue &t : result.value(QStringLiteral("triplets")).toArray()) {
        if (t[QStringLiteral("score")].toDouble() <= 0.0)
            continue;
        ++positive;
        QVERIFY(seen.count({objects[t[QStringLiteral("subject")].toInt()][QStringLiteral("category")].toString(), t[QStringLiteral("predicate")].toString(),
                            objects[t[QStringLiteral("object")].toInt()][QStringLiteral("category")].toString()}));
    }
    QVERIFY(positive > 0);
    QCOMPARE(QImage(out + QStringLiteral("/figure.png")).width(), 1800);
    QCOMPARE(report.value(QStringLiteral("figure")).toString(), out + QStringLiteral("/figure.png"));
}

void TestRelationsCli::badArgumentsGetOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");
    QTest::newRow("images without boxes") << QStringList{QStringLiteral("relations"), QStringLiteral(PERISCOPE_SOURCE_DIR "/README.md"), QStringLiteral("--out"), QStringLiteral("/tmp/x")}
                                          << 2 << "give their boxes with --boxes";
    QTest::newRow("not a dataset") << QStringList{QStringLiteral("relations"), QStringLiteral(PERISCOPE_SOURCE_DIR "/docs"), QStringLiteral("--out"), QStringLiteral("/tmp/x")}
                                   << 1 << "not a relations dataset";
    QTest::newRow("no model") << QStringList{QStringLiteral("relations"), QStringLiteral(PERISCOPE_SOURCE_DIR "/docs"), QStringLiteral("--model"), QStringLiteral("/nonexistent.safetensors"),
                                             QStringLiteral("--out"), QStringLiteral("/tmp/x")}
                              << 1 << "nonexistent";
    QTest::newRow("bad recall") << QStringList{QStringLiteral("relations"), QStringLiteral("x"), QStringLiteral("--recall"), QStringLiteral("0,a"), QStringLiteral("--out"), QStringLiteral("/tmp/x")}
                                << 2 << "--recall";
    QTest::newRow("train without data") << QStringList{QStringLiteral("train-relations"), QStringLiteral("--data"), QStringLiteral("/nonexistent"), QStringLiteral("--out"), QStringLiteral("/tmp/x.safetensors")}
                                        << 1 << "not a relations dataset";
    QTest::newRow("prior without data") << QStringList{QStringLiteral("relations"), QStringLiteral("x"), QStringLiteral("--prior"), QStringLiteral("s,p,o"), QStringLiteral("--out"), QStringLiteral("/tmp/x")}
                                        << 2 << "--prior and --prior-data go together";
}

void TestRelationsCli::badArgumentsGetOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    QStringList args = arguments;
    if (args.contains(QStringLiteral("relations")) && !args.contains(QStringLiteral("--model")))
        args << QStringLiteral("--model") << m_weights;
    const CliRun run = runProgram(QStringLiteral("periscope-cli"), args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(reason.toUtf8()), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestRelationsCli)
#include "tst_relationscli.moc"
