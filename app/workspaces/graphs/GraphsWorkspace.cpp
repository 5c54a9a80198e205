// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/graphs/GraphsWorkspace.h"

#include "app/shell/SettingCommand.h"
#include "app/shell/WidgetFigures.h"

#include "app/workspaces/graphs/GraphsModel.h"
#include "app/workspaces/graphs/GraphsView.h"
#include "app/workspaces/graphs/GraphCanvas.h"
#include "widgets/plotview/PlotView.h"
#include "widgets/vtkview/VtkView.h"

#include <QFileInfo>
#include <QScopedValueRollback>
#include <QJsonObject>

namespace periscope::app {

namespace {
const char *const kMoleculeDemo = "CC(=O)Nc1ccc(O)cc1"; // paracetamol
}

GraphsWorkspace::GraphsWorkspace(const WorkspaceContext &context, QObject *parent)
    : Workspace(context, parent), m_model(new GraphsModel(context.jobs, this))
{
    connect(m_model, &GraphsModel::failed, this, &GraphsWorkspace::logProblem);
    connect(m_model, &GraphsModel::explanationsChanged, this, &Workspace::stateChanged);
}

GraphsWorkspace::~GraphsWorkspace()
{
    delete m_view.data();
}

QIcon GraphsWorkspace::icon() const
{
    return QIcon(QStringLiteral(":/icons/graphs.svg"));
}

QStringList GraphsWorkspace::fileSuffixes() const
{
    return {QStringLiteral("smi"), QStringLiteral("sdf"), QStringLiteral("sd"), QStringLiteral("mol"), QStringLiteral("csv")};
}

QWidget *GraphsWorkspace::view()
{
    if (!m_view) {
        m_view = new GraphsView(m_model);
        m_view->setStepRecorder([this](const QString &text, const std::function<void()> &change, const QJsonObject &expected) {
            recordStep(text, change, std::nullopt, expected);
        });
    }
    return m_view;
}

bool GraphsWorkspace::openFile(const QString &path, QString *error)
{
    const QFileInfo file(path);
    if (!file.isFile() || !file.isReadable()) {
        if (error)
            *error = file.exists() ? tr("%1 is not a readable file").arg(path) : tr("%1 does not exist").arg(path);
        return false;
    }
    if (!canOpen(path)) {
        if (error)
            *error = tr("%1 is not a molecule file (SMILES .smi, SD .sdf/.mol, or .csv with a smiles column)").arg(file.fileName());
        return false;
    }
    view();
    // The file is read as a job: the step's end is said here, not read from the model.
    QJsonObject after;
    after.insert(QStringLiteral("model"), ProjectPaths().toStoredModel(m_model->model()));
    if (!m_model->aggregation().isEmpty())
        after.insert(QStringLiteral("aggregation"), m_model->aggregation());
    after.insert(QStringLiteral("input"), QStringLiteral("file"));
    after.insert(QStringLiteral("file"), file.absoluteFilePath());
    after.insert(QStringLiteral("index"), 0);
    recordStep(tr("Open %1").arg(file.fileName()), [this, file] { m_model->openMoleculeFile(file.absoluteFilePath()); }, after);
    Q_EMIT fileOpened(file.absoluteFilePath());
    return true;
}

QStringList GraphsWorkspace::openFiles() const
{
    const QString file = m_model->input().moleculeFile;
    return file.isEmpty() ? QStringList() : QStringList{file};
}

QJsonObject GraphsWorkspace::saveState(const ProjectPaths &paths) const
{
    const GraphsModel::Input &input = m_model->input();
    QJsonObject state;
    state.insert(QStringLiteral("model"), paths.toStoredModel(m_model->model()));
    state.insert(QStringLiteral("target"), m_model->target());
    if (!m_model->aggregation().isEmpty())
        state.insert(QStringLiteral("aggregation"), m_model->aggregation());
    if (input.kind == GraphScene::Kind::Infection) {
        state.insert(QStringLiteral("input"), QStringLiteral("infection"));
        state.insert(QStringLiteral("seed"), double(input.seed));
        state.insert(QStringLiteral("min_nodes"), input.infection.minNodes);
        state.insert(QStringLiteral("max_nodes"), input.infection.maxNodes);
        state.insert(QStringLiteral("sick"), input.infection.maxPercentSick);
        state.insert(QStringLiteral("immune"), input.infection.maxPercentImmune);
        state.insert(QStringLiteral("virtual"), input.infection.maxPercentVirtual);
    } else if (input.kind == GraphScene::Kind::Molecule && !input.smiles.isNull()) {
        state.insert(QStringLiteral("input"), QStringLiteral("smiles"));
        state.insert(QStringLiteral("smiles"), input.smiles);
    } else if (input.kind == GraphScene::Kind::Molecule) {
        state.insert(QStringLiteral("input"), QStringLiteral("file"));
        state.insert(QStringLiteral("file"), paths.toStored(input.moleculeFile));
        state.insert(QStringLiteral("index"), input.moleculeIndex);
        state.insert(QStringLiteral("smiles_column"), m_model->smilesColumn());
        state.insert(QStringLiteral("target_column"), m_model->targetColumn());
    }
    return state;
}

bool GraphsWorkspace::restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error)
{
    const QString input = state.value(QStringLiteral("input")).toString();
    view();
    if (!m_applyingStep)
        undoStack()->clear(); // the edits before the project are not the project's
    QString refusal;
    const QString model = paths.resolveModel(state.value(QStringLiteral("model")).toString(), &refusal);
    if (!refusal.isEmpty()) {
        if (error)
            *error = refusal;
        return false;
    }
    m_model->setModel(model);
    m_model->setAggregation(state.value(QStringLiteral("aggregation")).toString());
    if (input == QLatin1String("infection")) {
        graphs::InfectionSettings settings;
        settings.minNodes = state.value(QStringLiteral("min_nodes")).toInt(settings.minNodes);
        settings.maxNodes = state.value(QStringLiteral("max_nodes")).toInt(settings.maxNodes);
        settings.maxPercentSick = state.value(QStringLiteral("sick")).toDouble(settings.maxPercentSick);
        settings.maxPercentImmune = state.value(QStringLiteral("immune")).toDouble(settings.maxPercentImmune);
        settings.maxPercentVirtual = state.value(QStringLiteral("virtual")).toDouble(settings.maxPercentVirtual);
        m_model->showInfection(quint64(state.value(QStringLiteral("seed")).toDouble(1)), settings);
        const QString target = state.value(QStringLiteral("target")).toString();
        if (target.startsWith(QLatin1String("node:")))
            m_model->setTarget(target);
    } else if (input == QLatin1String("smiles")) {
        m_model->showSmiles(state.value(QStringLiteral("smiles")).toString());
    } else if (input == QLatin1String("file")) {
        const QString file = paths.resolve(state.value(QStringLiteral("file")).toString(), &refusal);
        if (file.isEmpty()) {
            if (error)
                *error = refusal;
            return false;
        }
        if (!QFileInfo(file).isFile()) {
            if (error)
                *error = tr("%1 does not exist").arg(file);
            return false;
        }
        m_model->openMoleculeFile(QFileInfo(file).absoluteFilePath(), state.value(QStringLiteral("smiles_column")).toString(),
                                  state.value(QStringLiteral("target_column")).toString(), state.value(QStringLiteral("index")).toInt());
    }
    return true;
}

void GraphsWorkspace::recordStep(const QString &text, const std::function<void()> &change, const std::optional<QJsonObject> &after,
                                 const QJsonObject &expected)
{
    if (m_applyingStep) {
        change();
        return;
    }
    const QJsonObject before = saveState(ProjectPaths());
    change();
    QJsonObject now = after ? *after : saveState(ProjectPaths());
    for (auto it = expected.begin(); it != expected.end(); ++it)
        now.insert(it.key(), it.value());
    if (now == before)
        return;
    undoStack()->push(new SettingCommand(text, before, now, [this](const QVariant &state) { applyUndoState(state.toJsonObject()); }, true));
}

void GraphsWorkspace::applyUndoState(const QJsonObject &state)
{
    const QScopedValueRollback<bool> applying(m_applyingStep, true);
    const QString input = state.value(QStringLiteral("input")).toString();
    if (input.isEmpty()) { // before the first input: nothing shown
        m_model->setModel(ProjectPaths().resolveModel(state.value(QStringLiteral("model")).toString(), nullptr));
        m_model->clear();
        return;
    }
    // Another molecule of the file already read: no need to read it again.
    const GraphsModel::Input &current = m_model->input();
    if (input == QLatin1String("file") && m_model->molecules() && state.value(QStringLiteral("file")).toString() == current.moleculeFile &&
        state.value(QStringLiteral("model")).toString() == ProjectPaths().toStoredModel(m_model->model()) &&
        state.value(QStringLiteral("smiles_column")).toString() == m_model->smilesColumn() &&
        state.value(QStringLiteral("target_column")).toString() == m_model->targetColumn()) {
        m_model->selectMolecule(state.value(QStringLiteral("index")).toInt());
        return;
    }
    QString error;
    if (!restoreState(state, ProjectPaths(), &error))
        logProblem(error);
}

QList<DemoEntry> GraphsWorkspace::demoEntries() const
{
    return {{id(), QStringLiteral("infection"), tr("Graphs: which edges spread an infection?"),
             tr("A generated infection graph explained by SA, GBP, LRP and IG with the built-in InfectionGN, scored against the true "
                "infection paths.")},
            {id(), QStringLiteral("molecule"), tr("Graphs: which atoms drive solubility?"),
             tr("Paracetamol explained by the built-in solubility model, in 2-D and 3-D.")}};
}

bool GraphsWorkspace::openDemo(const QString &demoId, QString *error)
{
    view();
    undoStack()->clear(); // a demo starts afresh
    if (demoId == QLatin1String("infection")) {
        m_model->setModel(QString());
        m_model->showInfection(1);
        return true;
    }
    if (demoId == QLatin1String("molecule")) {
        m_model->setModel(QString());
        m_model->showSmiles(QString::fromLatin1(kMoleculeDemo));
        return true;
    }
    return Workspace::openDemo(demoId, error);
}

bool GraphsWorkspace::exportFigure(const QString &path, const FigureOptions &options, QString *error)
{
    view();
    if (m_model->explanations().methods.isEmpty()) {
        if (error)
            *error = tr("There is nothing to export yet: explain a graph or a molecule first");
        return false;
    }
    std::vector<std::unique_ptr<FigurePanel>> owned;
    for (GraphCanvas *canvas : m_view->canvases())
        owned.push_back(figurePanel(canvas->picture()));
    owned.push_back(figurePanel(m_view->barsPlot()));
    owned.push_back(figurePanel(m_view->heatmapPlot()));
    owned.push_back(figurePanel(m_view->edgeDeletionPlot()));
    owned.push_back(figurePanel(m_view->nodeDeletionPlot()));
    if (widgets::VtkView *view3d = m_view->view3d(); view3d && view3d->isVisible())
        owned.push_back(figurePanel(static_cast<QWidget *>(view3d))); // the 3-D molecule as rendered
    return app::exportFigure(panelList(owned), 2, options, path, error);
}

} // namespace periscope::app
