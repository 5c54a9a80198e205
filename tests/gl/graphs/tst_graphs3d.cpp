// SPDX-License-Identifier: GPL-3.0-or-later
// The Graph workspace's 3-D molecule under a real X server (Xvfb + Mesa): the RDKit conformer is
// drawn in the VtkView with atoms coloured by relevance, and the figure export includes it. In
// the main window as a user meets it (#23 item 14): the first show of the tab keeps the window,
// a dialog does not blank the view, and a new molecule or graph never shows the old one.
#include "app/shell/JobManager.h"
#include "app/shell/MainWindow.h"
#include "app/shell/WorkspaceRegistry.h"
#include "app/workspaces/graphs/GraphsModel.h"
#include "app/workspaces/graphs/GraphsView.h"
#include "app/workspaces/graphs/GraphsWorkspace.h"
#include "widgets/vtkview/VtkView.h"

#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <vtkActorCollection.h>
#include <vtkRenderer.h>

using namespace periscope;
using namespace periscope::app;

namespace {
// Balls shaded red (positive relevance) and blue (negative) in `rect` of `image`, leaving out
// `hidden`: the hue decides, not the brightness.
QPair<int, int> redAndBlue(const QImage &image, const QRect &rect, const QRect &hidden = {})
{
    int red = 0, blue = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (hidden.contains(x, y) || !image.rect().contains(x, y))
                continue;
            const QColor c = image.pixelColor(x, y);
            red += c.red() - c.blue() > 40 ? 1 : 0;
            blue += c.blue() - c.red() > 40 ? 1 : 0;
        }
    return {red, blue};
}

int actorCount(widgets::VtkView *view)
{
    return view->renderer()->GetActors()->GetNumberOfItems();
}

// What the X server shows of the window: the composited result a user sees, dialogs included.
QImage onScreen(QWidget *window)
{
    return window->screen()->grabWindow(window->winId()).toImage();
}
} // namespace

class TestGraphs3d : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void moleculeIsDrawnInThreeDimensionsColouredByRelevance();
    void theTabInTheMainWindowKeepsItDrawnAndCurrent();
};

void TestGraphs3d::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("periscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_graphs3d"));
    QSettings().clear();
}

void TestGraphs3d::moleculeIsDrawnInThreeDimensionsColouredByRelevance()
{
    JobManager jobs;
    WorkspaceContext context;
    context.jobs = &jobs;
    GraphsWorkspace workspace(context);
    QWidget *view = workspace.view();
    view->resize(1400, 900);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    QSignalSpy conformers(workspace.model(), &GraphsModel::conformerReady);
    QString error;
    QVERIFY(workspace.openDemo(QStringLiteral("molecule"), &error));
    QVERIFY(jobs.waitForIdle(60000)); // the explanation
    QVERIFY(jobs.waitForIdle(60000)); // the 3-D embedding it starts
    QTRY_COMPARE_WITH_TIMEOUT(conformers.count(), 1, 30000);

    auto *tabs = view->findChild<QTabWidget *>();
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i) == QLatin1String("3-D"))
            tabs->setCurrentIndex(i);
    auto *view3d = view->findChild<widgets::VtkView *>();
    QVERIFY2(view3d, "the 3-D view is made when its tab is shown");
    QTRY_VERIFY_WITH_TIMEOUT(view3d->isVisible() && view3d->width() > 100, 5000);
    const QImage image = view3d->grabFramebuffer();
    int red = 0, blue = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            red += c.red() - c.blue() > 40 ? 1 : 0; // shaded balls: judge the hue, not the brightness
            blue += c.blue() - c.red() > 40 ? 1 : 0;
        }
    // Paracetamol's 20 atoms (with hydrogens): relevance of both signs shows as red and blue balls.
    QVERIFY2(red > 50 && blue > 50, qPrintable(QStringLiteral("red %1, blue %2").arg(red).arg(blue)));

    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("figure.png"));
    QVERIFY2(workspace.exportFigure(png, &error), qPrintable(error));
    QVERIFY(!QImage(png).isNull());
}

void TestGraphs3d::theTabInTheMainWindowKeepsItDrawnAndCurrent()
{
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const WId shown = window.winId();
    QVERIFY(window.activateWorkspace(QStringLiteral("graphs")));
    auto *graphs = static_cast<GraphsWorkspace *>(window.workspace(QStringLiteral("graphs")));
    QSignalSpy conformers(graphs->model(), &GraphsModel::conformerReady);
    QString error;
    QVERIFY(graphs->openDemo(QStringLiteral("molecule"), &error));
    QTRY_COMPARE_WITH_TIMEOUT(conformers.count(), 1, 60000);

    // The 3-D tab, clicked as a user does.
    QWidget *view = graphs->view();
    auto *tabs = view->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    QVERIFY(tabs);
    int tab3d = -1;
    for (int i = 0; i < tabs->count(); ++i)
        tab3d = tabs->tabText(i) == QLatin1String("3-D") ? i : tab3d;
    QVERIFY(tab3d >= 0);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(tab3d).center());
    QTRY_VERIFY(view->findChild<widgets::VtkView *>());
    auto *view3d = view->findChild<widgets::VtkView *>();
    QTRY_VERIFY_WITH_TIMEOUT(view3d->isVisible() && view3d->height() > 100, 5000);
    // Its first show did not destroy and recreate the main window (a flash, and a window manager
    // forgets where the window was).
    QCOMPARE(window.winId(), shown);

    // Drawn on screen, and still drawn while a dialog is open over the window.
    const QRect area(view3d->mapTo(&window, QPoint(0, 0)), view3d->size());
    QTRY_VERIFY_WITH_TIMEOUT(redAndBlue(onScreen(&window), area).first > 50, 5000);
    QMessageBox dialog(QMessageBox::Information, QStringLiteral("Periscope"), QStringLiteral("A dialog over the window"),
                       QMessageBox::Ok, &window);
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::qWait(300);
    const QRect covered(window.mapFromGlobal(dialog.frameGeometry().topLeft()), dialog.frameGeometry().size());
    const QPair<int, int> uncoveredBefore = redAndBlue(onScreen(&window), area, covered);
    QTest::qWait(300);
    const QPair<int, int> during = redAndBlue(onScreen(&window), area, covered);
    QVERIFY2(during.first > 20 && during.first >= uncoveredBefore.first / 2,
             qPrintable(QStringLiteral("red pixels beside the dialog: %1, before %2").arg(during.first).arg(uncoveredBefore.first)));
    // The figure export renders the view to paper while the dialog is still up; the screen keeps it.
    QTemporaryDir dir;
    QVERIFY2(graphs->exportFigure(dir.filePath(QStringLiteral("figure.png")), &error), qPrintable(error));
    QTest::qWait(300);
    const QPair<int, int> afterExport = redAndBlue(onScreen(&window), area, covered);
    QVERIFY2(afterExport.first >= uncoveredBefore.first / 2,
             qPrintable(QStringLiteral("red pixels after the export: %1, before %2").arg(afterExport.first).arg(uncoveredBefore.first)));
    dialog.close();
    QTest::qWait(300);
    const QPair<int, int> closed = redAndBlue(onScreen(&window), area);
    QVERIFY2(closed.first >= uncoveredBefore.first, qPrintable(QStringLiteral("red pixels once closed: %1").arg(closed.first)));

    // Another molecule: until its own conformer is ready, nothing of the old one is drawn.
    auto *note = view->findChild<QLabel *>(QStringLiteral("view3dNote"));
    QVERIFY(note);
    int actorsWhenExplained = -1;
    QString noteWhenExplained;
    const QMetaObject::Connection probe = connect(graphs->model(), &GraphsModel::explanationsChanged, this, [&] {
        actorsWhenExplained = actorCount(view3d);
        noteWhenExplained = note->text();
    });
    graphs->model()->showSmiles(QStringLiteral("CCO"));
    QTRY_COMPARE_WITH_TIMEOUT(conformers.count(), 2, 60000);
    disconnect(probe);
    QCOMPARE(actorsWhenExplained, 0);
    QVERIFY2(!noteWhenExplained.contains(QLatin1String("c1ccc")), qPrintable(noteWhenExplained));
    QVERIFY2(note->text().contains(QLatin1String("CCO")), qPrintable(note->text()));
    QCOMPARE(actorCount(view3d), 9 + 8); // ethanol: 9 atoms with hydrogens, 8 bonds

    // A graph that is no molecule leaves the 3-D view empty and says why.
    QSignalSpy explained(graphs->model(), &GraphsModel::explanationsChanged);
    QVERIFY(graphs->openDemo(QStringLiteral("infection"), &error));
    QTRY_COMPARE_WITH_TIMEOUT(explained.count(), 1, 60000);
    QCOMPARE(actorCount(view3d), 0);
    QVERIFY2(!note->text().contains(QLatin1String("CCO")), qPrintable(note->text()));
    QVERIFY(note->isVisible());
}

QTEST_MAIN(TestGraphs3d)
#include "tst_graphs3d.moc"
