// SPDX-License-Identifier: GPL-3.0-or-later
// Study files (SQLite through QtSql): created and reopened, frozen at the first answer, tampering
// detected; bad places and bad files get sentences; a full disk loses nothing already saved; a
// real child process killed with SIGKILL mid-session loses no answer it reported, and the session
// resumes at the next trial; results and the CSV match the answers.
#include "app/studies/StudyStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace periscope;
using namespace periscope::app;

namespace {
studies::StudyDesign smallDesign(studies::QuestionType question = studies::QuestionType::RealOrColorized)
{
    studies::StudyDesign d;
    d.title = "store test";
    d.question = question;
    d.trialsPerRater = 12;
    d.attentionChecks = 2;
    d.seed = 9;
    for (int i = 0; i < 5; ++i)
        for (const char *c : {"original", "koala"})
            d.stimuli.push_back({"p" + std::to_string(i), c, std::string("photos/") + c + "/p" + std::to_string(i) + ".png"});
    return d;
}
} // namespace

class TestStudyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createOpenAndFreeze();
    void tamperedDefinitionIsRefused();
    void badPlacesAndBadFilesGetSentences();
    void hostileStudyFilesAreRefused();
    void photosStayInTheStudysFolder();
    void fullDiskKeepsWhatWasSaved();
    void killedSessionLosesNothingAndResumes();
    void resultsAndCsvMatchTheAnswers();

private:
    QTemporaryDir m_dir;
};

void TestStudyStore::createOpenAndFreeze()
{
    const QString path = m_dir.filePath(QStringLiteral("freeze.sqlite"));
    QString error;
    {
        auto store = StudyStore::create(path, smallDesign(), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(!store->isFrozen());
        studies::StudyDesign changed = smallDesign();
        changed.trialsPerRater = 10;
        QVERIFY2(store->updateDesign(changed, &error), qPrintable(error)); // no answers yet
        StudyStore::Rater rater;
        QVERIFY(store->startRater(&rater, &error));
        QCOMPARE(rater.number, 0);
        QVERIFY(rater.anonymousId.startsWith(QLatin1String("R01-")));
        const auto plan = store->plan(0);
        QCOMPARE(int(plan.size()), 10);
        QVERIFY(store->recordAnswer(0, plan[0], plan[0].attentionCheck ? plan[0].expectedAnswer : 1, 512.0, &error));
        QVERIFY(store->isFrozen());
        QVERIFY(!store->updateDesign(smallDesign(), &error));
        QVERIFY(error.contains(QLatin1String("frozen")));
        QVERIFY(!store->recordAnswer(0, plan[0], 1, 1.0, &error)); // answered already
        QVERIFY(error.contains(QLatin1String("answered already")));
        QVERIFY(!store->recordAnswer(0, plan[1], 7, 1.0, &error)); // not a valid answer
        QCOMPARE(store->nextTrial(0), 1);
    }
    // Reopened: the same design (the changed one) and the answer.
    auto again = StudyStore::open(path, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->design().trialsPerRater, 10);
    QCOMPARE(int(again->answers().size()), 1);
    QCOMPARE(again->raters().size(), 1);
    QCOMPARE(again->raters().first().answered, 1);
    QVERIFY(!StudyStore::create(path, smallDesign(), &error)); // never overwritten
    QVERIFY(error.contains(QLatin1String("exists already")));
}

void TestStudyStore::tamperedDefinitionIsRefused()
{
    const QString path = m_dir.filePath(QStringLiteral("tamper.sqlite"));
    QString error;
    QVERIFY(StudyStore::create(path, smallDesign(), &error));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE meta SET value = replace(value, '\"trials_per_rater\": 12', '\"trials_per_rater\": 99') "
                                      "WHERE key = 'design'")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    QVERIFY(!StudyStore::open(path, &error));
    QVERIFY2(error.contains(QLatin1String("changed outside Periscope")), qPrintable(error));
}

void TestStudyStore::hostileStudyFilesAreRefused()
{
    // A study file from someone else, edited to hide work in its schema: a view that recurses
    // forever (selected instead of a table, it never returns) and a trigger that loops on every
    // answer. Each is refused at open, with what it is, in well under a second.
    const QStringList additions = {
        QStringLiteral("CREATE VIEW spin AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"),
        QStringLiteral("CREATE TRIGGER loop AFTER INSERT ON answers BEGIN INSERT INTO answers SELECT * FROM answers; END"),
    };
    for (int i = 0; i < additions.size(); ++i) {
        const QString path = m_dir.filePath(QStringLiteral("hostile-%1.sqlite").arg(i));
        QString error;
        QVERIFY(StudyStore::create(path, smallDesign(), &error));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("hostile"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY2(q.exec(additions[i]), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("hostile"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!StudyStore::open(path, &error));
        QVERIFY2(error.contains(i == 0 ? QLatin1String("holds a view (spin)") : QLatin1String("holds a trigger (loop)")), qPrintable(error));
        QVERIFY2(timer.elapsed() < 20000, "the check ran past its deadline");
    }
}

void TestStudyStore::photosStayInTheStudysFolder()
{
    QTemporaryDir root;
    const QString folder = root.filePath(QStringLiteral("study"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/s.sqlite");
    QString error;
    // Created: a photo given by its absolute path is stored relative to the study's folder ...
    studies::StudyDesign design = smallDesign();
    design.stimuli.front().path = (folder + QStringLiteral("/photos/original/p0.png")).toStdString();
    {
        auto store = StudyStore::create(path, design, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(QString::fromStdString(store->design().stimuli.front().path), folder + QStringLiteral("/photos/original/p0.png"));
    }
    // ... so the study and its photos move together.
    const QString moved = root.filePath(QStringLiteral("moved"));
    QVERIFY(QDir().rename(folder, moved));
    {
        auto store = StudyStore::open(moved + QStringLiteral("/s.sqlite"), &error);
        QVERIFY2(store, qPrintable(error));
        for (const studies::Stimulus &s : store->design().stimuli)
            QVERIFY2(QString::fromStdString(s.path).startsWith(moved + QLatin1Char('/')), s.path.c_str());
    }

    // A photo outside the folder is refused at creation, and no file is made.
    const QString secret = root.filePath(QStringLiteral("secret.png"));
    for (const std::string &outside : {secret.toStdString(), std::string("../secret.png"), std::string("/etc/passwd")}) {
        studies::StudyDesign bad = smallDesign();
        bad.stimuli.back().path = outside;
        const QString badPath = moved + QStringLiteral("/bad.sqlite");
        QVERIFY(!StudyStore::create(badPath, bad, &error));
        QVERIFY2(error.contains(QLatin1String("outside the study's folder")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(badPath));
    }

    // A study file from elsewhere whose design (with a matching fingerprint: anyone can compute
    // one) names files outside its folder, directly or through a link, is refused at open.
    QFile(secret).open(QIODevice::WriteOnly);
    QVERIFY(QFile::link(secret, moved + QStringLiteral("/photos-link.png")));
    for (const std::string &outside : {secret.toStdString(), std::string("../secret.png"), std::string("photos-link.png")}) {
        const QString hostile = moved + QStringLiteral("/hostile.sqlite");
        QFile::remove(hostile);
        QVERIFY2(StudyStore::create(hostile, smallDesign(), &error), qPrintable(error));
        studies::StudyDesign edited = smallDesign();
        edited.stimuli.back().path = outside;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
            db.setDatabaseName(hostile);
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = ?"));
            q.addBindValue(QString::fromStdString(edited.toJson().dump(1)));
            q.addBindValue(QStringLiteral("design"));
            QVERIFY(q.exec());
            q.addBindValue(QString::fromStdString(edited.fingerprint()));
            q.addBindValue(QStringLiteral("fingerprint"));
            QVERIFY(q.exec());
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("edit"));
        QVERIFY(!StudyStore::open(hostile, &error));
        QVERIFY2(error.contains(QString::fromStdString(outside)) && error.contains(QLatin1String("outside its folder")), qPrintable(error));
    }
}

void TestStudyStore::badPlacesAndBadFilesGetSentences()
{
    QString error;
    QVERIFY(!StudyStore::create(QStringLiteral("/no/such/folder/s.sqlite"), smallDesign(), &error));
    QVERIFY2(error.contains(QLatin1String("missing or read-only")), qPrintable(error));
    // /proc takes no new files, even from root.
    QVERIFY(!StudyStore::create(QStringLiteral("/proc/periscope-study.sqlite"), smallDesign(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/periscope-study.sqlite")));
    // Garbage, an unrelated SQLite file, a missing file.
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    QVERIFY(!StudyStore::open(garbage, &error));
    QVERIFY2(error.contains(QLatin1String("not a Periscope study")) || error.contains(QLatin1String("damaged")), qPrintable(error));
    const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
        db.setDatabaseName(other);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE meta(key TEXT, value TEXT)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QVERIFY(!StudyStore::open(other, &error));
    QVERIFY(error.contains(QLatin1String("not a Periscope study")));
    QVERIFY(!StudyStore::open(m_dir.filePath(QStringLiteral("absent.sqlite")), &error));
    QVERIFY(error.contains(QLatin1String("does not exist")));
    // A design that cannot run is refused before any file is made.
    studies::StudyDesign empty;
    QVERIFY(!StudyStore::create(m_dir.filePath(QStringLiteral("empty.sqlite")), empty, &error));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("empty.sqlite"))));
}

void TestStudyStore::fullDiskKeepsWhatWasSaved()
{
    const QString path = m_dir.filePath(QStringLiteral("full.sqlite"));
    QString error;
    studies::StudyDesign design = smallDesign();
    design.trialsPerRater = 2000; // more answers than the capped file can hold
    auto store = StudyStore::create(path, design, &error);
    QVERIFY(store);
    StudyStore::Rater rater;
    QVERIFY(store->startRater(&rater, &error));
    const auto plan = store->plan(0);
    QVERIFY(store->recordAnswer(0, plan[0], plan[0].attentionCheck ? plan[0].expectedAnswer : 0, 100.0, &error));
    // The file may not grow any more (SQLite keeps it at its current size): the answers fill the
    // free room of its last page, then fail with the full-disk sentence.
    store->setMaximumPages(1);
    std::size_t saved = 1;
    bool refused = false;
    for (std::size_t t = 1; t < plan.size() && !refused; ++t) {
        refused = !store->recordAnswer(0, plan[t], plan[t].attentionCheck ? plan[t].expectedAnswer : 1, 100.0, &error);
        saved += refused ? 0 : 1;
    }
    QVERIFY(refused);
    QVERIFY2(error.contains(QLatin1String("full")), qPrintable(error));
    store.reset();
    auto reopened = StudyStore::open(path, &error);
    QVERIFY(reopened);
    QCOMPARE(reopened->answers().size(), saved); // everything saved before the disk filled
    QCOMPARE(reopened->nextTrial(0), int(saved));
}

void TestStudyStore::killedSessionLosesNothingAndResumes()
{
    const QString path = m_dir.filePath(QStringLiteral("kill.sqlite"));
    QString error;
    studies::StudyDesign design = smallDesign();
    design.trialsPerRater = 400;
    design.attentionChecks = 3;
    QVERIFY(StudyStore::create(path, design, &error));

    const QString cli = QStringLiteral(PERISCOPE_BIN_DIR "/periscope-cli");
    QProcess rater;
    rater.start(cli, {QStringLiteral("study"), QStringLiteral("simulate"), path, QStringLiteral("--delay-ms"), QStringLiteral("15")});
    QVERIFY(rater.waitForStarted());
    QList<int> reported;
    while (reported.size() < 8 && rater.state() == QProcess::Running) {
        rater.waitForReadyRead(5000);
        while (rater.canReadLine()) {
            const QList<QByteArray> words = rater.readLine().trimmed().split(' ');
            if (words.size() == 3 && words[0] == "answered")
                reported << words[2].toInt();
        }
    }
    rater.kill(); // SIGKILL: no handler, no flush, no cleanup
    QVERIFY(rater.waitForFinished(5000));
    QCOMPARE(rater.exitStatus(), QProcess::CrashExit);
    QVERIFY(reported.size() >= 8);

    auto store = StudyStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    const std::vector<studies::Answer> saved = store->answers();
    // Every answer the killed process reported is there, in order, without gaps.
    QVERIFY(int(saved.size()) >= reported.size());
    for (std::size_t i = 0; i < saved.size(); ++i)
        QCOMPARE(saved[i].trial, int(i));
    const int next = store->nextTrial(0);
    QCOMPARE(next, int(saved.size()));
    QVERIFY(next < 400);
    store.reset();

    // The session resumes at the next trial.
    QProcess resume;
    resume.start(cli, {QStringLiteral("study"), QStringLiteral("simulate"), path, QStringLiteral("--rater"), QStringLiteral("0"),
                       QStringLiteral("--count"), QStringLiteral("2")});
    QVERIFY(resume.waitForFinished(30000));
    QCOMPARE(resume.exitCode(), 0);
    const QList<QByteArray> lines = resume.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].trimmed(), QByteArray("answered 0 ") + QByteArray::number(next));
    QCOMPARE(StudyStore::open(path, &error)->nextTrial(0), next + 2);
}

void TestStudyStore::resultsAndCsvMatchTheAnswers()
{
    const QString path = m_dir.filePath(QStringLiteral("results.sqlite"));
    QString error;
    studies::StudyDesign design = smallDesign(studies::QuestionType::TwoAlternative);
    design.attentionChecks = 0;
    design.trialsPerRater = 5;
    auto store = StudyStore::create(path, design, &error);
    QVERIFY(store);
    // Two raters who always choose the original: it is preferred every time, and they agree.
    for (int r = 0; r < 2; ++r) {
        StudyStore::Rater rater;
        QVERIFY(store->startRater(&rater, &error));
        for (const studies::Trial &t : store->plan(rater.number))
            QVERIFY(store->recordAnswer(rater.number, t, t.conditions[0] == "original" ? 0 : 1, 250.0, &error));
    }
    const studies::StudyResults results = store->results();
    QCOMPARE(results.includedRaters, 2);
    QCOMPARE(results.answers, 10);
    QCOMPARE(results.conditions[0].name, std::string("original"));
    QCOMPARE(results.conditions[0].preferred.successes, 10);
    QCOMPARE(results.conditions[0].preferred.n, 10);
    QCOMPARE(results.conditions[1].preferred.successes, 0);
    const QString csv = m_dir.filePath(QStringLiteral("answers.csv"));
    QVERIFY2(store->exportCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = file.readAll().trimmed().split('\n');
    QCOMPARE(rows.size(), 11);
    QCOMPARE(rows[0], QByteArray("rater,trial,image,condition_left,condition_right,question,answer,response_ms,attention_check,"
                                 "expected_answer,answered_at"));
    QVERIFY(rows[1].startsWith("R01-"));
    QVERIFY(rows[1].contains(",2afc,"));
}

QTEST_GUILESS_MAIN(TestStudyStore)
#include "tst_studystore.moc"
