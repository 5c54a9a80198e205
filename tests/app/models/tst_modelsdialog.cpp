// SPDX-License-Identifier: GPL-3.0-or-later
// The Models dialog as a user drives it: the catalogue in a table, Download as a job (from a
// server this test runs on 127.0.0.1) that can be cancelled without leaving a file, Verify, and
// Locate file... checking a hand-downloaded checkpoint before it is added.
#include "../support/LocalHttpServer.h"

#include "app/common/Preferences.h"
#include "app/shell/JobManager.h"
#include "app/shell/ModelChoice.h"
#include "app/shell/ModelsDialog.h"
#include "engine/core/io/Sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace periscope;
using namespace periscope::app;

class TestModelsDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void downloadsVerifiesAndLocates();
    void cancelledDownloadLeavesNoFile();

private:
    int rowOf(ModelsDialog &dialog, const QString &name);
    QPushButton *button(ModelsDialog &dialog, const char *name) { return dialog.findChild<QPushButton *>(QLatin1String(name)); }

    QTemporaryDir m_root;
    QByteArray m_modelA, m_modelB;
};

void TestModelsDialog::initTestCase()
{
    m_modelA = QByteArray(200000, 'a') + QByteArray("end of a");
    m_modelB = QByteArray(150000, 'b');
    auto sha = [](const QByteArray &b) { return QString::fromStdString(sha256Hex(b.constData(), std::size_t(b.size()))); };
    const QJsonArray models{
        QJsonObject{{"name", "tiny-a"}, {"workspace", "colorize"}, {"task", "a"}, {"licence", "CC0-1.0"}, {"source", "https://example.invalid/a.pth"},
                    {"file_name", "a.pth"}, {"bytes", double(m_modelA.size())}, {"sha256", sha(m_modelA)}},
        QJsonObject{{"name", "tiny-b"}, {"workspace", "slots"}, {"task", "b"}, {"licence", "CC0-1.0"}, {"source", "https://example.invalid/b.pth"},
                    {"file_name", "b.pth"}, {"bytes", double(m_modelB.size())}, {"sha256", sha(m_modelB)}}};
    QFile file(m_root.filePath(QStringLiteral("catalogue.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{"format", "periscope-model-catalogue"}, {"version", 1}, {"models", models}}).toJson());
    file.close();
    qputenv("PERISCOPE_MODELS_DIR", m_root.path().toUtf8());
    QDir(Preferences::load().modelsFolder).removeRecursively();
}

int TestModelsDialog::rowOf(ModelsDialog &dialog, const QString &name)
{
    for (int row = 0; row < dialog.table()->rowCount(); ++row)
        if (dialog.table()->item(row, 0)->text() == name)
            return row;
    return -1;
}

void TestModelsDialog::downloadsVerifiesAndLocates()
{
    LocalHttpServer server;
    server.body = m_modelA;
    JobManager jobs;
    ModelChoice colorizeChoice(QStringLiteral("colorize"), QStringLiteral("weights")); // a workspace's chooser, open meanwhile
    QCOMPARE(colorizeChoice.findData(QStringLiteral("tiny-a")), -1);
    ModelsDialog dialog(&jobs);
    dialog.setMirror(server.url().toString());
    dialog.show();
    QCOMPARE(dialog.table()->rowCount(), 2);
    QCOMPARE(dialog.table()->item(rowOf(dialog, QStringLiteral("tiny-a")), 5)->text(), QStringLiteral("no"));
    QVERIFY(!button(dialog, "downloadModel")->isEnabled()); // nothing selected yet
    dialog.table()->selectRow(rowOf(dialog, QStringLiteral("tiny-a")));
    QVERIFY(button(dialog, "downloadModel")->isEnabled());
    QVERIFY(!button(dialog, "verifyModel")->isEnabled());
    QSignalSpy changed(&dialog, &ModelsDialog::catalogueChanged);
    QTest::mouseClick(button(dialog, "downloadModel"), Qt::LeftButton);
    QCOMPARE(jobs.jobIds().size(), 1); // in the Jobs panel
    QVERIFY(jobs.waitForIdle(30000));
    QVERIFY2(dialog.status().contains(QLatin1String("downloaded")), qPrintable(dialog.status()));
    QCOMPARE(changed.size(), 1);
    QVERIFY(colorizeChoice.findData(QStringLiteral("tiny-a")) >= 0); // offered at once
    QCOMPARE(dialog.table()->item(rowOf(dialog, QStringLiteral("tiny-a")), 5)->text(), QStringLiteral("in your models folder"));
    QVERIFY(!button(dialog, "downloadModel")->isEnabled());
    QTest::mouseClick(button(dialog, "verifyModel"), Qt::LeftButton);
    QVERIFY(jobs.waitForIdle(30000));
    QVERIFY2(dialog.status().contains(QLatin1String("matches the catalogue")), qPrintable(dialog.status()));

    // Locate file...: a hand-downloaded copy of b is recognised by its hash, whatever row is selected.
    const QString handDownloaded = m_root.filePath(QStringLiteral("from-a-browser.pth"));
    QFile file(handDownloaded);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_modelB);
    file.close();
    dialog.locateFile(handDownloaded);
    QVERIFY(jobs.waitForIdle(30000));
    QVERIFY2(dialog.status().contains(QLatin1String("is tiny-b")), qPrintable(dialog.status()));
    QCOMPARE(dialog.table()->item(rowOf(dialog, QStringLiteral("tiny-b")), 5)->text(), QStringLiteral("in your models folder"));
    // A file that is not in the catalogue is refused with the reason.
    dialog.locateFile(QStringLiteral(PERISCOPE_SOURCE_DIR "/README.md"));
    QVERIFY(jobs.waitForIdle(30000));
    QVERIFY2(dialog.status().contains(QLatin1String("matches no model")), qPrintable(dialog.status()));
}

void TestModelsDialog::cancelledDownloadLeavesNoFile()
{
    QDir(Preferences::load().modelsFolder).removeRecursively();
    LocalHttpServer server;
    server.body = m_modelA;
    server.trickleMilliseconds = 50; // 4 KiB every 50 ms: a few seconds in all
    JobManager jobs;
    ModelsDialog dialog(&jobs);
    dialog.setMirror(server.url().toString());
    dialog.show();
    dialog.table()->selectRow(rowOf(dialog, QStringLiteral("tiny-a")));
    QTest::mouseClick(button(dialog, "downloadModel"), Qt::LeftButton);
    const QString part = QDir(Preferences::load().modelsFolder).filePath(QStringLiteral("a.pth.part"));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 0, 10000);
    QVERIFY(button(dialog, "cancelModelJob")->isEnabled());
    QTest::mouseClick(button(dialog, "cancelModelJob"), Qt::LeftButton);
    QVERIFY(jobs.waitForIdle(10000));
    QVERIFY2(dialog.status().startsWith(QLatin1String("Cancelled")), qPrintable(dialog.status()));
    QVERIFY(!QFile::exists(part));
    QCOMPARE(dialog.table()->item(rowOf(dialog, QStringLiteral("tiny-a")), 5)->text(), QStringLiteral("no"));
}

QTEST_MAIN(TestModelsDialog)
#include "tst_modelsdialog.moc"
