// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/TensorInfo.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace periscope;

namespace {
// A safetensors file from a header text and a data section, laid out exactly as the format says.
QByteArray makeFile(const std::string &header, const QByteArray &data, std::uint64_t declaredLength = ~0ull)
{
    const std::uint64_t length = declaredLength == ~0ull ? header.size() : declaredLength;
    QByteArray bytes(8, '\0');
    for (int i = 0; i < 8; ++i)
        bytes[i] = char((length >> (8 * i)) & 0xff);
    bytes += QByteArray::fromStdString(header);
    bytes += data;
    return bytes;
}

QByteArray floats(int count)
{
    QByteArray data(count * 4, '\0');
    for (int i = 0; i < count; ++i) {
        const float v = float(i);
        std::memcpy(data.data() + 4 * i, &v, 4);
    }
    return data;
}
} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void roundTripsEveryDtype();
    void readsAHandWrittenFile();
    void rejectsMalformedFiles_data();
    void rejectsMalformedFiles();
    void refusesTensorsItCannotStore();

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
        return path;
    }
    QTemporaryDir m_dir;
};

// Element-wise equality for every dtype, also those (fp8, unsigned) whose CPU kernels lack `eq`:
// each is widened exactly (fp8 into float, an unsigned integer into a wrapped int64).
static bool sameBits(const torch::Tensor &a, const torch::Tensor &b)
{
    const auto widen = [](const torch::Tensor &t) {
        switch (t.scalar_type()) {
        case torch::kFloat8_e4m3fn:
        case torch::kFloat8_e5m2: return t.to(torch::kFloat);
        case torch::kUInt16:
        case torch::kUInt32:
        case torch::kUInt64: return t.to(torch::kLong);
        default: return t;
        }
    };
    return torch::equal(widen(a), widen(b));
}

void TestSafetensors::roundTripsEveryDtype()
{
    torch::manual_seed(1);
    StateDict tensors = {
        {"f64", torch::randn({2, 3}, torch::kDouble)},
        {"f32", torch::randn({4}, torch::kFloat)},
        {"f16", torch::randn({3, 1}).to(torch::kHalf)},
        {"bf16", torch::randn({5}).to(torch::kBFloat16)},
        {"i64", torch::arange(-3, 3, torch::kLong)},
        {"i32", torch::arange(0, 6, torch::kInt).reshape({2, 3})},
        {"i16", torch::tensor({-7, 7}, torch::kShort)},
        {"i8", torch::tensor({-128, 127}, torch::kChar)},
        {"u8", torch::tensor({0, 255}, torch::kByte)},
        {"u16", torch::tensor({0, 65535}, torch::kLong).to(torch::kUInt16)},
        {"u32", torch::tensor(std::vector<std::int64_t>{1, 4294967295LL}).to(torch::kUInt32)},
        {"u64", torch::tensor({std::int64_t(1) << 62}, torch::kLong).to(torch::kUInt64)},
        {"f8e4m3", torch::tensor({0.5f, -448.0f}).to(torch::kFloat8_e4m3fn)},
        {"f8e5m2", torch::tensor({0.25f, 57344.0f}).to(torch::kFloat8_e5m2)},
        {"c64", torch::complex(torch::tensor({1.0f, 2.0f}), torch::tensor({-1.0f, 0.5f}))},
        {"bool", torch::tensor({true, false, true})},
        {"scalar", torch::tensor(3.5)},
        {"empty", torch::zeros({0, 4})},
        {"transposed", torch::arange(6, torch::kFloat).reshape({2, 3}).t()}, // non-contiguous
    };
    const std::string path = m_dir.filePath(QStringLiteral("all.safetensors")).toStdString();
    writeSafetensors(path, tensors, {{"format", "pt"}, {"source", "periscope test"}});
    const SafetensorsContents read = readSafetensors(path);
    QCOMPARE(read.tensors.size(), tensors.size());
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        QCOMPARE(read.tensors[i].first, tensors[i].first);
        const torch::Tensor &a = tensors[i].second;
        const torch::Tensor &b = read.tensors[i].second;
        QCOMPARE(b.scalar_type(), a.scalar_type());
        QVERIFY2(b.sizes() == a.sizes(), tensors[i].first.c_str());
        QVERIFY2(sameBits(a, b), tensors[i].first.c_str());
    }
    QCOMPARE(read.metadata.size(), std::size_t(2));
    QCOMPARE(read.metadata[1].second, std::string("periscope test"));

    const WeightsSummary summary = inspectWeights(path);
    QCOMPARE(int(summary.format), int(WeightsFormat::Safetensors));
    QCOMPARE(summary.tensors[1].dtype, std::string("float32"));
    QCOMPARE(summary.tensors[5].shape, (std::vector<std::int64_t>{2, 3}));
    QCOMPARE(summary.tensors[3].bytes, std::int64_t(10));

    // Overwriting is atomic and leaves no temporary file.
    writeSafetensors(path, {{"only", torch::ones({2})}});
    QCOMPARE(readSafetensors(path).tensors.size(), std::size_t(1));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("all.safetensors*")}, QDir::Files).size(), 1);
}

void TestSafetensors::readsAHandWrittenFile()
{
    // As another implementation would write it: two F32 tensors, padded header.
    const std::string header =
        R"({"b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    const QString path = write(QStringLiteral("hand.safetensors"), makeFile(header, floats(4)));
    const SafetensorsContents read = readSafetensors(path.toStdString());
    QCOMPARE(read.tensors[0].first, std::string("b")); // header order, not offset order
    QCOMPARE(read.tensors[0].second[1].item<float>(), 3.0f);
    QCOMPARE(read.tensors[1].second[0].item<float>(), 0.0f);
    // The views are writable without touching the file (copy-on-write mapping).
    read.tensors[0].second.fill_(42.0f);
    QCOMPARE(readSafetensors(path.toStdString()).tensors[0].second[0].item<float>(), 2.0f);
}

void TestSafetensors::rejectsMalformedFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray data = floats(4);
    auto one = [](const std::string &entry) { return R"({"t":)" + entry + "}"; };
    const std::string good = one(R"({"dtype":"F32","shape":[4],"data_offsets":[0,16]})");

    QTest::newRow("empty file") << QByteArray() << "too short";
    QTest::newRow("seven bytes") << QByteArray(7, '\x01') << "too short";
    QTest::newRow("absurd header length") << makeFile(good, data, 1ull << 60) << "over the 100 MB limit";
    QTest::newRow("header past the end") << makeFile(good, data, 5000) << "runs past the end of the file";
    QTest::newRow("not JSON") << makeFile("{this is not json}", data) << "not valid JSON";
    QTest::newRow("JSON array") << makeFile("[1, 2, 3]", data) << "does not start with '{'";
    QTest::newRow("truncated data") << makeFile(good, data.left(10)) << "past the end of the data";
    QTest::newRow("overlapping offsets")
        << makeFile(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,12]},"b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", data)
        << "overlaps";
    QTest::newRow("gap between tensors")
        << makeFile(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", data)
        << "gap";
    QTest::newRow("offset out of range") << makeFile(one(R"({"dtype":"F32","shape":[5],"data_offsets":[0,20]})"), data)
                                         << "past the end of the data";
    QTest::newRow("begin after end") << makeFile(one(R"({"dtype":"F32","shape":[0],"data_offsets":[16,8]})"), data)
                                     << "is after end";
    QTest::newRow("shape and size disagree") << makeFile(one(R"({"dtype":"F32","shape":[3],"data_offsets":[0,16]})"), data)
                                             << "need 12 bytes but data_offsets span 16";
    QTest::newRow("unknown dtype") << makeFile(one(R"({"dtype":"F128","shape":[1],"data_offsets":[0,16]})"), data)
                                   << "unknown dtype \"F128\"";
    QTest::newRow("dtype LibTorch lacks") << makeFile(one(R"({"dtype":"F4","shape":[16],"data_offsets":[0,16]})"), data)
                                          << "F4 has no LibTorch equivalent";
    QTest::newRow("negative dimension") << makeFile(one(R"({"dtype":"F32","shape":[-4],"data_offsets":[0,16]})"), data)
                                        << "non-negative";
    QTest::newRow("overflowing shape")
        << makeFile(one(R"({"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,16]})"), data)
        << "too large";
    QTest::newRow("shape not a list") << makeFile(one(R"({"dtype":"F32","shape":4,"data_offsets":[0,16]})"), data)
                                      << "\"shape\"";
    QTest::newRow("missing offsets") << makeFile(one(R"({"dtype":"F32","shape":[4]})"), data) << "data_offsets";
    QTest::newRow("offsets not integers") << makeFile(one(R"({"dtype":"F32","shape":[4],"data_offsets":[0.5,16]})"), data)
                                          << "non-negative integers";
    QTest::newRow("entry not an object") << makeFile(R"({"t": 5})", data) << "not a JSON object";
    QTest::newRow("metadata not strings")
        << makeFile(R"({"__metadata__":{"epoch":3},"t":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", data)
        << "not a string";
    QTest::newRow("duplicate names")
        << makeFile(R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"t":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", data)
        << "duplicate key";
    QTest::newRow("bytes after the last tensor") << makeFile(good, data + QByteArray(8, '\0')) << "not described by the header";
    QTest::newRow("nesting bomb") << makeFile("{\"__metadata__\":" + std::string(5000, '[') + std::string(5000, ']') + "}", data)
                                  << "nesting deeper";
}

void TestSafetensors::rejectsMalformedFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = write(QStringLiteral("bad.safetensors"), bytes);
    for (int reader = 0; reader < 2; ++reader) {
        try {
            if (reader == 0)
                readSafetensors(path.toStdString());
            else
                inspectWeights(path.toStdString());
            QFAIL("a malformed file was accepted");
        } catch (const Error &e) {
            const QString message = QString::fromUtf8(e.what());
            // inspectWeights recognises formats by content; an empty file is just empty to it.
            const bool emptyFile = reader == 1 && bytes.isEmpty();
            QVERIFY2(message.contains(emptyFile ? QStringLiteral("the file is empty") : expected), e.what());
            QVERIFY2(message.startsWith(path), e.what()); // names the file
        }
    }
}

void TestSafetensors::refusesTensorsItCannotStore()
{
    // Safetensors has C64 but no 128-bit complex type.
    const std::string path = m_dir.filePath(QStringLiteral("complex.safetensors")).toStdString();
    try {
        writeSafetensors(path, {{"z", torch::zeros({2}, torch::kComplexDouble)}});
        QFAIL("complex128 tensor written");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("'z'"), e.what());
    }
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
}

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
