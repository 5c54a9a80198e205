// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

using periscope::json::Value;

class TestJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesAndDumps();
    void keepsKeyOrderAndExactIntegers();
    void decodesEscapes();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void limitsDepth();
    void numbersRoundTripExactly();
    void numbersIgnoreTheLocale();
};

void TestJson::parsesAndDumps()
{
    const Value v = Value::parse(R"( {"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}} )");
    QVERIFY(v.isObject());
    const auto &a = v.find("a")->asArray();
    QCOMPARE(int(a.size()), 6);
    QCOMPARE(a[0].asInt64(), std::int64_t(1));
    QCOMPARE(a[1].asNumber(), 2.5);
    QCOMPARE(a[2].asNumber(), -300.0);
    QVERIFY(!a[2].isInteger());
    QVERIFY(a[3].asBool());
    QVERIFY(a[5].isNull());
    QCOMPARE(QString::fromStdString(v.find("b")->find("c")->asString()), QStringLiteral("d"));
    const Value again = Value::parse(v.dump(2));
    QCOMPARE(QString::fromStdString(again.dump()), QString::fromStdString(v.dump()));
    QVERIFY_THROWS_EXCEPTION(periscope::Error, v.find("b")->asArray());
}

void TestJson::keepsKeyOrderAndExactIntegers()
{
    const Value v = Value::parse(R"({"z": 9007199254740993, "a": 0, "m": -1})");
    QCOMPARE(v.asObject()[0].first, std::string("z"));
    QCOMPARE(v.asObject()[1].first, std::string("a"));
    QCOMPARE(v.find("z")->asInt64(), std::int64_t(9007199254740993)); // beyond a double's precision
    QCOMPARE(QString::fromStdString(v.dump()), QStringLiteral(R"({"z":9007199254740993,"a":0,"m":-1})"));
}

void TestJson::decodesEscapes()
{
    const Value v = Value::parse(R"("tab\tq\"\\ \u00e9 \ud83d\ude00")");
    QCOMPARE(QString::fromStdString(v.asString()), QString::fromUtf8("tab\tq\"\\ é 😀"));
    QCOMPARE(Value::parse(Value(std::string("a\"b\n\x01")).dump()).asString(), std::string("a\"b\n\x01"));
}

void TestJson::rejectsMalformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << "" << "end of text";
    QTest::newRow("trailing") << "{} x" << "after the value";
    QTest::newRow("unterminated object") << R"({"a": 1)" << "end of text";
    QTest::newRow("unterminated string") << R"("abc)" << "unterminated string";
    QTest::newRow("bad literal") << "tru" << "unknown literal";
    QTest::newRow("leading zero") << "012" << "after the value";
    QTest::newRow("duplicate key") << R"({"a":1,"a":2})" << "duplicate key";
    QTest::newRow("control char") << "\"a\nb\"" << "control character";
    QTest::newRow("lone surrogate") << R"("\ud800")" << "surrogate";
    QTest::newRow("huge integer") << "99999999999999999999" << "out of range";
    QTest::newRow("trailing comma") << "[1,]" << "unexpected character";
}

void TestJson::rejectsMalformed()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    try {
        Value::parse(text.toStdString());
        QFAIL("accepted malformed JSON");
    } catch (const periscope::Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains("at byte"), e.what());
    }
}

void TestJson::limitsDepth()
{
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    QVERIFY_THROWS_EXCEPTION(periscope::Error, Value::parse(deep)); // no stack overflow
    QVERIFY(Value::parse(std::string(10, '[') + std::string(10, ']')).isArray());
}

void TestJson::numbersRoundTripExactly()
{
    // What `periscope-cli merge` relies on: a number written and read back is the same double,
    // so means recomputed from shards' results files equal one run's to the bit.
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> uniform(-1e3, 1e3);
    for (int i = 0; i < 20000; ++i) {
        const double x = i % 3 ? uniform(random) : uniform(random) * std::pow(10.0, double(int(random() % 600) - 300));
        const double back = periscope::json::Value::parse(periscope::json::Value(x).dump()).asNumber();
        QVERIFY2(std::memcmp(&x, &back, sizeof x) == 0, qPrintable(QString::number(x, 'g', 17)));
    }
    QCOMPARE(periscope::json::Value(0.1).dump(), std::string("0.10000000000000001"));
    QCOMPARE(periscope::json::Value(-2.5e-300).dump(), std::string("-2.5e-300"));
    // Negative zero (a coordinate rounded to 0 from below) comes back as itself.
    QCOMPARE(periscope::json::Value(-0.0).dump(), std::string("-0"));
    QCOMPARE(periscope::json::Value::parse("[-0,0]").dump(), std::string("[-0,0]"));
    QVERIFY(std::signbit(periscope::json::Value::parse("-0").asNumber()));
    QCOMPARE(periscope::json::Value::parse("-0").asInt64(), std::int64_t(0)); // still a whole number where one is asked for
    // Beyond a double, as strtod read it: infinity (written as null) and zero.
    QVERIFY(std::isinf(periscope::json::Value::parse("1e400").asNumber()));
    QCOMPARE(periscope::json::Value::parse("1e-400").asNumber(), 0.0);
    QCOMPARE(periscope::json::Value::parse("[1e400]").dump(), std::string("[null]"));
}

void TestJson::numbersIgnoreTheLocale()
{
    // Qt applies the user's locale to every process (setlocale(LC_ALL, "")); in Swedish or
    // Italian the C library's decimal point is a comma. JSON's is not.
    QTemporaryDir locales;
    QProcess localedef;
    localedef.start(QStringLiteral("localedef"), {QStringLiteral("-i"), QStringLiteral("sv_SE"), QStringLiteral("-f"), QStringLiteral("UTF-8"),
                                                 locales.filePath(QStringLiteral("sv_SE.UTF-8"))});
    if (!localedef.waitForFinished(60000) || localedef.exitCode() != 0)
        QSKIP("no sv_SE locale can be made here (localedef and the `locales` package's sources)");
    qputenv("LOCPATH", locales.path().toLocal8Bit());
    const std::string before = std::setlocale(LC_NUMERIC, nullptr);
    if (!std::setlocale(LC_NUMERIC, "sv_SE.UTF-8"))
        QSKIP("the sv_SE locale did not load");
    char probe[16];
    std::snprintf(probe, sizeof probe, "%.1f", 0.5);
    const std::string dumped = periscope::json::Value(periscope::json::Array{0.5, -1.25e-7}).dump();
    const double parsed = periscope::json::Value::parse("0.75").asNumber();
    std::setlocale(LC_NUMERIC, before.c_str());
    qunsetenv("LOCPATH");
    QCOMPARE(std::string(probe), std::string("0,5")); // the locale is in force: printf would write this
    QCOMPARE(dumped, std::string("[0.5,-1.2499999999999999e-07]"));
    QCOMPARE(parsed, 0.75);
}

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
