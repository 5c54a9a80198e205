// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's project files: save and load, the unsaved-changes question, crash recovery.
#include "app/shell/MainWindow.h"

#include "app/shell/Autosave.h"
#include "app/shell/LogModel.h"
#include "app/shell/RecentFiles.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace periscope::app {

Project MainWindow::currentProject(const ProjectPaths &paths) const
{
    Project project;
    if (Workspace *ws = currentWorkspace())
        project.activeWorkspace = ws->id();
    for (const auto &workspace : m_workspaces) {
        ProjectWorkspace entry{workspace->id(), paths.toStored(workspace->openFiles()), workspace->saveState(paths)};
        if (!entry.files.isEmpty() || !entry.state.isEmpty())
            project.workspaces.append(entry);
    }
    return project;
}

bool MainWindow::applyProject(const Project &project, const ProjectPaths &paths, QString *error)
{
    QStringList problems;
    for (const ProjectWorkspace &entry : project.workspaces) {
        Workspace *ws = workspace(entry.id);
        if (!ws) {
            problems << tr("the project uses the workspace '%1', which this build does not have").arg(entry.id);
            continue;
        }
        for (const QString &file : paths.resolve(entry.files, &problems)) {
            QString problem;
            if (!ws->openFile(file, &problem))
                problems << problem;
        }
        QString problem;
        if (!ws->restoreState(entry.state, paths, &problem))
            problems << problem;
    }
    if (!project.activeWorkspace.isEmpty())
        activateWorkspace(project.activeWorkspace);
    problems.removeDuplicates(); // a refused path is named by the file list and the state alike
    if (!problems.isEmpty() && error)
        *error = problems.join(QStringLiteral("; "));
    return problems.isEmpty();
}

bool MainWindow::loadProject(const QString &path, QString *error, QString *problemsOut)
{
    Project project;
    if (!readProjectFile(path, &project, error))
        return false;
    m_projectPath = QFileInfo(path).absoluteFilePath();
    m_recent->addProject(m_projectPath);
    QString problems;
    m_cleanProject.reset(); // while it is applied, every change reads as one
    const bool complete = applyProject(project, ProjectPaths(m_projectPath, project.writtenHere), &problems);
    m_cleanProject = project;
    if (!complete) {
        const QString message = tr("%1 opened with problems: %2").arg(QFileInfo(path).fileName(), problems);
        m_log->append(LogLevel::Warning, QStringLiteral("project"), message);
        if (problemsOut)
            *problemsOut = message;
    }
    setWindowModified(false);
    updateTitle();
    return true;
}

bool MainWindow::saveProjectTo(const QString &path, QString *error)
{
    const Project saved = currentProject(ProjectPaths(path, true));
    if (!writeProjectFile(path, saved, error))
        return false;
    m_cleanProject = saved;
    m_projectPath = QFileInfo(path).absoluteFilePath();
    m_recent->addProject(m_projectPath);
    for (const auto &workspace : m_workspaces)
        workspace->undoStack()->setClean();
    setWindowModified(false);
    updateTitle();
    m_log->append(LogLevel::Info, QStringLiteral("project"), tr("Saved %1").arg(m_projectPath));
    return true;
}

bool MainWindow::openProject(const QString &path)
{
    QString error, problems;
    if (loadProject(path, &error, &problems)) {
        // Missing or refused inputs (a project from elsewhere naming files outside its folder):
        // the user is told which, not left to find them in the Log.
        if (!problems.isEmpty())
            reportError(tr("Project opened with problems"), problems);
        return true;
    }
    reportError(tr("Cannot open project"), error);
    return false;
}

void MainWindow::saveProject()
{
    if (m_projectPath.isEmpty()) {
        saveProjectAs();
        return;
    }
    QString error;
    if (!saveProjectTo(m_projectPath, &error))
        reportError(tr("Cannot save project"), error);
}

void MainWindow::saveProjectAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), m_projectPath,
                                                tr("Periscope projects (*.periscope)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".periscope");
    QString error;
    if (!saveProjectTo(path, &error))
        reportError(tr("Cannot save project"), error);
}

bool MainWindow::maybeSaveBeforeClosing()
{
    if (!m_interactive || !isWindowModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("The project has changes that are not saved. Save them?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        saveProject();
        return !isWindowModified(); // still modified: the save was cancelled or failed
    }
    return true;
}

bool MainWindow::offerCrashRecovery()
{
    const QStringList orphans = m_autosave->orphanedRecoveryFiles();
    if (orphans.isEmpty())
        return false;
    const QString newest = orphans.first();
    const QString when = QFileInfo(newest).lastModified().toString(Qt::TextDate);
    bool restore = false;
    if (m_interactive) {
        restore = QMessageBox::question(this, tr("Restore unsaved work?"),
                                        tr("Periscope did not close properly last time. A project "
                                           "autosaved at %1 can be restored. Restore it?").arg(when),
                                        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    }
    bool restored = false;
    if (restore) {
        Project project;
        QString error;
        if (readProjectFile(newest, &project, &error)) {
            applyProject(project, ProjectPaths(), &error); // our own autosave: its inputs are where the user had them
            markModified(); // restored work is unsaved until the user saves it
            restored = true;
        } else {
            reportError(tr("Cannot restore the autosaved project"), error);
        }
    }
    if (!m_interactive) {
        m_log->append(LogLevel::Info, QStringLiteral("project"),
                      tr("An autosaved project from a crashed session is at %1").arg(newest));
        return false; // non-interactive runs leave recovery files for the next interactive start
    }
    for (const QString &orphan : orphans)
        Autosave::discard(orphan);
    return restored;
}

} // namespace periscope::app
