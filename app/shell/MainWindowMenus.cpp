// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's menus and the dialogs behind them.
#include "app/shell/MainWindow.h"

#include "app/shell/HelpDialog.h"

#include "app/shell/FigureOptionsDialog.h"
#include "app/common/LibraryVersions.h"
#include "app/common/Preferences.h"
#include "app/shell/ModelsDialog.h"
#include "app/shell/PreferencesDialog.h"
#include "app/shell/RecentFiles.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace periscope::app {

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenFileDialog);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("actionOpen"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    QAction *openProject = file->addAction(tr("Open &Project…"), this, &MainWindow::showOpenProjectDialog);
    openProject->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    QAction *save = file->addAction(tr("&Save Project"), this, &MainWindow::saveProject);
    save->setShortcut(QKeySequence::Save);
    save->setObjectName(QStringLiteral("actionSaveProject"));
    QAction *saveAs = file->addAction(tr("Save Project &As…"), this, &MainWindow::saveProjectAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *exportFigure = file->addAction(tr("&Export Figure…"), this, &MainWindow::showExportFigureDialog);
    exportFigure->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction *undo = m_undoGroup.createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("actionUndo"));
    QAction *redo = m_undoGroup.createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("actionRedo"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *models = edit->addAction(tr("&Models…"), this, &MainWindow::showModels);
    models->setObjectName(QStringLiteral("showModels"));
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_workspaceBar->toggleViewAction());
    view->addAction(m_jobsDock->toggleViewAction());
    view->addAction(m_logDock->toggleViewAction());
    view->addSeparator();
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        on ? showFullScreen() : showNormal();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *guide = help->addAction(tr("Periscope &Help"), this, &MainWindow::showHelp);
    guide->setObjectName(QStringLiteral("helpAction"));
    guide->setShortcut(QKeySequence::HelpContents); // F1
    guide->setShortcutContext(Qt::ApplicationShortcut);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Periscope"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QList<RecentFile> files = m_recent->files();
    const QList<RecentFile> projects = m_recent->projects();
    for (const RecentFile &entry : files) {
        Workspace *ws = workspace(entry.workspaceId);
        const QString label = ws ? tr("%1 — %2").arg(QFileInfo(entry.path).fileName(), ws->title())
                                 : QFileInfo(entry.path).fileName();
        QAction *action = m_recentMenu->addAction(label, this, [this, entry] {
            openFileIn(entry.path, entry.workspaceId);
        });
        action->setToolTip(entry.path);
        action->setEnabled(QFileInfo::exists(entry.path));
    }
    if (!files.isEmpty() && !projects.isEmpty())
        m_recentMenu->addSeparator();
    for (const RecentFile &entry : projects) {
        QAction *action = m_recentMenu->addAction(QFileInfo(entry.path).fileName(), this,
                                                  [this, path = entry.path] { openProject(path); });
        action->setToolTip(entry.path);
        action->setEnabled(QFileInfo::exists(entry.path));
    }
    if (files.isEmpty() && projects.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear Menu"), m_recent, &RecentFiles::clear);
}

void MainWindow::showOpenFileDialog()
{
    QStringList patterns;
    for (const QString &suffix : openableSuffixes())
        patterns << QStringLiteral("*.") + suffix;
    QStringList filters;
    if (!patterns.isEmpty())
        filters << tr("All supported files (%1)").arg(patterns.join(QLatin1Char(' ')));
    for (Workspace *ws : workspaces()) {
        QStringList own;
        for (const QString &suffix : ws->fileSuffixes())
            own << QStringLiteral("*.") + suffix;
        if (!own.isEmpty())
            filters << QStringLiteral("%1 (%2)").arg(ws->title(), own.join(QLatin1Char(' ')));
    }
    filters << tr("Periscope projects (*.periscope)") << tr("All files (*)");
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open"), QString(), filters.join(QStringLiteral(";;")));
    for (const QString &path : paths)
        openFileIn(path, QString());
}

void MainWindow::showOpenProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr("Periscope projects (*.periscope)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::showExportFigureDialog()
{
    QString selectedFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Figure"), QString(),
                                                tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
                                                &selectedFilter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += selectedFilter.contains(QLatin1String("svg")) ? QStringLiteral(".svg")
                : selectedFilter.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                                : QStringLiteral(".png");
    FigureOptionsDialog options(QFileInfo(path).suffix().toLower() == QLatin1String("png"), this);
    if (options.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!exportFigure(path, options.options(), &error))
        reportError(tr("Export failed"), error);
    else
        statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(Preferences::load(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Preferences preferences = dialog.preferences();
    preferences.save();
    applyPreferences(preferences);
}

void MainWindow::showModels()
{
    if (!m_modelsDialog)
        m_modelsDialog = new ModelsDialog(jobs(), this);
    m_modelsDialog->show();
    m_modelsDialog->raise();
    m_modelsDialog->activateWindow();
}

void MainWindow::showHelp()
{
    // One window, kept: it stays open beside the workbench and comes back where it was.
    if (!m_help)
        m_help = new HelpDialog(this);
    m_help->show();
    Workspace *active = currentWorkspace();
    if (!active || !m_help->showSection(active->title()))
        m_help->showSection(QStringLiteral("Getting started"));
    m_help->raise();
    m_help->activateWindow();
}

void MainWindow::showAbout()
{
    QString versions;
    for (const LibraryVersion &library : libraryVersions())
        versions += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(library.name, library.version);
    QMessageBox::about(this, tr("About Periscope"),
                       tr("<h3>Periscope %1</h3><p>A workbench for looking inside vision models.</p>"
                          "<table>%2</table><p>Periscope is free software under the GNU General "
                          "Public License, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion(), versions));
}

} // namespace periscope::app
