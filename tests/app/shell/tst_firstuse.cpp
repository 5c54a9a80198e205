// SPDX-License-Identifier: GPL-3.0-or-later
// #23 item 10, as a first-time user meets the workbench: the Welcome page's demos start from a
// Run button beside what the selected demo shows, and F1 opens the built-in guide at the
// workspace in front. Real clicks and keys on the real window with every workspace.
#include "app/shell/HelpDialog.h"
#include "app/shell/JobManager.h"
#include "app/shell/MainWindow.h"
#include "app/shell/Translations.h"
#include "app/shell/Workspace.h"
#include "app/shell/WorkspaceRegistry.h"
#include "app/workspaces/graphs/GraphsModel.h"
#include "app/workspaces/graphs/GraphsWorkspace.h"
#include "app/workspaces/welcome/WelcomeView.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

using namespace periscope::app;

namespace {
// Shown as on a 1280 x 720 laptop, without the dialogs a person would answer.
bool showAtLaptopSize(MainWindow &window)
{
    window.setInteractive(false);
    window.resize(1280, 720);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}
} // namespace

class TestFirstUse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runButtonStartsTheSelectedDemo();
    void f1OpensTheGuideAtTheWorkspace();
    void tabLeavesTables();
    void englishSaysOnePhotoAndTwoPhotos();
};

void TestFirstUse::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("periscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_firstuse"));
    QSettings().clear();
}

void TestFirstUse::runButtonStartsTheSelectedDemo()
{
    MainWindow window(WorkspaceRegistry::builtIn());
    QVERIFY(showAtLaptopSize(window));
    QVERIFY(window.activateWorkspace(QStringLiteral("welcome")));
    auto *welcome = window.findChild<WelcomeView *>();
    QListWidget *demos = welcome->demoList();
    QPushButton *run = welcome->runDemoButton();
    // A demo is selected from the start, its description shown, the button ready.
    QVERIFY(demos->currentItem());
    QVERIFY(run->isVisible() && run->isEnabled());
    auto *description = welcome->findChild<QLabel *>(QStringLiteral("demoDescription"));
    QVERIFY(!description->text().isEmpty());
    QCOMPARE(description->text(), demos->currentItem()->toolTip());
    // One click on the infection demo (no double click), then Run.
    int infection = -1;
    for (int i = 0; i < demos->count(); ++i)
        infection = demos->item(i)->text().contains(QLatin1String("infection"), Qt::CaseInsensitive) ? i : infection;
    QVERIFY(infection >= 0);
    demos->scrollToItem(demos->item(infection));
    QTest::mouseClick(demos->viewport(), Qt::LeftButton, {}, demos->visualItemRect(demos->item(infection)).center());
    QCOMPARE(demos->currentRow(), infection);
    QCOMPARE(description->text(), demos->item(infection)->toolTip());
    QVERIFY(window.currentWorkspace()->id() == QLatin1String("welcome")); // a click alone runs nothing
    QTest::mouseClick(run, Qt::LeftButton);
    QTRY_COMPARE(window.currentWorkspace()->id(), QStringLiteral("graphs"));
    QVERIFY(window.jobs()->waitForIdle(120000));
    auto *graphs = qobject_cast<GraphsWorkspace *>(window.workspace(QStringLiteral("graphs")));
    QCOMPARE(graphs->model()->explanations().methods.size(), 4); // the demo ran: SA, GBP, LRP and IG
}

void TestFirstUse::f1OpensTheGuideAtTheWorkspace()
{
    MainWindow window(WorkspaceRegistry::builtIn());
    QVERIFY(showAtLaptopSize(window));
    const struct {
        const char *workspace;
        const char *heading;
    } cases[] = {{"colorize", "Colorize"}, {"graphs", "Graphs"}, {"open-vocabulary", "Open vocabulary"}, {"welcome", "Getting started"}};
    for (const auto &c : cases) {
        QVERIFY(window.activateWorkspace(QLatin1String(c.workspace)));
        QTest::keyClick(&window, Qt::Key_F1);
        auto *help = window.findChild<HelpDialog *>();
        QVERIFY2(help, "F1 opened nothing");
        QTRY_VERIFY(help->isVisible());
        QVERIFY(help->browser()->toPlainText().contains(QLatin1String("Keyboard and mouse")));
        QTRY_COMPARE(help->shownHeading(), QLatin1String(c.heading));
    }
    QCOMPARE(window.findChildren<HelpDialog *>().size(), 1); // one window, reused
}

// #23 item 17: Tab moved cell by cell inside the tables and never left them.
void TestFirstUse::tabLeavesTables()
{
    MainWindow window(WorkspaceRegistry::builtIn());
    QVERIFY(showAtLaptopSize(window));
    QVERIFY(window.activateWorkspace(QStringLiteral("colorize")));
    auto *table = window.workspace(QStringLiteral("colorize"))->view()->findChild<QTableWidget *>(QStringLiteral("metricsTable"));
    QVERIFY(table && table->isVisible());
    table->setRowCount(3);
    table->setCurrentCell(0, 1);
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY2(!table->hasFocus(), "Tab stayed in the table");
    QCOMPARE(table->currentColumn(), 1);
    // Every table and list of every workspace and dock does the same.
    for (QAbstractItemView *view : window.findChildren<QAbstractItemView *>())
        QVERIFY2(!view->tabKeyNavigation(), qPrintable(view->objectName() + QStringLiteral(" in ") + view->parentWidget()->metaObject()->className()));
}

// English plurals (translations/periscope_en.ts, built into the resources): "1 photo opened",
// "2 photos opened", never "photo(s)".
void TestFirstUse::englishSaysOnePhotoAndTwoPhotos()
{
    QVERIFY(installTranslations(QStringLiteral("en"), nullptr));
    const char *context = "periscope::app::ColorizeModel";
    QCOMPARE(QCoreApplication::translate(context, "%n photo(s) opened", nullptr, 1), QStringLiteral("1 photo opened"));
    QCOMPARE(QCoreApplication::translate(context, "%n photo(s) opened", nullptr, 2), QStringLiteral("2 photos opened"));
    QCOMPARE(QCoreApplication::translate("periscope::app::ProblemsIndicator", "%n problem(s)", nullptr, 1), QStringLiteral("1 problem"));
}

QTEST_MAIN(TestFirstUse)
#include "tst_firstuse.moc"
