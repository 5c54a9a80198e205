// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/relations/RelationsWorkspace.h"

#include "app/data/ImageInputs.h"
#include "app/data/RelationInputs.h"
#include "app/figures/RelationsFigure.h"
#include "app/models/BuiltInModels.h"
#include "app/models/BuiltInRelationModels.h"
#include "app/workspaces/relations/RelationsModel.h"
#include "app/workspaces/relations/RelationsView.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTabWidget>
#include <QUndoCommand>

namespace periscope::app {

namespace {

using Objects = std::optional<std::vector<relations::RelationObject>>;

int indexOfImage(const RelationsModel *model, const QString &path)
{
    for (int i = 0; i < model->images().size(); ++i)
        if (QString::fromStdString(model->images()[i].image.imagePath) == path)
            return i;
    return -1;
}

// One edit of an image's drawn boxes (add, remove, back to the source's), by the image's path so
// that it still finds its image after the set was read again.
class SetObjectsCommand : public QUndoCommand {
public:
    SetObjectsCommand(RelationsModel *model, const QString &imagePath, Objects before, Objects after, const QString &text)
        : QUndoCommand(text), m_model(model), m_path(imagePath), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

private:
    void apply(const Objects &objects)
    {
        const int index = indexOfImage(m_model, m_path);
        if (index < 0)
            return;
        m_model->select(index);
        m_model->setDrawnObjects(index, objects);
    }

    RelationsModel *m_model;
    QString m_path;
    Objects m_before, m_after;
};

QJsonArray boxJson(const relations::Box &box)
{
    return {box.x1, box.y1, box.x2, box.y2};
}

} // namespace

QString relationsDemoFolder()
{
    const QString folder = builtInScenesFolder(QStringLiteral("relations"), builtInRelationModelName(), QStringLiteral("relations-demo"));
    return !folder.isEmpty() && isRelationFolder(folder) ? folder : QString();
}

RelationsWorkspace::RelationsWorkspace(const WorkspaceContext &context, QObject *parent)
    : Workspace(context, parent), m_model(new RelationsModel(context.jobs, this))
{
    connect(m_model, &RelationsModel::problem, this, &RelationsWorkspace::logProblem);
    connect(m_model, &RelationsModel::imagesChanged, this, &Workspace::stateChanged);
    connect(m_model, &RelationsModel::modelChanged, this, &Workspace::stateChanged);
}

RelationsWorkspace::~RelationsWorkspace()
{
    delete m_view.data();
}

QIcon RelationsWorkspace::icon() const
{
    return QIcon(QStringLiteral(":/icons/relations.svg"));
}

QStringList RelationsWorkspace::fileSuffixes() const
{
    // Images open in Colorize by default; here through --workspace relations, the view or a project.
    return {};
}

bool RelationsWorkspace::recognisesFolder(const QString &folder) const
{
    return isRelationFolder(folder);
}

QWidget *RelationsWorkspace::view()
{
    if (!m_view) {
        m_view = new RelationsView(m_model, undoStack());
        connect(m_view, &RelationsView::viewSettingsChanged, this, &Workspace::stateChanged);
        connect(m_view, &RelationsView::boxDrawn, this, &RelationsWorkspace::addBox);
        connect(m_view, &RelationsView::removeBoxRequested, this, &RelationsWorkspace::removeBox);
        connect(m_view, &RelationsView::resetBoxesRequested, this, &RelationsWorkspace::resetBoxes);
    }
    return m_view;
}

RelationsView *RelationsWorkspace::relationsView() const
{
    return m_view;
}

void RelationsWorkspace::ensureModel()
{
    if (m_model->hasModel() || !m_model->modelName().isEmpty())
        return;
    QString error;
    if (!resolveRelationModel(builtInRelationModelName(), &error).isEmpty())
        m_model->setModel(builtInRelationModelName());
}

bool RelationsWorkspace::openFile(const QString &path, QString *error)
{
    if (!checkReadable(path, error))
        return false;
    const QFileInfo file(path);
    if (file.isDir() && relations::recogniseRelationFolder(file.absoluteFilePath().toStdString()).empty()) {
        if (error)
            *error = tr("%1 is not a relations dataset: expected scenes (scenes.json), VRD (json_dataset/) or HICO-DET (annotations/)")
                         .arg(file.fileName());
        return false;
    }
    if (file.isFile() && !isImageFile(path)) {
        if (error)
            *error = tr("%1 is neither a relations dataset folder nor an image").arg(file.fileName());
        return false;
    }
    view();
    ensureModel();
    m_view->openInputs(inputsAfterOpening(m_model->inputs(), path), m_model->split()); // a step of the undo stack
    Q_EMIT fileOpened(file.absoluteFilePath());
    return true;
}

QStringList RelationsWorkspace::openFiles() const
{
    return m_model->inputs();
}

void RelationsWorkspace::addBox(const QRectF &box, int category)
{
    const int index = m_model->selected();
    if (index < 0)
        return;
    const Objects before = m_model->drawnObjects(index);
    std::vector<relations::RelationObject> after = before ? *before : m_model->images()[index].image.objects;
    relations::RelationObject object;
    object.box = {box.left(), box.top(), box.right(), box.bottom()};
    object.category = category;
    after.push_back(object);
    undoStack()->push(new SetObjectsCommand(m_model, QString::fromStdString(m_model->images()[index].image.imagePath), before, after,
                                            tr("Draw a box")));
    Q_EMIT stateChanged();
}

void RelationsWorkspace::removeBox(int object)
{
    const int index = m_model->selected();
    if (index < 0 || object < 0 || std::size_t(object) >= m_model->images()[index].image.objects.size())
        return;
    const Objects before = m_model->drawnObjects(index);
    std::vector<relations::RelationObject> after = m_model->images()[index].image.objects;
    after.erase(after.begin() + object);
    undoStack()->push(new SetObjectsCommand(m_model, QString::fromStdString(m_model->images()[index].image.imagePath), before, after,
                                            tr("Remove a box")));
    Q_EMIT stateChanged();
}

void RelationsWorkspace::resetBoxes()
{
    const int index = m_model->selected();
    if (index < 0 || !m_model->drawnObjects(index))
        return;
    undoStack()->push(new SetObjectsCommand(m_model, QString::fromStdString(m_model->images()[index].image.imagePath),
                                            m_model->drawnObjects(index), std::nullopt, tr("Use the source's boxes")));
    Q_EMIT stateChanged();
}

QJsonObject RelationsWorkspace::saveState(const ProjectPaths &paths) const
{
    QJsonObject state;
    state.insert(QStringLiteral("inputs"), QJsonArray::fromStringList(paths.toStored(m_model->inputs())));
    state.insert(QStringLiteral("split"), m_model->split());
    state.insert(QStringLiteral("model"), paths.toStoredModel(m_model->modelName()));
    const RelationBoxSource source = m_model->boxSource();
    if (!source.detections.isEmpty())
        state.insert(QStringLiteral("detections"), paths.toStored(source.detections));
    state.insert(QStringLiteral("min_score"), source.minScore);
    const relations::ExplainerOptions options = m_model->options();
    state.insert(QStringLiteral("explain_logits"), options.explainLogits);
    state.insert(QStringLiteral("method"), QString::fromStdString(relations::relevanceMethodName(options.method)));
    if (!m_model->priorFolder().isEmpty()) {
        state.insert(QStringLiteral("prior"), m_model->priorKind());
        state.insert(QStringLiteral("prior_data"), paths.toStored(m_model->priorFolder()));
    }
    state.insert(QStringLiteral("selected"), m_model->selected());
    state.insert(QStringLiteral("predicate"), m_model->selectedPredicate());
    if (m_view)
        state.insert(QStringLiteral("tab"), m_view->sideTabs()->currentIndex());
    QJsonArray drawn;
    const auto all = m_model->allDrawnObjects();
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        QJsonArray objects;
        for (const relations::RelationObject &o : it.value())
            objects.append(QJsonObject{{QStringLiteral("box"), boxJson(o.box)}, {QStringLiteral("category"), o.category}});
        drawn.append(QJsonObject{{QStringLiteral("image"), paths.toStored(it.key())}, {QStringLiteral("objects"), objects}});
    }
    state.insert(QStringLiteral("drawn"), drawn);
    return state;
}

bool RelationsWorkspace::restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error)
{
    view();
    undoStack()->clear(); // the edits before the project are not the project's
    QStringList refused;
    QString refusal;
    const QString modelName = paths.resolveModel(state.value(QStringLiteral("model")).toString(), &refusal);
    if (!refusal.isEmpty())
        refused << refusal;
    // No model stored: none was chosen or loaded when it was saved. The built-in one loads when
    // the workspace is first given something to analyse, as in a fresh window; loading it here
    // would cost the time for nothing and make the project differ from its file.
    if (!modelName.isEmpty())
        m_model->setModel(modelName);
    relations::ExplainerOptions options = defaultRelationsOptions();
    options.explainLogits = state.value(QStringLiteral("explain_logits")).toBool(options.explainLogits);
    try {
        options.method = relations::parseRelevanceMethod(state.value(QStringLiteral("method")).toString(QStringLiteral("gradient")).toStdString());
    } catch (const std::exception &e) {
        refused << QString::fromUtf8(e.what());
    }
    m_model->setOptions(options);
    if (state.contains(QStringLiteral("prior_data"))) {
        refusal.clear();
        const QString priorData = paths.resolve(state.value(QStringLiteral("prior_data")).toString(), &refusal);
        if (!refusal.isEmpty())
            refused << refusal;
        else
            m_model->setPrior(state.value(QStringLiteral("prior")).toString(QStringLiteral("s,o|p")), priorData);
    } else {
        m_model->setPrior({}, {});
    }
    RelationBoxSource source;
    source.minScore = std::clamp(state.value(QStringLiteral("min_score")).toDouble(source.minScore), 0.0, 1.0);
    if (state.contains(QStringLiteral("detections"))) {
        refusal.clear();
        source.detections = paths.resolve(state.value(QStringLiteral("detections")).toString(), &refusal);
        if (!refusal.isEmpty())
            refused << refusal;
    }
    QHash<QString, std::vector<relations::RelationObject>> drawn;
    for (const QJsonValue &entry : state.value(QStringLiteral("drawn")).toArray()) {
        refusal.clear();
        const QString image = paths.resolve(entry.toObject().value(QStringLiteral("image")).toString(), &refusal);
        if (!refusal.isEmpty()) {
            refused << refusal;
            continue;
        }
        std::vector<relations::RelationObject> objects;
        for (const QJsonValue &o : entry.toObject().value(QStringLiteral("objects")).toArray()) {
            const QJsonArray box = o.toObject().value(QStringLiteral("box")).toArray();
            relations::RelationObject object;
            object.box = {box.at(0).toDouble(), box.at(1).toDouble(), box.at(2).toDouble(), box.at(3).toDouble()};
            object.category = o.toObject().value(QStringLiteral("category")).toInt(-1);
            if (box.size() == 4 && object.box.isValid() && object.category >= 0)
                objects.push_back(object);
        }
        drawn.insert(image, objects);
    }
    m_model->setAllDrawnObjects(drawn);
    const QStringList present = resolveInputs(state.value(QStringLiteral("inputs")), paths, &refused);
    m_model->setBoxSource(source);
    if (!present.isEmpty())
        m_model->open(present, state.value(QStringLiteral("split")).toString(QStringLiteral("test")),
                      state.value(QStringLiteral("selected")).toInt(0));
    m_model->selectPredicate(state.value(QStringLiteral("predicate")).toInt(-1));
    m_view->sideTabs()->setCurrentIndex(state.value(QStringLiteral("tab")).toInt());
    return finishRestore(refused, error);
}

QList<DemoEntry> RelationsWorkspace::demoEntries() const
{
    return {{id(), QStringLiteral("scenes"), tr("Relations: who is on, touching or near whom"),
             tr("Generated scenes with stacked and touching objects; the built-in model, trained on image-level predicate labels only, "
                "finds each predicate's subject and object by explaining its decision.")}};
}

bool RelationsWorkspace::openDemo(const QString &demoId, QString *error)
{
    if (demoId != QLatin1String("scenes"))
        return Workspace::openDemo(demoId, error);
    const QString folder = relationsDemoFolder();
    QString modelError;
    if (folder.isEmpty() || resolveRelationModel(builtInRelationModelName(), &modelError).isEmpty()) {
        if (error)
            *error = tr("The Relations demo's scenes or model are missing from this installation");
        return false;
    }
    view();
    undoStack()->clear(); // a demo starts afresh
    if (m_model->modelName() != builtInRelationModelName())
        m_model->setModel(builtInRelationModelName());
    m_model->open({folder});
    return true;
}

bool RelationsWorkspace::exportFigure(const QString &path, const FigureOptions &options, QString *error)
{
    view();
    const int index = m_model->selected();
    if (index < 0 || !m_model->images()[index].analysed || m_model->selectedPixels().isNull()) {
        if (error)
            *error = tr("There is nothing to export yet: open images and let the model recover their relations");
        return false;
    }
    RelationFigure figure = m_view->currentFigure();
    if (!m_model->modelName().isEmpty())
        figure.title += QStringLiteral("; ") + QFileInfo(m_model->modelName()).completeBaseName();
    return exportRelationFigure(figure, options, path, error);
}

} // namespace periscope::app
