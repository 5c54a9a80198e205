// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/slots/SlotsWorkspace.h"

#include "app/figures/SlotsFigure.h"
#include "app/shell/WidgetFigures.h"

#include "app/models/BuiltInModels.h"
#include "app/data/ImageInputs.h"
#include "app/data/RelationInputs.h"
#include "app/models/BuiltInSlotModels.h"
#include "app/data/SlotImageSet.h"
#include "app/workspaces/slots/SlotsEmbeddingView.h"
#include "app/workspaces/slots/SlotsModel.h"
#include "app/workspaces/slots/SlotsView.h"
#include "widgets/plotview/PlotView.h"

#include <QComboBox>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QTabWidget>

namespace periscope::app {

QString slotsDemoFolder()
{
    const QString folder = builtInScenesFolder(QStringLiteral("slots"), builtInSlotModelName(), QStringLiteral("demo"));
    return !folder.isEmpty() && isSceneFolder(folder) ? folder : QString();
}

SlotsWorkspace::SlotsWorkspace(const WorkspaceContext &context, QObject *parent)
    : Workspace(context, parent), m_model(new SlotsModel(context.jobs, this))
{
    connect(m_model, &SlotsModel::problem, this, &SlotsWorkspace::logProblem);
    connect(m_model, &SlotsModel::scenesChanged, this, &Workspace::stateChanged);
    connect(m_model, &SlotsModel::modelChanged, this, &Workspace::stateChanged);
}

SlotsWorkspace::~SlotsWorkspace()
{
    delete m_view.data();
}

QIcon SlotsWorkspace::icon() const
{
    return QIcon(QStringLiteral(":/icons/slots.svg"));
}

bool SlotsWorkspace::recognisesFolder(const QString &folder) const
{
    // Scenes drawn for relations go to the Relations workspace (they still open here when asked).
    return isSceneFolder(folder) && !isRelationSceneFolder(folder);
}

QStringList SlotsWorkspace::fileSuffixes() const
{
    return {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg")};
}

QWidget *SlotsWorkspace::view()
{
    if (!m_view) {
        m_view = new SlotsView(m_model, undoStack());
        connect(m_view, &SlotsView::viewSettingsChanged, this, &Workspace::stateChanged);
        // The view's own Open and Generate buttons open scenes without openFile: the built-in
        // model must be there already, however the workspace was reached (issue #23: "No model",
        // and scenes without masks, when the app started in another workspace).
        ensureModel();
    }
    return m_view;
}

SlotsView *SlotsWorkspace::slotsView() const
{
    return m_view;
}

void SlotsWorkspace::ensureModel()
{
    if (m_model->hasModel() || !m_model->modelName().isEmpty())
        return;
    QString error;
    if (!resolveSlotModel(builtInSlotModelName(), &error).isEmpty())
        m_model->setModel(builtInSlotModelName());
}

bool SlotsWorkspace::openFile(const QString &path, QString *error)
{
    if (!checkReadable(path, error))
        return false;
    const QFileInfo file(path);
    if (file.isFile() && !isImageFile(path)) {
        if (error)
            *error = tr("%1 is neither a scene folder nor an image").arg(file.fileName());
        return false;
    }
    view();
    ensureModel();
    m_view->openScenes(inputsAfterOpening(m_model->inputs(), path)); // a step of the undo stack
    Q_EMIT fileOpened(file.absoluteFilePath());
    return true;
}

QStringList SlotsWorkspace::openFiles() const
{
    return m_model->inputs();
}

QJsonObject SlotsWorkspace::saveState(const ProjectPaths &paths) const
{
    QJsonObject state;
    state.insert(QStringLiteral("inputs"), QJsonArray::fromStringList(paths.toStored(m_model->inputs())));
    state.insert(QStringLiteral("model"), paths.toStoredModel(m_model->modelName()));
    state.insert(QStringLiteral("selected"), m_model->selected());
    state.insert(QStringLiteral("iteration"), m_model->lastIteration() ? QStringLiteral("last") : QStringLiteral("first"));
    if (m_view)
        state.insert(QStringLiteral("tab"), m_view->tabs()->currentIndex());
    return state;
}

bool SlotsWorkspace::restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error)
{
    view();
    undoStack()->clear(); // the edits before the project are not the project's
    QStringList refused;
    QString refusal;
    const QString modelName = paths.resolveModel(state.value(QStringLiteral("model")).toString(), &refusal);
    if (!refusal.isEmpty())
        refused << refusal;
    m_model->setLastIteration(state.value(QStringLiteral("iteration")).toString() != QLatin1String("first"));
    m_view->tabs()->setCurrentIndex(state.value(QStringLiteral("tab")).toInt());
    if (!modelName.isEmpty())
        m_model->setModel(modelName);
    else
        ensureModel();
    m_model->open(resolveInputs(state.value(QStringLiteral("inputs")), paths, &refused));
    return finishRestore(refused, error);
}

QList<DemoEntry> SlotsWorkspace::demoEntries() const
{
    return {{id(), QStringLiteral("scenes"), tr("Slots: objects found without labels"),
             tr("Generated scenes with instance masks, the slots of the built-in model (trained self-supervised here) and how well "
                "their masks match the objects.")}};
}

bool SlotsWorkspace::openDemo(const QString &demoId, QString *error)
{
    if (demoId != QLatin1String("scenes"))
        return Workspace::openDemo(demoId, error);
    const QString folder = slotsDemoFolder();
    QString modelError;
    if (folder.isEmpty() || resolveSlotModel(builtInSlotModelName(), &modelError).isEmpty()) {
        if (error)
            *error = tr("The Slots demo's scenes or model are missing from this installation");
        return false;
    }
    view();
    undoStack()->clear(); // a demo starts afresh
    m_model->setModel(builtInSlotModelName());
    m_model->open({folder});
    return true;
}

bool SlotsWorkspace::exportFigure(const QString &path, const FigureOptions &options, QString *error)
{
    view();
    if (m_model->detail().index < 0 || m_model->detail().masks.labels.isNull()) {
        if (error)
            *error = tr("There is nothing to export yet: open scenes and let the model find their slots");
        return false;
    }
    // The masks and the attention as `periscope-cli slots --figure` draws them, the embedding as shown.
    std::vector<std::unique_ptr<FigurePanel>> owned;
    owned.push_back(slotMasksPanel(m_model->detail().figure));
    owned.push_back(slotAttentionPanel(m_model->detail().figure));
    if (!m_model->embedding().points.isEmpty())
        owned.push_back(figurePanel(m_view->embeddingView()->plane()));
    FigureOptions withCaption = options;
    if (withCaption.caption.isEmpty()) {
        const SlotsScene &scene = m_model->scenes()[m_model->detail().index];
        const QString model = QFileInfo(m_model->modelName()).completeBaseName();
        withCaption.caption = scene.scored ? tr("%1: slot masks (mean IoU %2, FG-ARI %3), attention per slot; %4")
                                                 .arg(scene.entry.name)
                                                 .arg(scene.score.meanIoU, 0, 'f', 3)
                                                 .arg(scene.score.foregroundAri, 0, 'f', 3)
                                                 .arg(model)
                                           : tr("%1: slot masks and attention per slot; %2").arg(scene.entry.name, model);
    }
    return app::exportFigure(panelList(owned), int(owned.size()), withCaption, path, error);
}

} // namespace periscope::app
