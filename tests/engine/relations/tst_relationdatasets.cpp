// SPDX-License-Identifier: GPL-3.0-or-later
// Relation datasets in their published layouts, written here file by file: VRD's json_dataset
// (boxes [ymin, ymax, xmin, xmax], objects shared between relationships), HICO-DET's JSON
// (COCO object ids, verb ids from 1), our scene folders (triplets listed, or decided from the
// 3-D layout for folders written before them), and a detector's boxes in COCO's results format.
// Names that are paths are refused, missing images are counted, broken files get a reason.
#include "engine/core/errors/Error.h"
#include "engine/relations/RelationDatasets.h"
#include "engine/relations/RelationRun.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace periscope;
using namespace periscope::relations;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

bool sameBox(const Box &a, const Box &b)
{
    return a.x1 == b.x1 && a.y1 == b.y1 && a.x2 == b.x2 && a.y2 == b.y2;
}

} // namespace

class TestRelationDatasets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsVrd();
    void readsHicoDet();
    void readsSceneFolders();
    void detectionsReplaceTheBoxes();
    void badFoldersGetAReason();
    void scoringRecordsRoundTrip();
    void badScoringRecordsAreRefused_data();
    void badScoringRecordsAreRefused();
};

namespace {
RelationModelInfo recordModel()
{
    RelationModelInfo model;
    model.objectClasses = {"cube", "sphere", "cylinder"};
    model.predicateClasses = {"on", "left of", "touching"};
    return model;
}

// Two objects, one true triplet, three predictions with scores no decimal prints exactly.
ImageRelationResult recordImage()
{
    ImageRelationResult r;
    r.image.name = "scene-1.png";
    r.image.width = 320;
    r.image.height = 240;
    r.image.objects = {{{0.1, 0.2, 10.3, 20.7}, 2, 0.1 + 0.2}, {{5.0, 6.0, 7.0, 8.0}, 0, 1.0}};
    r.image.truthObjects = {{{0.0, 0.0, 10.0, 20.0}, 2, 1.0}, {{5.0, 6.0, 7.0, 8.0}, 0, 1.0}};
    r.image.truth = {{0, 0, 1, 0.0}};
    r.analysis.predicateScores = {1.0 / 3.0, 2e-300, 0.999999999999};
    r.analysis.triplets = {{0, 0, 1, 0.7000000000000001}, {1, 2, 0, 1.0 / 7.0}, {0, 1, 1, 5e-324}};
    return r;
}
} // namespace

// The records a sharded run hands to `merge`: read back, they give the same image, and the
// summary of read-back images is the summary of the originals to the bit.
void TestRelationDatasets::scoringRecordsRoundTrip()
{
    const RelationModelInfo model = recordModel();
    const ImageRelationResult original = recordImage();
    ImageRelationResult failed;
    failed.image.name = "broken.png";
    failed.error = "cannot decode";
    std::vector<ImageRelationResult> back;
    for (const ImageRelationResult &r : {original, failed})
        back.push_back(relationResultFromRecord(json::Value::parse(relationScoringRecord(r).dump()), model));
    QCOMPARE(back[1].error, failed.error);
    const ImageRelationResult &r = back[0];
    QCOMPARE(r.image.name, original.image.name);
    QCOMPARE(r.image.objects.size(), std::size_t(2));
    QVERIFY(sameBox(r.image.objects[0].box, original.image.objects[0].box));
    QCOMPARE(r.image.objects[0].score, 0.1 + 0.2);
    QCOMPARE(r.image.objects[0].category, 2);
    QCOMPARE(r.analysis.predicateScores, original.analysis.predicateScores);
    QCOMPARE(r.analysis.triplets.size(), original.analysis.triplets.size());
    for (std::size_t i = 0; i < r.analysis.triplets.size(); ++i)
        QCOMPARE(r.analysis.triplets[i].score, original.analysis.triplets[i].score);
    const std::vector<int> steps{1, 2};
    const json::Value a = summariseRelations({original, failed}, model, steps).toJson(model.predicateClasses);
    const json::Value b = summariseRelations(back, model, steps).toJson(model.predicateClasses);
    QCOMPARE(b.dump(), a.dump());
    QCOMPARE(b.find("failed")->asInt64(), 1);
}

void TestRelationDatasets::badScoringRecordsAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("object class") << "objects" << "[[0,0,1,1,3,1.0],[0,0,1,1,0,1.0]]" << "object class 3 of 3";
    QTest::newRow("negative class") << "objects" << "[[0,0,1,1,-1,1.0],[0,0,1,1,0,1.0]]" << "object class -1";
    QTest::newRow("short object") << "objects" << "[[0,0,1,1]]" << "an object of 4 values";
    QTest::newRow("triplet object") << "triplets" << "[[0,0,2,0.5]]" << "object 2 of 2";
    QTest::newRow("triplet predicate") << "triplets" << "[[0,3,1,0.5]]" << "predicate 3 of 3";
    QTest::newRow("truth object") << "truth" << "[[0,0,9]]" << "object 9 of 2";
    QTest::newRow("scores") << "predicate_scores" << "[0.5]" << "1 predicate scores for 3";
    QTest::newRow("type") << "triplets" << "\"x\"" << "array";
}

void TestRelationDatasets::badScoringRecordsAreRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    json::Value record = relationScoringRecord(recordImage());
    record.set(field.toStdString(), json::Value::parse(value.toStdString()));
    try {
        relationResultFromRecord(record, recordModel());
        QFAIL("accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(reason), e.what());
    }
}

void TestRelationDatasets::readsVrd()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    write(root + QStringLiteral("/json_dataset/objects.json"), R"(["person", "horse", "hat"])");
    write(root + QStringLiteral("/json_dataset/predicates.json"), R"(["on", "wear", "ride"])");
    write(root + QStringLiteral("/json_dataset/annotations_test.json"), R"({
      "a.jpg": [
        {"predicate": 2, "subject": {"category": 0, "bbox": [10, 50, 20, 40]}, "object": {"category": 1, "bbox": [30, 90, 5, 60]}},
        {"predicate": 1, "subject": {"category": 0, "bbox": [10, 50, 20, 40]}, "object": {"category": 2, "bbox": [8, 14, 22, 30]}},
        {"predicate": 9, "subject": {"category": 0, "bbox": [10, 50, 20, 40]}, "object": {"category": 2, "bbox": [8, 14, 22, 30]}}
      ],
      "gone.jpg": [],
      "../outside.jpg": []
    })");
    write(root + QStringLiteral("/json_dataset/annotations_train.json"), R"({"b.jpg": []})");
    write(root + QStringLiteral("/sg_dataset/sg_test_images/a.jpg"), "not decoded here");
    write(root + QStringLiteral("/sg_dataset/sg_train_images/b.jpg"), "x");
    write(dir.filePath(QStringLiteral("outside.jpg")), "x");
    QCOMPARE(recogniseRelationFolder(root.toStdString()), std::string("vrd"));
    const RelationDataset d = readRelationDataset(root.toStdString());
    QCOMPARE(d.kind, std::string("vrd"));
    QCOMPARE(d.split, std::string("test"));
    QCOMPARE(d.predicateClasses.size(), std::size_t(3));
    QCOMPARE(d.images.size(), std::size_t(1));
    const RelationImage &a = d.images[0];
    QCOMPARE(a.name, std::string("a.jpg"));
    QVERIFY(QFileInfo(QString::fromStdString(a.imagePath)).isAbsolute());
    // Three distinct objects; [ymin, ymax, xmin, xmax] -> [x1, y1, x2, y2].
    QCOMPARE(a.objects.size(), std::size_t(3));
    QVERIFY(sameBox(a.objects[0].box, {20, 10, 40, 50}));
    QVERIFY(sameBox(a.objects[1].box, {5, 30, 60, 90}));
    QCOMPARE(a.objects[2].category, 2);
    // The third relationship names predicate 9 of 3: left out, and said.
    QCOMPARE(a.truth.size(), std::size_t(2));
    QCOMPARE(a.truth[0].subject, 0);
    QCOMPARE(a.truth[0].predicate, 2);
    QCOMPARE(a.truth[0].object, 1);
    QCOMPARE(a.truth[1].object, 2);
    QVERIFY(d.note.find("1 images named in the annotations are not in the folder") != std::string::npos);
    QVERIFY(d.note.find("1 annotations name a path") != std::string::npos);
    QVERIFY(d.note.find("could not be read") != std::string::npos);
    QCOMPARE(d.predicateLabel(0), (std::vector<int>{0, 1, 1}));
    QCOMPARE(readRelationDataset(root.toStdString(), "train").images[0].name, std::string("b.jpg"));
}

void TestRelationDatasets::readsHicoDet()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    write(root + QStringLiteral("/annotations/test_hico.json"), R"([
      {"file_name": "HICO_test2015_00000001.jpg", "width": 640, "height": 480,
       "annotations": [{"bbox": [10, 20, 110, 300], "category_id": 1}, {"bbox": [50, 150, 400, 470], "category_id": 19},
                       {"bbox": [1, 1, 1, 5], "category_id": 19}],
       "hoi_annotation": [{"subject_id": 0, "object_id": 1, "category_id": 77}, {"subject_id": 0, "object_id": 1, "category_id": 88},
                          {"subject_id": 0, "object_id": 2, "category_id": 77}]}
    ])");
    write(root + QStringLiteral("/images/test2015/HICO_test2015_00000001.jpg"), "x");
    QCOMPARE(recogniseRelationFolder(root.toStdString()), std::string("hico-det"));
    const RelationDataset d = readRelationDataset(root.toStdString());
    QCOMPARE(d.objectClasses.size(), std::size_t(80));
    QCOMPARE(d.predicateClasses.size(), std::size_t(117));
    QCOMPARE(d.subjectClasses, std::vector<std::string>{"person"});
    const RelationImage &image = d.images.at(0);
    QCOMPARE(image.width, 640);
    QCOMPARE(image.objects.size(), std::size_t(2)); // the box without area is left out
    QCOMPARE(d.objectClasses[std::size_t(image.objects[0].category)], std::string("person"));
    QCOMPARE(d.objectClasses[std::size_t(image.objects[1].category)], std::string("horse"));
    QCOMPARE(image.truth.size(), std::size_t(2)); // the interaction with it too
    QCOMPARE(d.predicateClasses[std::size_t(image.truth[0].predicate)], std::string("ride")); // verb 77
    QCOMPARE(d.predicateClasses[std::size_t(image.truth[1].predicate)], std::string("sit_on")); // verb 88
    QVERIFY(d.note.find("could not be read") != std::string::npos);
}

void TestRelationDatasets::readsSceneFolders()
{
    // A scene with triplets listed (one naming an unknown predicate, dropped), and an older one
    // without: two large spheres 1.4 apart (touching) and a small cube on ... nothing: its
    // triplets come from the layout.
    QTemporaryDir dir;
    const QString root = dir.path();
    write(root + QStringLiteral("/images/s0.png"), "x");
    write(root + QStringLiteral("/images/s1.png"), "x");
    write(root + QStringLiteral("/scenes.json"), R"({"scenes": [
      {"image_filename": "s0.png", "width": 200, "height": 150, "objects": [
         {"shape": "cube", "color": "red", "material": "metal", "size": "large", "bbox": [10, 20, 30, 40]},
         {"shape": "sphere", "color": "red", "material": "rubber", "size": "small", "bbox": [15, 5, 10, 12], "support": 0}],
       "triplets": [{"subject": 1, "predicate": "on", "object": 0}, {"subject": 0, "predicate": "hovers", "object": 1}]},
      {"image_filename": "s1.png", "width": 200, "height": 150, "objects": [
         {"shape": "sphere", "color": "blue", "material": "metal", "size": "large", "3d_coords": [0, 0, 0.7], "rotation": 0, "bbox": [50, 50, 30, 30]},
         {"shape": "sphere", "color": "gray", "material": "metal", "size": "large", "3d_coords": [1.4, 0, 0.7], "rotation": 0, "bbox": [90, 50, 30, 30]}]}
    ]})");
    QCOMPARE(recogniseRelationFolder(root.toStdString()), std::string("scenes"));
    const RelationDataset d = readRelationDataset(root.toStdString());
    QCOMPARE(d.images.size(), std::size_t(2));
    QCOMPARE(d.images[0].objects[0].category, 1); // cube, in sceneObjectCategories' order
    QVERIFY(sameBox(d.images[0].objects[1].box, {15, 5, 25, 17}));
    QCOMPARE(d.images[0].truth.size(), std::size_t(1));
    QCOMPARE(d.predicateClasses[std::size_t(d.images[0].truth[0].predicate)], std::string("on"));
    // Decided from the layout: touching both ways and same_shape, same_material both ways;
    // not near (touching), no larger_than (same size).
    std::set<std::string> decided;
    for (const RelationTriplet &t : d.images[1].truth)
        decided.insert(d.predicateClasses[std::size_t(t.predicate)] + " " + std::to_string(t.subject) + std::to_string(t.object));
    QCOMPARE(decided, (std::set<std::string>{"touching 01", "touching 10", "same_shape 01", "same_shape 10", "same_material 01", "same_material 10"}));
}

void TestRelationDatasets::detectionsReplaceTheBoxes()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    write(root + QStringLiteral("/json_dataset/objects.json"), R"(["person", "horse"])");
    write(root + QStringLiteral("/json_dataset/predicates.json"), R"(["ride"])");
    write(root + QStringLiteral("/json_dataset/annotations_test.json"), R"({
      "000123.jpg": [{"predicate": 0, "subject": {"category": 0, "bbox": [10, 50, 20, 40]}, "object": {"category": 1, "bbox": [30, 90, 5, 60]}}],
      "other.jpg": []})");
    write(root + QStringLiteral("/sg_dataset/sg_test_images/000123.jpg"), "x");
    write(root + QStringLiteral("/sg_dataset/sg_test_images/other.jpg"), "x");
    const QString detections = dir.filePath(QStringLiteral("det.json"));
    write(detections, R"([
      {"image_id": 123, "category_id": 0, "bbox": [20, 10, 20, 40], "score": 0.9},
      {"image_id": "000123", "category_id": "horse", "bbox": [5, 30, 55, 60], "score": 0.95},
      {"image_id": 123, "category_id": 1, "bbox": [0, 0, 5, 5], "score": 0.1},
      {"image_id": 123, "category_id": 1, "bbox": [1, 1, 5, 5], "score": 0.5},
      {"image_id": 7, "category_id": 0, "bbox": [0, 0, 5, 5], "score": 0.9},
      {"image_id": "other.jpg", "category_id": "unicorn", "bbox": [0, 0, 5, 5], "score": 0.9}
    ])");
    RelationDataset d = readRelationDataset(root.toStdString());
    const DetectionReport report = readDetections(detections.toStdString(), d, 0.2, 2);
    QCOMPARE(report.detections, 6);
    QCOMPARE(report.unknownImages, 1);
    QCOMPARE(report.unknownCategories, 1);
    QCOMPARE(report.belowThreshold, 1);
    QCOMPARE(report.matchedImages, 1);
    const RelationImage &image = d.images[0].name == "000123.jpg" ? d.images[0] : d.images[1];
    // Best first, at most 2: the horse (0.95), the person (0.9); the 0.5 horse is cut.
    QCOMPARE(image.objects.size(), std::size_t(2));
    QCOMPARE(image.objects[0].score, 0.95);
    QVERIFY(sameBox(image.objects[1].box, {20, 10, 40, 50}));
    QCOMPARE(image.truthObjects.size(), std::size_t(2)); // the truth keeps its boxes
    const RelationImage &other = d.images[0].name == "000123.jpg" ? d.images[1] : d.images[0];
    QVERIFY(other.objects.empty());
    write(detections, R"([{"image_id": 123, "bbox": [0, 0, 5, 5]}])");
    QVERIFY_THROWS_EXCEPTION(Error, readDetections(detections.toStdString(), d));
    write(detections, R"({"not": "a list"})");
    QVERIFY_THROWS_EXCEPTION(Error, readDetections(detections.toStdString(), d));
}

void TestRelationDatasets::badFoldersGetAReason()
{
    QTemporaryDir dir;
    auto reason = [](const QString &folder) {
        try {
            readRelationDataset(folder.toStdString());
        } catch (const Error &e) {
            return std::string(e.what());
        }
        return std::string();
    };
    QVERIFY(reason(dir.path()).find("not a relations dataset") != std::string::npos);
    write(dir.filePath(QStringLiteral("json_dataset/annotations_test.json")), "{ not json");
    write(dir.filePath(QStringLiteral("json_dataset/objects.json")), "[]");
    write(dir.filePath(QStringLiteral("json_dataset/predicates.json")), "[]");
    QVERIFY(reason(dir.path()).find("annotations_test.json") != std::string::npos);
    write(dir.filePath(QStringLiteral("json_dataset/annotations_test.json")), R"({"gone.jpg": []})");
    QVERIFY(reason(dir.path()).find("no image of the vrd dataset could be used") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestRelationDatasets)
#include "tst_relationdatasets.moc"
