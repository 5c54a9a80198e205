// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/openvocab/OpenVocabularyWorkspace.h"

#include "app/data/ImageInputs.h"
#include "app/figures/OpenVocabFigure.h"
#include "app/models/BuiltInOpenVocabModels.h"
#include "app/workspaces/openvocab/OpenVocabularyModel.h"
#include "app/workspaces/openvocab/OpenVocabularyView.h"
#include "app/workspaces/slots/SlotsWorkspace.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTabWidget>

#include <cmath>

namespace periscope::app {

namespace {
// Each in its suggested colour (a CLEVR colour in that colour).
QList<OpenVocabPrompt> coloured(const QStringList &texts)
{
    QList<OpenVocabPrompt> prompts;
    for (const QString &text : texts)
        prompts << OpenVocabPrompt{text, QColor()};
    return prompts;
}
} // namespace

OpenVocabularyWorkspace::OpenVocabularyWorkspace(const WorkspaceContext &context, QObject *parent)
    : Workspace(context, parent), m_model(new OpenVocabularyModel(context.jobs, context.compute, this))
{
    connect(m_model, &OpenVocabularyModel::problem, this, &OpenVocabularyWorkspace::logProblem);
    for (auto signal : {&OpenVocabularyModel::imagesChanged, &OpenVocabularyModel::promptsChanged, &OpenVocabularyModel::settingsChanged,
                        &OpenVocabularyModel::modelChanged})
        connect(m_model, signal, this, &Workspace::stateChanged);
}

OpenVocabularyWorkspace::~OpenVocabularyWorkspace()
{
    delete m_view.data();
}

QIcon OpenVocabularyWorkspace::icon() const
{
    return QIcon(QStringLiteral(":/icons/open-vocabulary.svg"));
}

QStringList OpenVocabularyWorkspace::fileSuffixes() const
{
    return {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg")};
}

QStringList OpenVocabularyWorkspace::demoPrompts()
{
    return {QStringLiteral("red objects"),    QStringLiteral("blue objects"), QStringLiteral("green objects"),
            QStringLiteral("yellow objects"), QStringLiteral("purple objects"), QStringLiteral("cyan objects"),
            QStringLiteral("gray objects"),   QStringLiteral("brown objects")};
}

QWidget *OpenVocabularyWorkspace::view()
{
    if (!m_view) {
        m_view = new OpenVocabularyView(m_model, undoStack());
        connect(m_view, &OpenVocabularyView::viewSettingsChanged, this, &Workspace::stateChanged);
        // However the workspace was reached (the workspace bar, --workspace, a project), the
        // built-in model is there to try: never an empty "No model".
        ensureModel();
    }
    return m_view;
}

OpenVocabularyView *OpenVocabularyWorkspace::openVocabularyView() const
{
    return m_view;
}

void OpenVocabularyWorkspace::ensureModel()
{
    if (!m_model->model(OpenVocabSide::A).name.isEmpty())
        return;
    QString error;
    if (resolveOpenVocabModel(builtInOpenVocabModelName(), &error).isEmpty())
        return;
    // The built-in model knows scenes' words: start with prompts it can answer.
    if (m_model->prompts().isEmpty())
        m_model->setPrompts(coloured(demoPrompts()));
    m_model->setModel(builtInOpenVocabModelName());
}

bool OpenVocabularyWorkspace::openFile(const QString &path, QString *error)
{
    if (!checkReadable(path, error))
        return false;
    const QFileInfo file(path);
    if (file.isFile() && !isImageFile(path)) {
        if (error)
            *error = tr("%1 is neither an image nor a folder").arg(file.fileName());
        return false;
    }
    view();
    ensureModel();
    m_view->openImages(inputsAfterOpening(m_model->inputs(), path)); // a step of the undo stack
    Q_EMIT fileOpened(file.absoluteFilePath());
    return true;
}

QStringList OpenVocabularyWorkspace::openFiles() const
{
    return m_model->inputs();
}

QJsonObject OpenVocabularyWorkspace::saveState(const ProjectPaths &paths) const
{
    QJsonObject state;
    state.insert(QStringLiteral("inputs"), QJsonArray::fromStringList(paths.toStored(m_model->inputs())));
    state.insert(QStringLiteral("model"), paths.toStoredModel(m_model->model(OpenVocabSide::A).name));
    if (!m_model->model(OpenVocabSide::B).name.isEmpty())
        state.insert(QStringLiteral("compare"), paths.toStoredModel(m_model->model(OpenVocabSide::B).name));
    QJsonArray prompts;
    for (const OpenVocabPrompt &p : m_model->prompts())
        prompts.append(QJsonObject{{QStringLiteral("text"), p.text}, {QStringLiteral("color"), p.color.name()}});
    state.insert(QStringLiteral("prompts"), prompts);
    state.insert(QStringLiteral("templates"), QString::fromStdString(openvocab::toString(m_model->templates())));
    if (m_model->background())
        state.insert(QStringLiteral("background"), *m_model->background());
    state.insert(QStringLiteral("selected"), m_model->selected());
    if (m_view) {
        state.insert(QStringLiteral("tab"), m_view->tabs()->currentIndex());
        state.insert(QStringLiteral("page"), m_view->pages()->currentIndex());
        state.insert(QStringLiteral("shown_map"), m_view->shownPromptMap());
    }
    return state;
}

bool OpenVocabularyWorkspace::restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error)
{
    view();
    QStringList refused;
    QList<OpenVocabPrompt> prompts;
    for (const QJsonValue &v : state.value(QStringLiteral("prompts")).toArray()) {
        const QJsonObject o = v.toObject();
        const QColor color(o.value(QStringLiteral("color")).toString());
        prompts << OpenVocabPrompt{o.value(QStringLiteral("text")).toString(), color.isValid() ? color : QColor()};
    }
    m_model->setPrompts(prompts);
    try {
        m_model->setTemplates(openvocab::parsePromptTemplates(state.value(QStringLiteral("templates")).toString(QStringLiteral("none")).toStdString()));
    } catch (const std::exception &e) {
        refused << QString::fromUtf8(e.what());
    }
    const QJsonValue background = state.value(QStringLiteral("background"));
    m_model->setBackground(background.isDouble() && std::isfinite(background.toDouble()) ? std::optional<double>(background.toDouble()) : std::nullopt);
    m_view->tabs()->setCurrentIndex(state.value(QStringLiteral("tab")).toInt());
    m_view->pages()->setCurrentIndex(state.value(QStringLiteral("page")).toInt());
    for (const auto &[key, side] : {std::pair{QStringLiteral("model"), OpenVocabSide::A}, std::pair{QStringLiteral("compare"), OpenVocabSide::B}}) {
        QString refusal;
        const QString name = paths.resolveModel(state.value(key).toString(), &refusal);
        if (!refusal.isEmpty())
            refused << refusal;
        if (!name.isEmpty())
            m_model->setModel(name, side);
    }
    if (m_model->model(OpenVocabSide::A).name.isEmpty())
        ensureModel();
    m_model->open(resolveInputs(state.value(QStringLiteral("inputs")), paths, &refused));
    const int selected = state.value(QStringLiteral("selected")).toInt();
    const int shownMap = state.value(QStringLiteral("shown_map")).toInt(-1);
    // The selection and the map shown apply once the images are listed and analysed.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_model, &OpenVocabularyModel::detailReady, this, [this, selected, shownMap, connection] {
        if (m_model->images().isEmpty())
            return;
        disconnect(*connection);
        if (selected > 0 && selected < m_model->images().size())
            m_model->select(selected);
        if (shownMap >= 0 && m_view)
            m_view->showPromptMap(shownMap);
    });
    undoStack()->clear(); // the edits before the project are not the project's
    return finishRestore(refused, error);
}

QList<DemoEntry> OpenVocabularyWorkspace::demoEntries() const
{
    return {{id(), QStringLiteral("scenes"), tr("Open vocabulary: find objects by typed words"),
             tr("Generated scenes segmented by colour prompts with the built-in small dino.txt (trained here), each prompt's IoU "
                "against the true objects beside the shuffled-prompt chance level.")}};
}

bool OpenVocabularyWorkspace::openDemo(const QString &demoId, QString *error)
{
    if (demoId != QLatin1String("scenes"))
        return Workspace::openDemo(demoId, error);
    const QString folder = slotsDemoFolder();
    QString modelError;
    if (folder.isEmpty() || resolveOpenVocabModel(builtInOpenVocabModelName(), &modelError).isEmpty()) {
        if (error)
            *error = tr("The Open-vocabulary demo's scenes or model are missing from this installation");
        return false;
    }
    view();
    undoStack()->clear(); // a demo starts afresh
    m_model->setPrompts(coloured(demoPrompts()));
    m_model->setModel(builtInOpenVocabModelName());
    m_model->open({folder});
    return true;
}

bool OpenVocabularyWorkspace::exportFigure(const QString &path, const FigureOptions &options, QString *error)
{
    view();
    const OpenVocabDetail &d = m_model->detail();
    const QList<OpenVocabPrompt> &prompts = m_model->prompts();
    if (d.index < 0 || !d.figure[0] || d.figure[0]->prompts != m_model->promptTexts()) {
        if (error)
            *error = tr("There is nothing to export yet: open an image, add prompts and let the model segment it");
        return false;
    }
    QList<QColor> colors;
    for (const OpenVocabPrompt &p : prompts)
        colors << p.color;
    const QString name = m_model->images()[d.index].entry.name;
    std::vector<std::unique_ptr<FigurePanel>> owned;
    OpenVocabFigure first;
    for (int s = 0; s < kOpenVocabSides; ++s) {
        if (!d.figure[std::size_t(s)] || d.figure[std::size_t(s)]->prompts != m_model->promptTexts())
            continue;
        OpenVocabFigure figure = *d.figure[std::size_t(s)];
        figure.colors = colors;
        owned.push_back(openVocabSegmentationPanel(figure));
        if (s == 0)
            first = figure;
    }
    owned.push_back(openVocabSimilarityPanel(first));
    FigureOptions withCaption = options;
    if (withCaption.caption.isEmpty()) {
        const QString model = QFileInfo(m_model->model(OpenVocabSide::A).name).completeBaseName();
        withCaption.caption = tr("%1: segmentation by the prompts (background below %2), each prompt's similarity from %3 to %4; %5")
                                  .arg(name)
                                  .arg(m_model->effectiveBackground(OpenVocabSide::A), 0, 'f', 2)
                                  .arg(double(first.low), 0, 'f', 2)
                                  .arg(double(first.high), 0, 'f', 2)
                                  .arg(model);
        if (owned.size() == 3)
            withCaption.caption += tr("; beside it %1").arg(QFileInfo(m_model->model(OpenVocabSide::B).name).completeBaseName());
        const std::optional<openvocab::SceneScoreboard> score = m_model->folderScore(OpenVocabSide::A);
        if (score && score->images() > 0)
            withCaption.caption += tr("; prompt mIoU %1, shuffled prompts %2 (scenes: %3)")
                                       .arg(score->mean(), 0, 'f', 3)
                                       .arg(score->shuffledMean(), 0, 'f', 3)
                                       .arg(score->images());
    }
    return app::exportFigure(panelList(owned), int(owned.size()), withCaption, path, error);
}

} // namespace periscope::app
