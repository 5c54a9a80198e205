// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/device/Device.h"
#include "engine/core/precision/Precision.h"

#include <QObject>
#include <QString>

namespace periscope::app {

// The device and thread count the engine runs on, as chosen from the preferences and the
// command line. Workspaces read device() when they start a job.
class ComputeState : public QObject {
    Q_OBJECT
public:
    explicit ComputeState(QObject *parent = nullptr);

    // Applies a preference ("auto", "cpu", "cuda") and a thread count (0 = all). A CUDA
    // request on a machine without CUDA falls back to the CPU; the reason is returned (empty
    // when the request was met) so the caller can tell the user.
    QString apply(const QString &devicePreference, int cpuThreads);

    const periscope::DeviceInfo &device() const { return m_device; }

    // The user's precision choice ("auto", "fp32", "bf16"); models resolve Auto with their own
    // tolerance (engine choosePrecision). An unknown text falls back to auto.
    void setPrecisionPreference(const QString &preference);
    periscope::PrecisionPreference precisionPreference() const { return m_precision; }
    bool hasFastBf16() const { return periscope::deviceHasFastBf16(m_device); }

Q_SIGNALS:
    void deviceChanged();

private:
    periscope::DeviceInfo m_device;
    periscope::PrecisionPreference m_precision = periscope::PrecisionPreference::Auto;
};

} // namespace periscope::app
