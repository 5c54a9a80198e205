// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace periscope::app {

// Notices when the UI thread's event loop stops turning: a short timer on the UI thread
// measures how late it fires, and a lateness over the threshold is reported as a stall. It
// reports after the stall ends (the thread was busy until then), which is what a developer
// needs to find the offending call. On in debug builds, or with PERISCOPE_STALL_DETECTOR=1.
class StallDetector : public QObject {
    Q_OBJECT
public:
    explicit StallDetector(int thresholdMs = 50, QObject *parent = nullptr);

    void start();
    void stop();
    int stallCount() const { return m_stalls; }
    qint64 longestStallMs() const { return m_longestMs; }

    static bool enabledByDefault();

Q_SIGNALS:
    void stalled(qint64 milliseconds);

private:
    void onTick();

    static constexpr int kTickMs = 20;
    int m_thresholdMs;
    QTimer m_timer;
    QElapsedTimer m_sinceLastTick;
    int m_stalls = 0;
    qint64 m_longestMs = 0;
};

} // namespace periscope::app
