// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/StallDetector.h"

#include <QtGlobal>

namespace periscope::app {

StallDetector::StallDetector(int thresholdMs, QObject *parent)
    : QObject(parent), m_thresholdMs(thresholdMs)
{
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallDetector::onTick);
}

bool StallDetector::enabledByDefault()
{
    if (qEnvironmentVariableIsSet("PERISCOPE_STALL_DETECTOR"))
        return qEnvironmentVariableIntValue("PERISCOPE_STALL_DETECTOR") != 0;
#ifdef NDEBUG
    return false;
#else
    return true;
#endif
}

void StallDetector::start()
{
    m_sinceLastTick.start();
    m_timer.start();
}

void StallDetector::stop()
{
    m_timer.stop();
}

void StallDetector::onTick()
{
    const qint64 late = m_sinceLastTick.restart() - kTickMs;
    if (late > m_thresholdMs) {
        ++m_stalls;
        m_longestMs = qMax(m_longestMs, late);
        qWarning("UI thread stalled for %lld ms", static_cast<long long>(late));
        Q_EMIT stalled(late);
    }
}

} // namespace periscope::app
