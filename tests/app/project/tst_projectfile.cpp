// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/AtomicFile.h"
#include "app/shell/Autosave.h"
#include "app/shell/MainWindow.h"
#include "app/shell/ProjectFile.h"
#include "app/shell/WorkspaceRegistry.h"
#include "app/workspaces/welcome/WelcomeWorkspace.h"
#include "tests/app/support/TestWorkspace.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace periscope::app;

class TestProjectFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTrips();
    void roundTripsThroughTheMainWindow();
    void atomicSaveSurvivesFailureMidWrite();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void aFifoOrFolderIsRefusedWithoutWaiting();
    void autosaveFindsOnlyCrashedSessions();
    void crashRecoveryRestoresTheProject();

private:
    static void writeBytes(const QString &path, const QByteArray &bytes);
    static Project sampleProject();
    static WorkspaceRegistry registry();
    QTemporaryDir m_dir;
};

void TestProjectFile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestProjectFile::writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

Project TestProjectFile::sampleProject()
{
    Project project;
    project.activeWorkspace = QStringLiteral("notes");
    project.workspaces.append({QStringLiteral("notes"), {QStringLiteral("/data/a.txt"), QStringLiteral("/data/ü b.txt")},
                               QJsonObject{{QStringLiteral("zoom"), 2.5},
                                           {QStringLiteral("layers"), QJsonArray{QStringLiteral("input"), QStringLiteral("ΔE")}}}});
    project.workspaces.append({QStringLiteral("welcome"), {}, QJsonObject{{QStringLiteral("tab"), 1}}});
    return project;
}

WorkspaceRegistry TestProjectFile::registry()
{
    WorkspaceRegistry registry;
    registry.add<WelcomeWorkspace>();
    registry.add<periscope::test::NotesWorkspace>();
    return registry;
}

void TestProjectFile::roundTrips()
{
    const Project original = sampleProject();
    Project parsed;
    QString error;
    QVERIFY2(parseProject(serializeProject(original), QStringLiteral("memory"), &parsed, &error), qPrintable(error));
    QVERIFY(parsed == original);

    const QString path = m_dir.filePath(QStringLiteral("round.periscope"));
    QVERIFY2(writeProjectFile(path, original, &error), qPrintable(error));
    Project read;
    QVERIFY2(readProjectFile(path, &read, &error), qPrintable(error));
    QVERIFY(read == original);
}

void TestProjectFile::roundTripsThroughTheMainWindow()
{
    const QString note = m_dir.filePath(QStringLiteral("note.txt"));
    writeBytes(note, "a note");
    const QString path = m_dir.filePath(QStringLiteral("window.periscope"));
    Project saved;
    {
        MainWindow window(registry());
        window.setInteractive(false);
        QString error;
        QVERIFY2(window.openFileChecked(note, QString(), &error), qPrintable(error));
        QVERIFY(window.jobs()->waitForIdle(5000));
        auto *notes = static_cast<periscope::test::NotesWorkspace *>(window.workspace(QStringLiteral("notes")));
        notes->setZoomUndoable(3.0);
        QVERIFY(window.isProjectModified());
        QVERIFY2(window.saveProjectTo(path, &error), qPrintable(error));
        QVERIFY(!window.isProjectModified());
        saved = window.currentProject();
        QCOMPARE(saved.activeWorkspace, QStringLiteral("notes"));
    }
    MainWindow window(registry());
    window.setInteractive(false);
    QString error;
    QVERIFY2(window.loadProject(path, &error), qPrintable(error));
    QVERIFY(window.jobs()->waitForIdle(5000));
    QVERIFY(window.currentProject() == saved);
    auto *notes = static_cast<periscope::test::NotesWorkspace *>(window.workspace(QStringLiteral("notes")));
    QCOMPARE(notes->zoom(), 3.0);
    QCOMPARE(notes->text(), QStringLiteral("a note"));
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("notes"));
}

void TestProjectFile::atomicSaveSurvivesFailureMidWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.periscope"));
    const QByteArray original = serializeProject(sampleProject());
    QString error;
    QVERIFY(writeFileAtomically(path, original, &error));

    // A project large enough to take several chunks; the write dies after the first one.
    Project big = sampleProject();
    for (int i = 0; i < 5000; ++i)
        big.workspaces.first().files.append(QStringLiteral("/data/long/path/to/photo-%1.jpg").arg(i));
    const QByteArray replacement = serializeProject(big);
    QVERIFY(replacement.size() > 3 * 64 * 1024);
    qint64 writtenWhenFailed = 0;
    const bool ok = writeFileAtomically(path, replacement, &error, [&](qint64 written) {
        writtenWhenFailed = written;
        return false;
    });
    QVERIFY(!ok);
    QVERIFY(writtenWhenFailed > 0 && writtenWhenFailed < replacement.size());
    QVERIFY2(error.contains(QStringLiteral("unchanged")), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), original);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("p.periscope")});
    Project stillGood;
    QVERIFY(readProjectFile(path, &stillGood, &error));
    QVERIFY(stillGood == sampleProject());
}

void TestProjectFile::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    const QByteArray good = serializeProject(sampleProject());
    QTest::newRow("truncated") << good.left(good.size() / 2) << "truncated";
    QTest::newRow("cut after the first brace") << QByteArray("{\n") << "truncated";
    QTest::newRow("not JSON") << QByteArray("Hello, this is a text file.\n") << "not valid JSON";
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "not valid JSON";
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("array") << QByteArray("[1, 2, 3]") << "not an object";
    QTest::newRow("other JSON") << QByteArray(R"({"name": "package", "version": "1.0"})") << "not a Periscope project";
    QTest::newRow("future version")
        << QByteArray(R"({"format": "periscope-project", "version": 99, "savedBy": "9.0.0", "workspaces": []})")
        << "newer Periscope (9.0.0, project format 99)";
    QTest::newRow("no version") << QByteArray(R"({"format": "periscope-project"})") << "no format version";
    QTest::newRow("workspaces not a list")
        << QByteArray(R"({"format": "periscope-project", "version": 1, "workspaces": {"id": "x"}})") << "must be a list";
    QTest::newRow("workspace without id")
        << QByteArray(R"({"format": "periscope-project", "version": 1, "workspaces": [{"files": []}]})") << "no id";
}

void TestProjectFile::rejectsBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(QStringLiteral("bad.periscope"));
    writeBytes(path, content);
    Project project;
    QString error;
    QVERIFY(!readProjectFile(path, &project, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("bad.periscope")), qPrintable(error));

    // The window reports it and keeps working.
    MainWindow window(registry());
    window.setInteractive(false);
    QString windowError;
    QVERIFY(!window.loadProject(path, &windowError));
    QCOMPARE(windowError, error);
    QVERIFY(window.projectPath().isEmpty());
}

void TestProjectFile::aFifoOrFolderIsRefusedWithoutWaiting()
{
    // Opening a FIFO waits for a writer: a shared "project" that is one froze the window (#17).
    const QString fifo = m_dir.filePath(QStringLiteral("pipe.periscope"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    for (const QString &path : {fifo, m_dir.path()}) {
        Project project;
        QString error;
        QVERIFY(!readProjectFile(path, &project, &error));
        QVERIFY2(error.contains(QLatin1String("not a regular file")), qPrintable(error));
    }
}

void TestProjectFile::autosaveFindsOnlyCrashedSessions()
{
    QTemporaryDir dir;
    int snapshots = 0;
    Autosave autosave(dir.path(), [&] {
        ++snapshots;
        return serializeProject(sampleProject());
    });
    QString error;
    QVERIFY2(autosave.saveNow(&error), qPrintable(error));
    QVERIFY(QFile::exists(autosave.ownRecoveryPath()));
    QVERIFY(autosave.orphanedRecoveryFiles().isEmpty()); // our own file: we are alive

    // A session whose process has ended left its file behind.
    QProcess finished;
    finished.start(QStringLiteral("true"));
    QVERIFY(finished.waitForFinished());
    const qint64 deadPid = finished.processId() > 0 ? finished.processId() : 2147483000;
    const QString orphan = dir.filePath(QStringLiteral("autosave-%1.periscope").arg(deadPid));
    writeBytes(orphan, serializeProject(sampleProject()));
    // A session still running (this test's parent shell, say) is not an orphan.
    writeBytes(dir.filePath(QStringLiteral("autosave-1.periscope")), "{}");
    QCOMPARE(autosave.orphanedRecoveryFiles(), QStringList{QFileInfo(orphan).absoluteFilePath()});

    autosave.finishCleanly();
    QVERIFY(!QFile::exists(autosave.ownRecoveryPath()));
    QVERIFY(QFile::exists(orphan));
    QVERIFY(snapshots >= 1);
}

void TestProjectFile::crashRecoveryRestoresTheProject()
{
    const QString note = m_dir.filePath(QStringLiteral("recovered.txt"));
    writeBytes(note, "recovered note");
    Project crashed;
    crashed.activeWorkspace = QStringLiteral("notes");
    crashed.workspaces.append({QStringLiteral("notes"), {note}, QJsonObject{{QStringLiteral("zoom"), 4.0}}});
    QDir().mkpath(Autosave::defaultRecoveryFolder());
    const QString orphan = Autosave::defaultRecoveryFolder() + QStringLiteral("/autosave-2147483001.periscope");
    writeBytes(orphan, serializeProject(crashed));

    {
        MainWindow window(registry());
        window.setInteractive(false);
        QVERIFY(!window.offerCrashRecovery()); // non-interactive: nothing restored, nothing deleted
        QVERIFY(QFile::exists(orphan));
    }

    // Interactively the user is asked; answer "Yes" in the real question box.
    MainWindow window(registry());
    window.show();
    QString question;
    QTimer::singleShot(100, this, [&question] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        question = box->text();
        box->button(QMessageBox::Yes)->click();
    });
    QVERIFY(window.offerCrashRecovery());
    QVERIFY2(question.contains(QStringLiteral("did not close properly")), qPrintable(question));
    QVERIFY(window.jobs()->waitForIdle(5000));
    auto *notes = static_cast<periscope::test::NotesWorkspace *>(window.workspace(QStringLiteral("notes")));
    QCOMPARE(notes->zoom(), 4.0);
    QCOMPARE(notes->text(), QStringLiteral("recovered note"));
    QVERIFY(window.isProjectModified()); // restored work is unsaved until saved
    QVERIFY(!QFile::exists(orphan));
    window.setInteractive(false); // close without asking to save
}

QTEST_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
