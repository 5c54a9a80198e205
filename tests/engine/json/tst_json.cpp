// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/json/Json.h"

#include <QTest>

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

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
