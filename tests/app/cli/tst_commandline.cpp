// SPDX-License-Identifier: GPL-3.0-or-later
// The command lines of `periscope` and `periscope-cli`: the parser alone, then the real
// executables as a user runs them (exit codes, one-line errors, JSON output, headless demo).
#include "app/common/ApplicationIdentity.h"
#include "app/shell/GuiCommandLine.h"
#include "tests/app/cli/CliInProcess.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <cmath>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QTest>

using namespace periscope::app;

class TestCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parsesGoodArguments();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void guiRejectsBadArgumentsWithOneLine_data();
    void guiRejectsBadArgumentsWithOneLine();
    void guiScreenshotOffscreen();
    void aStaleDisplayIsOneLineNotAnAbort();
    void cliPrintsVersion();
    void cliInfoIsJson();
    void cliRejectsBadArgumentsWithOneLine_data();
    void cliRejectsBadArgumentsWithOneLine();
    void cliRefusalsAreTheSameInAProcess_data();
    void cliRefusalsAreTheSameInAProcess();
    void headlessDemoWritesFigures();
    void cliListsWeights();
    void cliProbesAndExtractsFrames();
    void cliExplainsGraphs();
    void cliExplainsMoleculesAndTrainsGraphNetworks();
    void cliRendersScenesWithoutADisplay();

private:
    using Run = CliRun;
    static Run run(const QString &program, const QStringList &arguments, int timeoutMs = 60000)
    {
        return runProgram(program, arguments, timeoutMs);
    }
    QTemporaryDir m_dir;
    QString m_existing;
};

void TestCommandLine::initTestCase()
{
    QVERIFY(m_dir.isValid());
    periscope::app::setApplicationIdentity(); // as periscope-cli's start-up: its settings and data folders
    m_existing = m_dir.filePath(QStringLiteral("existing.txt"));
    QFile file(m_existing);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
}

void TestCommandLine::parsesGoodArguments()
{
    const GuiCommandLine parsed = parseGuiCommandLine(
        {QStringLiteral("periscope"), QStringLiteral("--workspace"), QStringLiteral("welcome"), QStringLiteral("--open"),
         m_existing, m_existing, QStringLiteral("--lang"), QStringLiteral("sv"), QStringLiteral("--device"), QStringLiteral("cpu"),
         QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("out.png")), QStringLiteral("--window-size"),
         QStringLiteral("1280x720")});
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.options.windowSize, QSize(1280, 720));
    QCOMPARE(parsed.options.workspace, QStringLiteral("welcome"));
    QCOMPARE(parsed.options.openFiles, (QStringList{m_existing, m_existing}));
    QCOMPARE(parsed.options.language, QStringLiteral("sv"));
    QCOMPARE(parsed.options.device, QStringLiteral("cpu"));
    QVERIFY(parsed.options.screenshot.endsWith(QStringLiteral("out.png")));
    QVERIFY(parseGuiCommandLine({QStringLiteral("periscope"), QStringLiteral("--help")}).showHelp);
}

void TestCommandLine::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << 2 << "frobnicate";
    QTest::newRow("bad device") << QStringList{"--device", "gpu"} << 2 << "unknown device 'gpu'";
    QTest::newRow("missing value") << QStringList{"--workspace"} << 2 << "workspace";
    QTest::newRow("missing file") << QStringList{"--open", "/no/such/photo.jpg"} << 1 << "/no/such/photo.jpg";
    QTest::newRow("missing positional file") << QStringList{"/no/such/clip.mp4"} << 1 << "no such file";
    QTest::newRow("missing project") << QStringList{"--project", "/no/such.periscope"} << 1 << "project";
    QTest::newRow("folder as project") << QStringList{"--project", "/tmp"} << 1 << "folder"; // --open takes folders of photos
    QTest::newRow("twice") << QStringList{"--device", "cpu", "--device", "auto"} << 2 << "more than once";
    QTest::newRow("bad screenshot format") << QStringList{"--screenshot", "/tmp/out.xyz"} << 2 << "unsupported image format";
    QTest::newRow("window size not WxH") << QStringList{"--window-size", "1280"} << 2 << "WIDTHxHEIGHT";
    QTest::newRow("window size too small") << QStringList{"--window-size", "320x200"} << 2 << "640x480";
    QTest::newRow("window size negative") << QStringList{"--window-size", "-1280x720"} << 2 << "WIDTHxHEIGHT";
    QTest::newRow("screenshot folder missing") << QStringList{"--screenshot", "/no/such/dir/out.png"} << 1 << "does not exist";
}

void TestCommandLine::rejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const GuiCommandLine parsed = parseGuiCommandLine(QStringList{QStringLiteral("periscope")} + arguments);
    QVERIFY2(parsed.error.contains(expected), qPrintable(parsed.error));
    QVERIFY(!parsed.error.contains(QLatin1Char('\n')));
    QCOMPARE(parsed.exitCode, exitCode);
}

void TestCommandLine::guiRejectsBadArgumentsWithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    const QString shot = QDir::temp().filePath(QStringLiteral("periscope-never-written.png"));
    QTest::newRow("unknown workspace") << QStringList{"--workspace", "nosuch", "--screenshot", shot} << 2
                                       << "unknown workspace 'nosuch'";
    QTest::newRow("missing file") << QStringList{"--open", "/no/such/photo.jpg", "--screenshot", shot} << 1
                                  << "/no/such/photo.jpg";
    QTest::newRow("unknown language") << QStringList{"--lang", "xx", "--screenshot", shot} << 2 << "unknown language 'xx'";
    QTest::newRow("unknown option") << QStringList{"--bogus"} << 2 << "bogus";
    QTest::newRow("file no workspace opens") << QStringList{"--open", QStringLiteral(PERISCOPE_SOURCE_DIR "/LICENSE"),
                                                            "--screenshot", shot}
                                             << 1 << "No workspace opens";
}

void TestCommandLine::guiRejectsBadArgumentsWithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const Run result = run(QStringLiteral("periscope"), arguments);
    QCOMPARE(result.exitCode, exitCode);
    const QString err = QString::fromUtf8(result.err).trimmed();
    QVERIFY2(err.startsWith(QStringLiteral("periscope: ")), qPrintable(err));
    QVERIFY2(err.contains(expected), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 0);
}

void TestCommandLine::guiScreenshotOffscreen()
{
    const QString shot = m_dir.filePath(QStringLiteral("offscreen.png"));
    const Run result = run(QStringLiteral("periscope"), {QStringLiteral("--screenshot"), shot, QStringLiteral("--device"), QStringLiteral("cpu"),
                                                         QStringLiteral("--window-size"), QStringLiteral("1700x1000")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1700, 1000)); // --window-size, above every minimum size

    // The Graph workspace opens a SMILES file and the screenshot shows the explained molecule:
    // relevance halos (strong reds and blues) appear once its explanation job has finished.
    const QString smi = m_dir.filePath(QStringLiteral("mol.smi"));
    QFile file(smi);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("CC(=O)Nc1ccc(O)cc1 paracetamol\n");
    file.close();
    const QString graphShot = m_dir.filePath(QStringLiteral("graphs.png"));
    const Run graphs = run(QStringLiteral("periscope"), {QStringLiteral("--workspace"), QStringLiteral("graphs"), QStringLiteral("--open"), smi,
                                                         QStringLiteral("--screenshot"), graphShot});
    QVERIFY2(graphs.exitCode == 0, graphs.err.constData());
    const QImage molecule(graphShot);
    QVERIFY(!molecule.isNull());
    int red = 0, blue = 0;
    for (int y = 0; y < molecule.height(); y += 2)
        for (int x = 0; x < molecule.width(); x += 2) {
            const QColor c(molecule.pixel(x, y));
            red += (c.red() > 180 && c.green() < 110 && c.blue() < 110) ? 1 : 0;
            blue += (c.blue() > 180 && c.red() < 110 && c.green() < 150) ? 1 : 0;
        }
    QVERIFY2(red > 100 && blue > 100, qPrintable(QStringLiteral("red %1, blue %2").arg(red).arg(blue)));
}

void TestCommandLine::aStaleDisplayIsOneLineNotAnAbort()
{
    // DISPLAY names a server that is not there (a closed SSH session's): Qt would abort in its
    // xcb plugin. The window refuses in one line; the screenshot mode goes on without a display.
    int number = 177;
    while (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number)))
        ++number;
    const QString stale = QStringLiteral(":%1").arg(number);
    auto run = [&](const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("DISPLAY"), stale);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(PERISCOPE_BIN_DIR "/periscope"), arguments);
        process.waitForFinished(120000);
        return std::pair{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2, process.readAllStandardError()};
    };
    const auto [code, err] = run({});
    QCOMPARE(code, 1);
    QVERIFY2(err.contains("no X server answers at DISPLAY=" + stale.toLatin1()), err.constData());
    const QString shot = m_dir.filePath(QStringLiteral("stale-display.png"));
    const auto [shotCode, shotErr] = run({QStringLiteral("--screenshot"), shot});
    QVERIFY2(shotCode == 0, shotErr.constData());
    QVERIFY(!QImage(shot).isNull());
}

void TestCommandLine::cliPrintsVersion()
{
    const Run result = run(QStringLiteral("periscope-cli"), {QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith("periscope-cli 0."), result.out.constData());
    const Run gui = run(QStringLiteral("periscope"), {QStringLiteral("--version")});
    QCOMPARE(gui.exitCode, 0);
    QVERIFY(gui.out.startsWith("periscope 0."));
}

void TestCommandLine::cliInfoIsJson()
{
    const Run result = run(QStringLiteral("periscope-cli"), {QStringLiteral("info")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QJsonParseError error;
    const QJsonObject info = QJsonDocument::fromJson(result.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject versions = info.value(QStringLiteral("versions")).toObject();
    for (const char *library : {"Qt", "LibTorch", "OpenCV", "FFmpeg", "VTK", "RDKit"})
        QVERIFY2(!versions.value(QLatin1String(library)).toString().isEmpty(), library);
    QVERIFY(info.value(QStringLiteral("threads")).toInt() >= 1);
    QVERIFY(info.contains(QStringLiteral("cudaAvailable")));
    // "built with CUDA 13.0, no GPU found (no NVIDIA driver)" here; the GPU's name where there is one.
    const QString cuda = info.value(QStringLiteral("cuda")).toString();
    if (info.value(QStringLiteral("cudaBuilt")).toBool()) {
        QVERIFY2(cuda.startsWith(QStringLiteral("built with CUDA ") + info.value(QStringLiteral("cudaVersion")).toString() + ", "),
                 qPrintable(cuda));
        QVERIFY2(info.value(QStringLiteral("cudaAvailable")).toBool() || cuda.contains(QStringLiteral(", no GPU found")), qPrintable(cuda));
        QVERIFY2(versions.value(QStringLiteral("LibTorch")).toString().contains(QStringLiteral("(CUDA ")), qPrintable(cuda));
    } else {
        QCOMPARE(cuda, QStringLiteral("built without CUDA"));
    }
    const QString kind = info.value(QStringLiteral("device")).toObject().value(QStringLiteral("kind")).toString();
    QCOMPARE(kind, info.value(QStringLiteral("cudaAvailable")).toBool() ? QStringLiteral("cuda") : QStringLiteral("cpu"));
    QVERIFY(!info.value(QStringLiteral("devices")).toArray().isEmpty());
    QCOMPARE(info.value(QStringLiteral("precision")).toObject().value(QStringLiteral("preference")).toString(), QStringLiteral("auto"));
}

void TestCommandLine::cliRejectsBadArgumentsWithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command 'frobnicate'";
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << 2 << "unknown option";
    QTest::newRow("info extra argument") << QStringList{"info", "extra"} << 2 << "unexpected argument 'extra'";
    QTest::newRow("info bad device") << QStringList{"info", "--device", "gpu"} << 1 << "unknown device 'gpu'";
    QTest::newRow("weights without file") << QStringList{"weights"} << 2 << "expected one FILE";
    QTest::newRow("weights missing file") << QStringList{"weights", "/no/such.safetensors"} << 1 << "/no/such.safetensors";
    QTest::newRow("weights not weights") << QStringList{"weights", PERISCOPE_SOURCE_DIR "/README.md"} << 1 << "not a weights file";
    QTest::newRow("weights malicious") << QStringList{"weights", PERISCOPE_SOURCE_DIR "/tests/data/weights/malicious.pt"} << 1
                                       << "'posix.system'";
    QTest::newRow("probe missing") << QStringList{"probe", "/no/such/clip.mp4"} << 1 << "/no/such/clip.mp4";
    QTest::newRow("probe not video") << QStringList{"probe", PERISCOPE_SOURCE_DIR "/README.md"} << 1 << "cannot open as a video";
    QTest::newRow("frame both") << QStringList{"frame", "x.mp4", "--index", "1", "--time", "2", "--out", "o.png"} << 2 << "one of --index or --time";
    QTest::newRow("frame bad number") << QStringList{"frame", "x.mp4", "--index", "abc", "--out", "o.png"} << 2 << "--index takes a non-negative integer, not 'abc'";
    const QString graphs = QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/graphs/");
    const QString model = graphs + QStringLiteral("infection_gn_sum.safetensors");
    const QString tiny = graphs + QStringLiteral("tiny_graph.json");
    QTest::newRow("explain-graph no out") << QStringList{"explain-graph", "--graph", tiny, "--model", model} << 2 << "--out OUT.json is required";
    QTest::newRow("explain-graph no input") << QStringList{"explain-graph", "--model", model, "--out", "o.json"} << 2 << "give an input";
    QTest::newRow("explain-graph two inputs") << QStringList{"explain-graph", "--graph", tiny, "--infection-seed", "1", "--model", model, "--out", "o.json"}
                                              << 2 << "one input only";
    const QString chem = QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/chem/");
    QTest::newRow("explain-graph bad smiles") << QStringList{"explain-graph", "--smiles", "C1CC", "--out", "o.json"} << 1 << "invalid SMILES 'C1CC'";
    QTest::newRow("explain-graph empty smiles") << QStringList{"explain-graph", "--smiles", "", "--out", "o.json"} << 1 << "invalid SMILES";
    QTest::newRow("explain-graph record without sdf") << QStringList{"explain-graph", "--smiles", "CCO", "--record", "2", "--out", "o.json"} << 2
                                                     << "--record is for --sdf";
    QTest::newRow("explain-graph record out of range") << QStringList{"explain-graph", "--sdf", chem + "broken_record.sdf", "--record", "3", "--out", "o.json"}
                                                       << 1 << "has 2 readable records, not 3";
    QTest::newRow("explain-graph missing sdf") << QStringList{"explain-graph", "--sdf", "/no/such.sdf", "--out", "o.json"} << 1 << "/no/such.sdf";
    QTest::newRow("explain-graph unknown model") << QStringList{"explain-graph", "--smiles", "CCO", "--model", "solubility", "--out", "o.json"} << 1
                                                 << "no model file solubility (built-in models: infection, esol, logp)";
    QTest::newRow("explain-graph molecule on infection model") << QStringList{"explain-graph", "--smiles", "CCO", "--model", "infection", "--out", "o.json"}
                                                               << 1 << "an InfectionGN takes 4 node and 2 edge features";
    QTest::newRow("explain-graph bad figure") << QStringList{"explain-graph", "--smiles", "CCO", "--out", "o.json", "--figure", "o.gif"} << 2
                                              << "--figure takes a .png, .svg or .pdf file, not 'o.gif'";
    QTest::newRow("explain-graph unwritable figure") << QStringList{"explain-graph", "--smiles", "CCO", "--out", QDir::tempPath() + "/o.json", "--figure", "/no/such/dir/f.png"}
                                                     << 1 << "/no/such/dir/f.png";
    QTest::newRow("colorize no input") << QStringList{"colorize", "--model", "m.pth", "--out", "o"} << 2 << "give at least one image or folder";
    QTest::newRow("colorize no out") << QStringList{"colorize", "x.png", "--model", "m.pth"} << 2 << "--out DIR is required";
    QTest::newRow("colorize no such model") << QStringList{"colorize", PERISCOPE_SOURCE_DIR "/resources/icons/periscope.svg", "--model", "nosuch", "--out", "o"} << 1 << "no model file nosuch";
    QTest::newRow("colorize bad arch") << QStringList{"colorize", "x.png", "--model", "m.pth", "--arch", "pix2pix", "--out", "o"} << 2
                                       << "not 'pix2pix'";
    QTest::newRow("colorize missing input") << QStringList{"colorize", "/no/such/photo.png", "--model", "m.pth", "--out", "o"} << 1
                                            << "/no/such/photo.png does not exist";
    QTest::newRow("colorize empty folder") << QStringList{"colorize", PERISCOPE_SOURCE_DIR "/tests/data/chem", "--model", "m.pth", "--out", "o"}
                                           << 1 << "no images found";
    QTest::newRow("train-colorizer no data") << QStringList{"train-colorizer", "--out", "m.safetensors"} << 2 << "--data DIR is required";
    QTest::newRow("train-colorizer no out") << QStringList{"train-colorizer", "--data", "photos"} << 2 << "--out FILE.safetensors is required";
    QTest::newRow("scenes no out") << QStringList{"scenes", "--count", "3"} << 2 << "--out DIR is required";
    QTest::newRow("scenes bad count") << QStringList{"scenes", "--count", "0", "--out", "o"} << 2 << "--count takes";
    QTest::newRow("scenes bad size") << QStringList{"scenes", "--count", "1", "--size", "10x10", "--out", "o"} << 2 << "--size takes";
    QTest::newRow("scenes bad objects") << QStringList{"scenes", "--count", "1", "--objects", "5-2", "--out", "o"} << 2 << "--objects takes";
    QTest::newRow("train-colorizer bad arch") << QStringList{"train-colorizer", "--data", "photos", "--arch", "pix2pix", "--out", "m.safetensors"} << 2
                                              << "--arch takes koalarization, eccv16 or siggraph17";
    QTest::newRow("train-colorizer bad loss") << QStringList{"train-colorizer", "--data", "photos", "--loss", "l1", "--out", "m.safetensors"} << 2
                                              << "--loss takes mse or rebalanced";
    QTest::newRow("train-colorizer bad size") << QStringList{"train-colorizer", "--data", "photos", "--size", "100", "--out", "m.safetensors"} << 2
                                              << "a multiple of 8 in [64, 1024]";
    QTest::newRow("train-colorizer not a folder") << QStringList{"train-colorizer", "--data", "/no/such/photos", "--out", "m.safetensors"} << 1
                                                  << "/no/such/photos is not a folder";
    QTest::newRow("train-colorizer no photos") << QStringList{"train-colorizer", "--data", PERISCOPE_SOURCE_DIR "/tests/data/chem", "--out", "m.safetensors"}
                                               << 1 << "holds 0 colour photos";
    QTest::newRow("train-graph no task") << QStringList{"train-graph", "--out", "m.safetensors"} << 2 << "--task infection|molecules is required";
    QTest::newRow("train-graph bad task") << QStringList{"train-graph", "--task", "proteins", "--out", "m.safetensors"} << 2 << "not 'proteins'";
    QTest::newRow("train-graph no out") << QStringList{"train-graph", "--task", "infection"} << 2 << "--out FILE.safetensors is required";
    QTest::newRow("train-graph bad epochs") << QStringList{"train-graph", "--task", "infection", "--epochs", "0", "--out", "m.safetensors"} << 2
                                            << "--epochs takes an integer";
    QTest::newRow("train-graph bad width") << QStringList{"train-graph", "--task", "molecules", "--width", "12", "--out", "m.safetensors"} << 2
                                           << "multiple of 8";
    QTest::newRow("train-graph data for infection") << QStringList{"train-graph", "--task", "infection", "--data", "x.csv", "--out", "m.safetensors"}
                                                    << 2 << "--data is for molecules";
    QTest::newRow("train-graph measured without column") << QStringList{"train-graph", "--task", "molecules", "--target", "measured", "--out", "m.safetensors"}
                                                         << 2 << "needs --target-column";
    QTest::newRow("train-graph missing data") << QStringList{"train-graph", "--task", "molecules", "--data", "/no/such.csv", "--out", "m.safetensors"}
                                              << 1 << "/no/such.csv";
    QTest::newRow("train-graph missing column") << QStringList{"train-graph", "--task", "molecules", "--data", chem + "measured.csv", "--target", "measured",
                                                               "--target-column", "boiling", "--out", "m.safetensors"}
                                                << 1 << "no target column 'boiling'";
    QTest::newRow("train-graph unwritable") << QStringList{"train-graph", "--task", "infection", "--graphs", "4", "--out", "/no/such/folder/m.safetensors"}
                                            << 1 << "does not exist";
    QTest::newRow("explain-graph bad seed") << QStringList{"explain-graph", "--infection-seed", "-3", "--out", "o.json"} << 2 << "non-negative integer";
    QTest::newRow("explain-graph bad arch") << QStringList{"explain-graph", "--arch", "depth", "--out", "o.json"} << 2 << "KEY=VALUE";
    QTest::newRow("explain-graph no model") << QStringList{"explain-graph", "--graph", tiny, "--out", "o.json"} << 2 << "--model is required with --graph";
    QTest::newRow("explain-graph bad method") << QStringList{"explain-graph", "--graph", tiny, "--model", model, "--method", "lime", "--out", "o.json"}
                                              << 1 << "unknown explanation method 'lime'";
    QTest::newRow("explain-graph bad target") << QStringList{"explain-graph", "--graph", tiny, "--model", model, "--target", "node:3", "--out", "o.json"}
                                              << 1 << "cannot explain node 3: the input has 3 nodes";
    QTest::newRow("explain-graph bad aggregation") << QStringList{"explain-graph", "--graph", tiny, "--model", model, "--arch", "aggregation=median", "--out", "o.json"}
                                                   << 1 << "unknown aggregation 'median'";
    QTest::newRow("explain-graph not a graph") << QStringList{"explain-graph", "--graph", model, "--model", model, "--out", "o.json"} << 1 << "invalid JSON";
    QTest::newRow("explain-graph wrong features") << QStringList{"explain-graph", "--graph", graphs + "infection_gn_sum.json", "--model", model, "--out", "o.json"}
                                                  << 1 << "G.json";
    QTest::newRow("explain-graph not weights") << QStringList{"explain-graph", "--graph", tiny, "--model", tiny, "--out", "o.json"} << 1 << "not a weights file";
    QTest::newRow("demo without out") << QStringList{"demo"} << 2 << "--out DIR is required";
    QTest::newRow("demo unwritable") << QStringList{"demo", "--out", "/proc/periscope-demo"} << 1 << "cannot create";
}

void TestCommandLine::cliRejectsBadArgumentsWithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const Run result = runCliCapturing(arguments); // in process; a few rows also as processes below
    QCOMPARE(result.exitCode, exitCode);
    const QString err = QString::fromUtf8(result.err).trimmed();
    QVERIFY2(err.startsWith(QStringLiteral("periscope-cli: ")), qPrintable(err));
    QVERIFY2(err.contains(expected), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 0);
}

void TestCommandLine::cliRefusalsAreTheSameInAProcess_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2;
    QTest::newRow("usage error") << QStringList{"colorize", "x.png", "--model", "m.pth"} << 2;
    QTest::newRow("failure") << QStringList{"weights", PERISCOPE_SOURCE_DIR "/tests/data/weights/malicious.pt"} << 1;
    QTest::newRow("a command's exception") << QStringList{"explain-graph", "--smiles", "C1CC", "--out", "o.json"} << 1;
}

// The executable and the in-process runner say the same, to the byte, with the same exit code.
void TestCommandLine::cliRefusalsAreTheSameInAProcess()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run process = run(QStringLiteral("periscope-cli"), arguments);
    const Run inProcess = runCliCapturing(arguments);
    QCOMPARE(process.exitCode, exitCode);
    QCOMPARE(inProcess.exitCode, exitCode);
    QCOMPARE(inProcess.err, process.err);
    QCOMPARE(inProcess.out, process.out);
}

void TestCommandLine::headlessDemoWritesFigures()
{
    const QString out = m_dir.filePath(QStringLiteral("demo"));
    const Run result = run(QStringLiteral("periscope-cli"), {QStringLiteral("demo"), QStringLiteral("--out"), out}, 300000);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.contains("headless demo: wrote"), result.out.constData());
    QFile manifestFile(QDir(out).filePath(QStringLiteral("demo.json")));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    const QJsonArray figures = manifest.value(QStringLiteral("figures")).toArray();
    QVERIFY(!figures.isEmpty());
    for (const QJsonValue &figure : figures) {
        const QString file = figure.toObject().value(QStringLiteral("file")).toString();
        const QImage image(QDir(out).filePath(file));
        QVERIFY2(!image.isNull(), qPrintable(file));
    }
    QCOMPARE(manifest.value(QStringLiteral("failures")).toInt(), 0);
}

void TestCommandLine::cliListsWeights()
{
    const Run result = run(QStringLiteral("periscope-cli"),
                           {QStringLiteral("weights"), QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/weights/ordered_state_dict.pt")});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject out = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(out.value(QStringLiteral("format")).toString(), QStringLiteral("torch-zip"));
    QCOMPARE(out.value(QStringLiteral("tensorCount")).toInt(), 9);
    const QJsonObject first = out.value(QStringLiteral("tensors")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("0.weight"));
    QCOMPARE(first.value(QStringLiteral("dtype")).toString(), QStringLiteral("float32"));
    QCOMPARE(first.value(QStringLiteral("shape")).toArray(), (QJsonArray{4, 3, 3, 3}));
    QCOMPARE(first.value(QStringLiteral("bytes")).toInt(), 4 * 27 * 4);
}

void TestCommandLine::cliProbesAndExtractsFrames()
{
    const QString video = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/vtest.avi");
    if (!QFile::exists(video))
        QSKIP("opencv-doc's videos are not installed (scripts/install-deps.sh installs them)");
    const Run probe = run(QStringLiteral("periscope-cli"), {QStringLiteral("probe"), video});
    QVERIFY2(probe.exitCode == 0, probe.err.constData());
    const QJsonObject info = QJsonDocument::fromJson(probe.out).object();
    QCOMPARE(info.value(QStringLiteral("width")).toInt(), 768);
    QVERIFY(info.value(QStringLiteral("frameCount")).toInt() > 100);
    const QString out = m_dir.filePath(QStringLiteral("frame.png"));
    const Run frame = run(QStringLiteral("periscope-cli"), {QStringLiteral("frame"), video, QStringLiteral("--index"), QStringLiteral("42"),
                                                            QStringLiteral("--out"), out});
    QVERIFY2(frame.exitCode == 0, frame.err.constData());
    QCOMPARE(QImage(out).width(), 768);
    const Run beyond = run(QStringLiteral("periscope-cli"), {QStringLiteral("frame"), video, QStringLiteral("--index"), QStringLiteral("99999"),
                                                             QStringLiteral("--out"), out});
    QCOMPARE(beyond.exitCode, 1);
    QVERIFY(QString::fromUtf8(beyond.err).contains(QStringLiteral("out of range")));
}

void TestCommandLine::cliExplainsGraphs()
{
    const QString graphs = QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/graphs/");
    const QString out = m_dir.filePath(QStringLiteral("explained.json"));
    auto readOut = [&out] {
        QFile file(out);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
    };
    // A G.json graph; the aggregation comes from the sidecar beside the weights.
    Run result = run(QStringLiteral("periscope-cli"), {QStringLiteral("explain-graph"), QStringLiteral("--graph"), graphs + QStringLiteral("tiny_graph.json"),
                                                       QStringLiteral("--model"), graphs + QStringLiteral("infection_gn_sum.safetensors"),
                                                       QStringLiteral("--method"), QStringLiteral("ig"), QStringLiteral("--target"),
                                                       QStringLiteral("node:1"), QStringLiteral("--steps"), QStringLiteral("256"),
                                                       QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QJsonObject json = readOut();
    QCOMPARE(json.value(QStringLiteral("target")).toString(), QStringLiteral("node:1"));
    QCOMPARE(json.value(QStringLiteral("node_outputs")).toArray().size(), 3);
    QCOMPARE(json.value(QStringLiteral("global_output")).toArray().size(), 1);
    const QJsonArray nodeRelevance = json.value(QStringLiteral("node_relevance")).toArray();
    const QJsonArray edgeRelevance = json.value(QStringLiteral("edge_relevance")).toArray();
    QCOMPARE(nodeRelevance.size(), 3);
    QCOMPARE(nodeRelevance.first().toArray().size(), 4);
    QCOMPARE(edgeRelevance.size(), 3);
    QCOMPARE(edgeRelevance.first().toArray().size(), 2);
    // The explained value is node 1's output, and IG's relevance accounts for it.
    QCOMPARE(json.value(QStringLiteral("output_value")).toDouble(), json.value(QStringLiteral("node_outputs")).toArray()[1].toArray()[0].toDouble());
    QVERIFY(std::abs(json.value(QStringLiteral("completeness_gap")).toDouble()) < 1e-2);
    QCOMPARE(json.value(QStringLiteral("model")).toObject().value(QStringLiteral("aggregation")).toString(), QStringLiteral("sum"));
    // Node 0 cannot reach node 1's output except over edge 0: edge 1 (0 -> 2) gets nothing.
    QCOMPARE(edgeRelevance[1].toArray()[0].toDouble(), 0.0);

    // A generated infection graph: truth and scores come along.
    result = run(QStringLiteral("periscope-cli"), {QStringLiteral("explain-graph"), QStringLiteral("--infection-seed"), QStringLiteral("4"),
                                                   QStringLiteral("--model"), graphs + QStringLiteral("infection_gn_sum.safetensors"),
                                                   QStringLiteral("--arch"), QStringLiteral("aggregation=max"), QStringLiteral("--method"),
                                                   QStringLiteral("gbp"), QStringLiteral("--target"), QStringLiteral("node:0"),
                                                   QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    json = readOut();
    const int nodes = json.value(QStringLiteral("node_outputs")).toArray().size();
    QVERIFY(nodes >= 10);
    QCOMPARE(json.value(QStringLiteral("truth")).toObject().value(QStringLiteral("sick")).toArray().size(), nodes);
    QCOMPARE(json.value(QStringLiteral("graph")).toObject().value(QStringLiteral("edges")).toArray().size(),
             json.value(QStringLiteral("edge_relevance")).toArray().size());
    QVERIFY(json.value(QStringLiteral("scores")).isObject());
    QCOMPARE(json.value(QStringLiteral("model")).toObject().value(QStringLiteral("aggregation")).toString(), QStringLiteral("max"));

    // LRP reports what the biases and zero outputs took.
    result = run(QStringLiteral("periscope-cli"), {QStringLiteral("explain-graph"), QStringLiteral("--graph"), graphs + QStringLiteral("tiny_graph.json"),
                                                   QStringLiteral("--model"), graphs + QStringLiteral("infection_gn_sum.safetensors"),
                                                   QStringLiteral("--method"), QStringLiteral("lrp"), QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    json = readOut();
    QCOMPARE(json.value(QStringLiteral("method")).toString(), QStringLiteral("lrp"));
    QCOMPARE(json.value(QStringLiteral("target")).toString(), QStringLiteral("global"));
    QVERIFY(json.value(QStringLiteral("relevance_lost")).isDouble());
    const QJsonObject edgeDeletion = json.value(QStringLiteral("deletion")).toObject().value(QStringLiteral("edges")).toObject();
    QCOMPARE(edgeDeletion.value(QStringLiteral("fraction")).toArray().size(), 4); // 3 edges: 0, 1/3, 2/3, 1
    QCOMPARE(edgeDeletion.value(QStringLiteral("output")).toArray().first().toDouble(), json.value(QStringLiteral("output_value")).toDouble());
}

void TestCommandLine::cliExplainsMoleculesAndTrainsGraphNetworks()
{
    const QString chem = QStringLiteral(PERISCOPE_SOURCE_DIR "/tests/data/chem/");
    const QString out = m_dir.filePath(QStringLiteral("molecule.json"));
    auto readOut = [&out] {
        QFile file(out);
        return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
    };
    // A SMILES with the built-in ESOL model (no --model): one relevance row per atom, 47 features.
    Run result = run(QStringLiteral("periscope-cli"), {QStringLiteral("explain-graph"), QStringLiteral("--smiles"), QStringLiteral("Oc1ccccc1"),
                                                       QStringLiteral("--method"), QStringLiteral("lrp"), QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QJsonObject json = readOut();
    QCOMPARE(json.value(QStringLiteral("node_relevance")).toArray().size(), 7);
    QCOMPARE(json.value(QStringLiteral("node_relevance")).toArray()[0].toArray().size(), 47);
    QCOMPARE(json.value(QStringLiteral("edge_relevance")).toArray().size(), 14);
    QCOMPARE(json.value(QStringLiteral("edge_relevance")).toArray()[0].toArray().size(), 6);
    QVERIFY(json.value(QStringLiteral("model")).toObject().value(QStringLiteral("file")).toString().endsWith(QLatin1String("esol.safetensors")));
    const QJsonObject molecule = json.value(QStringLiteral("molecule")).toObject();
    QCOMPARE(molecule.value(QStringLiteral("atoms")).toArray()[0].toString(), QStringLiteral("O"));
    QCOMPARE(molecule.value(QStringLiteral("crippen_contributions")).toArray().size(), 7);
    // The built-in ESOL model predicts RDKit's estimate closely (validation RMSE about 0.16).
    const double predicted = json.value(QStringLiteral("global_output")).toArray()[0].toDouble();
    QVERIFY2(std::abs(predicted - molecule.value(QStringLiteral("esol")).toDouble()) < 0.6, qPrintable(QString::number(predicted)));
    QVERIFY(json.value(QStringLiteral("scores")).toObject().contains(QStringLiteral("node_truth_spearman")));
    QCOMPARE(molecule.value(QStringLiteral("coordinates_2d")).toArray().size(), 7);

    // --figure draws it (SVG: vector, with the method's title and score line).
    const QString svg = m_dir.filePath(QStringLiteral("molecule.svg"));
    result = run(QStringLiteral("periscope-cli"), {QStringLiteral("explain-graph"), QStringLiteral("--smiles"), QStringLiteral("Oc1ccccc1"),
                                                   QStringLiteral("--model"), QStringLiteral("logp"), QStringLiteral("--method"),
                                                   QStringLiteral("ig"), QStringLiteral("--out"), out, QStringLiteral("--figure"), svg});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QFile figure(svg);
    QVERIFY(figure.open(QIODevice::ReadOnly));
    const QByteArray svgText = figure.readAll();
    QVERIFY(svgText.contains("Integrated Gradients"));
    QVERIFY(svgText.contains("Spearman vs Crippen"));

    // An SD file's second readable record, the broken one reported on stderr.
    result = run(QStringLiteral("periscope-cli"), {QStringLiteral("explain-graph"), QStringLiteral("--sdf"), chem + QStringLiteral("broken_record.sdf"),
                                                   QStringLiteral("--record"), QStringLiteral("2"), QStringLiteral("--model"), QStringLiteral("logp"),
                                                   QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("record 2 skipped"), result.err.constData());
    QCOMPARE(readOut().value(QStringLiteral("molecule")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("methanol"));

    // Training: a few infection graphs, then molecules with a measured CSV column.
    const QString infection = m_dir.filePath(QStringLiteral("infection.safetensors"));
    result = run(QStringLiteral("periscope-cli"), {QStringLiteral("train-graph"), QStringLiteral("--task"), QStringLiteral("infection"),
                                                   QStringLiteral("--graphs"), QStringLiteral("40"), QStringLiteral("--epochs"), QStringLiteral("2"),
                                                   QStringLiteral("--out"), infection});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("epoch 2/2"), result.err.constData());
    json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(QStringLiteral("architecture")).toString(), QStringLiteral("InfectionGN"));
    QCOMPARE(json.value(QStringLiteral("epochs")).toArray().size(), 2);
    QVERIFY(QFile::exists(infection));
    const QString measured = m_dir.filePath(QStringLiteral("measured.safetensors"));
    result = run(QStringLiteral("periscope-cli"), {QStringLiteral("train-graph"), QStringLiteral("--task"), QStringLiteral("molecules"),
                                                   QStringLiteral("--data"), chem + QStringLiteral("measured.csv"), QStringLiteral("--target"),
                                                   QStringLiteral("measured"), QStringLiteral("--target-column"),
                                                   QStringLiteral("measured log solubility"), QStringLiteral("--width"), QStringLiteral("16"),
                                                   QStringLiteral("--layers"), QStringLiteral("1"), QStringLiteral("--epochs"), QStringLiteral("3"),
                                                   QStringLiteral("--validation"), QStringLiteral("0"), QStringLiteral("--out"), measured});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("skipped"), result.err.constData()); // the two bad rows
    json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(QStringLiteral("data")).toObject().value(QStringLiteral("molecules")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("target")).toString(), QStringLiteral("measured log solubility"));
    // The trained molecule model explains a molecule; its sidecar says how to rebuild it.
    result = run(QStringLiteral("periscope-cli"), {QStringLiteral("explain-graph"), QStringLiteral("--smiles"), QStringLiteral("CCO"),
                                                   QStringLiteral("--model"), measured, QStringLiteral("--out"), out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(readOut().value(QStringLiteral("model")).toObject().value(QStringLiteral("width")).toInt(), 16);
}

void TestCommandLine::cliRendersScenesWithoutADisplay()
{
    // No DISPLAY: the command starts its own Xvfb, says so, and writes the dataset.
    const QString out = m_dir.filePath(QStringLiteral("scenes"));
    const CliRun r = runProgram(QStringLiteral("periscope-cli"),
                                {QStringLiteral("scenes"), QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--out"), out,
                                 QStringLiteral("--seed"), QStringLiteral("4"), QStringLiteral("--size"), QStringLiteral("160x120")},
                                60000, {QStringLiteral("DISPLAY")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("private Xvfb"), r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("scenes")).toInt(), 2);
    QCOMPARE(QImage(out + QStringLiteral("/images/CLEVR_periscope_000001.png")).size(), QSize(160, 120));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/masks/CLEVR_periscope_000001.png")));
    const QJsonObject manifest = QJsonDocument::fromJson([&] {
                                     QFile f(out + QStringLiteral("/manifest.json"));
                                     f.open(QIODevice::ReadOnly);
                                     return f.readAll();
                                 }()).object();
    QCOMPARE(manifest.value(QStringLiteral("count")).toInt(), 2);
}

QTEST_MAIN(TestCommandLine) // a QApplication: commands that draw figures need fonts
#include "tst_commandline.moc"
