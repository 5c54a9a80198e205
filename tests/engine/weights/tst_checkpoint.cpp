// SPDX-License-Identifier: GPL-3.0-or-later
// torch.save checkpoints through the restricted unpickler: files Python wrote (tests/data/weights,
// made by make_fixtures.py), one written here byte by byte in Python's layout, LibTorch's own
// pickle_save, the graph-network paper's legacy checkpoints, and state-dict application.
#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"
#include "engine/core/weights/ApplyStateDict.h"
#include "engine/core/weights/TensorInfo.h"
#include "engine/core/weights/TorchCheckpoint.h"

#include <caffe2/serialize/inline_container.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace periscope;

namespace {
QString fixture(const char *name)
{
    return QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/weights/") + QLatin1String(name);
}

const torch::Tensor &get(const StateDict &sd, const std::string &name)
{
    for (const auto &entry : sd)
        if (entry.first == name)
            return entry.second;
    throw Error("no tensor " + name);
}

std::vector<std::string> names(const StateDict &sd)
{
    std::vector<std::string> out;
    for (const auto &entry : sd)
        out.push_back(entry.first);
    return out;
}

torch::Tensor arangeLike(const torch::Tensor &t)
{
    return torch::arange(t.numel(), torch::kFloat).reshape(t.sizes()) / 100.0;
}

// Writes pickle opcodes the way Python's pickle module (protocol 2) does.
class PickleWriter {
public:
    PickleWriter &op(char c) { m_bytes.push_back(c); return *this; }
    PickleWriter &proto() { m_bytes += "\x80\x02"; return *this; }
    PickleWriter &global(const std::string &module, const std::string &name)
    {
        m_bytes += 'c' + module + '\n' + name + '\n';
        return *this;
    }
    PickleWriter &unicode(const std::string &s)
    {
        m_bytes += 'X';
        const std::uint32_t n = std::uint32_t(s.size());
        m_bytes.append(reinterpret_cast<const char *>(&n), 4);
        m_bytes += s;
        return *this;
    }
    PickleWriter &int1(int v) { m_bytes += 'K'; m_bytes.push_back(char(v)); return *this; }
    std::vector<char> bytes() const { return {m_bytes.begin(), m_bytes.end()}; }

private:
    std::string m_bytes;
};

void writeZip(const QString &path, const std::vector<char> &pickle, const std::vector<std::pair<std::string, torch::Tensor>> &storages)
{
    caffe2::serialize::PyTorchStreamWriter writer(path.toStdString());
    writer.writeRecord("data.pkl", pickle.data(), pickle.size());
    for (const auto &[key, tensor] : storages)
        writer.writeRecord("data/" + key, tensor.data_ptr(), std::size_t(tensor.numel()) * tensor.element_size());
    writer.writeRecord("version", "3\n", 2);
    writer.writeEndOfFile();
}
} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void loadsPythonStateDict();
    void legacyFormatEqualsZip();
    void findsTheStateDictInsideACheckpoint();
    void loadsParametersViewsAndDtypes();
    void refusesMaliciousPickleWithoutRunningIt();
    void loadsAHandWrittenCudaOrderedDict();
    void refusesAHandWrittenForbiddenGlobal();
    void readsLibTorchPickleSave();
    void rejectsTruncatedFiles_data();
    void rejectsTruncatedFiles();
    void loadsThePapersGraphNetworkCheckpoints();
    void appliesStateDictWithAnExactReport();
    void renamesKeys();
    void inspectsEveryFormat();

private:
    QTemporaryDir m_dir;
};

void TestCheckpoint::loadsPythonStateDict()
{
    const StateDict sd = loadTorchCheckpoint(fixture("ordered_state_dict.pt").toStdString());
    const std::vector<std::string> expected = {"0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean",
                                               "1.running_var", "1.num_batches_tracked", "4.weight", "4.bias"};
    QCOMPARE(names(sd), expected); // the OrderedDict's order
    QVERIFY(torch::allclose(get(sd, "0.weight"), arangeLike(get(sd, "0.weight"))));
    QCOMPARE(get(sd, "0.weight").sizes().vec(), (std::vector<std::int64_t>{4, 3, 3, 3}));
    QVERIFY(torch::equal(get(sd, "1.running_mean"), torch::tensor({0.5f, 1.5f, 2.5f, 3.5f})));
    QCOMPARE(get(sd, "1.num_batches_tracked").scalar_type(), torch::kLong);
    QCOMPARE(get(sd, "1.num_batches_tracked").item<std::int64_t>(), std::int64_t(7));
}

void TestCheckpoint::legacyFormatEqualsZip()
{
    const StateDict zip = loadTorchCheckpoint(fixture("ordered_state_dict.pt").toStdString());
    const StateDict legacy = loadTorchCheckpoint(fixture("legacy_state_dict.pt").toStdString());
    QCOMPARE(names(legacy), names(zip));
    for (std::size_t i = 0; i < zip.size(); ++i)
        QVERIFY2(torch::equal(zip[i].second, legacy[i].second), zip[i].first.c_str());
}

void TestCheckpoint::findsTheStateDictInsideACheckpoint()
{
    const StateDict sd = loadTorchCheckpoint(fixture("nested_checkpoint.pt").toStdString());
    QCOMPARE(sd.size(), std::size_t(9));
    QCOMPARE(sd.front().first, std::string("0.weight"));
}

void TestCheckpoint::loadsParametersViewsAndDtypes()
{
    const StateDict params = loadTorchCheckpoint(fixture("parameters.pt").toStdString());
    QVERIFY(torch::equal(get(params, "w"), torch::arange(6, torch::kFloat).reshape({2, 3})));

    const StateDict views = loadTorchCheckpoint(fixture("views.pt").toStdString());
    const torch::Tensor base = torch::arange(12, torch::kFloat);
    QVERIFY(torch::equal(get(views, "base"), base));
    QVERIFY(torch::equal(get(views, "tail"), base.slice(0, 4)));
    QVERIFY(torch::equal(get(views, "grid_t"), base.reshape({3, 4}).t()));
    QVERIFY(torch::equal(get(views, "every_other"), base.slice(0, 0, 12, 2)));

    const StateDict dtypes = loadTorchCheckpoint(fixture("dtypes.pt").toStdString());
    QCOMPARE(get(dtypes, "half").scalar_type(), torch::kHalf);
    QVERIFY(torch::equal(get(dtypes, "half").to(torch::kFloat), torch::tensor({0.0f, 0.25f, 0.5f, 0.75f})));
    QCOMPARE(get(dtypes, "bf16").scalar_type(), torch::kBFloat16);
    QVERIFY(torch::equal(get(dtypes, "bf16").to(torch::kFloat), torch::tensor({0.0f, 0.5f, 1.0f, 1.5f})));
    QVERIFY(torch::equal(get(dtypes, "ints"), torch::tensor({-1, 0, 1}, torch::kInt)));
    QVERIFY(torch::equal(get(dtypes, "flags"), torch::tensor({true, false, true})));
    QCOMPARE(get(dtypes, "scalar").dim(), int64_t(0));
    QCOMPARE(get(dtypes, "scalar").item<float>(), 2.5f);
}

void TestCheckpoint::refusesMaliciousPickleWithoutRunningIt()
{
    QFile::remove(QStringLiteral("/tmp/periscope-pwned"));
    try {
        loadTorchCheckpoint(fixture("malicious.pt").toStdString());
        QFAIL("a checkpoint that calls os.system was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("'posix.system'"), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains("nothing was executed"), e.what());
    }
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/periscope-pwned")));
}

void TestCheckpoint::loadsAHandWrittenCudaOrderedDict()
{
    // What model.state_dict() on a GPU saves: an OrderedDict with _metadata, its storage on cuda:0.
    PickleWriter p;
    p.proto().global("collections", "OrderedDict").op(')').op('R').op('(');
    p.unicode("fc.weight").global("torch._utils", "_rebuild_tensor_v2").op('(');
    p.op('(').unicode("storage").global("torch", "FloatStorage").unicode("0").unicode("cuda:0").int1(6).op('t').op('Q');
    p.int1(0).int1(2).int1(3).op('\x86').int1(3).int1(1).op('\x86').op('\x89');
    p.global("collections", "OrderedDict").op(')').op('R').op('t').op('R');
    p.op('u'); // SETITEMS
    p.op('}').unicode("_metadata").global("collections", "OrderedDict").op(')').op('R').op('s').op('b'); // BUILD
    p.op('.');
    const QString path = m_dir.filePath(QStringLiteral("cuda.pt"));
    writeZip(path, p.bytes(), {{"0", torch::arange(6, torch::kFloat)}});
    const StateDict sd = loadTorchCheckpoint(path.toStdString());
    QCOMPARE(names(sd), std::vector<std::string>{"fc.weight"});
    QCOMPARE(sd[0].second.device().type(), torch::kCPU);
    QVERIFY(torch::equal(sd[0].second, torch::arange(6, torch::kFloat).reshape({2, 3})));
}

void TestCheckpoint::refusesAHandWrittenForbiddenGlobal()
{
    PickleWriter p;
    p.proto().global("builtins", "eval").unicode("__import__('os').system('true')").op('\x85').op('R').op('.');
    const QString path = m_dir.filePath(QStringLiteral("eval.pt"));
    writeZip(path, p.bytes(), {});
    try {
        loadTorchCheckpoint(path.toStdString());
        QFAIL("builtins.eval was accepted");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("'builtins.eval'"), e.what());
    }
}

void TestCheckpoint::readsLibTorchPickleSave()
{
    c10::Dict<std::string, torch::Tensor> dict;
    dict.insert("a", torch::arange(4, torch::kFloat));
    dict.insert("b", torch::eye(3, torch::kDouble));
    const std::vector<char> bytes = torch::pickle_save(c10::IValue(dict));
    const QString path = m_dir.filePath(QStringLiteral("pickle_save.pt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes.data(), qint64(bytes.size()));
    file.close();
    const StateDict sd = loadTorchCheckpoint(path.toStdString());
    QVERIFY(torch::equal(get(sd, "a"), torch::arange(4, torch::kFloat)));
    QVERIFY(torch::equal(get(sd, "b"), torch::eye(3, torch::kDouble)));
}

void TestCheckpoint::rejectsTruncatedFiles_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<double>("fraction");
    for (const char *name : {"ordered_state_dict.pt", "legacy_state_dict.pt"})
        for (double f : {0.05, 0.3, 0.6, 0.95})
            QTest::newRow(qPrintable(QStringLiteral("%1 at %2").arg(QLatin1String(name)).arg(f))) << fixture(name) << f;
}

void TestCheckpoint::rejectsTruncatedFiles()
{
    QFETCH(QString, source);
    QFETCH(double, fraction);
    QFile in(source);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    const QString path = m_dir.filePath(QStringLiteral("cut.pt"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(int(bytes.size() * fraction)));
    out.close();
    QVERIFY_THROWS_EXCEPTION(Error, loadTorchCheckpoint(path.toStdString()));
}

void TestCheckpoint::loadsThePapersGraphNetworkCheckpoints()
{
    // Legacy-format files an old PyTorch wrote on a GPU; compared with what Python's torch.load
    // reads from them (gcn_seed_reference.json, made by make_gcn_reference.py).
    const QDir shared(QStringLiteral(PERISCOPE_SOURCE_DIR "/../shared/data/gcn-seed"));
    if (!shared.exists())
        QSKIP("../shared/data/gcn-seed is not here (a clone outside the team's workspace)");
    QFile referenceFile(fixture("gcn_seed_reference.json"));
    QVERIFY(referenceFile.open(QIODevice::ReadOnly));
    const json::Value reference = json::Value::parse(referenceFile.readAll().toStdString());
    QCOMPARE(int(reference.asObject().size()), 5);
    for (const auto &[file, tensors] : reference.asObject()) {
        const StateDict sd = loadTorchCheckpoint(shared.filePath(QString::fromStdString(file)).toStdString());
        QCOMPARE(sd.size(), tensors.asArray().size());
        for (std::size_t i = 0; i < sd.size(); ++i) {
            const json::Value &expected = tensors.asArray()[i];
            const torch::Tensor &t = sd[i].second;
            QCOMPARE(sd[i].first, expected.find("name")->asString());
            std::vector<std::int64_t> shape;
            for (const json::Value &d : expected.find("shape")->asArray())
                shape.push_back(d.asInt64());
            QCOMPARE(t.sizes().vec(), shape);
            QCOMPARE(t.device().type(), torch::kCPU); // saved on a GPU, loaded on the CPU
            QVERIFY(std::abs(t.to(torch::kDouble).sum().item<double>() - expected.find("sum")->asNumber()) < 1e-6);
            QCOMPARE(t.flatten()[0].item<double>(), expected.find("first")->asNumber());
        }
    }
}

void TestCheckpoint::appliesStateDictWithAnExactReport()
{
    torch::nn::Sequential model(torch::nn::Linear(3, 2), torch::nn::BatchNorm1d(2));
    const torch::Tensor before = model->named_parameters()["0.weight"].clone();
    const StateDict sd = {
        {"0.weight", torch::ones({2, 4})},          // wrong shape
        {"0.bias", torch::full({2}, 5.0f)},
        {"1.weight", torch::full({2}, 2.0)},        // double -> converted
        {"1.running_mean", torch::full({2}, 0.5f)},
        {"extra.weight", torch::zeros({1})},        // unexpected
    };
    try {
        applyStateDict(*model, sd, true);
        QFAIL("strict load of a mismatching state dict succeeded");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("0.weight [2,4] (model wants [2,3])"), e.what());
    }
    QVERIFY(torch::equal(model->named_parameters()["0.weight"], before)); // strict changed nothing
    QVERIFY(model->named_parameters()["0.bias"].ne(5.0f).all().item<bool>());

    const LoadReport report = applyStateDict(*model, sd, false);
    QCOMPARE(report.loaded, (std::vector<std::string>{"0.bias", "1.weight", "1.running_mean"}));
    // The BatchNorm step counter is not missing: checkpoints older than PyTorch 0.4.1 never had it,
    // and PyTorch loads them strictly all the same.
    QCOMPARE(report.missing, (std::vector<std::string>{"1.bias", "1.running_var"}));
    QCOMPARE(report.unexpected, std::vector<std::string>{"extra.weight"});
    QCOMPARE(report.mismatched.size(), std::size_t(1));
    QCOMPARE(report.mismatched[0].name, std::string("0.weight"));
    QCOMPARE(report.mismatched[0].expected, (std::vector<std::int64_t>{2, 3}));
    QVERIFY(torch::equal(model->named_parameters()["0.bias"], torch::full({2}, 5.0f)));
    QCOMPARE(model->named_parameters()["1.weight"].scalar_type(), torch::kFloat);
    QVERIFY(torch::equal(model->named_buffers()["1.running_mean"], torch::full({2}, 0.5f)));
    QVERIFY(!report.isComplete());
    QVERIFY(QString::fromStdString(report.summary()).startsWith("3 loaded; missing: 1.bias"));
}

void TestCheckpoint::renamesKeys()
{
    const StateDict sd = {{"module.backbone.blocks.0.attn.qkv.weight", torch::zeros({1})}, {"module.head.bias", torch::zeros({1})}};
    const StateDict renamed = renameKeys(sd, {KeyRule::stripPrefix("module."),
                                              KeyRule::regex(R"(^backbone\.blocks\.(\d+)\.)", "backbone.attn_blocks.$1."),
                                              KeyRule::addPrefix("model.")});
    QCOMPARE(names(renamed), (std::vector<std::string>{"model.backbone.attn_blocks.0.attn.qkv.weight", "model.head.bias"}));
    QVERIFY_THROWS_EXCEPTION(Error, renameKeys(sd, {KeyRule::regex("(unclosed", "")}));
}

void TestCheckpoint::inspectsEveryFormat()
{
    const WeightsSummary zip = inspectWeights(fixture("ordered_state_dict.pt").toStdString());
    QCOMPARE(int(zip.format), int(WeightsFormat::TorchZip));
    QCOMPARE(zip.tensors.size(), std::size_t(9));
    QCOMPARE(zip.tensors[0].bytes, std::int64_t(4 * 3 * 3 * 3 * 4));
    QCOMPARE(int(inspectWeights(fixture("legacy_state_dict.pt").toStdString()).format), int(WeightsFormat::TorchLegacy));
    try {
        inspectWeights(fixture("make_fixtures.py").toStdString());
        QFAIL("a Python script was taken for weights");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("not a weights file"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
