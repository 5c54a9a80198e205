// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/deepfake/DeepfakeWorkspace.h"

#include "app/models/BuiltInDeepfakeModels.h"
#include "app/shell/WidgetFigures.h"
#include "app/workspaces/deepfake/DeepfakeMetricsPanel.h"
#include "app/workspaces/deepfake/DeepfakeFolder.h"
#include "app/workspaces/deepfake/DeepfakeMetrics.h"
#include "app/workspaces/deepfake/DeepfakeModel.h"
#include "app/workspaces/deepfake/DeepfakeView.h"

#include "widgets/plotview/PlotView.h"
#include "widgets/timeline/Timeline.h"

#include <QFileInfo>
#include <QJsonObject>

namespace periscope::app {

namespace {
constexpr qint64 kDemoFrame = 130; // the heroine faces the camera
} // namespace

QString deepfakeDemoVideo()
{
    const QString path = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");
    return QFileInfo(path).isFile() ? path : QString();
}

DeepfakeWorkspace::DeepfakeWorkspace(const WorkspaceContext &context, QObject *parent)
    : Workspace(context, parent), m_model(new DeepfakeModel(context.jobs, this)), m_folder(new DeepfakeFolder(context.jobs, this)),
      m_metrics(new DeepfakeMetrics(context.jobs, this))
{
    connect(m_model, &DeepfakeModel::problem, this, &DeepfakeWorkspace::logProblem);
    connect(m_folder, &DeepfakeFolder::problem, this, &DeepfakeWorkspace::logProblem);
    connect(m_metrics, &DeepfakeMetrics::problem, this, &DeepfakeWorkspace::logProblem);
    connect(m_folder, &DeepfakeFolder::changed, this, &Workspace::stateChanged);
    connect(m_folder, &DeepfakeFolder::changed, m_metrics, &DeepfakeMetrics::clear);
    connect(m_folder, &DeepfakeFolder::changed, this, &DeepfakeWorkspace::openPendingVideo);
    connect(m_folder, &DeepfakeFolder::problem, this, &DeepfakeWorkspace::openPendingVideo);
    connect(m_model, &DeepfakeModel::videoChanged, this, &Workspace::stateChanged);
    connect(m_model, &DeepfakeModel::modelChanged, this, &Workspace::stateChanged);
    connect(m_model, &DeepfakeModel::methodChanged, this, &Workspace::stateChanged);
}

DeepfakeWorkspace::~DeepfakeWorkspace()
{
    delete m_view.data();
}

void DeepfakeWorkspace::openPendingVideo()
{
    if (m_pendingVideo.isEmpty() || m_folder->isBusy())
        return;
    const QString video = std::exchange(m_pendingVideo, QString());
    m_model->open(video, m_pendingFrame, m_folder->companionsOf(m_folder->indexOf(video)));
}

QIcon DeepfakeWorkspace::icon() const
{
    return QIcon(QStringLiteral(":/icons/deepfake.svg"));
}

QStringList DeepfakeWorkspace::fileSuffixes() const
{
    return {QStringLiteral("mp4"), QStringLiteral("avi"), QStringLiteral("mkv"), QStringLiteral("mov"), QStringLiteral("webm"),
            QStringLiteral("m4v")};
}

QWidget *DeepfakeWorkspace::view()
{
    if (!m_view) {
        m_view = new DeepfakeView(m_model, m_folder, m_metrics, undoStack());
        connect(m_view, &DeepfakeView::viewSettingsChanged, this, &Workspace::stateChanged);
    }
    return m_view;
}

bool DeepfakeWorkspace::isSettled() const
{
    return !m_model->isDecoding() && (!m_view || m_view->timeline()->thumbnailsComplete());
}

DeepfakeView *DeepfakeWorkspace::deepfakeView() const
{
    return m_view;
}

void DeepfakeWorkspace::ensureModel()
{
    if (!m_model->modelName().isEmpty())
        return;
    QString error;
    if (!resolveDeepfakeModel(builtInDeepfakeModelName(), &error).isEmpty())
        m_model->setModel(builtInDeepfakeModelName());
}

bool DeepfakeWorkspace::openFile(const QString &path, QString *error)
{
    if (!checkReadable(path, error))
        return false;
    const QFileInfo file(path);
    if (file.isDir()) {
        view();
        ensureModel();
        m_view->openFolder(file.absoluteFilePath()); // listed in a job: a folder without videos is reported there
        Q_EMIT fileOpened(file.absoluteFilePath());
        return true;
    }
    if (!file.isFile()) {
        if (error)
            *error = tr("%1 is not a video file").arg(file.fileName());
        return false;
    }
    view();
    ensureModel();
    m_view->openVideo(file.absoluteFilePath()); // decoded in a job: a file that is not a video is reported there
    Q_EMIT fileOpened(file.absoluteFilePath());
    return true;
}

QStringList DeepfakeWorkspace::openFiles() const
{
    return m_model->video().path.isEmpty() ? QStringList() : QStringList{m_model->video().path};
}

QJsonObject DeepfakeWorkspace::saveState(const ProjectPaths &paths) const
{
    QJsonObject state;
    if (!m_folder->path().isEmpty())
        state.insert(QStringLiteral("folder"), paths.toStored(m_folder->path()));
    if (!m_model->video().path.isEmpty())
        state.insert(QStringLiteral("video"), paths.toStored(m_model->video().path));
    state.insert(QStringLiteral("model"), paths.toStoredModel(m_model->modelName()));
    state.insert(QStringLiteral("method"), m_model->method());
    state.insert(QStringLiteral("threshold"), m_model->threshold());
    state.insert(QStringLiteral("frame"), m_model->currentFrame());
    state.insert(QStringLiteral("explain"), m_model->isExplaining());
    return state;
}

bool DeepfakeWorkspace::restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error)
{
    view();
    undoStack()->clear(); // the edits before the project are not the project's
    QStringList refused;
    QString refusal;
    const QString modelName = paths.resolveModel(state.value(QStringLiteral("model")).toString(), &refusal);
    if (!refusal.isEmpty())
        refused << refusal;
    const QString method = state.value(QStringLiteral("method")).toString(QStringLiteral("gradcam"));
    if (!DeepfakeModel::methods().contains(method))
        refused << tr("unknown explanation method '%1'").arg(method);
    else
        m_model->setMethod(method);
    m_model->setThreshold(state.value(QStringLiteral("threshold")).toDouble(0.5));
    m_model->setExplaining(state.value(QStringLiteral("explain")).toBool(true));
    // No model stored: none was chosen or loaded when it was saved. The built-in one loads when
    // the workspace is first given something to analyse, as in a fresh window; loading it here
    // would cost the time for nothing and make the project differ from its file.
    if (!modelName.isEmpty())
        m_model->setModel(modelName);
    const QString storedFolder = state.value(QStringLiteral("folder")).toString();
    if (!storedFolder.isEmpty()) {
        const QStringList resolved = paths.resolve({storedFolder}, &refused);
        if (!resolved.isEmpty() && QFileInfo(resolved.first()).isDir())
            m_folder->open(resolved.first()); // its video opens with its companions below, once listed
        else if (!resolved.isEmpty())
            refused.prepend(tr("the project's folder is missing: %1").arg(resolved.first()));
    }
    const QString stored = state.value(QStringLiteral("video")).toString();
    if (!stored.isEmpty()) {
        const QStringList resolved = paths.resolve({stored}, &refused);
        if (!resolved.isEmpty() && QFileInfo(resolved.first()).isFile() && m_folder->isBusy()) {
            m_pendingVideo = QFileInfo(resolved.first()).absoluteFilePath();
            m_pendingFrame = state.value(QStringLiteral("frame")).toInteger();
        } else if (!resolved.isEmpty() && QFileInfo(resolved.first()).isFile()) {
            m_model->open(resolved.first(), state.value(QStringLiteral("frame")).toInteger());
        } else if (!resolved.isEmpty()) {
            refused.prepend(tr("the project's video is missing: %1").arg(resolved.first()));
        }
    }
    return finishRestore(refused, error);
}

QList<DemoEntry> DeepfakeWorkspace::demoEntries() const
{
    // Offered only where it can run: the footage comes from a Debian package, not from us.
    QString error;
    if (deepfakeDemoVideo().isEmpty() || resolveDeepfakeModel(builtInDeepfakeModelName(), &error).isEmpty())
        return {};
    return {{id(), QStringLiteral("megamind"), tr("DeepFake: what a detector looks at"),
             tr("A clip scored and explained frame by frame by the built-in detector (trained here on self-blended fakes), "
                "with Grad-CAM over the face and the score on the timeline.")}};
}

bool DeepfakeWorkspace::openDemo(const QString &demoId, QString *error)
{
    if (demoId != QLatin1String("megamind"))
        return Workspace::openDemo(demoId, error);
    const QString video = deepfakeDemoVideo();
    QString modelError;
    if (video.isEmpty() || resolveDeepfakeModel(builtInDeepfakeModelName(), &modelError).isEmpty()) {
        if (error)
            *error = video.isEmpty() ? tr("The DeepFake demo needs opencv-doc's Megamind.avi (Debian's opencv-doc package)")
                                     : tr("The DeepFake demo's detector is missing from this installation: %1").arg(modelError);
        return false;
    }
    view();
    undoStack()->clear(); // a demo starts afresh
    m_model->setMethod(QStringLiteral("gradcam"));
    m_model->setModel(builtInDeepfakeModelName());
    m_model->open(video, kDemoFrame);
    return true;
}

bool DeepfakeWorkspace::exportFigure(const QString &path, const FigureOptions &options, QString *error)
{
    view();
    if (!m_model->hasVideo() || m_model->frame().rgb.isNull()) {
        if (error)
            *error = tr("There is nothing to export yet: open a video first");
        return false;
    }
    std::vector<std::unique_ptr<FigurePanel>> owned;
    owned.push_back(figurePanel(m_view->imageView(), options));
    if (m_view->metricsPanel()->plot()->seriesCount() > 0)
        owned.push_back(figurePanel(m_view->metricsPanel()->plot()));
    FigureOptions withCaption = options;
    if (withCaption.caption.isEmpty()) {
        const DeepfakeFrame &frame = m_model->frame();
        const DeepfakeVideo &video = m_model->video();
        withCaption.caption = tr("%1, frame %2 (%3): %4 explanation, %5")
                                  .arg(QFileInfo(video.path).fileName())
                                  .arg(frame.index)
                                  .arg(widgets::Timeline::timecode(frame.index, video.frameRate), m_model->method(),
                                       m_model->hasDetector() ? m_model->modelDescription() : m_model->modelName());
        if (!std::isnan(frame.score))
            withCaption.caption += tr("; P(fake) %1").arg(frame.score, 0, 'f', 3);
    }
    return app::exportFigure(panelList(owned), int(owned.size()), withCaption, path, error);
}

} // namespace periscope::app
