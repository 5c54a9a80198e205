// SPDX-License-Identifier: GPL-3.0-or-later
// Weights files from outside are data: TorchScript archives are read without running their code,
// and every bound (pickle depth and size, zip sizes and CRCs, tensor records) holds before
// anything is allocated. Hostile inputs are built here byte by byte; real archives come from
// tests/data/weights (make_torchscript_fixtures.py).
#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/io/ZipArchive.h"
#include "engine/core/weights/TensorInfo.h"
#include "engine/core/weights/TorchCheckpoint.h"
#include "engine/core/weights/Unpickler.h"

#include <caffe2/serialize/inline_container.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

#include <sys/stat.h>

using namespace periscope;
using namespace std::string_literals;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/weights/") + QLatin1String(name);
}

std::string errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const Error &e) {
        return e.what();
    }
    return {};
}

PickleRef unpickle(const std::string &bytes)
{
    Unpickler unpickler(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size(), "test.pkl");
    return unpickler.load();
}

std::string readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

void writeAll(const QString &path, const std::string &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes.data(), qint64(bytes.size())), qint64(bytes.size()));
}

// Copies a torch archive record by record, replacing some records' bytes.
void rewriteArchive(const QString &from, const QString &to, const std::map<std::string, std::string> &replace)
{
    const ZipArchive source = ZipArchive::open(from.toStdString());
    caffe2::serialize::PyTorchStreamWriter writer(to.toStdString());
    for (const ZipArchive::Entry &entry : source.entries()) {
        const std::string record = entry.name.substr(entry.name.find('/') + 1);
        if (record == "version" || record == ".data/version" || record == ".data/serialization_id")
            continue; // the writer adds its own
        const auto found = replace.find(record);
        if (found != replace.end()) {
            writer.writeRecord(record, found->second.data(), found->second.size());
        } else {
            const ZipRecord bytes = source.read(entry, entry.size);
            writer.writeRecord(record, bytes.data, bytes.size);
        }
    }
    writer.writeEndOfFile();
}

void putLittle(std::string &bytes, std::size_t at, std::uint64_t value, int width)
{
    for (int i = 0; i < width; ++i)
        bytes[at + std::size_t(i)] = char((value >> (8 * i)) & 0xff);
}

// The central directory entry of `name` in a zip held in memory.
std::size_t centralEntry(const std::string &zip, const std::string &name)
{
    std::size_t at = 0;
    while ((at = zip.find("PK\x01\x02", at)) != std::string::npos) {
        const std::size_t nameLength = std::size_t(std::uint8_t(zip[at + 28])) | std::size_t(std::uint8_t(zip[at + 29])) << 8;
        if (zip.compare(at + 46, nameLength, name) == 0)
            return at;
        ++at;
    }
    return std::string::npos;
}
} // namespace

class TestWeightSafety : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void readsTorchScriptWeightsAsTorchScriptNamesThem();
    void torchScriptCodeIsNeverCompiledOrRun();
    void torchScriptInspectionNeedsNoCode();
    void deepPickleIsRefusedNotOverflowed();
    void containerChangedAfterUseIsRefused();
    void selfReferenceIsRefused();
    void valueCountIsBounded();
    void readsDeflatedArchivesWithinTheirSizes();
    void refusesADeclaredSizeBeyondTheRecordNeed();
    void refusesACorruptCrc();
    void refusesImpossibleCentralDirectories();
    void refusesOverflowingTensorRecords();
    void crc32MatchesTheStandard();
    void readsOnlyRegularFilesAndNeverBlocks();
    void writesOnlyOverRegularFiles();

private:
    QTemporaryDir m_dir;
};

void TestWeightSafety::readsTorchScriptWeightsAsTorchScriptNamesThem()
{
    // torchscript_names.txt: TorchScript's own named_parameters() then named_buffers(), with
    // shapes and sums, written by make_torchscript_fixtures.py beside the archive.
    const StateDict tensors = loadTorchScriptWeights(fixture("scripted_nested.pt").toStdString());
    std::ifstream expected(fixture("torchscript_names.txt").toStdString());
    std::string line;
    std::size_t i = 0;
    while (std::getline(expected, line)) {
        QVERIFY2(i < tensors.size(), line.c_str());
        std::istringstream fields(line);
        std::string name, shape;
        double sum = 0;
        fields >> name;
        std::getline(fields, shape, ']');
        fields >> sum;
        QCOMPARE(tensors[i].first, name);
        std::ostringstream ours;
        ours << " [";
        for (std::size_t d = 0; d < std::size_t(tensors[i].second.dim()); ++d)
            ours << (d ? ", " : "") << tensors[i].second.size(std::int64_t(d));
        QCOMPARE(ours.str(), shape);
        // Sums of at most 16 values of size < 100 in float32: exact to well under 1e-3.
        QVERIFY2(std::abs(tensors[i].second.to(torch::kDouble).sum().item<double>() - sum) < 1e-3, name.c_str());
        ++i;
    }
    QCOMPARE(i, tensors.size());
    QVERIFY(i == 21); // the plain tensor attribute `extra` is neither parameter nor buffer

    // The single-module fixture from make_fixtures.py, written by PyTorch 1.13.
    const StateDict one = loadTorchScriptWeights(fixture("scripted.pt").toStdString());
    QCOMPARE(one.size(), std::size_t(1));
    QCOMPARE(one[0].first, std::string("conv.weight"));
    QVERIFY(torch::equal(one[0].second, torch::tensor({1.0f, -1.0f}).reshape({2, 1, 1, 1})));
    QCOMPARE(int(detectWeightsFormat(fixture("scripted.pt").toStdString())), int(WeightsFormat::TorchScript));
    QCOMPARE(loadStateDict(fixture("scripted.pt").toStdString()).size(), std::size_t(1));
}

void TestWeightSafety::torchScriptCodeIsNeverCompiledOrRun()
{
    // The archive's code replaced by a __setstate__ that would write a marker file (and by
    // Python that TorchScript cannot even compile): torch.jit.load would run or reject it. We
    // read the same weights and nothing appears.
    const QString marker = m_dir.filePath("marker");
    const std::string code = "import os\n"
                             "class Scripted(Module):\n"
                             "  __parameters__ = []\n"
                             "  __buffers__ = []\n"
                             "  def __setstate__(self, state):\n"
                             "    open('" + marker.toStdString() + "', 'w').write('ran')\n"
                             "    os.system('touch " + marker.toStdString() + "')\n"
                             "  def __init__(self):\n"
                             "    os.system('touch " + marker.toStdString() + "')\n";
    const QString hostile = m_dir.filePath("hostile_script.pt");
    rewriteArchive(fixture("scripted.pt"), hostile, {{"code/__torch__.py", code}});
    const StateDict tensors = loadTorchScriptWeights(hostile.toStdString());
    QCOMPARE(tensors.size(), std::size_t(1));
    QCOMPARE(tensors[0].first, std::string("conv.weight"));
    QVERIFY(!QFile::exists(marker));

    // A module with a real TorchScript __setstate__ (Stateful in the fixture): its state is a
    // tuple, named from the class's declared parameters because the counts agree.
    const StateDict nested = loadTorchScriptWeights(fixture("scripted_nested.pt").toStdString());
    bool found = false;
    for (const auto &[name, tensor] : nested)
        found |= name == "stateful.weight" && tensor.numel() == 3;
    QVERIFY(found);
}

void TestWeightSafety::torchScriptInspectionNeedsNoCode()
{
    // Without any code record every tensor attribute counts as a parameter: nothing is lost.
    const QString bare = m_dir.filePath("bare_script.pt");
    rewriteArchive(fixture("scripted.pt"), bare, {{"code/__torch__/torch/nn/modules/conv.py", "garbage"}});
    const WeightsSummary summary = inspectWeights(bare.toStdString());
    QCOMPARE(int(summary.format), int(WeightsFormat::TorchScript));
    QCOMPARE(summary.tensors.size(), std::size_t(1));
    QCOMPARE(summary.tensors[0].shape, (std::vector<std::int64_t>{2, 1, 1, 1}));
    // A TorchScript archive is not mistaken for a state-dict checkpoint, nor the reverse.
    QVERIFY_THROWS_EXCEPTION(Error, loadTorchCheckpoint(fixture("scripted.pt").toStdString()));
    QVERIFY_THROWS_EXCEPTION(Error, loadTorchScriptWeights(fixture("ordered_state_dict.pt").toStdString()));
}

void TestWeightSafety::deepPickleIsRefusedNotOverflowed()
{
    // 300,000 nested lists in 600 kB: a recursive reader or a recursive teardown would overflow
    // the stack. Built as Python would: open every list, then append each into its parent.
    const int depth = 300000;
    std::string nested = "\x80\x02";
    for (int i = 0; i < depth; ++i)
        nested += ']';
    for (int i = 1; i < depth; ++i)
        nested += 'a';
    nested += '.';
    const std::string message = errorOf([&] { unpickle(nested); });
    QVERIFY2(QString::fromStdString(message).contains("nested more than 1000 levels"), message.c_str());

    // Tuples nest through MARK ... TUPLE the same way.
    std::string tuples = "\x80\x02";
    for (int i = 0; i < depth; ++i)
        tuples += '(';
    for (int i = 0; i < depth; ++i)
        tuples += 't';
    tuples += '.';
    QVERIFY(QString::fromStdString(errorOf([&] { unpickle(tuples); })).contains("nested more than"));

    // 999 levels are fine.
    std::string fine = "\x80\x02";
    for (int i = 0; i < 999; ++i)
        fine += ']';
    for (int i = 1; i < 999; ++i)
        fine += 'a';
    fine += '.';
    const PickleRef value = unpickle(fine);
    QCOMPARE(value->depth, std::uint32_t(999));
}

void TestWeightSafety::containerChangedAfterUseIsRefused()
{
    // The memo lets a pickle append into a list after that list went into another, which would
    // make depth grow behind the counter's back: L0 memo 0, L1 into L0, then L1 (memo 1) gets L2...
    std::string chain = "\x80\x02]q\x00"s;
    for (int i = 1; i < 200; ++i) {
        chain += "]q";
        chain += char(i);   // the new list, memo i
        chain += "h";
        chain += char(i - 1); // get the previous list
        chain += "h";
        chain += char(i); // and the new one
        chain += "a0";    // append new into previous, pop the previous
    }
    chain += '.';
    const std::string message = errorOf([&] { unpickle(chain); });
    QVERIFY2(QString::fromStdString(message).contains("changes after it was used"), message.c_str());
}

void TestWeightSafety::selfReferenceIsRefused()
{
    // l = []; l.append(l): a cycle that shared_ptr would never free.
    const std::string cycle = "\x80\x02]q\x00" "h\x00" "a."s; // \x00a would be one escape
    const std::string message = errorOf([&] { unpickle(cycle); });
    QVERIFY2(QString::fromStdString(message).contains("changes after it was used"), message.c_str());
}

void TestWeightSafety::valueCountIsBounded()
{
    // 5 million Nones in 5 MB: refused at the limit, not after allocating all of them.
    std::string many = "\x80\x02(";
    many.append(5'000'000, 'N');
    many += "l.";
    const std::string message = errorOf([&] { unpickle(many); });
    QVERIFY2(QString::fromStdString(message).contains("more than 4000000 values"), message.c_str());
}

void TestWeightSafety::readsDeflatedArchivesWithinTheirSizes()
{
    if (!zipInflateAvailable())
        QSKIP("this build has no zlib: compressed entries are refused by design");
    const StateDict sd = loadTorchCheckpoint(fixture("deflated_state_dict.pt").toStdString());
    QCOMPARE(sd.size(), std::size_t(2));
    QCOMPARE(sd[0].first, std::string("w"));
    QVERIFY(torch::equal(sd[0].second, torch::arange(12, torch::kFloat).reshape({3, 4}) / 4));
    QVERIFY(torch::equal(sd[1].second, torch::zeros({1000})));
}

void TestWeightSafety::refusesADeclaredSizeBeyondTheRecordNeed()
{
    // A zip bomb's shape: data/1 (4000 bytes of zeros, 21 bytes deflated) declares 5 GB. It is
    // refused from the declaration, before any buffer is made.
    std::string zip = readAll(fixture("deflated_state_dict.pt"));
    const std::size_t entry = centralEntry(zip, "stored_tmp/data/1");
    QVERIFY(entry != std::string::npos);
    putLittle(zip, entry + 24, 0xffffffffu, 4); // zip64 marker without a zip64 field: stays 4 GB - 1
    const QString bomb = m_dir.filePath("bomb.pt");
    writeAll(bomb, zip);
    const std::string message = errorOf([&] { loadTorchCheckpoint(bomb.toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains("declares 4294967295 bytes where at most 4000"), message.c_str());

    // data.pkl declaring more than any pickle may hold.
    zip = readAll(fixture("deflated_state_dict.pt"));
    putLittle(zip, centralEntry(zip, "stored_tmp/data.pkl") + 24, 0xfffffff0u, 4);
    writeAll(bomb, zip);
    QVERIFY(QString::fromStdString(errorOf([&] { loadTorchCheckpoint(bomb.toStdString()); })).contains("refused before reading"));

    // A declared size smaller than what the data inflates to: inflation stops there.
    if (zipInflateAvailable()) {
        zip = readAll(fixture("deflated_state_dict.pt"));
        putLittle(zip, centralEntry(zip, "stored_tmp/data/1") + 24, 400, 4);
        writeAll(bomb, zip);
        QVERIFY(!errorOf([&] { loadTorchCheckpoint(bomb.toStdString()); }).empty());
    }
}

void TestWeightSafety::refusesACorruptCrc()
{
    std::string zip = readAll(fixture("ordered_state_dict.pt"));
    const std::size_t entry = centralEntry(zip, "ordered_state_dict/data/0");
    QVERIFY(entry != std::string::npos);
    auto byte = [&zip](std::size_t at) { return std::size_t(std::uint8_t(zip[at])); };
    const std::size_t local = byte(entry + 42) | byte(entry + 43) << 8 | byte(entry + 44) << 16;
    const std::size_t data = local + 30 + (byte(local + 26) | byte(local + 27) << 8) + (byte(local + 28) | byte(local + 29) << 8);
    zip[data + 5] = char(zip[data + 5] ^ 0x40); // one bit of one weight
    const QString corrupt = m_dir.filePath("crc.pt");
    writeAll(corrupt, zip);
    const std::string message = errorOf([&] { loadTorchCheckpoint(corrupt.toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains("CRC-32 mismatch"), message.c_str());
}

void TestWeightSafety::refusesImpossibleCentralDirectories()
{
    const std::string good = readAll(fixture("ordered_state_dict.pt"));
    // torch writes zip64 end records, which then hold the count and the directory's place.
    const std::size_t zip64 = good.rfind("PK\x06\x06");
    const std::size_t end = good.rfind("PK\x05\x06");
    QVERIFY(end != std::string::npos);
    const bool isZip64 = zip64 != std::string::npos;
    const QString bad = m_dir.filePath("directory.pt");

    std::string zip = good; // 65,535 entries in a directory of a few hundred bytes
    isZip64 ? putLittle(zip, zip64 + 32, 0xffff, 8) : putLittle(zip, end + 10, 0xffff, 2);
    writeAll(bad, zip);
    std::string message = errorOf([&] { loadTorchCheckpoint(bad.toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains("do not fit"), message.c_str());

    zip = good; // the directory past the end of the file
    isZip64 ? putLittle(zip, zip64 + 48, 0x7fffffff, 8) : putLittle(zip, end + 16, 0x7fffffff, 4);
    writeAll(bad, zip);
    message = errorOf([&] { loadTorchCheckpoint(bad.toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains("outside the file"), message.c_str());

    // Truncated anywhere: a clear error every time, never a crash.
    for (std::size_t cut : {good.size() - 1, good.size() / 2, std::size_t(100), std::size_t(10)}) {
        writeAll(bad, good.substr(0, cut));
        QVERIFY2(!errorOf([&] { loadStateDict(bad.toStdString()); }).empty(), std::to_string(cut).c_str());
    }
}

void TestWeightSafety::refusesOverflowingTensorRecords()
{
    // A hand-made zip checkpoint whose tensor claims sizes whose products wrap around int64.
    auto record = [](std::int64_t size0, std::int64_t stride0) {
        std::string p = "\x80\x02}(X\x01\x00\x00\x00wctorch._utils\n_rebuild_tensor_v2\n((X\x07\x00\x00\x00storage"
                        "ctorch\nFloatStorage\nX\x01\x00\x00\x00" "0X\x03\x00\x00\x00" "cpuK\x04tQK\x00("s;
        p += "\x8a\x08";
        p.append(reinterpret_cast<const char *>(&size0), 8);
        p += "K\x01t(";
        p += "\x8a\x08";
        p.append(reinterpret_cast<const char *>(&stride0), 8);
        p += "K\x01t\x89)tRu.";
        return p;
    };
    const QString path = m_dir.filePath("overflow.pt");
    const float data[4] = {1, 2, 3, 4};
    for (const auto &[size0, stride0] : {std::pair<std::int64_t, std::int64_t>{std::int64_t(1) << 62, 4},
                                         {4, std::int64_t(1) << 62},
                                         {std::int64_t(1) << 40, std::int64_t(1) << 40}}) {
        {
            caffe2::serialize::PyTorchStreamWriter writer(path.toStdString());
            const std::string pickle = record(size0, stride0);
            writer.writeRecord("data.pkl", pickle.data(), pickle.size());
            writer.writeRecord("data/0", data, sizeof data);
            writer.writeEndOfFile();
        }
        const std::string message = errorOf([&] { loadTorchCheckpoint(path.toStdString()); });
        QVERIFY2(!message.empty(), "an overflowing tensor record was accepted");
    }
    // The same record with sane numbers loads, so the refusals above are about the numbers.
    {
        caffe2::serialize::PyTorchStreamWriter writer(path.toStdString());
        const std::string pickle = record(2, 1);
        writer.writeRecord("data.pkl", pickle.data(), pickle.size());
        writer.writeRecord("data/0", data, sizeof data);
        writer.writeEndOfFile();
    }
    const StateDict sd = loadTorchCheckpoint(path.toStdString());
    QCOMPARE(sd.size(), std::size_t(1));
    QVERIFY(torch::equal(sd[0].second, torch::tensor({1.0f, 2.0f}).reshape({2, 1})));
}

void TestWeightSafety::crc32MatchesTheStandard()
{
    // The check value of CRC-32/ISO-HDLC is crc("123456789") = 0xCBF43926; chunking must not matter.
    const std::string digits = "123456789";
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(digits.data());
    QCOMPARE(crc32(bytes, digits.size()), 0xCBF43926u);
    QCOMPARE(crc32(bytes + 4, 5, crc32(bytes, 4)), 0xCBF43926u);
    QCOMPARE(crc32(bytes, 0), 0u);
}

void TestWeightSafety::readsOnlyRegularFilesAndNeverBlocks()
{
    // A FIFO would block a plain open() until some writer came; it is refused at once instead.
    const QString fifo = m_dir.filePath("weights.safetensors");
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    std::string message = errorOf([&] { loadStateDict(fifo.toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains("is a FIFO (named pipe), not a regular file"), message.c_str());
    message = errorOf([&] { inspectWeights(m_dir.path().toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains("is a folder"), message.c_str());
    message = errorOf([&] { loadStateDict("/dev/zero"); });
    QVERIFY2(QString::fromStdString(message).contains("is a device"), message.c_str());
}

void TestWeightSafety::writesOnlyOverRegularFiles()
{
    // The atomic rename would replace /dev/null itself (as root) or fail late: refused first,
    // and the device is untouched.
    const std::string message = errorOf([] { writeFileAtomically("/dev/null", "x", 1); });
    QVERIFY2(QString::fromStdString(message).contains("is a device"), message.c_str());
    QVERIFY(QFileInfo(QStringLiteral("/dev/null")).exists() && !QFileInfo(QStringLiteral("/dev/null")).isFile());
    QVERIFY(!errorOf([&] { writeFileAtomically(m_dir.path().toStdString(), "x", 1); }).empty());

    // A name of NAME_MAX bytes: the temporary file beside it cannot append a suffix.
    const QString longName = m_dir.filePath(QString(251, QLatin1Char('w')) + QStringLiteral(".bin"));
    QCOMPARE(QFileInfo(longName).fileName().size(), 255);
    writeFileAtomically(longName.toStdString(), "data", 4);
    QCOMPARE(readAll(longName), std::string("data"));
    writeFileAtomically(longName.toStdString(), "again", 5); // and over an existing one
    QCOMPARE(readAll(longName), std::string("again"));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral(".periscope-")).size(), 0);
}

QTEST_GUILESS_MAIN(TestWeightSafety)
#include "tst_weightsafety.moc"
