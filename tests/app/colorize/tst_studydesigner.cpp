// SPDX-License-Identifier: GPL-3.0-or-later
// The Colorize study designer and runner as #23 item 11 found them: more trials than stimuli
// were accepted without a word, a session closed with Escape left an empty participant no one
// could remove, and without a window manager the kiosk opened at 640 x 480. Real clicks and keys.
#include "app/shell/JobManager.h"
#include "app/studies/StudyStore.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/ColorizeView.h"
#include "app/workspaces/colorize/ColorizeWorkspace.h"
#include "app/workspaces/colorize/StudyPanel.h"
#include "app/workspaces/colorize/StudyRunner.h"
#include "tests/app/colorize/ColorizePhotos.h"
#include "tests/app/colorize/ColorizeWorkspaceFixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QLineEdit>
#include <QDialogButtonBox>
#include <QTimer>

#include <memory>

using namespace periscope;
using namespace periscope::app;
using namespace periscope::test;

class TestStudyDesigner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void designerSaysWhenPhotosRepeat();
    void escapeLeavesNoEmptyParticipant();
    void kioskCoversTheScreenEverySession();
    void designIsEditedUntilTheFirstAnswer();
    void emptyParticipantsOfOlderVersionsAreRemoved();

private:
    bool waitIdle() { return m_jobs->waitForIdle(120000); }
    StudyPanel *panel() { return qobject_cast<ColorizeView *>(m_workspace->view())->studyPanel(); }
    void openPhotosAndCreateStudy();

    QTemporaryDir m_dir;
    ColorizeWorkspaceFixture m_fixture;
    std::unique_ptr<JobManager> &m_jobs = m_fixture.jobs;
    std::unique_ptr<ColorizeWorkspace> &m_workspace = m_fixture.workspace;
};

void TestStudyDesigner::init()
{
    m_fixture.start(QSize(1150, 560));
    QString error;
    QVERIFY(m_workspace->openFile(writeFolderOfPhotos(m_dir.path()), &error));
    QVERIFY(waitIdle());
}

void TestStudyDesigner::cleanup()
{
    m_fixture.end();
}

void TestStudyDesigner::openPhotosAndCreateStudy()
{
    StudyPanel::NewStudy settings;
    settings.path = m_dir.filePath(QStringLiteral("study-%1.sqlite").arg(QTest::currentTestFunction()));
    settings.trialsPerRater = 4;
    settings.attentionChecks = 0;
    panel()->createStudy(settings);
    QVERIFY(waitIdle());
    QVERIFY(panel()->study());
}

void TestStudyDesigner::designerSaysWhenPhotosRepeat()
{
    // The dialog is modal: it is driven from a timer once it is up, as a user would.
    bool checked = false;
    QString failure;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            failure = QStringLiteral("no dialog");
            return;
        }
        auto *trials = dialog->findChild<QSpinBox *>(QStringLiteral("trialsPerParticipant"));
        auto *warning = dialog->findChild<QLabel *>(QStringLiteral("repeatWarning"));
        // 3 colour photos x 2 conditions (original, the model): 6 different trials, and 2 checks.
        if (trials->value() != 8 || warning->isVisibleTo(dialog))
            failure = QStringLiteral("default %1 trials, warning '%2'").arg(trials->value()).arg(warning->text());
        trials->setFocus();
        trials->selectAll();
        QTest::keyClicks(trials, QStringLiteral("30"));
        if (!warning->isVisibleTo(dialog) || !warning->text().contains(QLatin1String("28 trials")) ||
            !warning->text().contains(QLatin1String("only 6 different")))
            failure += QStringLiteral("; at 30: '%1'").arg(warning->text());
        // Two alternatives: one pair per photo.
        const QList<QComboBox *> questions = dialog->findChildren<QComboBox *>();
        for (QComboBox *box : questions)
            if (box->count() == 3 && box->itemText(2).contains(QLatin1String("side by side")))
                box->setCurrentIndex(2);
        if (!warning->text().contains(QLatin1String("only 3 different")))
            failure += QStringLiteral("; 2AFC: '%1'").arg(warning->text());
        // Back to a count without repeats: the warning goes.
        trials->selectAll();
        QTest::keyClicks(trials, QStringLiteral("5"));
        if (warning->isVisibleTo(dialog))
            failure += QStringLiteral("; at 5: '%1'").arg(warning->text());
        checked = true;
        dialog->reject();
    });
    auto *button = panel()->findChild<QPushButton *>(QStringLiteral("newStudy"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(checked);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(!panel()->study()); // cancelled: nothing made
}

void TestStudyDesigner::escapeLeavesNoEmptyParticipant()
{
    openPhotosAndCreateStudy();
    StudyStore *store = panel()->study();
    // Escape on the instructions: no participant is left behind.
    StudyRunner *runner = panel()->startSession(-1, false);
    QCOMPARE(store->raters().size(), 1);
    QTest::keyClick(runner, Qt::Key_Escape);
    QTRY_COMPARE(store->raters().size(), 0);
    QCOMPARE(panel()->findChild<QTableWidget *>()->rowCount(), 0);
    // One answer, then Escape: kept, to be resumed.
    runner = panel()->startSession(-1, false);
    QTest::keyClick(runner, Qt::Key_Space);
    QTRY_COMPARE(runner->screen(), StudyRunner::Screen::Trial);
    const int first = runner->raterNumber();
    const studies::Trial trial = store->plan(first).front();
    QTest::keyClick(runner, trial.attentionCheck && trial.expectedAnswer == 0 ? Qt::Key_C : Qt::Key_R);
    QTest::keyClick(runner, Qt::Key_Escape);
    QCOMPARE(store->raters().size(), 1);
    QCOMPARE(store->nextTrial(first), 1);
    // Resumed to the end; the next participant on the same screen leaves at the instructions.
    runner = panel()->startSession(first, false);
    QTest::keyClick(runner, Qt::Key_Space);
    while (runner->screen() != StudyRunner::Screen::Finished) {
        QTRY_VERIFY(runner->screen() == StudyRunner::Screen::Trial || runner->screen() == StudyRunner::Screen::Finished);
        if (runner->screen() == StudyRunner::Screen::Finished)
            break;
        QTest::keyClick(runner, Qt::Key_R);
    }
    QTest::keyClick(runner, Qt::Key_Return);
    QCOMPARE(store->raters().size(), 2);
    QTest::keyClick(runner, Qt::Key_Escape);
    QTRY_COMPARE(store->raters().size(), 1);
    QCOMPARE(store->raters().first().number, first);
    // A rater with answers is never removed.
    QVERIFY(!store->removeRaterWithoutAnswers(first));
    QCOMPARE(store->raters().size(), 1);
}

void TestStudyDesigner::kioskCoversTheScreenEverySession()
{
    openPhotosAndCreateStudy();
    const QRect screen = m_workspace->view()->screen()->geometry();
    for (int session = 0; session < 2; ++session) {
        StudyRunner *runner = panel()->startSession(-1, true);
        QVERIFY(runner->isVisible());
        QTRY_COMPARE(runner->geometry(), screen);
        QVERIFY(runner->isFullScreen());
        QTest::keyClick(runner, Qt::Key_Space);
        QTRY_COMPARE(runner->screen(), StudyRunner::Screen::Trial);
    }
}

// The design is edited in a dialog (title, trials) as one undo step, until an answer freezes it:
// then the button is off and an undo of the edit is refused, the answered design kept.
void TestStudyDesigner::designIsEditedUntilTheFirstAnswer()
{
    openPhotosAndCreateStudy();
    StudyStore *store = panel()->study();
    QUndoStack *undo = m_workspace->undoStack();
    const int steps = undo->count();
    auto *edit = panel()->findChild<QPushButton *>(QStringLiteral("editDesign"));
    QVERIFY(edit && edit->isEnabled());
    QString failure;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            failure = QStringLiteral("no dialog");
            return;
        }
        auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("studyTitle"));
        auto *trials = dialog->findChild<QSpinBox *>(QStringLiteral("trialsPerParticipant"));
        if (title->text() != QLatin1String("Colorization study") || trials->value() != 4)
            failure = QStringLiteral("shown: '%1', %2 trials").arg(title->text()).arg(trials->value());
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Pilot"));
        trials->setFocus();
        trials->selectAll();
        QTest::keyClicks(trials, QStringLiteral("5"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(QString::fromStdString(store->design().title), QStringLiteral("Pilot"));
    QCOMPARE(store->design().trialsPerRater, 5);
    QVERIFY(panel()->summaryLabel()->text().contains(QLatin1String("Pilot")));
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Edit the study's design"));
    undo->undo();
    QCOMPARE(QString::fromStdString(store->design().title), QStringLiteral("Colorization study"));
    QCOMPARE(store->design().trialsPerRater, 4);
    undo->redo();
    QCOMPARE(store->design().trialsPerRater, 5);

    // One answer freezes it.
    StudyRunner *runner = panel()->startSession(-1, false);
    QTest::keyClick(runner, Qt::Key_Space);
    QTRY_COMPARE(runner->screen(), StudyRunner::Screen::Trial);
    QTest::keyClick(runner, Qt::Key_R);
    QTRY_VERIFY(store->isFrozen());
    QVERIFY(!edit->isEnabled());
    const QString fingerprint = store->fingerprint();
    undo->undo();
    QCOMPARE(store->fingerprint(), fingerprint);
    QCOMPARE(store->design().trialsPerRater, 5);
}

// Studies made before empty participants were removed at Escape kept them; a button removes them,
// and never one with an answer.
void TestStudyDesigner::emptyParticipantsOfOlderVersionsAreRemoved()
{
    openPhotosAndCreateStudy();
    StudyStore *store = panel()->study();
    QString error;
    StudyStore::Rater left1, left2, answering;
    QVERIFY(store->startRater(&left1, &error) && store->startRater(&answering, &error) && store->startRater(&left2, &error));
    const studies::Trial trial = store->plan(answering.number).front();
    QVERIFY2(store->recordAnswer(answering.number, trial, trial.attentionCheck ? trial.expectedAnswer : 1, 900.0, &error), qPrintable(error));
    panel()->refresh();
    auto *remove = panel()->findChild<QPushButton *>(QStringLiteral("removeUnanswered"));
    QVERIFY(remove && remove->isVisibleTo(panel()));
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(store->raters().size(), 1);
    QCOMPARE(store->raters().first().number, answering.number);
    QVERIFY(!remove->isVisibleTo(panel()));
    QCOMPARE(panel()->findChild<QTableWidget *>()->rowCount(), 1);
}

QTEST_MAIN(TestStudyDesigner)
#include "tst_studydesigner.moc"
