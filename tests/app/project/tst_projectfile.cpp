// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/AtomicFile.h"
#include "app/shell/Autosave.h"
#include "app/shell/LogModel.h"
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
#include <QImage>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
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
    void projectPathsStoreAndResolve();
    void aProjectFromElsewhereOpensOnlyFilesInItsFolder();
    void ownProjectsOpenTheirInputsAnywhere();
    void autosaveFindsOnlyCrashedSessions();
    void crashRecoveryRestoresTheProject();
    void colorizePhotosComeBackWithTheProject();

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
        saved = window.currentProject(ProjectPaths(path, true));
        // The note lies in the project's folder: stored relative, so the folder can move.
        QCOMPARE(saved.workspaces.first().files, QStringList{QStringLiteral("note.txt")});
        QCOMPARE(saved.activeWorkspace, QStringLiteral("notes"));
    }
    MainWindow window(registry());
    window.setInteractive(false);
    QString error;
    QVERIFY2(window.loadProject(path, &error), qPrintable(error));
    QVERIFY(window.jobs()->waitForIdle(5000));
    QVERIFY(window.currentProject(ProjectPaths(path, true)) == saved);
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

void TestProjectFile::projectPathsStoreAndResolve()
{
    QTemporaryDir root;
    const QString folder = root.filePath(QStringLiteral("project"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/photos")));
    const QString outside = root.filePath(QStringLiteral("outside.jpg"));
    writeBytes(outside, "x");
    QVERIFY(QFile::link(outside, folder + QStringLiteral("/link.jpg")));
    const ProjectPaths shared(folder + QStringLiteral("/p.periscope"), false);

    QCOMPARE(shared.toStored(folder + QStringLiteral("/photos/a b.jpg")), QStringLiteral("photos/a b.jpg"));
    QCOMPARE(shared.toStored(outside), outside);
    // A link in the folder that leads out would not read back: it is stored as its own absolute path.
    QCOMPARE(shared.toStored(folder + QStringLiteral("/link.jpg")), folder + QStringLiteral("/link.jpg"));
    QCOMPARE(shared.toStoredModel(QStringLiteral("koalarization")), QStringLiteral("koalarization"));
    QCOMPARE(shared.toStoredModel(folder + QStringLiteral("/w.safetensors")), QStringLiteral("./w.safetensors"));

    QString refusal;
    QCOMPARE(shared.resolve(QStringLiteral("photos/a b.jpg"), &refusal), folder + QStringLiteral("/photos/a b.jpg"));
    QCOMPARE(shared.resolve(QStringLiteral("./photos/../photos/a.jpg"), &refusal), folder + QStringLiteral("/photos/a.jpg"));
    QCOMPARE(shared.resolveModel(QStringLiteral("./w.safetensors"), &refusal), folder + QStringLiteral("/w.safetensors"));
    QCOMPARE(shared.resolveModel(QStringLiteral("koalarization"), &refusal), QStringLiteral("koalarization"));
    QVERIFY(refusal.isEmpty());
    for (const QString &hostile : {outside, QStringLiteral("../outside.jpg"), QStringLiteral("photos/../../outside.jpg"),
                                   QStringLiteral("link.jpg"), QStringLiteral("/etc/passwd"), QString()}) {
        refusal.clear();
        QVERIFY2(shared.resolve(hostile, &refusal).isEmpty(), qPrintable(hostile));
        QVERIFY2(!refusal.isEmpty(), qPrintable(hostile));
        if (!hostile.isEmpty())
            QVERIFY2(refusal.contains(hostile) && refusal.contains(QLatin1String("outside the project's folder")), qPrintable(refusal));
    }
    QVERIFY(shared.resolveModel(QStringLiteral("../w.safetensors"), &refusal).isEmpty());

    // The author's own project: the same spellings open.
    const ProjectPaths own(folder + QStringLiteral("/p.periscope"), true);
    QCOMPARE(own.resolve(outside, &refusal), outside);
    QCOMPARE(own.resolve(QStringLiteral("../outside.jpg"), &refusal), outside);
}

void TestProjectFile::aProjectFromElsewhereOpensOnlyFilesInItsFolder()
{
    QTemporaryDir root;
    const QString folder = root.filePath(QStringLiteral("received"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/notes")));
    writeBytes(folder + QStringLiteral("/notes/inside.txt"), "inside note");
    const QString secret = root.filePath(QStringLiteral("secret.txt"));
    writeBytes(secret, "the user's secret");
    QVERIFY(QFile::link(secret, folder + QStringLiteral("/notes/link.txt")));

    // As a stranger would write it: absolute, climbing and linked references out of the folder.
    const QJsonObject json{
        {QStringLiteral("format"), QStringLiteral("periscope-project")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("activeWorkspace"), QStringLiteral("notes")},
        {QStringLiteral("workspaces"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("notes")},
                                {QStringLiteral("files"), QJsonArray{QStringLiteral("notes/inside.txt"), secret, QStringLiteral("../secret.txt"),
                                                                     QStringLiteral("notes/link.txt")}}}}}};
    const QString path = folder + QStringLiteral("/received.periscope");
    writeBytes(path, QJsonDocument(json).toJson());

    Project project;
    QString error;
    QVERIFY2(readProjectFile(path, &project, &error), qPrintable(error));
    QVERIFY(!project.writtenHere);
    MainWindow window(registry());
    window.setInteractive(false);
    QString problems;
    QVERIFY(!window.applyProject(project, ProjectPaths(path, project.writtenHere), &problems));
    QVERIFY(window.jobs()->waitForIdle(5000));
    auto *notes = static_cast<periscope::test::NotesWorkspace *>(window.workspace(QStringLiteral("notes")));
    QCOMPARE(notes->openFiles(), QStringList{folder + QStringLiteral("/notes/inside.txt")});
    QCOMPARE(notes->text(), QStringLiteral("inside note"));
    for (const QString &refused : {secret, QStringLiteral("../secret.txt"), QStringLiteral("notes/link.txt")})
        QVERIFY2(problems.contains(refused), qPrintable(problems));

    // Through File > Open: the project opens, the log names what was refused.
    MainWindow opened(registry());
    opened.setInteractive(false);
    QVERIFY2(opened.loadProject(path, &error), qPrintable(error));
    QVERIFY(opened.jobs()->waitForIdle(5000));
    QString logged;
    for (const LogEntry &entry : opened.log()->entries())
        logged += entry.message + QLatin1Char('\n');
    QVERIFY2(logged.contains(QLatin1String("outside the project's folder")) && logged.contains(secret), qPrintable(logged));
}

void TestProjectFile::ownProjectsOpenTheirInputsAnywhere()
{
    QTemporaryDir root;
    const QString elsewhere = root.filePath(QStringLiteral("elsewhere.txt"));
    writeBytes(elsewhere, "a note kept elsewhere");
    QVERIFY(QDir().mkpath(root.filePath(QStringLiteral("projects"))));
    const QString path = root.filePath(QStringLiteral("projects/mine.periscope"));
    {
        MainWindow window(registry());
        window.setInteractive(false);
        QString error;
        QVERIFY2(window.openFileChecked(elsewhere, QString(), &error), qPrintable(error));
        QVERIFY(window.jobs()->waitForIdle(5000));
        QVERIFY2(window.saveProjectTo(path, &error), qPrintable(error));
    }
    Project project;
    QString error;
    QVERIFY2(readProjectFile(path, &project, &error), qPrintable(error));
    QVERIFY(project.writtenHere);
    QCOMPARE(project.workspaces.first().files, QStringList{elsewhere});
    {
        MainWindow window(registry());
        window.setInteractive(false);
        QString problems;
        QVERIFY2(window.applyProject(project, ProjectPaths(path, project.writtenHere), &problems), qPrintable(problems));
        QVERIFY(window.jobs()->waitForIdle(5000));
        QCOMPARE(static_cast<periscope::test::NotesWorkspace *>(window.workspace(QStringLiteral("notes")))->text(),
                 QStringLiteral("a note kept elsewhere"));
    }

    // Edited by someone else (one byte more), it is no longer this account's own.
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("\n");
    file.close();
    QVERIFY2(readProjectFile(path, &project, &error), qPrintable(error));
    QVERIFY(!project.writtenHere);
    MainWindow window(registry());
    window.setInteractive(false);
    QString problems;
    QVERIFY(!window.applyProject(project, ProjectPaths(path, project.writtenHere), &problems));
    QVERIFY2(problems.contains(elsewhere), qPrintable(problems));
    QVERIFY(window.workspace(QStringLiteral("notes"))->openFiles().isEmpty());
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

// #23 item 2: reopening a project lost the Colorize photos (Graphs and Slots came back), and the
// title called the project modified right after opening it. The real workspaces, two windows.
void TestProjectFile::colorizePhotosComeBackWithTheProject()
{
    QTemporaryDir dir;
    QStringList photos;
    for (int i = 0; i < 2; ++i) {
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(40 + 100 * i, 120, 200 - 80 * i));
        photos << dir.filePath(QStringLiteral("photo-%1.png").arg(i));
        QVERIFY(image.save(photos.last()));
    }
    const QString path = dir.filePath(QStringLiteral("colour.periscope"));
    {
        MainWindow window(WorkspaceRegistry::builtIn());
        window.setInteractive(false);
        QString error;
        for (const QString &photo : photos)
            QVERIFY2(window.openFileChecked(photo, QStringLiteral("colorize"), &error), qPrintable(error));
        QVERIFY(window.jobs()->waitForIdle(120000));
        QCOMPARE(window.workspace(QStringLiteral("colorize"))->openFiles().size(), 2);
        QVERIFY2(window.saveProjectTo(path, &error), qPrintable(error));
    }
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    QString error;
    QVERIFY2(window.loadProject(path, &error), qPrintable(error));
    QVERIFY(window.jobs()->waitForIdle(120000));
    QStringList opened = window.workspace(QStringLiteral("colorize"))->openFiles();
    opened.sort();
    QCOMPARE(opened, photos);
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("colorize"));
    QVERIFY2(!window.isProjectModified(), "the project reads as modified right after opening");
    // A change the user makes still marks it: a third photo opened.
    const QString third = dir.filePath(QStringLiteral("photo-2.png"));
    QVERIFY(QFile::copy(photos.first(), third));
    QVERIFY2(window.openFileChecked(third, QStringLiteral("colorize"), &error), qPrintable(error));
    QVERIFY(window.jobs()->waitForIdle(120000));
    QVERIFY(window.isProjectModified());
}

QTEST_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
