// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/JobManager.h"
#include "app/shell/JobModel.h"
#include "app/shell/JobSlot.h"
#include "app/shell/JobsPanel.h"
#include "app/shell/StallDetector.h"
#include "engine/core/errors/Error.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace periscope::app;

class TestJobManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsOffTheUiThreadAndReturnsOnIt();
    void cancelTakesEffectWithinOneSecond();
    void cancelButtonInPanelCancels();
    void cancelledJobCallsOnlyItsCancelHandler();
    void failingJobShowsItsErrorInThePanel();
    void progressReachesTheModel();
    void deadReceiverGetsNoCallback();
    void clearFinishedKeepsRunningJobs();
    void stallDetectorReportsABlockedUiThread();
    void jobSlotDropsWhatASupersededJobDelivers();
    void jobSlotHandlerMayStartTheNextJob();
    void jobSlotReportsBusyOncePerRun();
    void jobSlotCancelRunsOnlyTheCancelHandler();
    void destroyedJobSlotCancelsAndStaysSilent();
};

namespace {
// Work that runs until cancelled, polling the way engine loops do.
QVariant runUntilCancelled(const periscope::JobControl &control)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30000) {
        control.throwIfCancelled();
        control.reportProgress(-1.0, "spinning");
        QThread::msleep(5);
    }
    return {};
}
} // namespace

void TestJobManager::runsOffTheUiThreadAndReturnsOnIt()
{
    JobManager jobs;
    QThread *workerThread = nullptr;
    QThread *handlerThread = nullptr;
    int value = 0;
    jobs.start(QStringLiteral("answer"), [&workerThread](const periscope::JobControl &) {
        workerThread = QThread::currentThread();
        return QVariant(42);
    }, this, [&](const QVariant &result) {
        handlerThread = QThread::currentThread();
        value = result.toInt();
    });
    QVERIFY(jobs.waitForIdle(5000));
    QCOMPARE(value, 42);
    QVERIFY(workerThread != nullptr);
    QVERIFY(workerThread != QThread::currentThread());
    QCOMPARE(handlerThread, QThread::currentThread());
    const JobRecord *record = jobs.record(jobs.jobIds().constFirst());
    QCOMPARE(int(record->state), int(JobState::Finished));
    QCOMPARE(record->progress, 1.0);
}

void TestJobManager::cancelTakesEffectWithinOneSecond()
{
    JobManager jobs;
    QSignalSpy ended(&jobs, &JobManager::jobEnded);
    QSignalSpy changed(&jobs, &JobManager::jobChanged);
    const quint64 id = jobs.start(QStringLiteral("spin"), runUntilCancelled);
    QVERIFY(changed.wait(5000)); // it is running and reporting progress
    QElapsedTimer clock;
    clock.start();
    jobs.cancel(id);
    QCOMPARE(int(jobs.record(id)->state), int(JobState::Cancelling));
    QVERIFY(ended.wait(1000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(int(jobs.record(id)->state), int(JobState::Cancelled));
    QCOMPARE(jobs.activeCount(), 0);
}

void TestJobManager::cancelledJobCallsOnlyItsCancelHandler()
{
    JobManager jobs;
    QObject receiver;
    int results = 0, errors = 0, cancels = 0;
    QSignalSpy changed(&jobs, &JobManager::jobChanged);
    const quint64 id = jobs.start(
        QStringLiteral("spin"), runUntilCancelled, &receiver, [&](const QVariant &) { ++results; }, [&](const QString &) { ++errors; },
        [&] { ++cancels; });
    QVERIFY(changed.wait(5000));
    jobs.cancel(id);
    QVERIFY(jobs.waitForIdle(5000));
    QCOMPARE(results, 0);
    QCOMPARE(errors, 0);
    QCOMPARE(cancels, 1);
}

void TestJobManager::cancelButtonInPanelCancels()
{
    JobManager jobs;
    JobsPanel panel(&jobs);
    panel.resize(900, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy ended(&jobs, &JobManager::jobEnded);
    const quint64 id = jobs.start(QStringLiteral("spin"), runUntilCancelled);
    QTableView *view = panel.view();
    const QModelIndex cancelCell = panel.model()->index(0, JobModel::CancelColumn);
    QVERIFY(cancelCell.data(Qt::DecorationRole).isValid()); // the cancel icon is shown
    view->scrollTo(cancelCell);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cancelCell).center());
    QVERIFY(ended.wait(1000));
    QCOMPARE(int(jobs.record(id)->state), int(JobState::Cancelled));
    QCOMPARE(panel.model()->index(0, JobModel::StateColumn).data().toString(), QStringLiteral("Cancelled"));
    QVERIFY(!panel.model()->index(0, JobModel::CancelColumn).data(Qt::DecorationRole).isValid());
}

void TestJobManager::failingJobShowsItsErrorInThePanel()
{
    JobManager jobs;
    JobsPanel panel(&jobs);
    QString reported;
    jobs.start(QStringLiteral("load weights"), [](const periscope::JobControl &) -> QVariant {
        throw periscope::Error("model.safetensors: tensor 'encoder.weight' ends past the end of the file");
    }, this, {}, [&](const QString &error) { reported = error; });
    QVERIFY(jobs.waitForIdle(5000));
    QVERIFY(reported.contains("encoder.weight"));
    const JobModel *model = panel.model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, JobModel::NameColumn).data().toString(), QStringLiteral("load weights"));
    QCOMPARE(model->index(0, JobModel::StateColumn).data().toString(), QStringLiteral("Failed"));
    QVERIFY(model->index(0, JobModel::MessageColumn).data().toString().contains("ends past the end of the file"));
}

void TestJobManager::progressReachesTheModel()
{
    JobManager jobs;
    JobModel model(&jobs);
    std::atomic<bool> release{false};
    jobs.start(QStringLiteral("half"), [&release](const periscope::JobControl &control) {
        control.reportProgress(0.5, "half way");
        while (!release)
            QThread::msleep(2);
        return QVariant();
    });
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, JobModel::ProgressColumn).data().toDouble(), 0.5, 5000);
    QCOMPARE(model.index(0, JobModel::MessageColumn).data().toString(), QStringLiteral("half way"));
    release = true;
    QVERIFY(jobs.waitForIdle(5000));
    QCOMPARE(model.index(0, JobModel::ProgressColumn).data().toDouble(), 1.0);
}

void TestJobManager::deadReceiverGetsNoCallback()
{
    JobManager jobs;
    auto *receiver = new QObject;
    bool called = false;
    std::atomic<bool> release{false};
    jobs.start(QStringLiteral("late"), [&release](const periscope::JobControl &) {
        while (!release)
            QThread::msleep(2);
        return QVariant(1);
    }, receiver, [&called](const QVariant &) { called = true; });
    delete receiver; // e.g. the workspace was closed mid-job
    release = true;
    QVERIFY(jobs.waitForIdle(5000));
    QVERIFY(!called);
}

void TestJobManager::clearFinishedKeepsRunningJobs()
{
    JobManager jobs;
    JobModel model(&jobs);
    jobs.start(QStringLiteral("quick"), [](const periscope::JobControl &) { return QVariant(); });
    QVERIFY(jobs.waitForIdle(5000));
    const quint64 spinning = jobs.start(QStringLiteral("spin"), runUntilCancelled);
    QCOMPARE(model.rowCount(), 2);
    jobs.clearFinished();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.jobIdAt(0), spinning);
    jobs.cancelAll();
    QVERIFY(jobs.waitForIdle(2000));
}

void TestJobManager::stallDetectorReportsABlockedUiThread()
{
    StallDetector detector(50);
    QSignalSpy stalls(&detector, &StallDetector::stalled);
    detector.start();
    QTest::qWait(100);
    const int before = detector.stallCount();
    QThread::msleep(250); // the UI thread does something it should not
    QVERIFY(stalls.wait(1000));
    QVERIFY(detector.stallCount() > before);
    QVERIFY2(detector.longestStallMs() >= 150, qPrintable(QString::number(detector.longestStallMs())));
}

void TestJobManager::jobSlotDropsWhatASupersededJobDelivers()
{
    JobManager jobs;
    JobSlot slot(&jobs);
    QStringList delivered;
    std::atomic<bool> release{false};
    // The first job ignores cancellation (it finishes with a result), as a job past its last
    // cancellation point does: its result must still be dropped, not shown over the second's.
    slot.start(QStringLiteral("old"), [&release](const periscope::JobControl &) {
        while (!release)
            QThread::msleep(2);
        return QVariant(QStringLiteral("old"));
    }, [&](const QVariant &v) { delivered << v.toString(); }, [&](const QString &e) { delivered << e; }, [&] { delivered << QStringLiteral("cancelled"); });
    const quint64 first = slot.jobId();
    slot.start(QStringLiteral("new"), [&release](const periscope::JobControl &) {
        while (!release)
            QThread::msleep(2);
        QThread::msleep(50); // after the old one
        return QVariant(QStringLiteral("new"));
    }, [&](const QVariant &v) { delivered << v.toString(); });
    QVERIFY(slot.jobId() != first);
    QCOMPARE(jobs.record(first)->state, JobState::Cancelling);
    release = true;
    QVERIFY(jobs.waitForIdle(5000));
    QCOMPARE(delivered, QStringList{QStringLiteral("new")});
    QVERIFY(!slot.isBusy());
}

void TestJobManager::jobSlotHandlerMayStartTheNextJob()
{
    JobManager jobs;
    JobSlot slot(&jobs);
    QList<int> results;
    std::function<void(int)> run = [&](int n) {
        slot.start(QStringLiteral("step"), [n](const periscope::JobControl &) { return QVariant(n); },
                   [&](const QVariant &v) {
                       QVERIFY(!slot.isBusy()); // the slot forgot the job before the handler runs
                       results << v.toInt();
                       if (v.toInt() < 3)
                           run(v.toInt() + 1);
                   });
    };
    run(1);
    QTRY_COMPARE_WITH_TIMEOUT(results, (QList<int>{1, 2, 3}), 5000);
    QVERIFY(jobs.waitForIdle(5000));
    QVERIFY(!slot.isBusy());
}

void TestJobManager::jobSlotReportsBusyOncePerRun()
{
    JobManager jobs;
    JobSlot slot(&jobs);
    QSignalSpy busy(&slot, &JobSlot::busyChanged);
    slot.start(QStringLiteral("a"), runUntilCancelled, {});
    slot.start(QStringLiteral("b"), [](const periscope::JobControl &) { return QVariant(1); }, {}); // supersedes a: still busy
    QVERIFY(jobs.waitForIdle(5000));
    QTRY_COMPARE(busy.size(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void TestJobManager::jobSlotCancelRunsOnlyTheCancelHandler()
{
    JobManager jobs;
    JobSlot slot(&jobs);
    int results = 0, errors = 0, cancellations = 0;
    slot.start(QStringLiteral("spin"), runUntilCancelled, [&](const QVariant &) { ++results; }, [&](const QString &) { ++errors; },
               [&] { ++cancellations; });
    QVERIFY(slot.isBusy());
    slot.cancel();
    QVERIFY(jobs.waitForIdle(5000));
    QCOMPARE(results + errors, 0);
    QCOMPARE(cancellations, 1);
    QVERIFY(!slot.isBusy());
}

void TestJobManager::destroyedJobSlotCancelsAndStaysSilent()
{
    JobManager jobs;
    int calls = 0;
    quint64 id = 0;
    {
        JobSlot slot(&jobs);
        slot.start(QStringLiteral("spin"), runUntilCancelled, [&](const QVariant &) { ++calls; }, [&](const QString &) { ++calls; }, [&] { ++calls; });
        id = slot.jobId();
    }
    QCOMPARE(jobs.record(id)->state, JobState::Cancelling);
    QVERIFY(jobs.waitForIdle(5000));
    QCOMPARE(jobs.record(id)->state, JobState::Cancelled);
    QCOMPARE(calls, 0);
}

QTEST_MAIN(TestJobManager)
#include "tst_jobmanager.moc"
