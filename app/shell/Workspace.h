// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/figures/Figure.h"
#include "app/shell/ProjectPaths.h"

#include <QIcon>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUndoStack>

class QWidget;

namespace periscope::app {

class ComputeState;
class JobManager;
class LogModel;
class RecentFiles;

// A demo a workspace offers on the Welcome page and in the headless demo.
struct DemoEntry {
    QString workspaceId;
    QString id;
    QString title;
    QString description;
};

// What a workspace may ask of the main window: route a file, a project or a demo, open the
// shell's dialogs. The main window implements it; tests can too.
class ShellActions {
public:
    virtual ~ShellActions() = default;
    // An empty workspaceId routes the file by its suffix.
    virtual bool openFileIn(const QString &path, const QString &workspaceId) = 0;
    virtual bool openProject(const QString &path) = 0;
    virtual bool openDemo(const QString &workspaceId, const QString &demoId) = 0;
    virtual void showOpenFileDialog() = 0;
    virtual void showOpenProjectDialog() = 0;
    virtual QList<DemoEntry> allDemoEntries() const = 0;
};

// What the shell hands each workspace: where to run long work, where to log, which device,
// the recent-files list, and the shell's own actions.
struct WorkspaceContext {
    JobManager *jobs = nullptr;
    LogModel *log = nullptr;
    ComputeState *compute = nullptr;
    RecentFiles *recent = nullptr;
    ShellActions *shell = nullptr;
};

// One workspace of the main window. A workspace implements this once: who it is, which files
// it opens, its view, its undo stack, its state in a project file and its figure export.
// Long work goes through context().jobs, never on the UI thread.
class Workspace : public QObject {
    Q_OBJECT
public:
    Workspace(const WorkspaceContext &context, QObject *parent = nullptr);
    ~Workspace() override;

    virtual QString id() const = 0;     // stable, lower-case: "welcome", "colorize", ...
    virtual QString title() const = 0;  // translated, for the workspace bar
    virtual QIcon icon() const = 0;
    // Lower-case suffixes without the dot that File > Open and drag-and-drop route here.
    virtual QStringList fileSuffixes() const { return {}; }
    // Whether a folder routes here (e.g. a folder of photos); File > Open Folder and --open DIR.
    virtual bool opensFolders() const { return false; }
    // Whether this folder is laid out for this workspace (a scene folder for Slots): such a folder
    // goes here before the other workspaces that open folders get it.
    virtual bool recognisesFolder(const QString &folder) const
    {
        Q_UNUSED(folder);
        return false;
    }
    // The central widget; created on first use and owned by the workspace.
    virtual QWidget *view() = 0;
    // What the workspace is for (the photos, the graphs, the video frame), without its toolbars,
    // lists and secondary panels: it should cover at least 60 % of a 1280 x 720 window (#23).
    // The view's child named "mainView", or the whole view.
    virtual QWidget *mainView();
    // Nothing the view shows is still on its way outside the job manager (a frame being decoded,
    // thumbnails): `--screenshot` waits for this after the jobs, so it shows what a user would.
    virtual bool isSettled() const { return true; }

    // Opens a file (validated synchronously, loaded as a job). false + *error when the file
    // cannot be opened by this workspace; the error is a sentence for the user.
    virtual bool openFile(const QString &path, QString *error);
    // The inputs currently open, for the project file and Open Recent.
    virtual QStringList openFiles() const { return {}; }

    // The workspace's part of a project. Every path in it goes through `paths` (toStored when
    // saving, resolve when restoring): a project from elsewhere opens only files in its folder.
    virtual QJsonObject saveState(const ProjectPaths &paths) const;
    virtual bool restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error);

    virtual QList<DemoEntry> demoEntries() const { return {}; }
    virtual bool openDemo(const QString &demoId, QString *error);

    // Writes the workspace's figure; the format follows the suffix (png, svg, pdf). The default
    // makes one panel of view() (an ImageView or PlotView there is drawn as such: layers,
    // colorbar, legend, vector content); workspaces with several views override it.
    virtual bool exportFigure(const QString &path, const FigureOptions &options, QString *error);
    bool exportFigure(const QString &path, QString *error) { return exportFigure(path, FigureOptions{}, error); }

    QUndoStack *undoStack() { return &m_undoStack; }
    const WorkspaceContext &context() const { return m_context; }
    bool canOpen(const QString &path) const;

protected:
    // Whether `path` exists and can be read; false + a sentence in *error otherwise. Workspaces
    // call it first in openFile (they are opened by tests and projects too, not only through the
    // main window, which checks the same).
    bool checkReadable(const QString &path, QString *error) const;
    // A problem the workspace's model reports (a photo that cannot be read, a model that does not
    // load) goes to the Log as a warning, besides the view's own status line, so that it is kept.
    void logProblem(const QString &text) const;
    // restoreState's helpers. The stored inputs (a JSON array of stored paths) that resolve and
    // exist; the refused ones and, first, one sentence naming the missing ones go to *refused.
    QStringList resolveInputs(const QJsonValue &stored, const ProjectPaths &paths, QStringList *refused) const;
    // restoreState's result: true when nothing was refused, else false with the refusals in *error.
    static bool finishRestore(const QStringList &refused, QString *error);

Q_SIGNALS:
    void fileOpened(const QString &path);
    // Something a project file would record changed (an input, a view setting).
    void stateChanged();

private:
    WorkspaceContext m_context;
    QUndoStack m_undoStack;
};

// One figure panel for a widget: an ImageView or PlotView (found as the widget or inside it) is
// drawn as such, anything else as it renders.
std::unique_ptr<FigurePanel> figurePanelFor(QWidget *widget, const FigureOptions &options);

} // namespace periscope::app
