// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/ComputeState.h"
#include "app/shell/JobManager.h"
#include "app/shell/LogModel.h"
#include "app/common/ApplicationIdentity.h"
#include "app/common/Preferences.h"
#include "app/shell/Autosave.h"
#include "app/shell/MainWindow.h"
#include "app/shell/RecentFiles.h"
#include "app/shell/Translations.h"
#include "app/shell/WorkspaceRegistry.h"
#include "tests/support/PdfReadBack.h"
#include "app/workspaces/welcome/WelcomeView.h"
#include "app/workspaces/welcome/WelcomeWorkspace.h"
#include "tests/app/support/TestWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QDir>
#include <QImage>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QToolBar>
#include <QTreeWidget>
#include <QScopeGuard>

#include <atomic>

using namespace periscope::app;
using periscope::test::PdfReadBack;

namespace {
// A 1280 x 720 screen less a title bar and a panel (60 px): laptops, study projectors (#23).
QSize smallScreen()
{
    return {1280, 720 - 60};
}

bool showOnSmallScreen(MainWindow &window)
{
    window.setInteractive(false);
    window.resize(smallScreen());
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void startsWithWorkspaceBarDocksAndStatusBar();
    void menusHaveTheShellActions();
    void welcomeListsRecentFilesAndVersions();
    void welcomeListsRegisteredDemos();
    void ctrlNumberSwitchesWorkspaces();
    void openRoutesBySuffix();
    void dropOpensTheFileInItsWorkspace();
    void undoFollowsTheActiveWorkspace();
    void exportsFigures_data();
    void exportsFigures();
    void swedishAndItalianTranslateTheShell();
    void dataFoldersAreNotDoubled();
    void commandLineFilesGoWhereTheyBelong();
    void everyWorkspaceFitsASmallScreen();
    void statusBarOpensTheHiddenDocks();

private:
    static WorkspaceRegistry registry();
    static QString menuTitle(MainWindow &window, const QString &objectName);
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("periscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    QSettings().clear();
}

WorkspaceRegistry TestMainWindow::registry()
{
    WorkspaceRegistry registry;
    registry.add<WelcomeWorkspace>();
    registry.add<periscope::test::NotesWorkspace>();
    return registry;
}

QString TestMainWindow::menuTitle(MainWindow &window, const QString &objectName)
{
    auto *menu = window.menuBar()->findChild<QMenu *>(objectName);
    return menu ? menu->title() : QString();
}

void TestMainWindow::startsWithWorkspaceBarDocksAndStatusBar()
{
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QToolBar *bar = window.findChild<QToolBar *>(QStringLiteral("workspaceBar"));
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QAction *welcome = window.findChild<QAction *>(QStringLiteral("workspace_welcome"));
    QVERIFY(welcome);
    QVERIFY(welcome->isChecked());
    QVERIFY(!welcome->icon().isNull());
    QCOMPARE(welcome->shortcut(), QKeySequence(QStringLiteral("Ctrl+1")));
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("jobsDock")));
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("logDock")));
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("welcome"));
    QVERIFY(window.findChild<WelcomeView *>()->isVisible());

    auto *device = window.findChild<QLabel *>(QStringLiteral("deviceLabel"));
    auto *threads = window.findChild<QLabel *>(QStringLiteral("threadsLabel"));
    QVERIFY(device && threads);
    const bool cpu = window.compute()->device().kind == periscope::DeviceKind::Cpu;
    QVERIFY2(device->text().contains(cpu ? QStringLiteral("CPU") : QStringLiteral("GiB free")), qPrintable(device->text()));
    QVERIFY2(threads->text().contains(QString::number(window.compute()->device().threadCount)), qPrintable(threads->text()));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("precisionLabel"))->text(), QStringLiteral("Precision: auto"));
}

void TestMainWindow::menusHaveTheShellActions()
{
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    QStringList texts;
    for (QAction *action : window.menuBar()->actions())
        for (QAction *item : action->menu()->actions())
            texts << item->text().remove(QLatin1Char('&'));
    for (const char *expected : {"Open…", "Open Recent", "Open Project…", "Save Project", "Save Project As…",
                                    "Export Figure…", "Quit", "Preferences…", "Full Screen", "About Periscope",
                                    "Jobs", "Log", "Workspaces"})
        QVERIFY2(texts.contains(QString::fromUtf8(expected)), expected);
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionSaveProject"))->shortcut(), QKeySequence(QKeySequence::Save));
}

void TestMainWindow::welcomeListsRecentFilesAndVersions()
{
    const QString photo = m_dir.filePath(QStringLiteral("photo.txt"));
    QFile file(photo);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
    file.close();
    RecentFiles().addFile(photo, QStringLiteral("notes"));

    MainWindow window(registry());
    window.setInteractive(false);
    auto *view = window.findChild<WelcomeView *>();
    QVERIFY(view);
    QListWidget *recent = view->recentFilesList();
    QCOMPARE(recent->count(), 1);
    QCOMPARE(recent->item(0)->text(), QStringLiteral("photo.txt"));
    QVERIFY(recent->item(0)->toolTip().contains(QStringLiteral("notes")));

    // A file opened now shows up at once, newest first.
    const QString second = m_dir.filePath(QStringLiteral("second.txt"));
    QFile other(second);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    QString error;
    QVERIFY2(window.openFileChecked(second, QString(), &error), qPrintable(error));
    QCOMPARE(recent->count(), 2);
    QCOMPARE(recent->item(0)->text(), QStringLiteral("second.txt"));

    // Activating an entry opens it in the workspace that opened it.
    window.activateWorkspace(QStringLiteral("welcome"));
    emit recent->itemActivated(recent->item(1));
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("notes"));
    QVERIFY(window.jobs()->waitForIdle(5000));

    QStringList libraries;
    for (int i = 0; i < view->versionsTable()->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = view->versionsTable()->topLevelItem(i);
        QVERIFY2(!item->text(1).isEmpty(), qPrintable(item->text(0)));
        libraries << item->text(0);
    }
    for (const char *name : {"Qt", "LibTorch", "OpenCV", "FFmpeg", "VTK", "RDKit"})
        QVERIFY2(libraries.contains(QLatin1String(name)), name);
}

void TestMainWindow::welcomeListsRegisteredDemos()
{
    MainWindow window(registry());
    window.setInteractive(false);
    QListWidget *demos = window.findChild<WelcomeView *>()->demoList();
    QCOMPARE(demos->count(), 1);
    QCOMPARE(demos->item(0)->text(), QStringLiteral("A short note"));
    emit demos->itemActivated(demos->item(0));
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("notes"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("notesView"))->text(), QStringLiteral("Hello from the notes demo"));
}

void TestMainWindow::ctrlNumberSwitchesWorkspaces()
{
    MainWindow window(registry());
    window.setInteractive(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("notes"));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("workspace_notes"))->isChecked());
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("welcome"));
}

void TestMainWindow::openRoutesBySuffix()
{
    MainWindow window(registry());
    window.setInteractive(false);
    const QString note = m_dir.filePath(QStringLiteral("Route.TXT"));
    QFile file(note);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("routed");
    file.close();
    QString error;
    QVERIFY2(window.openFileChecked(note, QString(), &error), qPrintable(error));
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("notes"));
    QVERIFY(window.jobs()->waitForIdle(5000));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("notesView"))->text(), QStringLiteral("routed"));
    QVERIFY(window.isProjectModified());

    const QString unknown = m_dir.filePath(QStringLiteral("data.xyz"));
    QFile other(unknown);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    QVERIFY(!window.openFileChecked(unknown, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("No workspace opens .xyz")), qPrintable(error));
    QVERIFY(!window.openFileChecked(m_dir.filePath(QStringLiteral("missing.txt")), QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    QVERIFY(!window.openFileChecked(note, QStringLiteral("nosuch"), &error));
    QVERIFY2(error.contains(QStringLiteral("nosuch")), qPrintable(error));

    // Folders: a scene folder goes to Slots, which recognises it; a plain folder of photos to the
    // first workspace that opens folders (Colorize).
    MainWindow builtIn(WorkspaceRegistry::builtIn());
    builtIn.setInteractive(false);
    const QString scenes = m_dir.filePath(QStringLiteral("scenes")), photos = m_dir.filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(scenes + QStringLiteral("/images")) && QDir().mkpath(photos));
    QImage image(32, 24, QImage::Format_RGB888);
    image.fill(QColor(120, 60, 30));
    QVERIFY(image.save(scenes + QStringLiteral("/images/a.png")) && image.save(photos + QStringLiteral("/a.png")));
    QFile json(scenes + QStringLiteral("/scenes.json"));
    QVERIFY(json.open(QIODevice::WriteOnly));
    json.write(R"({"scenes": [{"image_filename": "a.png", "objects": []}]})");
    json.close();
    QVERIFY2(builtIn.openFileChecked(scenes, QString(), &error), qPrintable(error));
    QCOMPARE(builtIn.currentWorkspace()->id(), QStringLiteral("slots"));
    QVERIFY2(builtIn.openFileChecked(photos, QString(), &error), qPrintable(error));
    QCOMPARE(builtIn.currentWorkspace()->id(), QStringLiteral("colorize"));
    QVERIFY(builtIn.jobs()->waitForIdle(60000));
}

void TestMainWindow::dropOpensTheFileInItsWorkspace()
{
    MainWindow window(registry());
    window.setInteractive(false);
    window.show();
    const QString note = m_dir.filePath(QStringLiteral("dropped.txt"));
    QFile file(note);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("dropped text");
    file.close();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(note)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(window.jobs()->waitForIdle(5000));
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("notes"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("notesView"))->text(), QStringLiteral("dropped text"));

    QMimeData unsupported;
    unsupported.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("x.xyz")))});
    QDragEnterEvent refused(QPoint(50, 50), Qt::CopyAction, &unsupported, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestMainWindow::undoFollowsTheActiveWorkspace()
{
    MainWindow window(registry());
    window.setInteractive(false);
    auto *notes = static_cast<periscope::test::NotesWorkspace *>(window.workspace(QStringLiteral("notes")));
    window.activateWorkspace(QStringLiteral("notes"));
    notes->setZoomUndoable(2.0);
    QAction *undo = window.findChild<QAction *>(QStringLiteral("actionUndo"));
    QAction *redo = window.findChild<QAction *>(QStringLiteral("actionRedo"));
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(notes->zoom(), 1.0);
    redo->trigger();
    QCOMPARE(notes->zoom(), 2.0);
    window.activateWorkspace(QStringLiteral("welcome"));
    QVERIFY(!undo->isEnabled()); // Welcome's own stack is empty
}

void TestMainWindow::exportsFigures_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << "png";
    QTest::newRow("svg") << "svg";
    QTest::newRow("pdf") << "pdf";
}

void TestMainWindow::exportsFigures()
{
    QFETCH(QString, suffix);
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = m_dir.filePath(QStringLiteral("figure.") + suffix);
    QString error;
    QVERIFY2(window.exportFigure(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 1000);
    if (suffix == QLatin1String("png")) {
        const QImage image = QImage::fromData(bytes, "PNG");
        QCOMPARE(image.width(), 1800); // the default figure: 6 inches at 300 dpi
        QCOMPARE(image.dotsPerMeterX(), int(std::lround(300 / 0.0254)));
    } else if (suffix == QLatin1String("svg")) {
        QVERIFY(QSvgRenderer(bytes).isValid());
    } else {
        QVERIFY(bytes.startsWith("%PDF"));
        if (PdfReadBack::isAvailable()) { // as a reader shows it: 6 inches wide, not an empty page
            QVERIFY2(std::abs(PdfReadBack::pageSize(path).width() - 432.0) < 1.0, qPrintable(QString::number(PdfReadBack::pageSize(path).width())));
            const QImage page = PdfReadBack::page(path, 50);
            int inked = 0;
            for (int y = 0; y < page.height(); ++y)
                for (int x = 0; x < page.width(); ++x)
                    inked += page.pixelColor(x, y).lightness() < 200 ? 1 : 0;
            QVERIFY2(inked > page.width() * page.height() / 50, qPrintable(QString::number(inked)));
        }
    }
    QVERIFY(!window.exportFigure(m_dir.filePath(QStringLiteral("figure.xyz")), &error));
    QVERIFY2(error.contains(QStringLiteral("xyz")), qPrintable(error));
}

void TestMainWindow::swedishAndItalianTranslateTheShell()
{
    QString error;
    QVERIFY2(installTranslations(QStringLiteral("sv"), &error), qPrintable(error));
    {
        MainWindow window(WorkspaceRegistry::builtIn());
        window.setInteractive(false);
        QCOMPARE(menuTitle(window, QStringLiteral("fileMenu")), QStringLiteral("&Arkiv"));
        QCOMPARE(menuTitle(window, QStringLiteral("editMenu")), QStringLiteral("&Redigera"));
        QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("jobsDock"))->windowTitle(), QStringLiteral("Jobb"));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("workspace_welcome"))->text(), QStringLiteral("Välkommen"));
    }
    QVERIFY2(installTranslations(QStringLiteral("it"), &error), qPrintable(error));
    {
        MainWindow window(WorkspaceRegistry::builtIn());
        window.setInteractive(false);
        QCOMPARE(menuTitle(window, QStringLiteral("editMenu")), QStringLiteral("&Modifica"));
        QCOMPARE(menuTitle(window, QStringLiteral("helpMenu")), QStringLiteral("&Aiuto"));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("workspace_welcome"))->text(), QStringLiteral("Benvenuto"));
    }
    // The Preferences' language is the one to start in; --lang wins over it.
    Preferences preferences = Preferences::load();
    const QString before = preferences.language;
    preferences.language = QStringLiteral("sv");
    preferences.save();
    QCOMPARE(startupLanguage(QString()), QStringLiteral("sv"));
    QCOMPARE(startupLanguage(QStringLiteral("it")), QStringLiteral("it"));
    QVERIFY2(installTranslations(startupLanguage(QString()), &error), qPrintable(error));
    {
        MainWindow window(WorkspaceRegistry::builtIn());
        window.setInteractive(false);
        QCOMPARE(menuTitle(window, QStringLiteral("fileMenu")), QStringLiteral("&Arkiv"));
    }
    preferences.language = before;
    preferences.save();
    QVERIFY(!installTranslations(QStringLiteral("xx"), &error));
    QVERIFY2(error.contains(QStringLiteral("xx")), qPrintable(error));
    QVERIFY(installTranslations(QStringLiteral("en"), &error));
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    QCOMPARE(menuTitle(window, QStringLiteral("fileMenu")), QStringLiteral("&File"));
}

void TestMainWindow::dataFoldersAreNotDoubled()
{
    // Models, datasets and recovery files live in ~/.local/share/periscope/<leaf>, not
    // .../periscope/periscope/<leaf> (issue #23); a folder an earlier version made there is used
    // until the new one exists.
    QTemporaryDir home;
    const QByteArray before = qgetenv("XDG_DATA_HOME");
    QStandardPaths::setTestModeEnabled(false);
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    const QString organisation = QCoreApplication::organizationName(), application = QCoreApplication::applicationName();
    setApplicationIdentity();
    const QString ours = home.path() + QStringLiteral("/periscope/models");
    QCOMPARE(Preferences::defaultModelsFolder(), ours);
    QCOMPARE(Preferences::defaultDatasetsFolder(), home.path() + QStringLiteral("/periscope/datasets"));
    QCOMPARE(Autosave::defaultRecoveryFolder(), home.path() + QStringLiteral("/periscope/recovery"));
    const QString earlier = home.path() + QStringLiteral("/periscope/periscope/models");
    QVERIFY(QDir().mkpath(earlier));
    QCOMPARE(Preferences::defaultModelsFolder(), earlier);
    QVERIFY(QDir().mkpath(ours));
    QCOMPARE(Preferences::defaultModelsFolder(), ours);
    QCoreApplication::setOrganizationName(organisation);
    QCoreApplication::setApplicationName(application);
    if (before.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", before);
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::commandLineFilesGoWhereTheyBelong()
{
    // `--workspace colorize --open mol.smi`: the molecules open in Graphs, not in a message box
    // (issue #23); a photo beside them stays in Colorize, which is then shown.
    const QString smi = m_dir.filePath(QStringLiteral("cli.smi"));
    QFile molecules(smi);
    QVERIFY(molecules.open(QIODevice::WriteOnly));
    molecules.write("CCO ethanol\nc1ccccc1 benzene\n");
    molecules.close();
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    QString error;
    QVERIFY2(window.openFromCommandLine({smi}, QStringLiteral("colorize"), &error), qPrintable(error));
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("graphs"));
    QVERIFY(window.jobs()->waitForIdle(60000));
    QVERIFY(window.workspace(QStringLiteral("graphs"))->openFiles().join(QLatin1Char(';')).contains(QStringLiteral("cli.smi")));
    const QString photo = m_dir.filePath(QStringLiteral("cli.png"));
    QImage image(32, 24, QImage::Format_RGB888);
    image.fill(QColor(200, 120, 40));
    QVERIFY(image.save(photo));
    QVERIFY2(window.openFromCommandLine({smi, photo}, QStringLiteral("colorize"), &error), qPrintable(error));
    QCOMPARE(window.currentWorkspace()->id(), QStringLiteral("colorize"));
    // What no workspace opens is still an error, and an unknown workspace too.
    const QString odd = m_dir.filePath(QStringLiteral("cli.xyz"));
    QFile oddFile(odd);
    QVERIFY(oddFile.open(QIODevice::WriteOnly));
    oddFile.close();
    QVERIFY(!window.openFromCommandLine({odd}, QStringLiteral("colorize"), &error));
    QVERIFY2(error.contains(QStringLiteral("xyz")), qPrintable(error));
    QVERIFY(!window.openFromCommandLine({photo}, QStringLiteral("nowhere"), &error));
    QVERIFY(error.contains(QStringLiteral("nowhere")));
    QVERIFY(window.jobs()->waitForIdle(60000));
}


// Issue #23: on a 1280 x 720 screen (laptops, the projectors of study sessions) the whole window
// must fit, less a title bar and a panel (60 px). Every workspace is shown in turn: the window's
// minimum size is the largest of theirs. A widget that asks for more is named.
void TestMainWindow::everyWorkspaceFitsASmallScreen()
{
    const QSize screen = smallScreen();
    MainWindow window(WorkspaceRegistry::builtIn());
    QVERIFY(showOnSmallScreen(window));
    // The jobs and log start hidden: the workspace gets the height.
    auto *jobs = window.findChild<QDockWidget *>(QStringLiteral("jobsDock"));
    QVERIFY(jobs);
    QVERIFY(!jobs->isVisible());
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("workspaceStack"));
    QVERIFY(stack);
    for (Workspace *workspace : window.workspaces()) {
        QVERIFY(window.activateWorkspace(workspace->id()));
        QCoreApplication::processEvents();
        const QSize needed = window.minimumSizeHint().expandedTo(window.minimumSize());
        const QSize page = stack->currentWidget()->minimumSizeHint();
        qInfo("%s: the window needs %d x %d, the workspace %d x %d", qPrintable(workspace->id()), needed.width(), needed.height(), page.width(), page.height());
        if (needed.width() <= screen.width() && needed.height() <= screen.height())
            continue;
        // The widgets that ask for more than the screen gives: the deepest of them is the culprit.
        QStringList wide;
        for (QWidget *w : window.findChildren<QWidget *>()) {
            if (w->isHidden() && w->parentWidget() != stack)
                continue;
            const QSize hint = w->minimumSizeHint().expandedTo(w->minimumSize());
            if (hint.width() > screen.width() * 3 / 4 || hint.height() > screen.height() * 3 / 4)
                wide << QStringLiteral("%1 %2 (%3): %4 x %5")
                            .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                 w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className()) : QString())
                            .arg(hint.width())
                            .arg(hint.height());
        }
        QFAIL(qPrintable(QStringLiteral("%1 needs %2 x %3:\n%4").arg(workspace->id()).arg(needed.width()).arg(needed.height()).arg(wide.join(QLatin1Char('\n')))));
    }
}

// #23: the Jobs and Log docks start hidden, and the status bar stands for them: the running job
// with its progress, a count of problems in red, each a click away from its dock. Driven by
// clicks on the real buttons.
void TestMainWindow::statusBarOpensTheHiddenDocks()
{
    QVERIFY(installTranslations(QStringLiteral("en"), nullptr)); // English plurals: "2 problems"
    const QSize screen = smallScreen();
    MainWindow window(WorkspaceRegistry::builtIn());
    QVERIFY(showOnSmallScreen(window));
    auto *jobsDock = window.findChild<QDockWidget *>(QStringLiteral("jobsDock"));
    auto *logDock = window.findChild<QDockWidget *>(QStringLiteral("logDock"));
    auto *jobs = window.findChild<QToolButton *>(QStringLiteral("jobsIndicator"));
    auto *problems = window.findChild<QToolButton *>(QStringLiteral("problemsIndicator"));
    QVERIFY(jobsDock && logDock && jobs && problems);
    QVERIFY(!jobsDock->isVisible() && !logDock->isVisible());
    QVERIFY(window.jobs()->waitForIdle(60000)); // the models a workspace loads on start
    QTRY_COMPARE(jobs->text(), QStringLiteral("No jobs running"));
    QVERIFY(!problems->isVisible());

    // A running job: its name and progress in the status bar.
    std::atomic<bool> release{false};
    const auto releaseOnFailure = qScopeGuard([&] {
        release = true;
        window.jobs()->waitForIdle(10000);
    });
    window.jobs()->start(QStringLiteral("Count the grains"), [&release](const periscope::JobControl &control) {
        control.reportProgress(0.5, "half");
        while (!release)
            QThread::msleep(5);
        return QVariant();
    });
    QTRY_VERIFY2(jobs->text().contains(QStringLiteral("Count the grains")) && jobs->text().contains(QStringLiteral("50 %")), qPrintable(jobs->text()));
    // A click opens the Jobs dock at a sixth of the window, another closes it.
    QTest::mouseClick(jobs, Qt::LeftButton);
    QTRY_VERIFY(jobsDock->isVisible());
    QTRY_VERIFY2(jobsDock->height() <= screen.height() / 5, qPrintable(QString::number(jobsDock->height())));
    QTest::mouseClick(jobs, Qt::LeftButton);
    QTRY_VERIFY(!jobsDock->isVisible());
    release = true;
    QVERIFY(window.jobs()->waitForIdle(10000));
    QTRY_COMPARE(jobs->text(), QStringLiteral("No jobs running"));

    // A workspace's problem: counted in red, said in the status bar, read in the Log by a click.
    window.log()->append(LogLevel::Warning, QStringLiteral("colorize"), QStringLiteral("broken.png: cannot open: not a PNG"));
    window.log()->append(LogLevel::Info, QStringLiteral("jobs"), QStringLiteral("finished")); // not a problem
    window.log()->append(LogLevel::Error, QStringLiteral("jobs"), QStringLiteral("Colorize failed: out of memory"));
    QTRY_VERIFY(problems->isVisible());
    QCOMPARE(problems->text(), QStringLiteral("2 problems"));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("out of memory")));
    QTest::mouseClick(problems, Qt::LeftButton);
    QTRY_VERIFY(logDock->isVisible());
    QVERIFY(!problems->isVisible());
    // While the log is in view, problems are read there, not counted.
    window.log()->append(LogLevel::Warning, QStringLiteral("slots"), QStringLiteral("seen"));
    QCoreApplication::processEvents();
    QVERIFY(!problems->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
