// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/StatusIndicators.h"

#include "app/shell/JobManager.h"
#include "app/shell/LogModel.h"

#include <QDockWidget>
#include <QFontMetrics>

namespace periscope::app {

void toggleDock(QDockWidget *dock)
{
    // A dock tabbed behind another is not visible, though shown: a click brings it forward.
    if (dock->isVisible()) {
        dock->hide();
        return;
    }
    dock->show();
    dock->raise();
}

JobsIndicator::JobsIndicator(JobManager *jobs, QDockWidget *dock, QWidget *parent) : QToolButton(parent), m_jobs(jobs), m_dock(dock)
{
    setObjectName(QStringLiteral("jobsIndicator"));
    setAutoRaise(true);
    setToolTip(tr("Show or hide the jobs: progress, time taken, cancel"));
    connect(this, &QToolButton::clicked, this, [this] { toggleDock(m_dock); });
    connect(m_jobs, &JobManager::jobAdded, this, &JobsIndicator::refresh);
    connect(m_jobs, &JobManager::jobChanged, this, &JobsIndicator::refresh);
    connect(m_jobs, &JobManager::jobEnded, this, &JobsIndicator::refresh);
    refresh();
}

void JobsIndicator::refresh()
{
    const JobRecord *newest = nullptr;
    int active = 0;
    for (quint64 id : m_jobs->jobIds())
        if (const JobRecord *job = m_jobs->record(id); job && job->isActive()) {
            ++active;
            newest = job;
        }
    if (!newest) {
        setText(tr("No jobs running"));
        return;
    }
    // The name is cut to a width the status bar can spare; the whole of it is in the dock.
    const QString name = fontMetrics().elidedText(newest->name, Qt::ElideRight, 260);
    QString text = newest->progress >= 0.0 ? tr("%1: %2 %").arg(name).arg(int(newest->progress * 100.0)) : name;
    if (active > 1)
        text += tr(" (+%n more)", nullptr, active - 1);
    setText(text);
}

ProblemsIndicator::ProblemsIndicator(LogModel *log, QDockWidget *dock, QWidget *parent) : QToolButton(parent), m_dock(dock)
{
    setObjectName(QStringLiteral("problemsIndicator"));
    setAutoRaise(true);
    setStyleSheet(QStringLiteral("QToolButton { color: #b00020; font-weight: bold; }"));
    setVisible(false);
    connect(log, &LogModel::entryAdded, this, &ProblemsIndicator::onEntry);
    connect(this, &QToolButton::clicked, this, [this] {
        m_dock->show();
        m_dock->raise();
        markSeen();
    });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            markSeen();
    });
}

void ProblemsIndicator::onEntry(const LogEntry &entry)
{
    if (entry.level != LogLevel::Warning && entry.level != LogLevel::Error)
        return;
    Q_EMIT problemLogged(entry.message);
    // Seen where it is written: nothing to count.
    if (m_dock->isVisible())
        return;
    ++m_unseen;
    setText(tr("%n problem(s)", nullptr, m_unseen));
    setToolTip(tr("The newest: %1\nClick to read them in the log").arg(entry.message));
    setVisible(true);
}

void ProblemsIndicator::markSeen()
{
    m_unseen = 0;
    setVisible(false);
}

} // namespace periscope::app
