// SPDX-License-Identifier: GPL-3.0-or-later
// The Graph workspace's 3-D molecule under a real X server (Xvfb + Mesa): the RDKit conformer is
// drawn in the VtkView with atoms coloured by relevance, and the figure export includes it.
#include "app/shell/JobManager.h"
#include "app/workspaces/graphs/GraphsModel.h"
#include "app/workspaces/graphs/GraphsView.h"
#include "app/workspaces/graphs/GraphsWorkspace.h"
#include "widgets/vtkview/VtkView.h"

#include <QImage>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace periscope;
using namespace periscope::app;

class TestGraphs3d : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void moleculeIsDrawnInThreeDimensionsColouredByRelevance();
};

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

QTEST_MAIN(TestGraphs3d)
#include "tst_graphs3d.moc"
