// SPDX-License-Identifier: GPL-3.0-or-later
// --device auto|cpu|cuda for the commands that run a network, with the preferences' choice as the
// default, resolved once before any work so that "cuda" without a GPU fails at once with the
// reason (a CPU-only LibTorch, or no visible GPU).
#pragma once

#include "app/cli/CliOptions.h"
#include "app/common/Preferences.h"

#include "engine/core/device/Device.h"

namespace periscope::app {

inline void declareDeviceOption(CliOptions &options, const QString &what)
{
    options.choice(QStringLiteral("--device"), Preferences::devices(), what + QStringLiteral(" (default: the preferences' choice)"));
}

// Throws periscope::Error (UnsupportedError for CUDA without a GPU).
inline DevicePreference readDeviceOption(const CliOptions &options)
{
    const QString device = options.isSet(QStringLiteral("--device")) ? options.value(QStringLiteral("--device")) : Preferences::load().device;
    const DevicePreference preference = parseDevicePreference(device.toStdString());
    selectDevice(preference);
    return preference;
}

// The names as the choices of an option.
inline QStringList choicesOf(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &name : names)
        list.append(QString::fromStdString(name));
    return list;
}

} // namespace periscope::app
