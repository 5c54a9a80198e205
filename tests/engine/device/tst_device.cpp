// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/device/CudaLibraries.h"
#include "engine/core/device/Device.h"
#include "engine/core/errors/Error.h"
#include "engine/core/jobs/JobControl.h"

#include <torch/torch.h>

#include <QTest>

#include <cstdlib>
#include <cstring>
#include <thread>

#include <dlfcn.h>
#include <sched.h>

using namespace periscope;

class TestDevice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesPreferences_data();
    void parsesPreferences();
    void rejectsUnknownPreference();
    void cpuIsAlwaysAvailable();
    void autoPicksCudaOnlyWhenVisible();
    void cudaRequestWithoutCudaSaysWhy();
    void cudaBuildIsReported();
    void cudaHalfIsLoadedFromBesideTheCpuHalf();
    void setsThreadCount();
    void rejectsNegativeThreadCount();
    void seedMakesCpuRunsRepeat();
    void cancelTokenStopsWork();
    void jobControlWithoutTokenNeverCancels();
};

void TestDevice::parsesPreferences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");
    QTest::newRow("auto") << "auto" << int(DevicePreference::Auto);
    QTest::newRow("cpu") << "cpu" << int(DevicePreference::Cpu);
    QTest::newRow("cuda") << "cuda" << int(DevicePreference::Cuda);
}

void TestDevice::parsesPreferences()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    const DevicePreference parsed = parseDevicePreference(text.toStdString());
    QCOMPARE(int(parsed), expected);
    QCOMPARE(QString::fromStdString(toString(parsed)), text);
}

void TestDevice::rejectsUnknownPreference()
{
    try {
        parseDevicePreference("gpu");
        QFAIL("no error for an unknown device");
    } catch (const Error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("gpu"), e.what());
    }
}

void TestDevice::cpuIsAlwaysAvailable()
{
    const DeviceInfo cpu = selectDevice(DevicePreference::Cpu);
    QCOMPARE(int(cpu.kind), int(DeviceKind::Cpu));
    QCOMPARE(QString::fromStdString(cpu.torchName()), QStringLiteral("cpu"));
    QVERIFY(!cpu.name.empty());
    QVERIFY(cpu.totalMemoryBytes > 0);
    QVERIFY(QString::fromStdString(cpu.summary()).startsWith("CPU"));
    const std::vector<DeviceInfo> devices = availableDevices();
    QVERIFY(!devices.empty());
    QCOMPARE(int(devices.front().kind), int(DeviceKind::Cpu));
    QCOMPARE(int(devices.size()), 1 + cudaDeviceCount());
}

void TestDevice::autoPicksCudaOnlyWhenVisible()
{
    const DeviceInfo chosen = selectDevice(DevicePreference::Auto);
    QCOMPARE(int(chosen.kind), int(cudaAvailable() ? DeviceKind::Cuda : DeviceKind::Cpu));
}

void TestDevice::cudaRequestWithoutCudaSaysWhy()
{
    if (cudaAvailable())
        QSKIP("a CUDA device is visible here");
    try {
        selectDevice(DevicePreference::Cuda);
        QFAIL("CUDA was granted without a CUDA device");
    } catch (const UnsupportedError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("CUDA"), e.what());
    }
}

void TestDevice::cudaBuildIsReported()
{
    // The CUDA code paths are compiled whenever torch is a CUDA build (the PyPI wheel is).
    const std::string expected = PERISCOPE_EXPECT_CUDA_VERSION;
    QCOMPARE(torchBuiltWithCuda(), !expected.empty());
    QCOMPARE(QString::fromStdString(cudaBuildVersion()), QString::fromStdString(expected));
    const QString status = QString::fromStdString(cudaStatus());
    if (expected.empty())
        QCOMPARE(status, QStringLiteral("built without CUDA"));
    else if (cudaLibraries().noDriver)
        QCOMPARE(status, QStringLiteral("built with CUDA %1, no GPU found (no NVIDIA driver)").arg(QString::fromStdString(expected)));
    else if (!cudaLibraries().loaded)
        QCOMPARE(status, QStringLiteral("built with CUDA %1; %2").arg(QString::fromStdString(expected),
                                                                     QString::fromStdString(cudaLibraries().problem)));
    else if (!cudaAvailable())
        QCOMPARE(status, QStringLiteral("built with CUDA %1, no GPU found").arg(QString::fromStdString(expected)));
    else
        QVERIFY2(status.startsWith(QStringLiteral("built with CUDA %1, ").arg(QString::fromStdString(expected))) &&
                     status.contains(QStringLiteral("GPU")),
                 qPrintable(status));
}

namespace {
bool cudaSwitched(const char *a, const char *b)
{
    const char *choice = std::getenv("PERISCOPE_CUDA");
    return choice && (std::strcmp(choice, a) == 0 || std::strcmp(choice, b) == 0);
}

bool nvidiaDriverPresent()
{
    return ::dlopen("libcuda.so.1", RTLD_LAZY | RTLD_NOLOAD) || ::dlopen("libcuda.so.1", RTLD_LAZY);
}
} // namespace

// This program links LibTorch's CPU half only (cmake/Torch.cmake). The wheel has the CUDA half in
// the same folder, so it must be in the process before main() ran: always with PERISCOPE_CUDA=on
// (as CTest runs tst_device, so the loader is tested on machines without a GPU), never with
// PERISCOPE_CUDA=off (tst_device_cuda_off), and otherwise where NVIDIA's driver is
// (tst_device_cuda_auto: on CI's machines, not).
void TestDevice::cudaHalfIsLoadedFromBesideTheCpuHalf()
{
    if (!torchBuiltWithCuda())
        QSKIP("this LibTorch has no CUDA half");
    const CudaLibraries &libraries = cudaLibraries();
    QVERIFY2(QString::fromStdString(libraries.folder).endsWith(QStringLiteral("/torch/lib")), libraries.folder.c_str());
    const bool inProcess = ::dlopen("libtorch_cuda.so", RTLD_NOW | RTLD_NOLOAD) != nullptr;
    if (cudaSwitched("off", "0")) {
        QVERIFY(!libraries.loaded);
        QVERIFY(!inProcess);
        QCOMPARE(QString::fromStdString(libraries.problem), QStringLiteral("not loaded (PERISCOPE_CUDA=off)"));
        QVERIFY(!cudaAvailable());
        QCOMPARE(cudaDeviceCount(), 0);
        try {
            selectDevice(DevicePreference::Cuda);
            QFAIL("CUDA was granted with its libraries switched off");
        } catch (const UnsupportedError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("PERISCOPE_CUDA=off")), e.what());
        }
        QCOMPARE(selectDevice(DevicePreference::Auto).kind, DeviceKind::Cpu); // auto still works
    } else if (cudaSwitched("on", "1") || nvidiaDriverPresent()) {
        QVERIFY2(libraries.loaded, libraries.problem.c_str());
        QVERIFY(libraries.problem.empty());
        QVERIFY(inProcess);
    } else {
        QVERIFY(!libraries.loaded);
        QVERIFY(libraries.noDriver);
        QVERIFY(!inProcess);
        QVERIFY(!cudaAvailable());
        try {
            selectDevice(DevicePreference::Cuda);
            QFAIL("CUDA was granted without a driver");
        } catch (const UnsupportedError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("libcuda.so.1")), e.what());
        }
        QCOMPARE(selectDevice(DevicePreference::Auto).kind, DeviceKind::Cpu);
    }
}

void TestDevice::setsThreadCount()
{
    QCOMPARE(setThreadCount(1), 1);
    QCOMPARE(threadCount(), 1);
    QCOMPARE(setThreadCount(2), 2);
    QCOMPARE(selectDevice(DevicePreference::Cpu).threadCount, 2);
    QCOMPARE(setThreadCount(0), availableCores());
    QVERIFY(availableCores() >= 1 && availableCores() <= int(std::max(1u, std::thread::hardware_concurrency())));
    // "Every core" is every core this process may use: bound to one (as a Slurm task or taskset
    // binds it), 0 threads are 1, not one per core of the machine.
    cpu_set_t all, one;
    QCOMPARE(sched_getaffinity(0, sizeof all, &all), 0);
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
        if (CPU_ISSET(cpu, &all)) {
            CPU_SET(cpu, &one);
            break;
        }
    QCOMPARE(sched_setaffinity(0, sizeof one, &one), 0);
    const int bound = availableCores();
    const int threads = setThreadCount(0);
    QCOMPARE(sched_setaffinity(0, sizeof all, &all), 0);
    QCOMPARE(bound, 1);
    QCOMPARE(threads, 1);
    QCOMPARE(availableCores(), CPU_COUNT(&all));
}

void TestDevice::rejectsNegativeThreadCount()
{
    QVERIFY_THROWS_EXCEPTION(Error, setThreadCount(-3));
}

void TestDevice::seedMakesCpuRunsRepeat()
{
    seedEverything(1234);
    const torch::Tensor first = torch::randn({64});
    const torch::Tensor firstDropout = torch::dropout(torch::ones({64}), 0.5, true);
    seedEverything(1234);
    QVERIFY(torch::equal(torch::randn({64}), first));
    QVERIFY(torch::equal(torch::dropout(torch::ones({64}), 0.5, true), firstDropout));
    seedEverything(1235);
    QVERIFY(!torch::equal(torch::randn({64}), first));
}

void TestDevice::cancelTokenStopsWork()
{
    auto token = std::make_shared<CancelToken>();
    double lastProgress = -1;
    JobControl control(token, [&](double fraction, const std::string &) { lastProgress = fraction; });
    QVERIFY(!control.isCancelled());
    control.reportProgress(0.25);
    QCOMPARE(lastProgress, 0.25);
    control.throwIfCancelled();
    token->cancel();
    QVERIFY(control.isCancelled());
    QVERIFY_THROWS_EXCEPTION(CancelledError, control.throwIfCancelled());
}

void TestDevice::jobControlWithoutTokenNeverCancels()
{
    const JobControl control;
    QVERIFY(!control.isCancelled());
    control.throwIfCancelled();
    control.reportProgress(0.5); // no callback: a no-op, not a crash
}

QTEST_GUILESS_MAIN(TestDevice)
#include "tst_device.moc"
