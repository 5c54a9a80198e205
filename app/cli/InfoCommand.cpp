// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli info: versions, compute device, CUDA availability and threads, as JSON.
#include "app/cli/CliCommands.h"

#include "app/shell/LibraryVersions.h"
#include "app/shell/Preferences.h"
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
    QString devicePreference = Preferences::load().device;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--help")) {
            std::printf("usage: periscope-cli info [--device auto|cpu|cuda]\n"
                        "Prints the library versions, the compute device, CUDA availability and the\n"
                        "CPU thread count as JSON.\n");
            return 0;
        }
        if (argument == QLatin1String("--device") && i + 1 < arguments.size()) {
            devicePreference = arguments.at(++i);
            continue;
        }
        return cliFail(2, QStringLiteral("info: unexpected argument '%1'").arg(argument));
    }
    periscope::DeviceInfo device;
    try {
        periscope::setThreadCount(Preferences::load().cpuThreads);
        device = periscope::selectDevice(periscope::parseDevicePreference(devicePreference.toStdString()));
    } catch (const periscope::Error &e) {
        return cliFail(1, QStringLiteral("info: %1").arg(QString::fromUtf8(e.what())));
    }
    QJsonArray devices;
    for (const periscope::DeviceInfo &available : periscope::availableDevices())
        devices.append(deviceJson(available));
    const QJsonObject info{
        {QStringLiteral("periscope"), QCoreApplication::applicationVersion()},
        {QStringLiteral("versions"), libraryVersionsJson()},
        {QStringLiteral("device"), deviceJson(device)},
        {QStringLiteral("devices"), devices},
        {QStringLiteral("cudaBuilt"), periscope::torchBuiltWithCuda()},
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
