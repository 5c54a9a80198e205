// SPDX-License-Identifier: GPL-3.0-or-later
// Splitting a batch run into shards and joining them (app/batch/Shards.h), and the Slurm scripts
// made from a run (app/batch/SlurmJob.h): the split covers every item once, merging refuses
// anything that is not all of one run, and no value reaches an #SBATCH line or the shell as
// anything but data.
#include "app/batch/Shards.h"
#include "app/batch/SlurmJob.h"
#include "engine/core/errors/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdlib>

using namespace periscope;
using namespace periscope::app;

class TestShards : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesShardsAndRefusesTheRest_data();
    void parsesShardsAndRefusesTheRest();
    void everyItemBelongsToExactlyOneShard();
    void splitIsFixedByTheKeysAlone();
    void shardOptionIsTakenOutOfTheArguments();
    void mergeRestoresTheRunsOrder();
    void mergeNamesMissingShards();
    void mergeRefusesWhatIsNotOneRun();
    void shellQuotingSurvivesTheShell();
    void slurmValuesAreChecked();
    void scriptsCarryTheRun();
    void planRoundTripsAndRefusesTamperedValues();

private:
    static ShardResults results(int index, int count, int total, std::vector<int> ordinals)
    {
        ShardResults r;
        r.command = QStringLiteral("colorize");
        r.arguments = {QStringLiteral("photos"), QStringLiteral("--out"), QStringLiteral("out")};
        r.shard = {index, count};
        r.total = total;
        r.context = json::Object{{"model", "m"}};
        r.seconds = 1.5;
        for (int k : ordinals)
            r.items.push_back(json::Object{{"ordinal", k}, {"image", json::Object{{"n", k}}}});
        return r;
    }
    QTemporaryDir m_dir;
};

void TestShards::parsesShardsAndRefusesTheRest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("error");
    QTest::newRow("first") << "1/4" << 1 << "";
    QTest::newRow("last") << "4/4" << 4 << "";
    QTest::newRow("whole") << "1/1" << 1 << "";
    QTest::newRow("zero index") << "0/4" << 0 << "count from 1";
    QTest::newRow("past the end") << "5/4" << 0 << "count from 1";
    QTest::newRow("zero shards") << "1/0" << 0 << "between 1 and";
    QTest::newRow("too many") << "1/100001" << 0 << "between 1 and";
    QTest::newRow("negative") << "-1/4" << 0 << "count from 1";
    QTest::newRow("no slash") << "2" << 0 << "is not I/N";
    QTest::newRow("words") << "a/b" << 0 << "is not I/N";
    QTest::newRow("three parts") << "1/2/3" << 0 << "is not I/N";
}

void TestShards::parsesShardsAndRefusesTheRest()
{
    QFETCH(QString, text);
    QFETCH(int, index);
    QFETCH(QString, error);
    QString message;
    const std::optional<Shard> shard = parseShard(text, &message);
    QCOMPARE(shard.has_value(), error.isEmpty());
    if (shard)
        QCOMPARE(shard->index, index);
    else
        QVERIFY2(message.contains(error), qPrintable(message));
}

void TestShards::everyItemBelongsToExactlyOneShard()
{
    // 1000 keys over 1..7 shards: each key in exactly one; the shards within a few standard
    // deviations of an even split (a hash, not a count; sqrt(1000/7) is about 12).
    for (int count = 1; count <= 7; ++count) {
        std::vector<int> sizes(std::size_t(count), 0);
        for (int k = 0; k < 1000; ++k) {
            const QString key = QStringLiteral("0:trip/photo-%1.jpg").arg(k);
            int owners = 0;
            for (int i = 1; i <= count; ++i)
                if (ShardSelection(Shard{i, count}).ownsKey(key)) {
                    ++owners;
                    ++sizes[std::size_t(i - 1)];
                }
            QCOMPARE(owners, 1);
            int indexOwners = 0;
            for (int i = 1; i <= count; ++i)
                indexOwners += ShardSelection(Shard{i, count}).ownsIndex(k) ? 1 : 0;
            QCOMPARE(indexOwners, 1);
        }
        for (int size : sizes)
            QVERIFY2(std::abs(size - 1000 / count) < 6 * std::sqrt(1000.0 / count) + 1, qPrintable(QString::number(size)));
    }
    QVERIFY(ShardSelection().ownsKey(QStringLiteral("anything")));
    QVERIFY(ShardSelection().isWholeRun());
}

void TestShards::splitIsFixedByTheKeysAlone()
{
    // FNV-1a 64 by its published test vectors: the split is the same on every machine and version.
    QCOMPARE(shardKeyHash(QString()), quint64(0xcbf29ce484222325ull));
    QCOMPARE(shardKeyHash(QStringLiteral("a")), quint64(0xaf63dc4c8601ec8cull));
    QCOMPARE(shardKeyHash(QStringLiteral("foobar")), quint64(0x85944171f73967e8ull));
    // A key's shard does not depend on which other keys exist (a file added to the folder).
    const ShardSelection third(Shard{3, 5});
    const bool before = third.ownsKey(QStringLiteral("0:b.png"));
    (void)third.ownsKey(QStringLiteral("0:a.png"));
    QCOMPARE(third.ownsKey(QStringLiteral("0:b.png")), before);
}

void TestShards::shardOptionIsTakenOutOfTheArguments()
{
    QCOMPARE(argumentsWithoutShard({"a", "--shard", "2/4", "--out", "o"}), QStringList({"a", "--out", "o"}));
    QCOMPARE(argumentsWithoutShard({"--shard=2/4", "a"}), QStringList({"a"}));
    // After "--" everything is an input, even a file named --shard.
    QCOMPARE(argumentsWithoutShard({"a", "--", "--shard", "x"}), QStringList({"a", "--", "--shard", "x"}));
}

void TestShards::mergeRestoresTheRunsOrder()
{
    const QString out = m_dir.filePath(QStringLiteral("ordered"));
    writeShardResults(out, results(2, 3, 6, {4, 1}));
    writeShardResults(out, results(1, 3, 6, {0, 5}));
    QCOMPARE(missingShards(out, QStringLiteral("colorize"), 3), std::vector<int>({3}));
    writeShardResults(out, results(3, 3, 6, {2, 3}));
    const MergedRun run = mergeShardResults({out});
    QCOMPARE(run.command, QStringLiteral("colorize"));
    QCOMPARE(run.shards, 3);
    QCOMPARE(run.total, 6);
    QCOMPARE(run.seconds, 4.5);
    QCOMPARE(int(run.items.size()), 6);
    for (int k = 0; k < 6; ++k)
        QCOMPARE(run.items[std::size_t(k)].find("image")->find("n")->asInt64(), k);
    // The shards/ folder itself is accepted too; the run's outputs are still its parent's.
    QCOMPARE(mergeShardResults({shardResultsFolder(out)}).total, 6);
    QCOMPARE(QFileInfo(mergeShardResults({shardResultsFolder(out)}).folder).canonicalFilePath(), QFileInfo(out).canonicalFilePath());
}

void TestShards::mergeNamesMissingShards()
{
    const QString out = m_dir.filePath(QStringLiteral("missing"));
    writeShardResults(out, results(2, 4, 8, {1, 2}));
    writeShardResults(out, results(3, 4, 8, {3, 4}));
    QCOMPARE(missingShards(out, QStringLiteral("colorize"), 4), std::vector<int>({1, 4}));
    try {
        mergeShardResults({out});
        QFAIL("merged with shards missing");
    } catch (const Error &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QStringLiteral("2 of 4 shards have no results (shards 1, 4)")), e.what());
        QVERIFY2(message.contains(QStringLiteral("--resubmit")), e.what());
    }
    try {
        mergeShardResults({m_dir.filePath(QStringLiteral("nothing-here"))});
        QFAIL("merged a folder that is not there");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("is not a folder")), e.what());
    }
}

void TestShards::mergeRefusesWhatIsNotOneRun()
{
    auto refuses = [this](const QString &name, const std::vector<ShardResults> &shards, const QString &expected) {
        const QString out = m_dir.filePath(name);
        for (const ShardResults &s : shards)
            writeShardResults(out, s);
        try {
            mergeShardResults({out});
            return QStringLiteral("merged");
        } catch (const Error &e) {
            return QString::fromUtf8(e.what()).contains(expected) ? QString() : QString::fromUtf8(e.what());
        }
    };
    ShardResults otherArguments = results(2, 2, 4, {2, 3});
    otherArguments.arguments.last() = QStringLiteral("elsewhere");
    QCOMPARE(refuses(QStringLiteral("arguments"), {results(1, 2, 4, {0, 1}), otherArguments}, QStringLiteral("different runs")), QString());
    QCOMPARE(refuses(QStringLiteral("count"), {results(1, 2, 4, {0, 1}), results(2, 3, 4, {2, 3})}, QStringLiteral("different runs")), QString());
    QCOMPARE(refuses(QStringLiteral("total"), {results(1, 2, 4, {0, 1}), results(2, 2, 5, {2, 3, 4})}, QStringLiteral("inputs changed")), QString());
    ShardResults otherModel = results(2, 2, 4, {2, 3});
    otherModel.context = json::Object{{"model", "other"}};
    QCOMPARE(refuses(QStringLiteral("context"), {results(1, 2, 4, {0, 1}), otherModel}, QStringLiteral("different settings")), QString());
    QCOMPARE(refuses(QStringLiteral("twice"), {results(1, 2, 4, {0, 1, 2}), results(2, 2, 4, {2})}, QStringLiteral("item 2 is in two shards")), QString());
    QCOMPARE(refuses(QStringLiteral("none"), {results(1, 2, 4, {0}), results(2, 2, 4, {2, 3})}, QStringLiteral("hold 3 items between them, and the run had 4")),
             QString());
    // A file may claim any total: two billion items are refused from the count, not allocated.
    QCOMPARE(refuses(QStringLiteral("huge"), {results(1, 1, 2000000000, {0})}, QStringLiteral("hold 1 items between them")), QString());
    QCOMPARE(refuses(QStringLiteral("outside"), {results(1, 2, 4, {0, 1, 9}), results(2, 2, 4, {2, 3})}, QStringLiteral("outside the run")), QString());
    // Not a results file at all, under a results file's name.
    const QString junk = m_dir.filePath(QStringLiteral("junk"));
    QVERIFY(QDir().mkpath(shardResultsFolder(junk)));
    QFile file(shardResultsPath(junk, QStringLiteral("colorize"), {1, 1}));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"something else\"}");
    file.close();
    QCOMPARE(refuses(QStringLiteral("junk"), {}, QStringLiteral("not a shard results file")), QString());
}

void TestShards::shellQuotingSurvivesTheShell()
{
    // Each word comes back from bash exactly, whatever it holds.
    const QStringList words{QStringLiteral("plain"), QStringLiteral("with space"), QStringLiteral("it's"), QStringLiteral("$(touch pwned)"),
                            QStringLiteral("`id`"), QStringLiteral("a\nb"), QStringLiteral("\"q\""), QStringLiteral("*"), QStringLiteral("%2")};
    QString script = QStringLiteral("printf '%s\\0'");
    for (const QString &w : words)
        script += QLatin1Char(' ') + shellQuote(w);
    QProcess bash;
    bash.setWorkingDirectory(m_dir.path());
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
    QVERIFY(bash.waitForFinished());
    QList<QByteArray> back = bash.readAllStandardOutput().split('\0');
    back.removeLast();
    QCOMPARE(back.size(), words.size());
    for (int i = 0; i < words.size(); ++i)
        QCOMPARE(QString::fromUtf8(back[i]), words[i]);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("pwned"))));
}

void TestShards::slurmValuesAreChecked()
{
    QVERIFY(!slurmValueProblem(QStringLiteral("--time"), QStringLiteral("90")));
    QVERIFY(!slurmValueProblem(QStringLiteral("--time"), QStringLiteral("1-12:00:00")));
    QVERIFY(!slurmValueProblem(QStringLiteral("--time"), QStringLiteral("4:30:00")));
    QVERIFY(slurmValueProblem(QStringLiteral("--time"), QStringLiteral("an hour")));
    QVERIFY(!slurmValueProblem(QStringLiteral("--gpus-per-task"), QStringLiteral("a100:2")));
    QVERIFY(slurmValueProblem(QStringLiteral("--gpus-per-task"), QStringLiteral("two")));
    QVERIFY(!slurmValueProblem(QStringLiteral("--mem"), QStringLiteral("16G")));
    QVERIFY(slurmValueProblem(QStringLiteral("--mem"), QStringLiteral("16 G")));
    QVERIFY(!slurmValueProblem(QStringLiteral("--partition"), QStringLiteral("gpu,gpu-long")));
    // A line break would start a new #SBATCH directive or a shell command.
    QVERIFY(slurmValueProblem(QStringLiteral("--partition"), QStringLiteral("gpu\n#SBATCH --uid=0")));
    QVERIFY(slurmValueProblem(QStringLiteral("--account"), QStringLiteral("lab; rm -rf ~")));
    QVERIFY(slurmValueProblem(QStringLiteral("--nodelist"), QStringLiteral("n1")));
}

void TestShards::scriptsCarryTheRun()
{
    SlurmPlan plan;
    plan.executable = QStringLiteral("/opt/periscope/bin/periscope-cli");
    plan.workDir = QStringLiteral("/home/lab/project");
    plan.command = QStringLiteral("colorize");
    plan.arguments = {QStringLiteral("photos of '98"), QStringLiteral("--out"), QStringLiteral("out")};
    plan.outDir = QStringLiteral("/home/lab/project/out");
    plan.shards = 4;
    plan.resources.partition = QStringLiteral("gpu");
    plan.resources.time = QStringLiteral("2:00:00");
    plan.resources.gpusPerTask = QStringLiteral("1");
    plan.resources.cpusPerTask = 8;
    const QString shards = shardScript(plan);
    for (const char *line : {"#SBATCH --array=1-4\n", "#SBATCH --partition=gpu\n", "#SBATCH --time=2:00:00\n", "#SBATCH --gpus-per-task=1\n",
                             "#SBATCH --cpus-per-task=8\n", "#SBATCH --chdir=\"/home/lab/project\"\n",
                             "#SBATCH --output=\"/home/lab/project/out/slurm/logs/shard-%a-of-4.log\"\n",
                             "exec '/opt/periscope/bin/periscope-cli' 'colorize' 'photos of '\\''98' '--out' 'out' --shard \"${SLURM_ARRAY_TASK_ID}/4\"\n"})
        QVERIFY2(shards.contains(QLatin1String(line)), qPrintable(shards));
    QVERIFY(!shards.contains(QLatin1String("--mem")));
    const QString merge = mergeScript(plan);
    QVERIFY2(merge.contains(QLatin1String("exec '/opt/periscope/bin/periscope-cli' 'merge' '/home/lab/project/out' '--out' "
                                          "'/home/lab/project/out/summary.json'\n")),
             qPrintable(merge));
    QVERIFY(!merge.contains(QLatin1String("--array")));
    // A folder an #SBATCH line cannot hold is refused, not written half-quoted.
    plan.outDir = QStringLiteral("/home/lab/\"quoted\"");
    QVERIFY_THROWS_EXCEPTION(Error, shardScript(plan));
    plan.outDir = QStringLiteral("/home/lab/100%");
    QVERIFY_THROWS_EXCEPTION(Error, mergeScript(plan));
    QCOMPARE(arrayList({2, 5, 7}), QStringLiteral("2,5,7"));
}

void TestShards::planRoundTripsAndRefusesTamperedValues()
{
    SlurmPlan plan;
    plan.executable = QStringLiteral("/usr/bin/periscope-cli");
    plan.workDir = m_dir.path();
    plan.command = QStringLiteral("scenes");
    plan.arguments = {QStringLiteral("--count"), QStringLiteral("8"), QStringLiteral("--out"), QStringLiteral("s")};
    plan.outDir = m_dir.filePath(QStringLiteral("plan"));
    plan.shards = 3;
    plan.resources.memory = QStringLiteral("8G");
    writeSlurmFiles(plan);
    for (const QString &path : {shardScriptPath(plan.outDir), mergeScriptPath(plan.outDir)})
        QVERIFY(QFileInfo(path).isExecutable());
    const SlurmPlan back = readSlurmPlan(plan.outDir);
    QCOMPARE(back.toJson().dump(), plan.toJson().dump());
    // plan.json is a file: a partition edited to carry a directive is refused on reading.
    json::Value tampered = plan.toJson();
    tampered.set("partition", "gpu\n#SBATCH --uid=0");
    QVERIFY_THROWS_EXCEPTION(Error, SlurmPlan::fromJson(tampered));
    tampered = plan.toJson();
    tampered.set("command", "../../bin/sh");
    QVERIFY_THROWS_EXCEPTION(Error, SlurmPlan::fromJson(tampered));
    QVERIFY_THROWS_EXCEPTION(Error, readSlurmPlan(m_dir.filePath(QStringLiteral("no-plan"))));
}

QTEST_GUILESS_MAIN(TestShards)
#include "tst_shards.moc"
