// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/errors/Error.h"
#include "engine/core/precision/PrecisionOps.h"

#include <QTest>

using namespace periscope;

class TestPrecision : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesPreferences();
    void autocastScopeRunsMatrixProductsInBf16AndRestores();
    void forcedPreferencesWin();
    void decisionNeedsToleranceAndSpeed();
    void autoMeasuresToleranceAndTime();
};

void TestPrecision::parsesPreferences()
{
    QCOMPARE(int(parsePrecisionPreference("bf16")), int(PrecisionPreference::Bf16));
    QCOMPARE(toString(parsePrecisionPreference("auto")), std::string("auto"));
    QVERIFY_THROWS_EXCEPTION(Error, parsePrecisionPreference("fp8"));
}

void TestPrecision::autocastScopeRunsMatrixProductsInBf16AndRestores()
{
    torch::nn::Linear linear(16, 8);
    const torch::Tensor x = torch::randn({4, 16});
    {
        AutocastScope scope(torch::kCPU, Precision::Bf16);
        QCOMPARE(linear->forward(x).scalar_type(), torch::kBFloat16);
        {
            AutocastScope off(torch::kCPU, Precision::Fp32); // fp32 leaves the outer scope alone
            QCOMPARE(linear->forward(x).scalar_type(), torch::kBFloat16);
        }
    }
    QCOMPARE(linear->forward(x).scalar_type(), torch::kFloat32);
}

void TestPrecision::forcedPreferencesWin()
{
    const DeviceInfo cpu = selectDevice(DevicePreference::Cpu);
    int runs = 0;
    const auto run = [&] {
        ++runs;
        return torch::zeros({1, 2});
    };
    QCOMPARE(int(choosePrecision(PrecisionPreference::Fp32, cpu, run, {})), int(Precision::Fp32));
    QCOMPARE(int(choosePrecision(PrecisionPreference::Bf16, cpu, run, {})), int(Precision::Bf16));
    QCOMPARE(runs, 0); // forcing needs no probe
}

void TestPrecision::decisionNeedsToleranceAndSpeed()
{
    PrecisionCheck check;
    check.passed = true;
    check.fp32Seconds = 1.0;
    check.bf16Seconds = 0.4;
    QCOMPARE(int(decidePrecision(check)), int(Precision::Bf16));
    check.bf16Seconds = 0.95; // within tolerance but not worth it
    QCOMPARE(int(decidePrecision(check)), int(Precision::Fp32));
    check.bf16Seconds = 0.4;
    check.passed = false;     // fast but wrong
    QCOMPARE(int(decidePrecision(check)), int(Precision::Fp32));
}

void TestPrecision::autoMeasuresToleranceAndTime()
{
    const DeviceInfo cpu = selectDevice(DevicePreference::Cpu);
    torch::manual_seed(0);
    torch::nn::Sequential net(torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 16, 3).padding(1)), torch::nn::ReLU(),
                              torch::nn::AdaptiveAvgPool2d(1), torch::nn::Flatten(), torch::nn::Linear(16, 10));
    const torch::Tensor probe = torch::rand({4, 3, 32, 32});
    int runs = 0;
    const auto run = [&] {
        ++runs;
        return net->forward(probe);
    };
    PrecisionCheck check;
    const Precision lenient = choosePrecision(PrecisionPreference::Auto, cpu, run, {0.99, false}, &check);
    if (!deviceHasFastBf16(cpu)) {
        QCOMPARE(int(lenient), int(Precision::Fp32));
        QCOMPARE(runs, 0);
        QSKIP("this CPU has no fast bf16 (AMX / AVX512-BF16): auto always stays fp32 here");
    }
    QCOMPARE(runs, 4); // warm-up and timed run, in each precision
    QVERIFY(check.passed);
    QVERIFY2(check.worstCosine > 0.99 && check.worstCosine < 1.0, qPrintable(QString::number(check.worstCosine, 'g', 10)));
    QVERIFY(check.fp32Seconds > 0.0 && check.bf16Seconds > 0.0);
    QCOMPARE(int(lenient), int(decidePrecision(check))); // the decision follows what was measured
    // A model that demands bit-exact outputs never gets bf16, however fast it is.
    QCOMPARE(int(choosePrecision(PrecisionPreference::Auto, cpu, run, {1.0, true}, &check)), int(Precision::Fp32));
    QVERIFY(!check.passed);
}

QTEST_GUILESS_MAIN(TestPrecision)
#include "tst_precision.moc"
