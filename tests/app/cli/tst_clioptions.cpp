// SPDX-License-Identifier: GPL-3.0-or-later
// The option reader every periscope-cli command uses: typed values and ranges, defaults,
// repeated options, --help generated from the declarations, and one wording for usage errors
// (checked here on the reader, and on every real command through the executable).
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"
#include "tests/app/cli/CliInProcess.h"

#include <QtTest>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

using namespace periscope::app;

namespace {
// Declares one option of each kind, as a command would.
CliOptions sampleOptions()
{
    CliOptions options(QStringLiteral("sample"), QStringLiteral("Does a sample thing."));
    options.positionals(QStringLiteral("INPUT"), QStringLiteral("what to read"), 1, -1);
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("where to write")).require();
    options.integer(QStringLiteral("--epochs"), 1, 100, QStringLiteral("how long")).byDefault(QStringLiteral("10"));
    options.number(QStringLiteral("--lr"), 0.0, 1.0, QStringLiteral("step size"), true);
    options.choice(QStringLiteral("--arch"), {QStringLiteral("small"), QStringLiteral("large")}, QStringLiteral("which network"));
    options.text(QStringLiteral("--tag"), QStringLiteral("KEY=VALUE"), QStringLiteral("a tag"))
        .repeat()
        .validatedBy([](const QString &v) { return v.contains(QLatin1Char('=')); }, QStringLiteral("KEY=VALUE"));
    options.flag(QStringLiteral("--resume"), QStringLiteral("go on"));
    return options;
}

// Runs parse with stderr captured: the exit code (or -1 to run) and what was printed.
std::pair<int, QString> parseCapturing(CliOptions &options, const QStringList &arguments)
{
    std::fflush(stderr);
    const int saved = dup(fileno(stderr));
    char path[] = "/tmp/periscope-clioptions-XXXXXX";
    const int fd = mkstemp(path);
    dup2(fd, fileno(stderr));
    const std::optional<int> exit = options.parse(arguments);
    std::fflush(stderr);
    dup2(saved, fileno(stderr));
    close(saved);
    QFile file(QString::fromLatin1(path));
    file.open(QIODevice::ReadOnly);
    const QString text = QString::fromUtf8(file.readAll()).trimmed();
    close(fd);
    QFile::remove(QString::fromLatin1(path));
    return {exit ? *exit : -1, text};
}
} // namespace

class TestCliOptions : public QObject {
    Q_OBJECT

private slots:
    void readsTypedValues();
    void rejectsBadArguments_data();
    void rejectsBadArguments();
    void refusesAnOutputThatIsAnInput();
    void helpListsEveryDeclaration();
    void everyCommandAnswersHelp_data();
    void everyCommandAnswersHelp();
    void everyCommandWordsUsageErrorsAlike_data();
    void everyCommandWordsUsageErrorsAlike();
};

void TestCliOptions::readsTypedValues()
{
    CliOptions options = sampleOptions();
    const auto [exit, err] = parseCapturing(options, {QStringLiteral("a.png"), QStringLiteral("--out"), QStringLiteral("o"), QStringLiteral("--lr=0.5"),
                                                      QStringLiteral("b.png"), QStringLiteral("--tag"), QStringLiteral("x=1"), QStringLiteral("--tag=y=2"),
                                                      QStringLiteral("--resume"), QStringLiteral("--"), QStringLiteral("--literal")});
    QCOMPARE(exit, -1);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(options.positionalValues(), (QStringList{QStringLiteral("a.png"), QStringLiteral("b.png"), QStringLiteral("--literal")}));
    QCOMPARE(options.value(QStringLiteral("--out")), QStringLiteral("o"));
    QCOMPARE(options.numberValue(QStringLiteral("--lr")), 0.5);
    QVERIFY(!options.isSet(QStringLiteral("--epochs")));
    QCOMPARE(options.integerValue(QStringLiteral("--epochs")), 10); // the default
    QCOMPARE(options.values(QStringLiteral("--tag")), (QStringList{QStringLiteral("x=1"), QStringLiteral("y=2")}));
    QVERIFY(options.flagValue(QStringLiteral("--resume")));
    QVERIFY(!options.isSet(QStringLiteral("--arch")));
    QVERIFY(options.value(QStringLiteral("--arch")).isEmpty());
}

void TestCliOptions::rejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList base{QStringLiteral("a.png"), QStringLiteral("--out"), QStringLiteral("o")};
    QTest::newRow("unknown") << base + QStringList{QStringLiteral("--frobnicate")} << "unknown option '--frobnicate' (try --help)";
    QTest::newRow("no value") << base + QStringList{QStringLiteral("--epochs")} << "--epochs needs a value (try --help)";
    QTest::newRow("not an integer") << base + QStringList{QStringLiteral("--epochs"), QStringLiteral("1.5")}
                                    << "--epochs takes an integer in [1, 100], not '1.5'";
    QTest::newRow("integer out of range") << base + QStringList{QStringLiteral("--epochs"), QStringLiteral("101")}
                                          << "--epochs takes an integer in [1, 100], not '101'";
    QTest::newRow("open bound") << base + QStringList{QStringLiteral("--lr"), QStringLiteral("0")} << "--lr takes a number in (0, 1], not '0'";
    QTest::newRow("not finite") << base + QStringList{QStringLiteral("--lr"), QStringLiteral("nan")} << "--lr takes a number in (0, 1], not 'nan'";
    QTest::newRow("choice") << base + QStringList{QStringLiteral("--arch"), QStringLiteral("huge")} << "--arch takes small or large, not 'huge'";
    QTest::newRow("rule") << base + QStringList{QStringLiteral("--tag"), QStringLiteral("x")} << "--tag takes KEY=VALUE, not 'x'";
    QTest::newRow("twice") << base + QStringList{QStringLiteral("--arch"), QStringLiteral("small"), QStringLiteral("--arch"), QStringLiteral("large")}
                           << "--arch is given twice";
    QTest::newRow("flag with value") << base + QStringList{QStringLiteral("--resume=yes")} << "--resume takes no value";
    QTest::newRow("required") << QStringList{QStringLiteral("a.png")} << "--out DIR is required";
    QTest::newRow("no positional") << QStringList{QStringLiteral("--out"), QStringLiteral("o")} << "expected at least 1 INPUT (try --help)";
}

void TestCliOptions::rejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    CliOptions options = sampleOptions();
    const auto [exit, err] = parseCapturing(options, arguments);
    QCOMPARE(exit, 2);
    QCOMPARE(err, QStringLiteral("periscope-cli: sample: ") + message);
}

void TestCliOptions::refusesAnOutputThatIsAnInput()
{
    // Whatever the spelling (a link, "./"), an output that is one of the inputs is refused before
    // the command runs, and the input is untouched.
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.png")), model = dir.filePath(QStringLiteral("w.safetensors"));
    for (const QString &path : {input, model}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("data");
    }
    QVERIFY(QFile::link(input, dir.filePath(QStringLiteral("link.png"))));
    auto declare = [] {
        CliOptions options(QStringLiteral("sample"), QStringLiteral("Writes a result."));
        options.positionals(QStringLiteral("INPUT"), QStringLiteral("what to read"), 1, -1);
        options.text(QStringLiteral("--model"), QStringLiteral("FILE"), QStringLiteral("weights"));
        options.text(QStringLiteral("--out"), QStringLiteral("OUT"), QStringLiteral("the result")).require().output();
        options.figure(QStringLiteral("a figure"));
        return options;
    };
    const QString dotted = dir.path() + QStringLiteral("/./in.png");
    const QList<std::pair<QStringList, QString>> clashes = {
        {{input, QStringLiteral("--out"), input}, QStringLiteral("--out %1 is an input of this command (%1)").arg(input)},
        {{input, QStringLiteral("--out"), dir.filePath(QStringLiteral("link.png"))}, QStringLiteral("is an input of this command (%1)").arg(input)},
        {{dotted, QStringLiteral("--out"), input}, QStringLiteral("is an input of this command (%1)").arg(dotted)},
        {{input, QStringLiteral("--model"), model, QStringLiteral("--out"), model}, QStringLiteral("(--model %1)").arg(model)},
        {{input, QStringLiteral("--out"), dir.filePath(QStringLiteral("o.json")), QStringLiteral("--figure"), dir.filePath(QStringLiteral("link.png"))},
         QStringLiteral("--figure %1 is an input").arg(dir.filePath(QStringLiteral("link.png")))},
    };
    for (const auto &[arguments, expected] : clashes) {
        CliOptions options = declare();
        const auto [exit, err] = parseCapturing(options, arguments);
        QCOMPARE(exit, 1);
        QVERIFY2(err.startsWith(QLatin1String("periscope-cli: sample: ")) && err.contains(expected) && !err.contains(QLatin1Char('\n')),
                 qPrintable(err));
    }
    CliOptions fine = declare();
    QCOMPARE(parseCapturing(fine, {input, QStringLiteral("--model"), model, QStringLiteral("--out"), dir.filePath(QStringLiteral("new.png"))}).first, -1);
}

void TestCliOptions::helpListsEveryDeclaration()
{
    const QString help = sampleOptions().helpText();
    QVERIFY2(help.startsWith(QLatin1String("usage: periscope-cli sample INPUT... --out DIR [OPTIONS]\n")), qPrintable(help));
    QVERIFY(help.contains(QLatin1String("Does a sample thing.")));
    for (const char *line : {"--out DIR", "--epochs N", "--lr X", "--arch small|large", "--tag KEY=VALUE", "--resume", "--help"})
        QVERIFY2(help.contains(QLatin1String(line)), line);
    QVERIFY(help.contains(QLatin1String("an integer in [1, 100]; default 10")));
    QVERIFY(help.contains(QLatin1String("a number in (0, 1]")));
    QVERIFY(help.contains(QLatin1String("may be repeated")));
    for (const QString &line : help.split(QLatin1Char('\n')))
        QVERIFY2(line.size() <= 100, qPrintable(line));
}

void TestCliOptions::everyCommandAnswersHelp_data()
{
    QTest::addColumn<QString>("command");
    for (const CliCommand &command : cliCommands())
        QTest::newRow(qPrintable(command.name)) << command.name;
}

void TestCliOptions::everyCommandAnswersHelp()
{
    QFETCH(QString, command);
    const CliRun result = runCliCapturing({command, QStringLiteral("--help")}); // in process: 26 commands
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.startsWith(QStringLiteral("usage: periscope-cli ") + command), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("--help")), qPrintable(out));
    QVERIFY2(result.err.isEmpty(), result.err.constData());
}

void TestCliOptions::everyCommandWordsUsageErrorsAlike_data()
{
    everyCommandAnswersHelp_data();
}

void TestCliOptions::everyCommandWordsUsageErrorsAlike()
{
    QFETCH(QString, command);
    // `study` and `models` take a subcommand first; their subcommands use the reader too.
    const QMap<QString, QString> subcommands{{QStringLiteral("study"), QStringLiteral("results")}, {QStringLiteral("models"), QStringLiteral("list")}};
    const QString sub = subcommands.value(command);
    const QStringList arguments = sub.isEmpty() ? QStringList{command, QStringLiteral("--frobnicate")}
                                                : QStringList{command, sub, QStringLiteral("--frobnicate")};
    const QString name = sub.isEmpty() ? command : command + QLatin1Char(' ') + sub;
    const CliRun result = runCliCapturing(arguments);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(QString::fromUtf8(result.err).trimmed(), QStringLiteral("periscope-cli: %1: unknown option '--frobnicate' (try --help)").arg(name));
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
