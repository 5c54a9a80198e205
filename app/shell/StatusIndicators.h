// SPDX-License-Identifier: GPL-3.0-or-later
// The status bar's two buttons that stand for the Jobs and Log docks while those are hidden (the
// workspace gets the height, #23): what runs, and whether something went wrong.
#pragma once

#include <QToolButton>

class QDockWidget;

namespace periscope::app {

class JobManager;
class LogModel;
struct LogEntry;

// "No jobs running", or the newest running job with its progress ("Colorize 4 photos: 45 %",
// "+2 more"). A click shows the Jobs dock, or hides it when it is showing.
class JobsIndicator : public QToolButton {
    Q_OBJECT
public:
    JobsIndicator(JobManager *jobs, QDockWidget *dock, QWidget *parent = nullptr);
    void refresh();

private:
    JobManager *m_jobs;
    QDockWidget *m_dock;
};

// Hidden until a warning or an error is logged; then "1 problem" / "N problems" in red, the
// newest in its tooltip and for a while in the status bar's message. A click shows the Log dock
// and clears the count; so does showing the Log dock another way.
class ProblemsIndicator : public QToolButton {
    Q_OBJECT
public:
    ProblemsIndicator(LogModel *log, QDockWidget *dock, QWidget *parent = nullptr);
    int unseen() const { return m_unseen; }

Q_SIGNALS:
    void problemLogged(const QString &text); // for the status bar's message

private:
    void onEntry(const LogEntry &entry);
    void markSeen();

    QDockWidget *m_dock;
    int m_unseen = 0;
};

// Shows `dock` and brings it to the front of its tab group, or hides it when it is in front.
void toggleDock(QDockWidget *dock);

} // namespace periscope::app
