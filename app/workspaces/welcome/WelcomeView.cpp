// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/welcome/WelcomeView.h"

#include "app/shell/ComputeState.h"
#include "app/common/LibraryVersions.h"
#include "app/shell/RecentFiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace periscope::app {

namespace {
enum ItemRole { PathRole = Qt::UserRole + 1, WorkspaceRole, DemoRole };

QGroupBox *boxed(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

QListWidget *makeList(const QString &objectName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setUniformItemSizes(true);
    list->setMinimumHeight(140);
    return list;
}

void addPlaceholder(QListWidget *list, const QString &text)
{
    auto *item = new QListWidgetItem(text, list);
    item->setFlags(Qt::NoItemFlags);
}
} // namespace

WelcomeView::WelcomeView(const WorkspaceContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_recentFiles(makeList(QStringLiteral("recentFilesList"), this)),
      m_recentProjects(makeList(QStringLiteral("recentProjectsList"), this)),
      m_demos(makeList(QStringLiteral("demoList"), this)), m_versions(new QTreeWidget(this)),
      m_device(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomeView"));

    auto *title = new QLabel(QStringLiteral("<h1>Periscope</h1>"), this);
    auto *tagline = new QLabel(tr("A workbench for looking inside vision models. Version %1.")
                                   .arg(QCoreApplication::applicationVersion()), this);
    auto *openFile = new QPushButton(tr("Open File…"), this);
    auto *openProject = new QPushButton(tr("Open Project…"), this);
    openFile->setObjectName(QStringLiteral("welcomeOpenFile"));
    openProject->setObjectName(QStringLiteral("welcomeOpenProject"));

    m_versions->setObjectName(QStringLiteral("versionsTable"));
    m_versions->setHeaderLabels({tr("Library"), tr("Version")});
    m_versions->setRootIsDecorated(false);
    m_versions->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_device->setObjectName(QStringLiteral("welcomeDevice"));
    m_device->setWordWrap(true);

    auto *libraries = new QWidget(this);
    auto *librariesLayout = new QVBoxLayout(libraries);
    librariesLayout->setContentsMargins(0, 0, 0, 0);
    librariesLayout->addWidget(m_versions);
    librariesLayout->addWidget(m_device);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(title);
    titles->addWidget(tagline);
    header->addLayout(titles);
    header->addStretch();
    header->addWidget(openFile);
    header->addWidget(openProject);

    // A demo runs from its button (or a double click, or Enter): the selected demo's description
    // says what it will show (#23: only an unannounced double click started one).
    m_runDemo = new QPushButton(tr("Run demo"), this);
    m_runDemo->setObjectName(QStringLiteral("runDemo"));
    m_runDemo->setDefault(true);
    m_demoDescription = new QLabel(this);
    m_demoDescription->setObjectName(QStringLiteral("demoDescription"));
    m_demoDescription->setWordWrap(true);
    auto *demoPanel = new QWidget(this);
    auto *demoLayout = new QVBoxLayout(demoPanel);
    demoLayout->setContentsMargins(0, 0, 0, 0);
    demoLayout->addWidget(m_demos, 1);
    auto *demoFooter = new QHBoxLayout;
    demoFooter->addWidget(m_demoDescription, 1);
    demoFooter->addWidget(m_runDemo, 0, Qt::AlignTop);
    demoLayout->addLayout(demoFooter);
    connect(m_demos, &QListWidget::currentItemChanged, this, &WelcomeView::showSelectedDemo);
    connect(m_runDemo, &QPushButton::clicked, this, [this] { activateDemo(m_demos->currentItem()); });

    auto *grid = new QGridLayout;
    grid->addWidget(boxed(tr("Recent files"), m_recentFiles, this), 0, 0);
    grid->addWidget(boxed(tr("Recent projects"), m_recentProjects, this), 0, 1);
    grid->addWidget(boxed(tr("Demos: built-in data and models, ready in seconds"), demoPanel, this), 1, 0);
    grid->addWidget(boxed(tr("Libraries and compute"), libraries, this), 1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addLayout(header);
    layout->addLayout(grid, 1);

    if (m_context.shell) {
        ShellActions *shell = m_context.shell;
        connect(openFile, &QPushButton::clicked, this, [shell] { shell->showOpenFileDialog(); });
        connect(openProject, &QPushButton::clicked, this, [shell] { shell->showOpenProjectDialog(); });
    }
    connect(m_recentFiles, &QListWidget::itemActivated, this, &WelcomeView::activateFile);
    connect(m_recentProjects, &QListWidget::itemActivated, this, &WelcomeView::activateProject);
    connect(m_demos, &QListWidget::itemActivated, this, &WelcomeView::activateDemo);
    if (m_context.recent)
        connect(m_context.recent, &RecentFiles::changed, this, &WelcomeView::fillRecent);
    if (m_context.compute)
        connect(m_context.compute, &ComputeState::deviceChanged, this, &WelcomeView::fillVersions);
    refresh();
}

void WelcomeView::refresh()
{
    fillRecent();
    fillDemos();
    fillVersions();
}

void WelcomeView::fillRecent()
{
    m_recentFiles->clear();
    m_recentProjects->clear();
    const QList<RecentFile> files = m_context.recent ? m_context.recent->files() : QList<RecentFile>();
    const QList<RecentFile> projects = m_context.recent ? m_context.recent->projects() : QList<RecentFile>();
    auto fill = [](QListWidget *list, const QList<RecentFile> &entries) {
        for (const RecentFile &entry : entries) {
            const QFileInfo info(entry.path);
            auto *item = new QListWidgetItem(info.fileName(), list);
            item->setData(PathRole, entry.path);
            item->setData(WorkspaceRole, entry.workspaceId);
            item->setToolTip(entry.workspaceId.isEmpty()
                                 ? entry.path
                                 : tr("%1 (opens in %2)").arg(entry.path, entry.workspaceId));
            if (!info.exists()) {
                item->setText(tr("%1 (missing)").arg(info.fileName()));
                item->setForeground(Qt::gray);
            }
        }
    };
    fill(m_recentFiles, files);
    fill(m_recentProjects, projects);
    if (files.isEmpty())
        addPlaceholder(m_recentFiles, tr("No recent files. Open a file or drop one on the window."));
    if (projects.isEmpty())
        addPlaceholder(m_recentProjects, tr("No recent projects."));
}

void WelcomeView::fillDemos()
{
    m_demos->clear();
    const QList<DemoEntry> demos = m_context.shell ? m_context.shell->allDemoEntries() : QList<DemoEntry>();
    for (const DemoEntry &demo : demos) {
        auto *item = new QListWidgetItem(demo.title, m_demos);
        item->setToolTip(demo.description);
        item->setData(WorkspaceRole, demo.workspaceId);
        item->setData(DemoRole, demo.id);
    }
    if (demos.isEmpty())
        addPlaceholder(m_demos, tr("No workspace in this build offers a demo yet."));
    else
        m_demos->setCurrentRow(0);
    showSelectedDemo();
}

void WelcomeView::showSelectedDemo()
{
    QListWidgetItem *item = m_demos->currentItem();
    const bool runnable = item && item->flags() != Qt::NoItemFlags;
    m_runDemo->setEnabled(runnable);
    m_demoDescription->setText(runnable ? item->toolTip() : QString());
}

void WelcomeView::fillVersions()
{
    m_versions->clear();
    for (const LibraryVersion &library : libraryVersions())
        new QTreeWidgetItem(m_versions, {library.name, library.version});
    if (m_context.compute) {
        const periscope::DeviceInfo &device = m_context.compute->device();
        m_device->setText(tr("Compute device: %1").arg(QString::fromStdString(device.name)) + QStringLiteral("\n") +
                          tr("CPU threads: %1").arg(device.threadCount));
    }
}

void WelcomeView::activateFile(QListWidgetItem *item)
{
    if (m_context.shell && item && item->flags() != Qt::NoItemFlags)
        m_context.shell->openFileIn(item->data(PathRole).toString(), item->data(WorkspaceRole).toString());
}

void WelcomeView::activateProject(QListWidgetItem *item)
{
    if (m_context.shell && item && item->flags() != Qt::NoItemFlags)
        m_context.shell->openProject(item->data(PathRole).toString());
}

void WelcomeView::activateDemo(QListWidgetItem *item)
{
    if (m_context.shell && item && item->flags() != Qt::NoItemFlags)
        m_context.shell->openDemo(item->data(WorkspaceRole).toString(), item->data(DemoRole).toString());
}

} // namespace periscope::app
