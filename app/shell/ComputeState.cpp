// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/ComputeState.h"

#include "engine/core/errors/Error.h"

namespace periscope::app {

ComputeState::ComputeState(QObject *parent) : QObject(parent) {}

QString ComputeState::apply(const QString &devicePreference, int cpuThreads)
{
    QString problem;
    try {
        periscope::setThreadCount(cpuThreads);
    } catch (const periscope::Error &e) {
        problem = QString::fromStdString(e.what());
        periscope::setThreadCount(0);
    }
    try {
        m_device = periscope::selectDevice(periscope::parseDevicePreference(devicePreference.toStdString()));
    } catch (const periscope::Error &e) {
        problem = tr("%1; using the CPU").arg(QString::fromStdString(e.what()));
        m_device = periscope::selectDevice(periscope::DevicePreference::Cpu);
    }
    Q_EMIT deviceChanged();
    return problem;
}

void ComputeState::setPrecisionPreference(const QString &preference)
{
    try {
        m_precision = periscope::parsePrecisionPreference(preference.toStdString());
    } catch (const periscope::Error &) {
        m_precision = periscope::PrecisionPreference::Auto;
    }
    Q_EMIT deviceChanged();
}

} // namespace periscope::app
