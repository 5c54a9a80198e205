// SPDX-License-Identifier: GPL-3.0-or-later
// The model catalogue and the user's store: the built-in entries describe the committed files,
// `add` checks hashes before it registers, verify notices a changed copy, and downloads from a
// server this test runs on 127.0.0.1 complete, resume after an interruption, are refused (and
// leave nothing) when the hash differs, and leave no file when cancelled. The CLI does the same.
#include "../support/LocalHttpServer.h"
#include "../cli/CliRun.h"

#include "app/models/BuiltInColorizers.h"
#include "app/models/CatalogueTexts.h"
#include "app/models/BuiltInRelationModels.h"
#include "app/models/BuiltInDeepfakeModels.h"
#include "app/models/ModelCatalogue.h"
#include "engine/core/errors/Error.h"
#include "engine/core/io/Sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace periscope;
using namespace periscope::app;

namespace {
QByteArray pseudoRandomBytes(int size, quint32 seed)
{
    QByteArray out(size, Qt::Uninitialized);
    quint32 state = seed;
    for (int i = 0; i < size; ++i) {
        state = state * 1664525u + 1013904223u;
        out[i] = char(state >> 24);
    }
    return out;
}

QString hexSha256(const QByteArray &bytes)
{
    return QString::fromStdString(sha256Hex(bytes.constData(), std::size_t(bytes.size())));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

class TestModelCatalogue : public QObject {
    Q_OBJECT

private slots:
    void init();
    void builtInEntriesDescribeTheCommittedFiles();
    void everyEntrySaysWhatAUserNeeds();
    void addChecksTheHashBeforeItRegisters();
    void verifyNoticesAChangedCopy();
    void downloadLandsInTheStore();
    void interruptedDownloadResumes();
    void wrongHashIsRefusedAndNothingIsLeft();
    void cancelledDownloadLeavesNoFile();
    void onlyHttpIsDownloaded();
    void cliListsAddsAndFetches();

private:
    ModelCatalogue testCatalogue() { return ModelCatalogue::load(m_store.path()); }

    QTemporaryDir m_root, m_store;
    QByteArray m_modelA, m_modelB, m_unhashed;
};

void TestModelCatalogue::init()
{
    // A catalogue of our own (PERISCOPE_MODELS_DIR), so downloads and hashes are the test's.
    m_root.~QTemporaryDir();
    new (&m_root) QTemporaryDir;
    m_store.~QTemporaryDir();
    new (&m_store) QTemporaryDir;
    m_modelA = pseudoRandomBytes(300000, 1);
    m_modelB = pseudoRandomBytes(300000, 2);
    m_unhashed = pseudoRandomBytes(1000, 3);
    const QJsonObject a{{"name", "tiny-a"}, {"workspace", "colorize"}, {"task", "a test model"}, {"licence", "CC0-1.0"},
                        {"source", "https://example.invalid/tiny-a.pth"}, {"file_name", "tiny-a.pth"},
                        {"bytes", double(m_modelA.size())}, {"sha256", hexSha256(m_modelA)}};
    const QJsonObject prefixOnly{{"name", "tiny-b"}, {"workspace", "colorize"}, {"task", "hashed by prefix"}, {"licence", "CC0-1.0"},
                                 {"source", "https://example.invalid/tiny-b.pth"}, {"file_name", "tiny-b.pth"},
                                 {"bytes", QJsonValue()}, {"sha256_prefix", hexSha256(m_modelB).left(8)}};
    const QJsonObject unhashed{{"name", "tiny-unhashed"}, {"workspace", "slots"}, {"task", "no published hash"}, {"licence", "CC0-1.0"},
                               {"source", "https://example.invalid/u.bin"}, {"file_name", "u.bin"}};
    const QJsonObject root{{"format", "periscope-model-catalogue"}, {"version", 1}, {"models", QJsonArray{a, prefixOnly, unhashed}}};
    QVERIFY(writeFile(m_root.filePath(QStringLiteral("catalogue.json")), QJsonDocument(root).toJson()));
    qputenv("PERISCOPE_MODELS_DIR", m_root.path().toUtf8());
}

void TestModelCatalogue::builtInEntriesDescribeTheCommittedFiles()
{
    qputenv("PERISCOPE_MODELS_DIR", QByteArray(PERISCOPE_SOURCE_DIR "/resources/models"));
    const ModelCatalogue catalogue = ModelCatalogue::load(m_store.path());
    int builtIn = 0;
    for (const CatalogueEntry &e : catalogue.entries()) {
        if (!e.builtIn)
            continue;
        ++builtIn;
        QVERIFY2(e.isPresent(), qPrintable(e.name));
        // Retraining a built-in model without updating catalogue.json fails here.
        QCOMPARE(ModelCatalogue::sha256Of(e.path), e.sha256);
        QCOMPARE(QFileInfo(e.path).size(), e.bytes);
        QVERIFY2(!e.trainedBy.isEmpty() && QFileInfo::exists(QStringLiteral(PERISCOPE_SOURCE_DIR "/") + e.trainedBy), qPrintable(e.name));
    }
    QCOMPARE(builtIn, 8);
    // A built-in name resolves to its file, for the CLI and the workspaces alike.
    QString error;
    QCOMPARE(resolveColorizer(QStringLiteral("eccv16-photos"), &error), catalogue.find(QStringLiteral("eccv16-photos"))->path);
    QCOMPARE(resolveRelationModel(QStringLiteral("relations-scenes"), &error), catalogue.find(QStringLiteral("relations-scenes"))->path);
    QCOMPARE(resolveDeepfakeModel(builtInDeepfakeModelName(), &error), catalogue.find(builtInDeepfakeModelName())->path);
    QVERIFY(resolveColorizer(QStringLiteral("zhang-eccv16"), &error).isEmpty()); // not here
    QVERIFY2(error.contains(QLatin1String("models fetch zhang-eccv16")), qPrintable(error));
    QVERIFY(resolveColorizer(QStringLiteral("esol"), &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("graphs workspace")), qPrintable(error));
}

void TestModelCatalogue::everyEntrySaysWhatAUserNeeds()
{
    qputenv("PERISCOPE_MODELS_DIR", QByteArray(PERISCOPE_SOURCE_DIR "/resources/models"));
    const ModelCatalogue catalogue = ModelCatalogue::load(m_store.path());
    QVERIFY(catalogue.entries().size() >= 12);
    // Every text the Models dialog shows can be translated: tools/catalogue-texts.py listed it.
    const QStringList translatable = catalogueTextsListed();
    for (const CatalogueEntry &e : catalogue.entries()) {
        for (const QString &field : {e.task, e.architecture, e.input, e.licence, e.fileName})
            QVERIFY2(!field.isEmpty(), qPrintable(e.name));
        for (const QString &text : {e.task, e.architecture, e.input, e.licence})
            QVERIFY2(translatable.contains(text), qPrintable(e.name + QStringLiteral(": run tools/catalogue-texts.py for '%1'").arg(text)));
        QVERIFY2(e.builtIn || e.isDownloadable(), qPrintable(e.name));
        QVERIFY2(e.sha256.isEmpty() || (e.sha256.size() == 64 && (e.sha256Prefix.isEmpty() || e.sha256.startsWith(e.sha256Prefix))),
                 qPrintable(e.name));
    }
    for (const char *name : {"zhang-eccv16", "zhang-siggraph17", "dinov2-vitl14-reg4", "dinotxt-vitl14-reg4-vision-head",
                             "dinotxt-vitl14-reg4-text-encoder", "mvit-v2-s-kinetics400"})
        QVERIFY2(catalogue.find(QLatin1String(name)), name);
}

void TestModelCatalogue::addChecksTheHashBeforeItRegisters()
{
    const QString a = m_root.filePath(QStringLiteral("downloaded-a.pth"));
    const QString b = m_root.filePath(QStringLiteral("downloaded-b.pth"));
    const QString other = m_root.filePath(QStringLiteral("other.pth"));
    QVERIFY(writeFile(a, m_modelA));
    QVERIFY(writeFile(b, m_modelB));
    QVERIFY(writeFile(other, pseudoRandomBytes(5000, 9)));
    ModelCatalogue catalogue = testCatalogue();
    QVERIFY(!catalogue.find(QStringLiteral("tiny-a"))->isPresent());
    QCOMPARE(catalogue.add(a), QStringLiteral("tiny-a"));    // by its full hash
    QCOMPARE(catalogue.add(b), QStringLiteral("tiny-b"));    // by the published prefix
    QVERIFY_THROWS_EXCEPTION(Error, catalogue.add(other));   // matches nothing
    QVERIFY_THROWS_EXCEPTION(Error, catalogue.add(b, QStringLiteral("tiny-a"))); // not what it claims
    QVERIFY(writeFile(other, m_unhashed));
    QCOMPARE(catalogue.add(other, QStringLiteral("tiny-unhashed")), QStringLiteral("tiny-unhashed")); // the user vouches for it

    // Registered: in the store (a copy), found again by a fresh load, and resolved by name.
    const ModelCatalogue again = testCatalogue();
    const CatalogueEntry *entry = again.find(QStringLiteral("tiny-a"));
    QVERIFY(entry->isPresent());
    QCOMPARE(entry->origin, QStringLiteral("store"));
    QVERIFY(entry->path.startsWith(QDir(m_store.path()).absolutePath()));
    QCOMPARE(ModelCatalogue::sha256Of(entry->path), hexSha256(m_modelA));
    QString error;
    QCOMPARE(again.resolve(QStringLiteral("tiny-a"), &error), entry->path);
    QCOMPARE(again.presentFor(QStringLiteral("colorize")).size(), 2);
}

void TestModelCatalogue::verifyNoticesAChangedCopy()
{
    const QString a = m_root.filePath(QStringLiteral("a.pth"));
    QVERIFY(writeFile(a, m_modelA));
    QVERIFY(writeFile(m_root.filePath(QStringLiteral("u.bin")), m_unhashed));
    ModelCatalogue catalogue = testCatalogue();
    catalogue.add(a);
    catalogue.add(m_root.filePath(QStringLiteral("u.bin")), QStringLiteral("tiny-unhashed"));
    QCOMPARE(catalogue.verify(QStringLiteral("tiny-a")), QString());
    QCOMPARE(catalogue.verify(QStringLiteral("tiny-unhashed")), QString());
    for (const char *name : {"tiny-a", "tiny-unhashed"}) {
        QFile stored(catalogue.find(QLatin1String(name))->path);
        QVERIFY(stored.open(QIODevice::ReadWrite));
        stored.seek(100);
        stored.write("tampered");
        stored.close();
        QVERIFY2(!catalogue.verify(QLatin1String(name)).isEmpty(), name);
    }
    QCOMPARE(catalogue.verify(QStringLiteral("tiny-b")), QStringLiteral("not on this machine"));
}

void TestModelCatalogue::downloadLandsInTheStore()
{
    LocalHttpServer server;
    server.body = m_modelA;
    ModelCatalogue catalogue = testCatalogue();
    catalogue.fetch(QStringLiteral("tiny-a"), server.url().toString());
    const CatalogueEntry *entry = catalogue.find(QStringLiteral("tiny-a"));
    QVERIFY(entry->isPresent());
    QCOMPARE(ModelCatalogue::sha256Of(entry->path), hexSha256(m_modelA));
    QVERIFY(!QFile::exists(QDir(m_store.path()).filePath(QStringLiteral("tiny-a.pth.part"))));
    QVERIFY(!server.rangeHeaders.isEmpty());
    for (const QByteArray &range : std::as_const(server.rangeHeaders))
        QVERIFY(range.isEmpty()); // a new download asks for the whole file
}

void TestModelCatalogue::interruptedDownloadResumes()
{
    LocalHttpServer server;
    server.body = m_modelA;
    server.dropAfterBytes = 120000;
    ModelCatalogue catalogue = testCatalogue();
    QVERIFY_THROWS_EXCEPTION(Error, catalogue.fetch(QStringLiteral("tiny-a"), server.url().toString()));
    const QString part = QDir(m_store.path()).filePath(QStringLiteral("tiny-a.pth.part"));
    QCOMPARE(QFileInfo(part).size(), 120000); // kept for the next attempt
    QVERIFY(!catalogue.find(QStringLiteral("tiny-a"))->isPresent());
    catalogue.fetch(QStringLiteral("tiny-a"), server.url().toString());
    // The second attempt asked only for the rest. (Under load Qt may resend an idempotent GET on a
    // fresh connection, so how many requests reached the server is Qt's business; no request asks
    // for anything but the whole file or the rest.)
    QVERIFY2(server.rangeHeaders.contains(QByteArray("bytes=120000-")), server.rangeHeaders.join(' ').constData());
    for (const QByteArray &range : std::as_const(server.rangeHeaders))
        QVERIFY2(range.isEmpty() || range == "bytes=120000-", range.constData());
    QCOMPARE(ModelCatalogue::sha256Of(catalogue.find(QStringLiteral("tiny-a"))->path), hexSha256(m_modelA));
    QVERIFY(!QFile::exists(part));

    // A server that ignores the range sends everything again: the file is rewritten, not appended.
    LocalHttpServer stubborn;
    stubborn.body = m_modelB;
    stubborn.ignoreRange = true;
    const QString partB = QDir(m_store.path()).filePath(QStringLiteral("tiny-b.pth.part"));
    QVERIFY(writeFile(partB, m_modelB.left(5000)));
    catalogue.fetch(QStringLiteral("tiny-b"), stubborn.url().toString());
    QCOMPARE(ModelCatalogue::sha256Of(catalogue.find(QStringLiteral("tiny-b"))->path), hexSha256(m_modelB));
}

void TestModelCatalogue::wrongHashIsRefusedAndNothingIsLeft()
{
    LocalHttpServer server;
    server.body = m_modelB; // same size as A, other bytes
    ModelCatalogue catalogue = testCatalogue();
    try {
        catalogue.fetch(QStringLiteral("tiny-a"), server.url().toString());
        QFAIL("a download with the wrong hash was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("refused")), e.what());
    }
    QVERIFY(!catalogue.find(QStringLiteral("tiny-a"))->isPresent());
    QStringList left = QDir(m_store.path()).entryList(QDir::Files);
    left.removeAll(QStringLiteral("manifest.json"));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));

    // More bytes than the catalogue says is cut off before it fills a disk.
    server.body = m_modelA + QByteArray(1000, 'x');
    QVERIFY_THROWS_EXCEPTION(Error, catalogue.fetch(QStringLiteral("tiny-a"), server.url().toString()));
}

void TestModelCatalogue::cancelledDownloadLeavesNoFile()
{
    LocalHttpServer server;
    server.body = m_modelA;
    server.trickleMilliseconds = 20; // 4 KiB every 20 ms: about 1.5 s in all
    ModelCatalogue catalogue = testCatalogue();
    auto token = std::make_shared<CancelToken>();
    int progressCalls = 0;
    const JobControl control(token, [&](double, const std::string &) {
        if (++progressCalls == 3)
            token->cancel();
    });
    QVERIFY_THROWS_EXCEPTION(CancelledError, catalogue.fetch(QStringLiteral("tiny-a"), server.url().toString(), control));
    QVERIFY(!QFile::exists(QDir(m_store.path()).filePath(QStringLiteral("tiny-a.pth.part"))));
    QVERIFY(!catalogue.find(QStringLiteral("tiny-a"))->isPresent());
}

void TestModelCatalogue::onlyHttpIsDownloaded()
{
    ModelCatalogue catalogue = testCatalogue();
    QVERIFY_THROWS_EXCEPTION(Error, catalogue.fetch(QStringLiteral("tiny-a"), QStringLiteral("file:///etc")));
    QVERIFY_THROWS_EXCEPTION(Error, catalogue.fetch(QStringLiteral("tiny-a"), QStringLiteral("ftp://127.0.0.1/x")));
    QVERIFY_THROWS_EXCEPTION(Error, catalogue.fetch(QStringLiteral("no-such-model")));
}

void TestModelCatalogue::cliListsAddsAndFetches()
{
    LocalHttpServer server;
    server.body = m_modelA;
    // The CLI's store is the preferences' models folder, under this suite's own XDG_DATA_HOME.
    struct Result {
        int code = -1;
        QString out, err;
    };
    auto runCli = [](const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral(PERISCOPE_BIN_DIR "/periscope-cli"), arguments);
        // Spin the event loop while it runs: the server answering it lives on this thread.
        QElapsedTimer clock;
        clock.start();
        while (process.state() != QProcess::NotRunning && clock.elapsed() < 60000)
            QTest::qWait(20);
        return Result{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    };
    Result r = runCli({QStringLiteral("models"), QStringLiteral("fetch"), QStringLiteral("tiny-a"), QStringLiteral("--mirror"), server.url().toString()});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = runCli({QStringLiteral("models"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray models = QJsonDocument::fromJson(r.out.mid(r.out.indexOf(QLatin1Char('{'))).toUtf8()).object().value(QStringLiteral("models")).toArray();
    QCOMPARE(models.size(), 3);
    QCOMPARE(models.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("tiny-a"));
    QCOMPARE(models.at(0).toObject().value(QStringLiteral("present")).toBool(), true);
    r = runCli({QStringLiteral("models"), QStringLiteral("verify")});
    QVERIFY2(r.code == 0 && r.out.contains(QLatin1String("tiny-a")), qPrintable(r.out + r.err));
    r = runCli({QStringLiteral("models"), QStringLiteral("add"), QStringLiteral(PERISCOPE_SOURCE_DIR "/README.md")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.startsWith(QLatin1String("periscope-cli: models add: ")) && r.err.contains(QLatin1String("matches no model")), qPrintable(r.err));
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
}

QTEST_GUILESS_MAIN(TestModelCatalogue)
#include "tst_modelcatalogue.moc"
