// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #17's bad-input corpus through the window, the way a user hands files to it: each file
// and folder of the corpus dragged onto the main window (File > Open and Open Recent route the
// same way, through MainWindow::openFileIn). What no workspace opens is refused at the drag. For
// the rest: the window keeps working, the jobs end within the time limit, the Log holds a warning
// or an error for it, no marker file appears (nothing ran code) and no input changed. The inputs
// once wrongly refused ("good/") open without an error.
#include "app/shell/JobManager.h"
#include "app/shell/LogModel.h"
#include "app/shell/MainWindow.h"
#include "app/shell/ModelChoice.h"
#include "app/shell/Workspace.h"
#include "app/shell/WorkspaceRegistry.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/stat.h>

using namespace periscope::app;

namespace {
constexpr int kLimitMs = 60000;

// Path -> SHA-256 (or the kind of node) of everything under `root`: what "no input changed" compares.
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> state;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat info {};
        if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
            continue;
        if (S_ISREG(info.st_mode)) {
            QFile file(path);
            QCryptographicHash hash(QCryptographicHash::Sha256);
            if (file.open(QIODevice::ReadOnly))
                hash.addData(&file);
            state.insert(path, hash.result());
        } else {
            state.insert(path, QByteArray::number(int(info.st_mode & S_IFMT)));
        }
    }
    return state;
}
} // namespace

class TestBadInputsGui : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void droppedFilesAreReportedAndHarmless_data();
    void droppedFilesAreReportedAndHarmless();
    void weightFilesChosenAsModelsAreReportedAndHarmless_data();
    void weightFilesChosenAsModelsAreReportedAndHarmless();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_inputs, m_marker;
    QMap<QString, QByteArray> m_before;
};

void TestBadInputsGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_inputs = m_dir.filePath(QStringLiteral("inputs"));
    m_marker = m_dir.filePath(QStringLiteral("MARKER-code-ran"));
    QProcess make;
    make.start(QStringLiteral(PERISCOPE_PYTHON), {QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/badinputs/make_bad_inputs.py"), m_inputs, m_marker});
    QVERIFY(make.waitForFinished(120000));
    QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());
    m_before = snapshot(m_inputs);
    QVERIFY(m_before.size() > 40);
}

void TestBadInputsGui::droppedFilesAreReportedAndHarmless_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("mustOpen");
    const QDir inputs(m_inputs);
    // Every top-level file, FIFO and folder, and every file in the folders of the corpus (a
    // sub-folder is also dropped whole: a scene folder, the project from elsewhere).
    QStringList paths;
    for (const QFileInfo &entry : inputs.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDir::Name)) {
        paths << entry.filePath();
        if (entry.isDir() && !entry.isSymLink())
            for (const QFileInfo &inner : QDir(entry.filePath()).entryInfoList(QDir::Files | QDir::System, QDir::Name))
                paths << inner.filePath();
    }
    for (const QString &path : paths) {
        const QString name = inputs.relativeFilePath(path);
        // "good/" holds inputs that were once wrongly refused by the command line; those the
        // window opens (an image, a graph of one node) must open without an error.
        const bool good = name.startsWith(QLatin1String("good/"));
        if (good && !name.endsWith(QLatin1String(".png")))
            continue;
        if (name == QLatin1String("good"))
            continue;
        QTest::newRow(qPrintable(name)) << path << good;
    }
}

void TestBadInputsGui::droppedFilesAreReportedAndHarmless()
{
    QFETCH(QString, path);
    QFETCH(bool, mustOpen);
    QSettings().clear(); // no project of one's own: every project here is from elsewhere
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.resize(1280, 720);
    window.show();
    const qsizetype logBefore = window.log()->entries().size();

    QElapsedTimer timer;
    timer.start();
    // As a drag arrives: the window accepts only what some workspace opens (by suffix, or a
    // folder); anything else the user cannot drop (the cursor says no), which is handled well.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(60, 60), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted()) {
        QVERIFY2(!mustOpen, "the window refuses to take an input it should open");
        QCOMPARE(window.log()->entries().size(), logBefore);
        return;
    }
    QDropEvent drop(QPointF(60, 60), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY2(window.jobs()->waitForIdle(kLimitMs), "the jobs the file started did not end within 60 s");
    QApplication::processEvents();
    QVERIFY2(timer.elapsed() < kLimitMs, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));

    QStringList problems, everything;
    const QList<LogEntry> &entries = window.log()->entries();
    for (qsizetype i = logBefore; i < entries.size(); ++i) {
        everything << entries[i].message;
        if (entries[i].level == LogLevel::Warning || entries[i].level == LogLevel::Error)
            problems << entries[i].message;
    }
    if (mustOpen)
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    else
        QVERIFY2(!problems.isEmpty(), qPrintable(QStringLiteral("no warning or error in the Log; it says: ") + everything.join(QStringLiteral(" | "))));
    if (!problems.isEmpty())
        qInfo("%s", qPrintable(problems.first()));
    QVERIFY2(!QFile::exists(m_marker), "a marker file appeared: the file ran code");
    QVERIFY(window.isVisible()); // and the window still answers: a second drop of a good file works
    window.setInteractive(false);
}

void TestBadInputsGui::weightFilesChosenAsModelsAreReportedAndHarmless_data()
{
    QTest::addColumn<QString>("workspace");
    QTest::addColumn<QString>("path");
    QDirIterator it(m_inputs, {QStringLiteral("*.pt"), QStringLiteral("*.pth"), QStringLiteral("*.safetensors")},
                    QDir::Files | QDir::System, QDirIterator::Subdirectories);
    QStringList weights;
    while (it.hasNext())
        weights << it.next();
    weights.sort();
    for (const QString &id : {QStringLiteral("colorize"), QStringLiteral("slots"), QStringLiteral("graphs"), QStringLiteral("deepfake")})
        for (const QString &path : weights)
            QTest::newRow(qPrintable(id + QLatin1Char(' ') + QDir(m_inputs).relativeFilePath(path))) << id << path;
}

void TestBadInputsGui::weightFilesChosenAsModelsAreReportedAndHarmless()
{
    // "Other file..." in a workspace's model menu: the file dialog's choice goes out as
    // modelChosen, and the workspace's next run loads it, on a job.
    QFETCH(QString, workspace);
    QFETCH(QString, path);
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.show();
    QString error;
    if (workspace == QLatin1String("graphs"))
        QVERIFY2(window.openDemoChecked(workspace, QStringLiteral("infection"), &error), qPrintable(error));
    else if (workspace == QLatin1String("deepfake")) // a detector is loaded for an open video
        QVERIFY2(window.openFileChecked(QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/fuzz/corpus/video/tiny.mkv"), workspace, &error),
                 qPrintable(error));
    else
        QVERIFY2(window.openFileChecked(m_inputs + QStringLiteral("/good/photo.png"), workspace, &error), qPrintable(error));
    QVERIFY(window.jobs()->waitForIdle(kLimitMs));
    const qsizetype logBefore = window.log()->entries().size();
    auto *choice = window.workspace(workspace)->view()->findChild<ModelChoice *>();
    QVERIFY(choice);
    QElapsedTimer timer;
    timer.start();
    Q_EMIT choice->modelChosen(path);
    QVERIFY2(window.jobs()->waitForIdle(kLimitMs), "loading the model did not end within 60 s");
    QApplication::processEvents();
    QVERIFY(window.jobs()->waitForIdle(kLimitMs));
    QVERIFY2(timer.elapsed() < kLimitMs, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    QStringList problems;
    const QList<LogEntry> &entries = window.log()->entries();
    for (qsizetype i = logBefore; i < entries.size(); ++i)
        if (entries[i].level == LogLevel::Warning || entries[i].level == LogLevel::Error)
            problems << entries[i].message;
    // None of these is a model of these workspaces: each is refused with a reason.
    QVERIFY2(!problems.isEmpty(), "no warning or error in the Log");
    qInfo("%s", qPrintable(problems.first()));
    QVERIFY2(!QFile::exists(m_marker), "a marker file appeared: the file ran code");
}

void TestBadInputsGui::cleanupTestCase()
{
    // Nothing dropped may have changed (the window only reads what it is given).
    const QMap<QString, QByteArray> after = snapshot(m_inputs);
    for (auto it = m_before.constBegin(); it != m_before.constEnd(); ++it) {
        QVERIFY2(after.contains(it.key()), qPrintable(it.key() + QStringLiteral(" disappeared")));
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key() + QStringLiteral(" changed")));
    }
}

QTEST_MAIN(TestBadInputsGui)
#include "tst_badinputsgui.moc"
