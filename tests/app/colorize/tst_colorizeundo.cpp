// SPDX-License-Identifier: GPL-3.0-or-later
// The Colorize workspace's undo stack (#23): opening photos, Clear and the colorizer choice are
// steps that Edit > Undo and Redo run, the photos coming back with their results.
#include "app/shell/JobManager.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/ColorizeView.h"
#include "app/workspaces/colorize/ColorizeWorkspace.h"
#include "tests/app/colorize/ColorizePhotos.h"
#include "tests/app/colorize/ColorizeWorkspaceFixture.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace periscope;
using namespace periscope::app;
using namespace periscope::test;

class TestColorizeUndo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void openAndClearAreUndone();

private:
    bool waitIdle() { return m_jobs->waitForIdle(120000); }
    ColorizeView *view() { return qobject_cast<ColorizeView *>(m_workspace->view()); }
    QString folderOfPhotos() { return writeFolderOfPhotos(m_dir.path()); }

    QTemporaryDir m_dir;
    ColorizeWorkspaceFixture m_fixture;
    std::unique_ptr<JobManager> &m_jobs = m_fixture.jobs;
    std::unique_ptr<ColorizeWorkspace> &m_workspace = m_fixture.workspace;
};

void TestColorizeUndo::init()
{
    m_fixture.start(QSize(1280, 720));
}

void TestColorizeUndo::cleanup()
{
    m_fixture.end();
}

// #23: Clear took every photo with no way back; opening and clearing are now steps of the
// workspace's undo stack (what Edit > Undo runs), the results coming back with the photos.
void TestColorizeUndo::openAndClearAreUndone()
{
    QString error;
    QUndoStack *undo = m_workspace->undoStack();
    QVERIFY(m_workspace->openFile(folderOfPhotos(), &error));
    QVERIFY(waitIdle());
    ColorizeModel *model = m_workspace->model();
    QCOMPARE(model->photos().size(), 5);
    QCOMPARE(undo->count(), 1);
    auto colorized = [&] {
        int n = 0;
        for (const ColorizePhoto &p : model->photos())
            n += p.isColorized() ? 1 : 0;
        return n;
    };
    QCOMPARE(colorized(), 4);
    model->select(1);
    QVERIFY(waitIdle());

    auto *clear = view()->findChild<QPushButton *>(QStringLiteral("clearButton"));
    QVERIFY(clear);
    clear->click();
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 0);
    // The status says so, not the count of the photos just closed (#23 item 14).
    QCOMPARE(view()->findChild<QLabel *>(QStringLiteral("statusLabel"))->text(), QStringLiteral("No photos open"));
    QCOMPARE(undo->count(), 2);
    QVERIFY2(undo->undoText().startsWith(QLatin1String("Clear 5 photo")), qPrintable(undo->undoText()));
    clear->click(); // nothing left to clear: no step
    QCOMPARE(undo->count(), 2);

    undo->undo(); // the photos, their results and the selection are back, nothing re-colorized
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 5);
    QCOMPARE(colorized(), 4);
    QCOMPARE(model->selected(), 1);
    QCOMPARE(view()->thumbnails()->count(), 5);
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 0);
    undo->undo();
    undo->undo(); // before the folder was opened
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 0);
    undo->redo(); // opened again
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 5);

    // Another colorizer from the chooser (a copy of the built-in one under another name), and back.
    const QString before = model->model();
    const QString source = QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/models/colorize/koalarization-opencv");
    const QString copy = m_dir.filePath(QStringLiteral("copied-colorizer"));
    QVERIFY(QFile::copy(source + QStringLiteral(".safetensors"), copy + QStringLiteral(".safetensors")));
    QVERIFY(QFile::copy(source + QStringLiteral(".json"), copy + QStringLiteral(".json")));
    Q_EMIT view()->modelRequested(copy + QStringLiteral(".safetensors"));
    QVERIFY(waitIdle());
    QCOMPARE(model->model(), copy + QStringLiteral(".safetensors"));
    QVERIFY2(undo->undoText().contains(QLatin1String("copied-colorizer")), qPrintable(undo->undoText()));
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->model(), before);
}

QTEST_MAIN(TestColorizeUndo)
#include "tst_colorizeundo.moc"
