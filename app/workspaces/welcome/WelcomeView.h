// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTreeWidget;

namespace periscope::app {

// The Welcome page's widgets. Activating an entry (double click or Enter; a demo also by its Run
// button) asks the shell to open it; the lists follow RecentFiles and the compute device as they
// change.
class WelcomeView : public QWidget {
    Q_OBJECT
public:
    explicit WelcomeView(const WorkspaceContext &context, QWidget *parent = nullptr);

    QListWidget *recentFilesList() const { return m_recentFiles; }
    QListWidget *recentProjectsList() const { return m_recentProjects; }
    QListWidget *demoList() const { return m_demos; }
    QTreeWidget *versionsTable() const { return m_versions; }
    QPushButton *runDemoButton() const { return m_runDemo; }

    void refresh();

private:
    void fillRecent();
    void fillDemos();
    void fillVersions();
    void activateFile(QListWidgetItem *item);
    void activateProject(QListWidgetItem *item);
    void activateDemo(QListWidgetItem *item);
    void showSelectedDemo();

    WorkspaceContext m_context;
    QListWidget *m_recentFiles;
    QListWidget *m_recentProjects;
    QListWidget *m_demos;
    QTreeWidget *m_versions;
    QLabel *m_device;
    QPushButton *m_runDemo = nullptr;
    QLabel *m_demoDescription = nullptr;
};

} // namespace periscope::app
