// SPDX-License-Identifier: GPL-3.0-or-later
// #23: on a 1280 x 720 screen (and 1920 x 1080) each workspace's main view (Workspace::mainView:
// the photos, the graphs, the video frame) covers at least 60 % of the window once its demo has
// run, as in docs/screenshots. The toolbars, lists, docks and secondary panels share the rest.
#include "app/shell/JobManager.h"
#include "app/shell/MainWindow.h"
#include "app/shell/Workspace.h"
#include "app/shell/WorkspaceRegistry.h"

#include <QApplication>
#include <QTest>

using namespace periscope::app;

class TestMainViewShare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mainViewCoversMostOfTheWindow_data();
    void mainViewCoversMostOfTheWindow();
};

void TestMainViewShare::mainViewCoversMostOfTheWindow_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestMainViewShare::mainViewCoversMostOfTheWindow()
{
    QFETCH(QSize, size);
    MainWindow window(WorkspaceRegistry::builtIn());
    window.setInteractive(false);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList shares, tooSmall;
    for (const DemoEntry &demo : window.allDemoEntries()) {
        QString error;
        QVERIFY2(window.openDemoChecked(demo.workspaceId, demo.id, &error), qPrintable(error));
        QVERIFY(window.jobs()->waitForIdle(300000));
        QApplication::processEvents();
        QCOMPARE(window.size(), size); // no workspace asks for more than the screen
        QWidget *main = window.workspace(demo.workspaceId)->mainView();
        QVERIFY(main->isVisible());
        const double share = double(main->width()) * main->height() / (double(window.width()) * window.height());
        const QString line = QStringLiteral("%1/%2: %3 x %4, %5 %").arg(demo.workspaceId, demo.id).arg(main->width()).arg(main->height()).arg(share * 100.0, 0, 'f', 1);
        shares << line;
        if (share < 0.6)
            tooSmall << line;
    }
    qInfo("%s", qPrintable(shares.join(QStringLiteral("; "))));
    QVERIFY2(tooSmall.isEmpty(), qPrintable(QStringLiteral("below 60 %: ") + tooSmall.join(QStringLiteral("; "))));
}

QTEST_MAIN(TestMainViewShare)
#include "tst_mainviewshare.moc"
