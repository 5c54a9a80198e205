// SPDX-License-Identifier: GPL-3.0-or-later
// Batch commands in shards through the real executable: each batch command run as N shards
// and joined by `merge` write byte for byte what one run writes; `slurm` writes scripts that do
// the same when run one task at a time (bash stands in for the cluster here: tests/slurm runs a
// real one), names the shards that failed, and refuses runs it cannot make.
#include "tests/app/cli/CliRun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestShardedCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void colorizeShardsMergeIntoOneRun();
    void scenesShardsMergeIntoOneRun();
    void openVocabShardsMergeIntoOneRun();
    void deepfakeFolderShardsMergeIntoOneRun();
    void explainGraphMoleculesShardsMergeIntoOneRun();
    void slotsShardsMergeIntoOneRun();
    void relationsShardsMergeIntoOneRun();
    void slurmScriptsRunTheShardsAndTheMerge();
    void slurmRefusesRunsItCannotMake_data();
    void slurmRefusesRunsItCannotMake();

private:
    // Every file under `folder` (less the shards' and Slurm's own) and a hash of its bytes.
    static QMap<QString, QByteArray> filesIn(const QString &folder)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(folder).relativeFilePath(path);
            if (relative.startsWith(QLatin1String("shards/")) || relative.startsWith(QLatin1String("slurm/")) || relative == QLatin1String("summary.json"))
                continue;
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                files[relative] = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
        }
        return files;
    }
    // As filesIn, with each JSON file's top-level "seconds" (a timing) left out.
    static QMap<QString, QByteArray> filesInWithoutTimes(const QString &folder)
    {
        QMap<QString, QByteArray> files = filesIn(folder);
        for (auto it = files.begin(); it != files.end(); ++it)
            if (it.key().endsWith(QLatin1String(".json"))) {
                QJsonObject object = QJsonDocument::fromJson(readAll(folder + QLatin1Char('/') + it.key())).object();
                object.remove(QStringLiteral("seconds"));
                it.value() = QCryptographicHash::hash(QJsonDocument(object).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex();
            }
        return files;
    }
    // Runs `arguments` as `count` shards into `out` and returns how many items they did.
    static int runShards(const QStringList &arguments, const QString &out, int count)
    {
        int items = 0;
        for (int i = 1; i <= count; ++i) {
            const CliRun shard = runProgram(QStringLiteral("periscope-cli"),
                                            arguments + QStringList{QStringLiteral("--out"), out, QStringLiteral("--shard"), QStringLiteral("%1/%2").arg(i).arg(count)});
            if (shard.exitCode != 0) {
                qWarning("shard %d: %s", i, shard.err.constData());
                return -1;
            }
            items += QJsonDocument::fromJson(shard.out).object().value(QStringLiteral("items")).toInt();
        }
        return items;
    }
    static int readSlurmPlanShards(const QString &out)
    {
        return QJsonDocument::fromJson(readAll(out + QStringLiteral("/slurm/plan.json"))).object().value(QStringLiteral("shards")).toInt();
    }
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // Runs `arguments` once whole into `out`, keeps the outputs aside as `out`-whole, and returns
    // its stdout.
    QByteArray runWhole(const QStringList &arguments, const QString &out, int timeoutMs = 120000)
    {
        const CliRun whole = runProgram(QStringLiteral("periscope-cli"), arguments + QStringList{QStringLiteral("--out"), out}, timeoutMs, {QStringLiteral("DISPLAY")});
        if (whole.exitCode != 0)
            qWarning("%s", whole.err.constData());
        if (!QDir().rename(out, out + QStringLiteral("-whole")))
            return {};
        return whole.out;
    }

    QTemporaryDir m_dir;
    QString m_photos;
};

void TestShardedCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Eleven photos in two folders, one gray and one broken: enough for every shard of 3 to have
    // some (the split is a hash of the names), and a failure that must stay in the run's list.
    m_photos = m_dir.filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(m_photos + QStringLiteral("/trip")));
    for (int i = 0; i < 9; ++i) {
        QImage image(48 + 8 * i, 40, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixel(x, y, qRgb((x * 5 + i * 40) % 256, (y * 6 + i * 17) % 256, (x + y + i * 70) % 256));
        QVERIFY(image.save(QStringLiteral("%1/%2/photo-%3.png").arg(m_photos, i % 2 ? QStringLiteral("trip") : QStringLiteral(".")).arg(i)));
    }
    QImage gray(40, 56, QImage::Format_Grayscale8);
    gray.fill(100);
    QVERIFY(gray.save(m_photos + QStringLiteral("/old.png")));
    QFile broken(m_photos + QStringLiteral("/trip/broken.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a png");
}

void TestShardedCli::colorizeShardsMergeIntoOneRun()
{
    const QString out = m_dir.filePath(QStringLiteral("colorized"));
    const QByteArray whole = runWhole({QStringLiteral("colorize"), m_photos}, out);
    QVERIFY(!whole.isEmpty());
    int items = 0, failed = 0;
    for (int i = 1; i <= 3; ++i) {
        const CliRun shard = runProgram(QStringLiteral("periscope-cli"),
                                        {QStringLiteral("colorize"), m_photos, QStringLiteral("--out"), out, QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i)});
        QVERIFY2(shard.exitCode == 0, shard.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(shard.out).object();
        QCOMPARE(report.value(QStringLiteral("shard")).toString(), QStringLiteral("%1/3").arg(i));
        QCOMPARE(report.value(QStringLiteral("total")).toInt(), 11);
        QVERIFY2(report.value(QStringLiteral("items")).toInt() > 0, shard.out.constData()); // this split gives every shard some
        items += report.value(QStringLiteral("items")).toInt();
        failed += report.value(QStringLiteral("failed")).toInt();
        // Before the last shard, merging names the missing ones.
        if (i == 2) {
            const CliRun early = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("merge"), out});
            QCOMPARE(early.exitCode, 1);
            QVERIFY2(early.err.contains("1 of 3 shards have no results (shard 3)"), early.err.constData());
        }
    }
    QCOMPARE(items, 11);
    QCOMPARE(failed, 1);
    const QString summary = m_dir.filePath(QStringLiteral("colorize-summary.json"));
    const CliRun merged = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("merge"), out, QStringLiteral("--out"), summary});
    QVERIFY2(merged.exitCode == 0, merged.err.constData());
    // What one run printed, to the byte: the same photos in the same order, the means over all of
    // them (not over the shards' means), the broken photo among the failures.
    QCOMPARE(merged.out, whole);
    QCOMPARE(readAll(summary), whole);
    QCOMPARE(QJsonDocument::fromJson(whole).object().value(QStringLiteral("means")).toObject().value(QStringLiteral("photos")).toInt(), 9);
    QCOMPARE(filesIn(out), filesIn(out + QStringLiteral("-whole")));
    QCOMPARE(filesIn(out).size(), 10);
    // A figure is of the run's first photos, which one shard may not have.
    const CliRun figure = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("colorize"), m_photos, QStringLiteral("--out"), out, QStringLiteral("--shard"),
                                                                        QStringLiteral("1/3"), QStringLiteral("--figure"), m_dir.filePath(QStringLiteral("f.png"))});
    QCOMPARE(figure.exitCode, 2);
    QVERIFY2(figure.err.contains("--figure"), figure.err.constData());
}

void TestShardedCli::scenesShardsMergeIntoOneRun()
{
    const QString out = m_dir.filePath(QStringLiteral("scenes"));
    const QStringList arguments{QStringLiteral("scenes"), QStringLiteral("--count"), QStringLiteral("5"), QStringLiteral("--size"), QStringLiteral("96x64"),
                                QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--relations")};
    const QByteArray whole = runWhole(arguments, out);
    QVERIFY(!whole.isEmpty());
    for (int i = 1; i <= 2; ++i) {
        const CliRun shard = runProgram(QStringLiteral("periscope-cli"), arguments + QStringList{QStringLiteral("--out"), out, QStringLiteral("--shard"), QStringLiteral("%1/2").arg(i)},
                                        120000, {QStringLiteral("DISPLAY")});
        QVERIFY2(shard.exitCode == 0, shard.err.constData());
        QCOMPARE(QJsonDocument::fromJson(shard.out).object().value(QStringLiteral("items")).toInt(), i == 1 ? 3 : 2); // scene k to shard k mod 2
    }
    QVERIFY(!QFile::exists(out + QStringLiteral("/scenes.json"))); // written by the merge, from every scene
    const CliRun merged = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("merge"), out});
    QVERIFY2(merged.exitCode == 0, merged.err.constData());
    const QJsonObject m = QJsonDocument::fromJson(merged.out).object(), w = QJsonDocument::fromJson(whole).object();
    QCOMPARE(m.value(QStringLiteral("scenes")).toInt(), 5);
    QCOMPARE(m.value(QStringLiteral("objects")).toInt(), w.value(QStringLiteral("objects")).toInt());
    QCOMPARE(m.value(QStringLiteral("seed")).toString(), QStringLiteral("11"));
    // Images, masks, each scene's JSON, scenes.json and manifest.json: byte for byte.
    const QMap<QString, QByteArray> files = filesIn(out);
    QCOMPARE(files.size(), 5 * 3 + 2);
    QCOMPARE(files, filesIn(out + QStringLiteral("-whole")));
}

void TestShardedCli::openVocabShardsMergeIntoOneRun()
{
    // The demo's 16 scenes by colour with the small built-in model: the folder's IoU per prompt
    // is summed from the images' pixel counts, so 3 shards report what one run does.
    const QString out = m_dir.filePath(QStringLiteral("openvocab"));
    const QStringList arguments{QStringLiteral("open-vocab"), QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/scenes/demo"), QStringLiteral("--prompts"),
                                QStringLiteral("red objects;blue objects;cubes;metal spheres;a photo"), QStringLiteral("--model"),
                                QStringLiteral("openvocab-scenes-small"), QStringLiteral("--map-side"), QStringLiteral("160")};
    const QByteArray whole = runWhole(arguments, out);
    QVERIFY(!whole.isEmpty());
    for (int i = 1; i <= 3; ++i) {
        const CliRun shard = runProgram(QStringLiteral("periscope-cli"), arguments + QStringList{QStringLiteral("--out"), out, QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i)});
        QVERIFY2(shard.exitCode == 0, shard.err.constData());
    }
    const CliRun merged = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("merge"), out});
    QVERIFY2(merged.exitCode == 0, merged.err.constData());
    QCOMPARE(merged.out, whole);
    QCOMPARE(QJsonDocument::fromJson(whole).object().value(QStringLiteral("scored_images")).toInt(), 16);
    QCOMPARE(filesIn(out), filesIn(out + QStringLiteral("-whole")));
    QCOMPARE(filesIn(out).size(), 32); // a label PNG and a JSON per scene
}

void TestShardedCli::deepfakeFolderShardsMergeIntoOneRun()
{
    // A DFDC folder made by `fakes` from two copies of a real clip (two reals, two self-blended
    // fakes), explained by two methods: each method's folder.deepfake.json (scores, detection
    // quality, metrics over the videos with their intervals) and every video's files as one run.
    const QString video = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");
    if (!QFile::exists(video))
        QSKIP("opencv-doc is not installed (scripts/install-deps.sh installs it)");
    const QString copy = m_dir.filePath(QStringLiteral("Megamind-2.avi"));
    QVERIFY(QFile::copy(video, copy));
    const QString fakes = m_dir.filePath(QStringLiteral("fakes"));
    const CliRun made = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("fakes"), video, copy, QStringLiteral("--max-frames"),
                                                                      QStringLiteral("8"), QStringLiteral("--out"), fakes},
                                   300000);
    QVERIFY2(made.exitCode == 0, made.err.constData());
    const QString out = m_dir.filePath(QStringLiteral("explained"));
    const QStringList arguments{QStringLiteral("deepfake"), fakes, QStringLiteral("--model"), QStringLiteral("deepfake-selfblend-b0"),
                                QStringLiteral("--method"), QStringLiteral("gradcam,gradcampp"), QStringLiteral("--max-frames"), QStringLiteral("4")};
    const CliRun whole = runProgram(QStringLiteral("periscope-cli"), arguments + QStringList{QStringLiteral("--out"), out}, 300000);
    QVERIFY2(whole.exitCode == 0, whole.err.constData());
    QVERIFY(QDir().rename(out, out + QStringLiteral("-whole")));
    for (int i = 1; i <= 3; ++i) {
        const CliRun shard = runProgram(QStringLiteral("periscope-cli"), arguments + QStringList{QStringLiteral("--out"), out, QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i)},
                                        300000);
        QVERIFY2(shard.exitCode == 0, shard.err.constData());
    }
    QVERIFY(!QFile::exists(out + QStringLiteral("/gradcam/folder.deepfake.json")));
    const CliRun merged = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("merge"), out});
    QVERIFY2(merged.exitCode == 0, merged.err.constData());
    QVERIFY2(merged.out.contains("gradcampp: 4 videos (0 failed); ROC AUC"), merged.out.constData());
    const QJsonObject summary = QJsonDocument::fromJson(readAll(out + QStringLiteral("/gradcam/folder.deepfake.json"))).object();
    QCOMPARE(summary.value(QStringLiteral("videos")).toArray().size(), 4);
    QVERIFY(summary.contains(QStringLiteral("detection_quality")));
    const QMap<QString, QByteArray> files = filesIn(out);
    QCOMPARE(files, filesIn(out + QStringLiteral("-whole")));
    QCOMPARE(files.size(), 2 * (4 * 2 + 1)); // per method: each video's JSON and heatmaps, and the folder's summary
    // A list of videos is not split: the folder is what names them.
    const CliRun list = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("deepfake"), video, copy, QStringLiteral("--model"),
                                                                      QStringLiteral("deepfake-selfblend-b0"), QStringLiteral("--out"), out,
                                                                      QStringLiteral("--shard"), QStringLiteral("1/2")});
    QCOMPARE(list.exitCode, 2);
    QVERIFY2(list.err.contains("--shard splits a folder of videos"), list.err.constData());
}

void TestShardedCli::explainGraphMoleculesShardsMergeIntoOneRun()
{
    // Eight SMILES lines, one unreadable (skipped when the file is read, by every shard alike):
    // each molecule explained by LRP on the built-in ESOL model into OUT/NNNNN.json, and the mean
    // Spearman correlation with the Crippen contributions over all of them, as one run.
    const QString file = m_dir.filePath(QStringLiteral("molecules.smi"));
    {
        QFile smi(file);
        QVERIFY(smi.open(QIODevice::WriteOnly));
        smi.write("CCO ethanol\nc1ccccc1O phenol\nCC(=O)Nc1ccc(O)cc1 paracetamol\nCCCCCC hexane\nnot_a_smiles bad\n"
                  "OC(=O)c1ccccc1 benzoic\nClc1ccccc1 chlorobenzene\nCCN(CC)CC triethylamine\n");
    }
    const QString out = m_dir.filePath(QStringLiteral("molecules"));
    const QStringList arguments{QStringLiteral("explain-graph"), QStringLiteral("--molecules"), file, QStringLiteral("--method"), QStringLiteral("lrp")};
    const QByteArray whole = runWhole(arguments, out);
    const QJsonObject summary = QJsonDocument::fromJson(whole).object();
    QCOMPARE(summary.value(QStringLiteral("explained")).toInt(), 7);
    QCOMPARE(summary.value(QStringLiteral("crippen_spearman")).toObject().value(QStringLiteral("n")).toInt(), 7);
    for (int i = 1; i <= 3; ++i) {
        const CliRun shard = runProgram(QStringLiteral("periscope-cli"), arguments + QStringList{QStringLiteral("--out"), out, QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i)});
        QVERIFY2(shard.exitCode == 0, shard.err.constData());
        QVERIFY2(shard.err.contains("not_a_smiles"), shard.err.constData()); // every shard reads the whole file
    }
    const CliRun merged = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("merge"), out});
    QVERIFY2(merged.exitCode == 0, merged.err.constData());
    QCOMPARE(merged.out, whole);
    QCOMPARE(filesIn(out), filesIn(out + QStringLiteral("-whole")));
    QCOMPARE(filesIn(out).size(), 7);
    // --shard is for a file of molecules; one molecule is not split.
    const CliRun one = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("explain-graph"), QStringLiteral("--smiles"), QStringLiteral("CCO"),
                                                                     QStringLiteral("--out"), m_dir.filePath(QStringLiteral("one.json")), QStringLiteral("--shard"),
                                                                     QStringLiteral("1/2")});
    QCOMPARE(one.exitCode, 2);
    QVERIFY2(one.err.contains("--shard splits a file of molecules"), one.err.constData());
}

void TestShardedCli::slotsShardsMergeIntoOneRun()
{
    // The demo's 16 scenes in batches of 4 with the VQA probe: batch k goes to shard k mod 3
    // (8, 4 and 4 images), each image is run in the batch one run gives it, and merge fits the
    // probe on all 16 scenes' slots: the masks, scores and probe figures are one run's.
    const QString out = m_dir.filePath(QStringLiteral("slots"));
    const QStringList arguments{QStringLiteral("slots"), QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/scenes/demo"), QStringLiteral("--batch"),
                                QStringLiteral("4"), QStringLiteral("--probe")};
    const QByteArray whole = runWhole(arguments, out);
    const QJsonObject summary = QJsonDocument::fromJson(whole).object();
    QCOMPARE(summary.value(QStringLiteral("images")).toArray().size(), 16);
    QVERIFY2(summary.value(QStringLiteral("vqa_probe")).toObject().value(QStringLiteral("test_scenes")).toInt() > 0, whole.constData());
    QCOMPARE(runShards(arguments, out, 3), 16);
    QCOMPARE(QDir(out + QStringLiteral("/shards")).entryList(QDir::Files).size(), 3);
    QVERIFY(!QFile::exists(out + QStringLiteral("/scores.csv"))); // written by the merge, over every image
    const CliRun merged = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("merge"), out});
    QVERIFY2(merged.exitCode == 0, merged.err.constData());
    QCOMPARE(merged.out, whole);
    QCOMPARE(filesIn(out), filesIn(out + QStringLiteral("-whole")));
    QCOMPARE(filesIn(out).size(), 16 * 2 + 1); // each image's slots JSON and masks, and scores.csv
    const CliRun figure = runProgram(QStringLiteral("periscope-cli"), arguments + QStringList{QStringLiteral("--out"), out, QStringLiteral("--shard"), QStringLiteral("1/3"),
                                                                                               QStringLiteral("--figure"), m_dir.filePath(QStringLiteral("s.png"))});
    QCOMPARE(figure.exitCode, 2);
    QVERIFY2(figure.err.contains("--figure"), figure.err.constData());
}

void TestShardedCli::relationsShardsMergeIntoOneRun()
{
    // The relations demo's 10 scenes with the built-in model and the paper's prior: each image's
    // triplets by whichever shard owns it, and recall@K over all of them, as one run reports.
    const QString data = QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/scenes/relations-demo");
    const QString out = m_dir.filePath(QStringLiteral("relations"));
    const QStringList arguments{QStringLiteral("relations"), data, QStringLiteral("--prior"), QStringLiteral("s,o|p"),
                                QStringLiteral("--prior-data"), data, QStringLiteral("--recall"), QStringLiteral("5,20")};
    const QByteArray whole = runWhole(arguments, out);
    QCOMPARE(QJsonDocument::fromJson(whole).object().value(QStringLiteral("images_with_truth")).toInt(), 10);
    QCOMPARE(runShards(arguments, out, 3), 10);
    QVERIFY(!QFile::exists(out + QStringLiteral("/relations.json")));
    const CliRun merged = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("merge"), out});
    QVERIFY2(merged.exitCode == 0, merged.err.constData());
    QCOMPARE(merged.out.trimmed(), whole.trimmed());
    QCOMPARE(filesInWithoutTimes(out), filesInWithoutTimes(out + QStringLiteral("-whole")));
    QCOMPARE(filesIn(out).size(), 10 + 2); // each image's JSON, relations.json and the recall CSV
    QCOMPARE(readAll(out + QStringLiteral("/relations.recall.csv")), readAll(out + QStringLiteral("-whole/relations.recall.csv")));
}

void TestShardedCli::slurmScriptsRunTheShardsAndTheMerge()
{
    const QString out = m_dir.filePath(QStringLiteral("cluster"));
    const QByteArray whole = runWhole({QStringLiteral("colorize"), m_photos}, out);
    const CliRun planned = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("slurm"), QStringLiteral("colorize"), m_photos, QStringLiteral("--shards"),
                                                                         QStringLiteral("3"), QStringLiteral("--out"), out, QStringLiteral("--time"), QStringLiteral("10")});
    QVERIFY2(planned.exitCode == 0, planned.err.constData());
    const QJsonObject plan = QJsonDocument::fromJson(planned.out).object();
    const QString shardScript = plan.value(QStringLiteral("scripts")).toObject().value(QStringLiteral("shards")).toString();
    const QString mergeScript = plan.value(QStringLiteral("scripts")).toObject().value(QStringLiteral("merge")).toString();
    QVERIFY2(plan.value(QStringLiteral("submit")).toString().contains(QLatin1String("afterok")), planned.out.constData());
    QVERIFY(QFile::exists(shardScript) && QFile::exists(mergeScript));
    // What Slurm does, a task at a time: the #SBATCH lines are comments to bash.
    auto runScript = [](const QString &script, const QString &task) {
        QProcess bash;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SLURM_ARRAY_TASK_ID"), task);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        bash.setProcessEnvironment(env);
        bash.start(QStringLiteral("bash"), {script});
        bash.waitForFinished(120000);
        return bash.exitCode() == 0 && bash.exitStatus() == QProcess::NormalExit ? QByteArray() : bash.readAllStandardError() + "failed";
    };
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(runScript(shardScript, QString::number(i)), QByteArray());
    QCOMPARE(runScript(mergeScript, {}), QByteArray());
    QCOMPARE(readAll(out + QStringLiteral("/summary.json")), whole);
    QCOMPARE(filesIn(out), filesIn(out + QStringLiteral("-whole")));

    // A new run into a folder with an earlier run's results is refused before anything is written.
    const CliRun again = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("slurm"), QStringLiteral("colorize"), m_photos, QStringLiteral("--shards"),
                                                                       QStringLiteral("2"), QStringLiteral("--out"), out});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("holds the results of an earlier run"), again.err.constData());
    QCOMPARE(readSlurmPlanShards(out), 3);

    // A shard that failed leaves no results: --resubmit names it, merge refuses without it.
    QVERIFY(QFile::remove(out + QStringLiteral("/shards/colorize-2-of-3.json")));
    const CliRun listed = runProgram(QStringLiteral("periscope-cli"), {QStringLiteral("slurm"), QStringLiteral("--resubmit"), out});
    QVERIFY2(listed.exitCode == 0, listed.err.constData());
    QCOMPARE(QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("missing")).toArray(), QJsonArray({2}));
    QVERIFY2(QJsonDocument::fromJson(listed.out).object().value(QStringLiteral("submit")).toString().contains(QLatin1String("--array=2")), listed.out.constData());
    QVERIFY2(listed.err.contains("1 of 3 shards have no results: 2"), listed.err.constData());
    // --submit where there is no Slurm: said so, nothing half-submitted.
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), m_dir.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(PERISCOPE_BIN_DIR "/periscope-cli"), {QStringLiteral("slurm"), QStringLiteral("--resubmit"), out, QStringLiteral("--submit")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(process.readAllStandardError().contains("sbatch is not on PATH"), "no word about sbatch");
    }
    QCOMPARE(runScript(shardScript, QStringLiteral("2")), QByteArray());
    QCOMPARE(runScript(mergeScript, {}), QByteArray());
    QCOMPARE(readAll(out + QStringLiteral("/summary.json")), whole);
}

void TestShardedCli::slurmRefusesRunsItCannotMake_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{"slurm", "--shards", "2", "--out", "o"} << "name the command";
    QTest::newRow("not a batch command") << QStringList{"slurm", "train-slots", "--shards", "2", "--out", "o"} << "not a batch command that runs in shards";
    QTest::newRow("no shards") << QStringList{"slurm", "colorize", "p", "--out", "o"} << "give --shards N and --out DIR";
    QTest::newRow("shard given") << QStringList{"slurm", "colorize", "p", "--shard", "1/2", "--shards", "2", "--out", "o"} << "--shard is given to each task";
    QTest::newRow("command's own error") << QStringList{"slurm", "colorize", "--shards", "2", "--out", "o"} << "colorize: give at least one image";
    QTest::newRow("bad time") << QStringList{"slurm", "colorize", "p", "--shards", "2", "--out", "o", "--time", "soon"} << "--time takes";
    QTest::newRow("directive in partition") << QStringList{"slurm", "colorize", "p", "--shards", "2", "--out", "o", "--partition", "a\n#SBATCH --uid=0"}
                                            << "--partition takes";
    QTest::newRow("resubmit with more") << QStringList{"slurm", "--resubmit", "o", "--shards", "2"} << "--resubmit DIR takes only --submit";
}

void TestShardedCli::slurmRefusesRunsItCannotMake()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun r = runProgram(QStringLiteral("periscope-cli"), arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(!QFile::exists(QStringLiteral("o/slurm")));
}

QTEST_GUILESS_MAIN(TestShardedCli)
#include "tst_shardedcli.moc"
