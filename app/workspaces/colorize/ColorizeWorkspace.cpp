// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/colorize/ColorizeWorkspace.h"

#include "app/figures/ColorizeFigure.h"
#include "app/shell/WidgetFigures.h"

#include "app/models/BuiltInColorizers.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/ColorizeView.h"
#include "app/workspaces/colorize/StudyPanel.h"
#include "widgets/plotview/PlotView.h"

#include <QFileInfo>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QScopedValueRollback>
#include <QUndoCommand>

#include <cmath>

namespace periscope::app {

namespace {
// Clear as an undoable step: the photos, their results and the selection come back on undo.
class ClearPhotosCommand : public QUndoCommand {
public:
    explicit ClearPhotosCommand(ColorizeModel *model)
        : QUndoCommand(QCoreApplication::translate("periscope::app::ColorizeWorkspace", "Clear %n photo(s)", nullptr, int(model->photos().size()))),
          m_model(model), m_photos(model->photos()), m_selected(model->selected())
    {
    }
    void redo() override { m_model->clear(); }
    void undo() override { m_model->restorePhotos(m_photos, m_selected); }

private:
    ColorizeModel *m_model;
    QList<ColorizePhoto> m_photos;
    int m_selected;
};

// Opening photos or folders as an undoable step: undo puts back the photos there were before.
class OpenPhotosCommand : public QUndoCommand {
public:
    OpenPhotosCommand(ColorizeModel *model, const QStringList &paths)
        : QUndoCommand(QCoreApplication::translate("periscope::app::ColorizeWorkspace", "Open %n photo(s) or folder(s)", nullptr, int(paths.size()))),
          m_model(model), m_paths(paths), m_before(model->photos()), m_selected(model->selected())
    {
    }
    void redo() override { m_model->addPaths(m_paths); }
    void undo() override { m_model->restorePhotos(m_before, m_selected); }

private:
    ColorizeModel *m_model;
    QStringList m_paths;
    QList<ColorizePhoto> m_before;
    int m_selected;
};

// Choosing another colorizer as an undoable step: undo goes back to the model before.
class SetColorizerCommand : public QUndoCommand {
public:
    SetColorizerCommand(ColorizeModel *model, const QString &before, const QString &after)
        : QUndoCommand(QCoreApplication::translate("periscope::app::ColorizeWorkspace", "Choose the colorizer %1").arg(QFileInfo(after).fileName())),
          m_model(model), m_before(before), m_after(after)
    {
    }
    void redo() override { m_model->setModel(m_after); }
    void undo() override
    {
        if (!m_before.isEmpty())
            m_model->setModel(m_before);
    }

private:
    ColorizeModel *m_model;
    QString m_before, m_after;
};
} // namespace

ColorizeWorkspace::ColorizeWorkspace(const WorkspaceContext &context, QObject *parent)
    : Workspace(context, parent), m_model(new ColorizeModel(context.jobs, this)), m_steps(undoStack())
{
    connect(m_model, &ColorizeModel::problem, this, &ColorizeWorkspace::logProblem);
    connect(m_model, &ColorizeModel::photosChanged, this, &Workspace::stateChanged);
    connect(m_model, &ColorizeModel::modelChanged, this, &Workspace::stateChanged);
}

ColorizeWorkspace::~ColorizeWorkspace()
{
    delete m_view.data();
}

QIcon ColorizeWorkspace::icon() const
{
    return QIcon(QStringLiteral(":/icons/colorize.svg"));
}

QStringList ColorizeWorkspace::fileSuffixes() const
{
    return {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("tif"),
            QStringLiteral("tiff"), QStringLiteral("webp"), QStringLiteral("bmp")};
}

QWidget *ColorizeWorkspace::view()
{
    if (!m_view) {
        m_view = new ColorizeView(m_model);
        connect(m_view, &ColorizeView::viewSettingsChanged, this, &Workspace::stateChanged);
        connect(m_view, &ColorizeView::viewSettingsChanged, this, &ColorizeWorkspace::recordViewSettings);
        StudyPanel *study = m_view->studyPanel();
        connect(study, &StudyPanel::studyChanged, this, &Workspace::stateChanged);
        connect(study, &StudyPanel::studySwitched, this, [this, study](const QString &before, const QString &after) {
            const QString text = after.isEmpty() ? tr("Close the study") : tr("Open the study %1").arg(QFileInfo(after).fileName());
            m_steps.record(text, before, after, [this, study](const QVariant &path) {
                QString error;
                if (!study->showStudy(path.toString(), &error))
                    logProblem(error);
            });
        });
        connect(study, &StudyPanel::designEdited, this, [this, study](const QVariantMap &before, const QVariantMap &after) {
            m_steps.record(tr("Edit the study's design"), before, after, [this, study](const QVariant &values) {
                QString error;
                if (!study->setDesignValues(values.toMap(), &error))
                    logProblem(error);
            });
        });
        connect(m_view, &ColorizeView::openRequested, this, [this](const QStringList &paths) {
            if (!paths.isEmpty())
                undoStack()->push(new OpenPhotosCommand(m_model, paths));
        });
        connect(m_view, &ColorizeView::modelRequested, this, [this](const QString &model) {
            if (model != m_model->model())
                undoStack()->push(new SetColorizerCommand(m_model, m_model->model(), model));
        });
        connect(m_view, &ColorizeView::temperatureRequested, this, [this](double temperature) {
            if (!m_model->hasTemperature())
                return;
            m_steps.push(tr("Set the annealed-mean temperature to T = %1").arg(temperature, 0, 'f', 2), m_model->temperature(), temperature,
                         [this](const QVariant &value) { m_model->setTemperature(value.toDouble()); });
        });
        connect(m_view, &ColorizeView::clearRequested, this, [this] {
            if (!m_model->photos().isEmpty())
                undoStack()->push(new ClearPhotosCommand(m_model));
        });
    }
    return m_view;
}

ColorizeView *ColorizeWorkspace::colorizeView() const
{
    return m_view;
}

ColorizeWorkspace::ViewSettings ColorizeWorkspace::viewSettings() const
{
    return {m_view->mode() == ColorizeView::Mode::Wipe ? 1 : 0, m_view->isErrorLayerVisible()};
}

void ColorizeWorkspace::recordViewSettings()
{
    const ViewSettings now = viewSettings();
    const ViewSettings before = std::exchange(m_recordedView, now);
    if (m_restoring || m_steps.isApplying())
        return;
    const QVariantList from{before.mode, before.errorLayer}, to{now.mode, now.errorLayer};
    const QString text = now.mode != before.mode ? (now.mode == 1 ? tr("Show the wipe view") : tr("Show side by side"))
                                                 : (now.errorLayer ? tr("Show the ΔE2000 layer") : tr("Hide the ΔE2000 layer"));
    m_steps.record(text, from, to, [this](const QVariant &value) { applyViewSettings(value); });
}

void ColorizeWorkspace::applyViewSettings(const QVariant &value)
{
    const QVariantList values = value.toList();
    if (!m_view || values.size() != 2)
        return;
    m_view->setMode(values[0].toInt() == 1 ? ColorizeView::Mode::Wipe : ColorizeView::Mode::SideBySide);
    m_view->setErrorLayerVisible(values[1].toBool());
    m_recordedView = viewSettings();
}

void ColorizeWorkspace::ensureModel()
{
    if (!m_model->hasModel() && m_model->model().isEmpty())
        m_model->setModel(builtInColorizerName());
}

bool ColorizeWorkspace::openFile(const QString &path, QString *error)
{
    if (!checkReadable(path, error))
        return false;
    const QFileInfo file(path);
    if (file.isFile() && !canOpen(path)) {
        if (error)
            *error = tr("%1 is not a photo (JPEG, PNG, TIFF, WebP or BMP)").arg(file.fileName());
        return false;
    }
    view();
    ensureModel();
    undoStack()->push(new OpenPhotosCommand(m_model, {file.absoluteFilePath()}));
    Q_EMIT fileOpened(file.absoluteFilePath());
    return true;
}

QStringList ColorizeWorkspace::openFiles() const
{
    return m_model->paths();
}

QJsonObject ColorizeWorkspace::saveState(const ProjectPaths &paths) const
{
    QJsonObject state;
    state.insert(QStringLiteral("photos"), QJsonArray::fromStringList(paths.toStored(m_model->paths())));
    state.insert(QStringLiteral("model"), paths.toStoredModel(m_model->model()));
    state.insert(QStringLiteral("selected"), m_model->selected());
    if (m_model->hasTemperature())
        state.insert(QStringLiteral("temperature"), m_model->temperature());
    if (m_view) {
        state.insert(QStringLiteral("mode"), m_view->mode() == ColorizeView::Mode::Wipe ? QStringLiteral("wipe") : QStringLiteral("side-by-side"));
        state.insert(QStringLiteral("error_layer"), m_view->isErrorLayerVisible());
        if (const QString study = m_view->studyPanel()->studyPath(); !study.isEmpty())
            state.insert(QStringLiteral("study"), paths.toStored(study));
    }
    return state;
}

bool ColorizeWorkspace::restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error)
{
    view();
    const QScopedValueRollback<bool> restoring(m_restoring, true);
    undoStack()->clear(); // the edits before the project are not the project's
    m_model->clear();
    QStringList refused;
    QString refusal;
    const QString modelName = paths.resolveModel(state.value(QStringLiteral("model")).toString(), &refusal);
    if (!refusal.isEmpty())
        refused << refusal;
    // The annealed-mean temperature the project had, applied once its model has loaded (absent: the model's own).
    m_model->setModel(modelName.isEmpty() ? builtInColorizerName() : modelName,
                      state.value(QStringLiteral("temperature")).toDouble(ColorizePhoto::kNone));
    QStringList stored;
    for (const QJsonValue &value : state.value(QStringLiteral("photos")).toArray())
        stored << value.toString();
    QStringList present, missing;
    for (const QString &path : paths.resolve(stored, &refused))
        (QFileInfo::exists(path) ? present : missing) << path;
    m_model->addPaths(present);
    m_view->setMode(state.value(QStringLiteral("mode")).toString() == QLatin1String("wipe") ? ColorizeView::Mode::Wipe
                                                                                             : ColorizeView::Mode::SideBySide);
    m_view->setErrorLayerVisible(state.value(QStringLiteral("error_layer")).toBool());
    m_recordedView = viewSettings();
    // The study the project had open (a project from before studies were kept has none).
    QString study, studyError;
    if (const QString stored = state.value(QStringLiteral("study")).toString(); !stored.isEmpty())
        study = paths.resolve({stored}, &refused).value(0);
    if (!m_view->studyPanel()->showStudy(study, &studyError))
        refused << studyError;
    if (!missing.isEmpty())
        refused.prepend(tr("%n photo(s) of the project are missing: %1", nullptr, int(missing.size())).arg(missing.join(QStringLiteral(", "))));
    return finishRestore(refused, error);
}

QList<DemoEntry> ColorizeWorkspace::demoEntries() const
{
    return {{id(), QStringLiteral("photos"), tr("Colorize: bring gray photos back to colour"),
             tr("Four opencv-doc photos the built-in colorizer never saw, colorized from their lightness and compared with their "
                "true colours.")}};
}

bool ColorizeWorkspace::openDemo(const QString &demoId, QString *error)
{
    if (demoId != QLatin1String("photos"))
        return Workspace::openDemo(demoId, error);
    const QStringList photos = colorizeDemoPhotos();
    if (photos.isEmpty()) {
        if (error)
            *error = tr("The demo photos come from Debian's opencv-doc package, which is not installed (%1)").arg(opencvSamplesFolder());
        return false;
    }
    view();
    undoStack()->clear(); // a demo starts afresh
    m_model->clear();
    m_model->setModel(builtInColorizerName());
    m_model->addPaths(photos);
    return true;
}

bool ColorizeWorkspace::exportFigure(const QString &path, const FigureOptions &options, QString *error)
{
    view();
    const QList<ColorizePhoto> &photos = m_model->photos();
    QList<int> rows;
    const int first = std::max(0, m_model->selected());
    for (int k = 0; k < photos.size() && rows.size() < kColorizeFigureRows; ++k) {
        const int i = (first + k) % int(photos.size());
        if (photos[i].isColorized())
            rows << i;
    }
    if (rows.isEmpty()) {
        if (error)
            *error = tr("There is nothing to export yet: colorize a photo first");
        return false;
    }
    QList<ColorizeFigureRow> figureRows;
    for (int i : rows) {
        const ColorizePhoto &p = photos[i];
        figureRows.append({QFileInfo(p.path).fileName(), p.grayPreview, p.resultPreview, p.truthPreview, p.hasTruth, p.psnr, p.ssim,
                           p.meanDeltaE, p.colourfulness, p.truthColourfulness});
    }
    std::vector<std::unique_ptr<FigurePanel>> owned = colorizeGridPanels(figureRows);
    if (m_model->detail().resultAb.bins > 0) {
        owned.push_back(figurePanel(m_view->resultHistogram()));
        owned.push_back(figurePanel(m_view->truthHistogram()));
    }
    FigureOptions withCaption = options;
    if (withCaption.caption.isEmpty()) {
        const ColorizeFolderMetrics m = m_model->folderMetrics();
        withCaption.caption = colorizeFigureCaption(m_model->modelDescription(), m_model->temperature(),
                                                    {m.count, m.psnr, m.grayPsnr, m.chroma, m.truthChroma});
    }
    return app::exportFigure(panelList(owned), 3, withCaption, path, error);
}

} // namespace periscope::app
