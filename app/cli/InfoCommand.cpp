// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli info: versions, compute device, CUDA availability and threads, as JSON.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "app/common/LibraryVersions.h"
#include "app/common/Preferences.h"
#include "engine/core/device/Device.h"
#include "engine/core/errors/Error.h"
#include "engine/core/precision/Precision.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace periscope::app {

namespace {
QJsonObject deviceJson(const periscope::DeviceInfo &device)
{
    return {{QStringLiteral("kind"), device.kind == periscope::DeviceKind::Cpu ? QStringLiteral("cpu") : QStringLiteral("cuda")},
            {QStringLiteral("torchName"), QString::fromStdString(device.torchName())},
            {QStringLiteral("name"), QString::fromStdString(device.name)},
            {QStringLiteral("totalMemoryBytes"), double(device.totalMemoryBytes)},
            {QStringLiteral("freeMemoryBytes"), double(device.freeMemoryBytes)}};
}

int runInfo(const QStringList &arguments)
{
    CliOptions options(QStringLiteral("info"),
                       QStringLiteral("Prints the library versions, the compute device, CUDA availability and the CPU thread count as JSON."));
    options.text(QStringLiteral("--device"), QStringLiteral("auto|cpu|cuda"), QStringLiteral("the device to report on (default: the preferences' choice)"));
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const QString devicePreference = options.isSet(QStringLiteral("--device")) ? options.value(QStringLiteral("--device")) : Preferences::load().device;
    periscope::DeviceInfo device;
    try {
        periscope::setThreadCount(Preferences::load().cpuThreads);
        device = periscope::selectDevice(periscope::parseDevicePreference(devicePreference.toStdString()));
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    QJsonArray devices;
    for (const periscope::DeviceInfo &available : periscope::availableDevices())
        devices.append(deviceJson(available));
    const QJsonObject info{
        {QStringLiteral("periscope"), QCoreApplication::applicationVersion()},
        {QStringLiteral("versions"), libraryVersionsJson()},
        {QStringLiteral("device"), deviceJson(device)},
        {QStringLiteral("devices"), devices},
        {QStringLiteral("cuda"), QString::fromStdString(periscope::cudaStatus())},
        {QStringLiteral("cudaBuilt"), periscope::torchBuiltWithCuda()},
        {QStringLiteral("cudaVersion"), QString::fromStdString(periscope::cudaBuildVersion())},
        {QStringLiteral("cudaAvailable"), periscope::cudaAvailable()},
        {QStringLiteral("cudaDeviceCount"), periscope::cudaDeviceCount()},
        {QStringLiteral("threads"), periscope::threadCount()},
        {QStringLiteral("precision"), QJsonObject{{QStringLiteral("preference"), Preferences::load().precision},
                                                  {QStringLiteral("fastBf16"), periscope::deviceHasFastBf16(device)}}},
    };
    std::fputs(QJsonDocument(info).toJson(QJsonDocument::Indented).constData(), stdout);
    return 0;
}
} // namespace

CliCommand infoCommand()
{
    return {QStringLiteral("info"), QStringLiteral("versions, compute device, CUDA and threads as JSON"), false, runInfo};
}

} // namespace periscope::app
