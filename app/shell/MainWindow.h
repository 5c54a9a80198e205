// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/ProjectFile.h"
#include "app/shell/Workspace.h"

#include <QMainWindow>
#include <QPointer>
#include <QUndoGroup>

#include <memory>
#include <optional>
#include <vector>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace periscope::app {

class Autosave;
class ModelsDialog;
class ComputeState;
class JobManager;
class HelpDialog;
class JobsIndicator;
class JobsPanel;
class LogModel;
class LogPanel;
class ProblemsIndicator;
class RecentFiles;
class StallDetector;
class WorkspaceRegistry;
struct Preferences;

// The workbench window: the workspace bar, the stacked workspaces, the Jobs and Log docks, the
// status bar with the compute device, and the File/Edit/View/Help menus. It implements the
// ShellActions that workspaces use to route files, projects and demos.
//
// Files, by responsibility: MainWindow.cpp (layout, workspaces, routing), MainWindowMenus.cpp
// (menus and their actions), MainWindowProject.cpp (project files, autosave, recovery).
class MainWindow : public QMainWindow, public ShellActions {
    Q_OBJECT
public:
    explicit MainWindow(const WorkspaceRegistry &registry, QWidget *parent = nullptr);
    ~MainWindow() override;

    // When false (--screenshot, the headless demo, tests) errors go to the log and stderr
    // instead of modal message boxes, and closing never asks questions.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isInteractive() const { return m_interactive; }

    // Workspaces
    QList<Workspace *> workspaces() const;
    Workspace *workspace(const QString &id) const;
    Workspace *currentWorkspace() const;
    bool activateWorkspace(const QString &id);
    QStringList openableSuffixes() const;

    // Routing without dialogs; false + *error with a sentence for the user.
    bool openFileChecked(const QString &path, const QString &workspaceId, QString *error);
    bool openDemoChecked(const QString &workspaceId, const QString &demoId, QString *error);
    // `periscope --workspace ID --open FILE...`: each file opens in that workspace when it takes
    // the file, else where its kind routes it (a molecule file with --workspace colorize goes to
    // Graphs; the log says why). The named workspace is shown unless every file went elsewhere.
    // With `error`, the first file that cannot be opened stops it (false + the reason); without,
    // each one is reported as File > Open reports it and the others still open.
    bool openFromCommandLine(const QStringList &files, const QString &workspaceId, QString *error = nullptr);

    // Projects
    Project currentProject(const ProjectPaths &paths) const;
    bool applyProject(const Project &project, const ProjectPaths &paths, QString *error);
    // false + *error when the file is not a project. A project that opens with problems (inputs
    // missing or refused) returns true and, with problems given, says which in *problems.
    bool loadProject(const QString &path, QString *error, QString *problems = nullptr);
    bool saveProjectTo(const QString &path, QString *error);
    QString projectPath() const { return m_projectPath; }
    bool isProjectModified() const { return isWindowModified(); }
    // Offers to restore the project a crashed session autosaved; returns true if restored.
    bool offerCrashRecovery();

    bool exportFigure(const QString &path, QString *error);
    bool exportFigure(const QString &path, const FigureOptions &options, QString *error);
    bool saveScreenshot(const QString &path, QString *error);

    void applyPreferences(const Preferences &preferences);
    // --device: overrides the preference for this run only.
    void overrideDevice(const QString &devicePreference);

    JobManager *jobs() const { return m_jobs; }
    LogModel *log() const { return m_log; }
    ComputeState *compute() const { return m_compute; }
    RecentFiles *recentFiles() const { return m_recent; }
    QToolBar *workspaceBar() const { return m_workspaceBar; }
    QDockWidget *jobsDock() const { return m_jobsDock; }
    QDockWidget *logDock() const { return m_logDock; }
    Autosave *autosave() const { return m_autosave; }

    // ShellActions
    bool openFileIn(const QString &path, const QString &workspaceId) override;
    bool openProject(const QString &path) override;
    bool openDemo(const QString &workspaceId, const QString &demoId) override;
    void showOpenFileDialog() override;
    void showOpenProjectDialog() override;
    QList<DemoEntry> allDemoEntries() const override;

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    bool m_docksSized = false; // on their first show, for the size the window really has
    void createWorkspaces(const WorkspaceRegistry &registry);
    void createDocks();
    void createStatusBar();
    void createMenus();
    void rebuildRecentMenu();
    void updateStatusBar();
    void updateTitle();
    void markModified();
    void reportError(const QString &title, const QString &message);

    void saveProject();
    void saveProjectAs();
    void showExportFigureDialog();
    void showPreferences();
    void showModels();
    void showAbout();
    void showHelp();
    bool maybeSaveBeforeClosing();

    JobManager *m_jobs;
    LogModel *m_log;
    ComputeState *m_compute;
    RecentFiles *m_recent;
    Autosave *m_autosave;
    StallDetector *m_stallDetector = nullptr;
    QUndoGroup m_undoGroup;

    std::vector<std::unique_ptr<Workspace>> m_workspaces;
    QToolBar *m_workspaceBar = nullptr;
    QActionGroup *m_workspaceActions = nullptr;
    QStackedWidget *m_stack = nullptr;
    QDockWidget *m_jobsDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    JobsPanel *m_jobsPanel = nullptr;
    LogPanel *m_logPanel = nullptr;
    JobsIndicator *m_jobsIndicator = nullptr;
    ProblemsIndicator *m_problemsIndicator = nullptr;
    QLabel *m_deviceLabel = nullptr;
    QLabel *m_threadsLabel = nullptr;
    QLabel *m_precisionLabel = nullptr;
    QMenu *m_recentMenu = nullptr;

    QString m_projectPath;
    // The project as its file holds it, after opening or saving: the window is modified when
    // what it shows differs from that, not whenever a state change is reported (a project's
    // photos arriving from their read job restore it, they do not change it).
    std::optional<Project> m_cleanProject;
    bool m_interactive = true;
    QPointer<HelpDialog> m_help;
    QPointer<ModelsDialog> m_modelsDialog; // not modal: downloads run while the user works
};

} // namespace periscope::app
