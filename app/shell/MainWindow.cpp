// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/MainWindow.h"

#include "app/shell/Autosave.h"
#include "app/shell/ComputeState.h"
#include "app/shell/JobManager.h"
#include "app/shell/JobsPanel.h"
#include "app/shell/LogModel.h"
#include "app/shell/LogPanel.h"
#include "app/shell/StatusIndicators.h"
#include "app/common/Preferences.h"
#include "app/shell/RecentFiles.h"
#include "app/shell/StallDetector.h"
#include "app/shell/WorkspaceRegistry.h"
#include "engine/media/image/ImageHeader.h"
#include "widgets/vtkview/VtkView.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QAbstractItemView>
#include <QDockWidget>
#include <QTimer>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QImageWriter>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

#include <cstdio>

namespace periscope::app {

MainWindow::MainWindow(const WorkspaceRegistry &registry, QWidget *parent)
    : QMainWindow(parent), m_jobs(new JobManager(this)), m_log(new LogModel(this)),
      m_compute(new ComputeState(this)), m_recent(new RecentFiles(this)),
      m_autosave(new Autosave(Autosave::defaultRecoveryFolder(),
                              [this] { return serializeProject(currentProject(ProjectPaths())); }, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/periscope.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    resize(1280, 800);
    widgets::VtkView::prepareWindow(this); // the 3-D views arrive later without recreating the window

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("workspaceStack"));
    setCentralWidget(m_stack);

    createDocks();
    createStatusBar();
    createWorkspaces(registry);
    createMenus();

    connect(m_jobs, &JobManager::jobAdded, this, &MainWindow::updateStatusBar);
    connect(m_jobs, &JobManager::jobEnded, this, [this](quint64 id, JobState state) {
        updateStatusBar();
        const JobRecord *job = m_jobs->record(id);
        if (!job)
            return;
        if (state == JobState::Failed)
            m_log->append(LogLevel::Error, QStringLiteral("jobs"), tr("%1 failed: %2").arg(job->name, job->message));
        else if (state == JobState::Cancelled)
            m_log->append(LogLevel::Info, QStringLiteral("jobs"), tr("%1 was cancelled").arg(job->name));
        else
            m_log->append(LogLevel::Info, QStringLiteral("jobs"),
                          tr("%1 finished in %2 s").arg(job->name).arg(double(job->elapsedMs) / 1000.0, 0, 'f', 1));
    });
    connect(m_compute, &ComputeState::deviceChanged, this, &MainWindow::updateStatusBar);
    connect(&m_undoGroup, &QUndoGroup::cleanChanged, this, [this](bool clean) {
        if (!clean)
            markModified();
    });

    if (StallDetector::enabledByDefault()) {
        m_stallDetector = new StallDetector(50, this);
        m_stallDetector->start();
    }
    applyPreferences(Preferences::load());
    updateTitle();
}

MainWindow::~MainWindow()
{
    m_jobs->cancelAll();
    // Views belong to the workspaces; take them out of the stack before the workspaces go.
    while (m_stack->count() > 0)
        m_stack->removeWidget(m_stack->widget(0));
    m_workspaces.clear();
}

void MainWindow::createWorkspaces(const WorkspaceRegistry &registry)
{
    WorkspaceContext context;
    context.jobs = m_jobs;
    context.log = m_log;
    context.compute = m_compute;
    context.recent = m_recent;
    context.shell = this;
    m_workspaces = registry.createAll(context);

    m_workspaceBar = new QToolBar(tr("Workspaces"), this);
    m_workspaceBar->setObjectName(QStringLiteral("workspaceBar"));
    m_workspaceBar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    m_workspaceBar->setMovable(false);
    m_workspaceBar->setIconSize(QSize(28, 28));
    addToolBar(Qt::LeftToolBarArea, m_workspaceBar);
    m_workspaceActions = new QActionGroup(this);
    m_workspaceActions->setExclusive(true);

    int number = 1;
    for (const auto &workspace : m_workspaces) {
        Workspace *ws = workspace.get();
        m_stack->addWidget(ws->view());
        m_undoGroup.addStack(ws->undoStack());
        QAction *action = m_workspaceBar->addAction(ws->icon(), ws->title());
        // Two short lines under the icon rather than one long one: "Open vocabulary" made the
        // bar 127 px wide, taken from every workspace (#23).
        if (ws->title().contains(QLatin1Char(' ')) && ws->title().size() > 10)
            action->setIconText(QString(ws->title()).replace(ws->title().indexOf(QLatin1Char(' ')), 1, QLatin1Char('\n')));
        action->setObjectName(QStringLiteral("workspace_") + ws->id());
        action->setCheckable(true);
        action->setData(ws->id());
        if (number <= 9)
            action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(number)));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(ws->title(), action->shortcut().toString(QKeySequence::NativeText)));
        m_workspaceActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, ws] { activateWorkspace(ws->id()); });
        connect(ws, &Workspace::fileOpened, this, [this, ws](const QString &path) {
            m_recent->addFile(path, ws->id());
            markModified();
        });
        connect(ws, &Workspace::stateChanged, this, &MainWindow::markModified);
        ++number;
    }
    // Tab moves between controls, never cell by cell inside a table or list: arrows move within
    // it (#23: keyboard users were held in the tables).
    for (QAbstractItemView *itemView : findChildren<QAbstractItemView *>())
        itemView->setTabKeyNavigation(false);
    if (!m_workspaces.empty())
        activateWorkspace(m_workspaces.front()->id());
}

void MainWindow::createDocks()
{
    m_jobsPanel = new JobsPanel(m_jobs, this);
    m_jobsDock = new QDockWidget(tr("Jobs"), this);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);

    m_log->installAsMessageHandler();
    m_logPanel = new LogPanel(m_log, this);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    tabifyDockWidget(m_jobsDock, m_logDock);
    m_jobsDock->raise();
    // The workspace gets the height (#23: at 1280 x 720 the docks left the images a third of the
    // window). They start hidden; the status bar's buttons say what runs and what went wrong, and
    // open them. Shown, they take a sixth of the window: 120 px at 720, 180 px at 1080.
    m_jobsDock->hide();
    m_logDock->hide();
    for (QDockWidget *dock : {m_jobsDock, m_logDock})
        connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
            if (visible && !m_docksSized) {
                m_docksSized = true;
                // Once the dock area has been laid out with it.
                QTimer::singleShot(0, this, [this] { resizeDocks({m_jobsDock}, {std::clamp(height() / 6, 100, 220)}, Qt::Vertical); });
            }
        });
}

void MainWindow::createStatusBar()
{
    m_problemsIndicator = new ProblemsIndicator(m_log, m_logDock, this);
    connect(m_problemsIndicator, &ProblemsIndicator::problemLogged, this, [this](const QString &text) {
        statusBar()->showMessage(text.section(QLatin1Char('\n'), 0, 0), 10000);
    });
    m_jobsIndicator = new JobsIndicator(m_jobs, m_jobsDock, this);
    m_deviceLabel = new QLabel(this);
    m_deviceLabel->setObjectName(QStringLiteral("deviceLabel"));
    m_threadsLabel = new QLabel(this);
    m_threadsLabel->setObjectName(QStringLiteral("threadsLabel"));
    statusBar()->addPermanentWidget(m_problemsIndicator);
    statusBar()->addPermanentWidget(m_jobsIndicator);
    statusBar()->addPermanentWidget(m_deviceLabel);
    m_precisionLabel = new QLabel(this);
    m_precisionLabel->setObjectName(QStringLiteral("precisionLabel"));
    statusBar()->addPermanentWidget(m_threadsLabel);
    statusBar()->addPermanentWidget(m_precisionLabel);
}

void MainWindow::updateStatusBar()
{
    m_jobsIndicator->refresh();
    const periscope::DeviceInfo &device = m_compute->device();
    if (device.kind == periscope::DeviceKind::Cpu) {
        m_deviceLabel->setText(tr("Device: CPU"));
    } else {
        m_deviceLabel->setText(tr("Device: %1 (%2 GiB free)")
                                   .arg(QString::fromStdString(device.name))
                                   .arg(double(device.freeMemoryBytes) / double(1 << 30), 0, 'f', 1));
    }
    m_deviceLabel->setToolTip(QString::fromStdString(device.name));
    m_threadsLabel->setText(device.threadCount == 1 ? tr("1 CPU thread")
                                                   : tr("%1 CPU threads").arg(device.threadCount));
    const QString precision = QString::fromStdString(periscope::toString(m_compute->precisionPreference()));
    m_precisionLabel->setText(tr("Precision: %1").arg(precision));
    m_precisionLabel->setToolTip(m_compute->hasFastBf16()
                                     ? tr("This device runs bf16 fast; models use it where their accuracy holds")
                                     : tr("This device has no fast bf16; models run in fp32 unless bf16 is forced"));
}

QList<Workspace *> MainWindow::workspaces() const
{
    QList<Workspace *> list;
    for (const auto &workspace : m_workspaces)
        list.append(workspace.get());
    return list;
}

Workspace *MainWindow::workspace(const QString &id) const
{
    for (const auto &workspace : m_workspaces)
        if (workspace->id() == id)
            return workspace.get();
    return nullptr;
}

Workspace *MainWindow::currentWorkspace() const
{
    for (const auto &workspace : m_workspaces)
        if (workspace->view() == m_stack->currentWidget())
            return workspace.get();
    return nullptr;
}

bool MainWindow::activateWorkspace(const QString &id)
{
    Workspace *ws = workspace(id);
    if (!ws)
        return false;
    m_stack->setCurrentWidget(ws->view());
    m_undoGroup.setActiveStack(ws->undoStack());
    for (QAction *action : m_workspaceActions->actions())
        action->setChecked(action->data().toString() == id);
    updateTitle();
    return true;
}

QStringList MainWindow::openableSuffixes() const
{
    QStringList suffixes;
    for (const auto &workspace : m_workspaces)
        suffixes += workspace->fileSuffixes();
    suffixes.removeDuplicates();
    return suffixes;
}

bool MainWindow::openFileChecked(const QString &path, const QString &workspaceId, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return fail(tr("%1 does not exist").arg(path));
    if (!info.isReadable())
        return fail(tr("%1 cannot be read (permissions)").arg(path));
    if (info.suffix().toLower() == QLatin1String("periscope"))
        return loadProject(path, error);
    Workspace *target = nullptr;
    if (!workspaceId.isEmpty()) {
        target = workspace(workspaceId);
        if (!target)
            return fail(tr("No workspace named '%1' in this build").arg(workspaceId));
    } else {
        // A folder laid out for one workspace goes there; anything else to the first that opens it.
        for (const auto &workspace : m_workspaces) {
            if (info.isDir() && workspace->opensFolders() && workspace->recognisesFolder(path)) {
                target = workspace.get();
                break;
            }
        }
        for (const auto &workspace : m_workspaces) {
            if (!target && workspace->canOpen(path)) {
                target = workspace.get();
                break;
            }
        }
        if (!target)
            return fail(info.suffix().isEmpty()
                            ? tr("No workspace opens %1 (a file without a suffix)").arg(info.fileName())
                            : tr("No workspace opens .%1 files like %2").arg(info.suffix(), info.fileName()));
    }
    if (!target->openFile(info.absoluteFilePath(), error))
        return false;
    activateWorkspace(target->id());
    m_log->append(LogLevel::Info, target->id(), tr("Opened %1").arg(info.absoluteFilePath()));
    return true;
}

bool MainWindow::openFromCommandLine(const QStringList &files, const QString &workspaceId, QString *error)
{
    Workspace *named = workspaceId.isEmpty() ? nullptr : workspace(workspaceId);
    if (!workspaceId.isEmpty() && !named) {
        const QString message = tr("No workspace named '%1' in this build").arg(workspaceId);
        if (error)
            *error = message;
        else
            reportError(tr("Cannot open file"), message);
        return false;
    }
    bool openedInNamed = files.isEmpty();
    bool allOpened = true;
    for (const QString &file : files) {
        const bool project = QFileInfo(file).suffix().toLower() == QLatin1String("periscope");
        const bool fits = named && !project && named->canOpen(file);
        if (named && !project && !fits)
            m_log->append(LogLevel::Info, QStringLiteral("shell"),
                          tr("%1 is not for %2: opened where its kind belongs").arg(QFileInfo(file).fileName(), named->title()));
        QString problem;
        if (!openFileChecked(file, fits ? workspaceId : QString(), &problem)) {
            if (error) {
                *error = problem;
                return false;
            }
            reportError(tr("Cannot open file"), problem);
            allOpened = false;
            continue;
        }
        openedInNamed = openedInNamed || fits;
    }
    if (named && openedInNamed)
        activateWorkspace(workspaceId);
    return allOpened;
}

bool MainWindow::openDemoChecked(const QString &workspaceId, const QString &demoId, QString *error)
{
    Workspace *ws = workspace(workspaceId);
    if (!ws) {
        if (error)
            *error = tr("No workspace named '%1' in this build").arg(workspaceId);
        return false;
    }
    if (!ws->openDemo(demoId, error))
        return false;
    activateWorkspace(workspaceId);
    return true;
}

QList<DemoEntry> MainWindow::allDemoEntries() const
{
    QList<DemoEntry> demos;
    for (const auto &workspace : m_workspaces)
        demos += workspace->demoEntries();
    return demos;
}

bool MainWindow::openFileIn(const QString &path, const QString &workspaceId)
{
    if (QFileInfo(path).suffix().toLower() == QLatin1String("periscope"))
        return openProject(path); // says which inputs a project from elsewhere could not open
    QString error;
    if (openFileChecked(path, workspaceId, &error))
        return true;
    reportError(tr("Cannot open file"), error);
    return false;
}

bool MainWindow::openDemo(const QString &workspaceId, const QString &demoId)
{
    QString error;
    if (openDemoChecked(workspaceId, demoId, &error))
        return true;
    reportError(tr("Cannot open demo"), error);
    return false;
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    m_log->append(LogLevel::Error, QStringLiteral("shell"), message);
    if (m_interactive)
        QMessageBox::warning(this, title, message);
    else
        std::fprintf(stderr, "periscope: %s\n", qPrintable(message));
}

bool MainWindow::exportFigure(const QString &path, QString *error)
{
    return exportFigure(path, FigureOptions{}, error);
}

bool MainWindow::exportFigure(const QString &path, const FigureOptions &options, QString *error)
{
    Workspace *ws = currentWorkspace();
    if (!ws) {
        if (error)
            *error = tr("There is no workspace to export");
        return false;
    }
    return ws->exportFigure(path, options, error);
}

bool MainWindow::saveScreenshot(const QString &path, QString *error)
{
    const QImage image = grab().toImage();
    QImageWriter writer(path);
    if (image.isNull() || !writer.write(image)) {
        if (error)
            *error = tr("Cannot write the screenshot %1: %2").arg(path, writer.errorString());
        return false;
    }
    return true;
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    const QString problem = m_compute->apply(preferences.device, preferences.cpuThreads);
    if (!problem.isEmpty())
        m_log->append(LogLevel::Warning, QStringLiteral("compute"), problem);
    m_compute->setPrecisionPreference(preferences.precision);
    m_autosave->setIntervalMinutes(preferences.autosaveMinutes);
    periscope::media::setMaxImagePixels(std::int64_t(preferences.maxImageMegapixels) * 1'000'000);
    updateStatusBar();
}

void MainWindow::overrideDevice(const QString &devicePreference)
{
    const QString problem = m_compute->apply(devicePreference, Preferences::load().cpuThreads);
    if (!problem.isEmpty())
        m_log->append(LogLevel::Warning, QStringLiteral("compute"), problem);
}

void MainWindow::markModified()
{
    const bool asSaved = m_cleanProject && !m_projectPath.isEmpty() && currentProject(ProjectPaths(m_projectPath, true)) == *m_cleanProject;
    setWindowModified(!asSaved);
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString project = m_projectPath.isEmpty() ? tr("Untitled") : QFileInfo(m_projectPath).completeBaseName();
    Workspace *ws = currentWorkspace();
    setWindowTitle(ws ? QStringLiteral("%1[*] — %2 — Periscope").arg(project, ws->title())
                      : QStringLiteral("%1[*] — Periscope").arg(project));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSaveBeforeClosing()) {
        event->ignore();
        return;
    }
    m_jobs->cancelAll();
    m_autosave->finishCleanly();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    const QStringList suffixes = openableSuffixes() + QStringList{QStringLiteral("periscope")};
    const bool folders = std::any_of(m_workspaces.begin(), m_workspaces.end(), [](const auto &w) { return w->opensFolders(); });
    for (const QUrl &url : event->mimeData()->urls()) {
        const QFileInfo file(url.toLocalFile());
        if (url.isLocalFile() && (suffixes.contains(file.suffix().toLower()) || (folders && file.isDir()))) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            openFileIn(url.toLocalFile(), QString());
    event->acceptProposedAction();
}

} // namespace periscope::app
