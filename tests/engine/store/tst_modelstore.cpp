// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/io/Sha256.h"
#include "engine/core/weights/ModelStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace periscope;

class TestModelStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sha256MatchesFipsVectors();
    void addsFindsVerifiesAndRemoves();
    void rejectsBadManifests();
};

void TestModelStore::sha256MatchesFipsVectors()
{
    QCOMPARE(sha256Hex("", 0), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(sha256Hex("abc", 3), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const std::string twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    QCOMPARE(sha256Hex(twoBlocks.data(), twoBlocks.size()),
             std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    const std::string million(1000000, 'a');
    Sha256 incremental; // fed in uneven pieces
    for (std::size_t at = 0; at < million.size(); at += 777)
        incremental.update(million.data() + at, std::min<std::size_t>(777, million.size() - at));
    QCOMPARE(incremental.hexDigest(), std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

void TestModelStore::addsFindsVerifiesAndRemoves()
{
    QTemporaryDir dir;
    const QString weights = dir.filePath(QStringLiteral("my weights.safetensors"));
    QFile file(weights);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("pretend weights");
    file.close();
    const std::string folder = dir.filePath(QStringLiteral("store")).toStdString();
    {
        ModelStore store(folder);
        QVERIFY(store.models().empty());
        const ModelRecord &record = store.add(weights.toStdString(), "demo/colorizer v1", "eccv16", "trained on opencv-doc photos");
        QCOMPARE(record.file, std::string("demo_colorizer_v1.safetensors"));
        QCOMPARE(record.sha256, sha256Hex("pretend weights", 15));
        QCOMPARE(record.bytes, std::int64_t(15));
        QCOMPARE(record.date.size(), std::size_t(20));
        QVERIFY_THROWS_EXCEPTION(Error, store.add(weights.toStdString(), "demo/colorizer v1", "eccv16", ""));
    }
    ModelStore reopened(folder);
    QCOMPARE(reopened.models().size(), std::size_t(1));
    const ModelRecord *found = reopened.find("demo/colorizer v1");
    QVERIFY(found);
    QCOMPARE(found->architecture, std::string("eccv16"));
    std::string problem;
    QVERIFY(reopened.verify("demo/colorizer v1", &problem));
    QFile stored(QString::fromStdString(reopened.pathOf(*found)));
    QVERIFY(stored.open(QIODevice::Append));
    stored.write("!");
    stored.close();
    QVERIFY(!reopened.verify("demo/colorizer v1", &problem));
    QVERIFY2(QString::fromStdString(problem).contains("changed"), problem.c_str());
    const QString storedPath = QString::fromStdString(reopened.pathOf(*found));
    reopened.remove("demo/colorizer v1");
    QVERIFY(!QFile::exists(storedPath));
    QVERIFY(ModelStore(folder).models().empty());
    QVERIFY_THROWS_EXCEPTION(Error, reopened.remove("nothing"));
}

void TestModelStore::rejectsBadManifests()
{
    QTemporaryDir dir;
    auto write = [&](const QByteArray &text) {
        QFile f(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    const std::string folder = dir.path().toStdString();
    write("{ not json");
    QVERIFY_THROWS_EXCEPTION(Error, ModelStore{folder});
    write(R"({"format": "something-else", "models": []})");
    QVERIFY_THROWS_EXCEPTION(Error, ModelStore{folder});
    write(R"({"format": "periscope-model-store", "models": [{"name": "x", "architecture": "a", "file": "../../etc/passwd",
              "sha256": "0", "source": "", "date": ""}]})");
    try {
        ModelStore store(folder);
        QFAIL("a manifest pointing outside the store was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("outside the store"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestModelStore)
#include "tst_modelstore.moc"
