// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <QPointer>

namespace periscope::app {

class SlotsModel;
class SlotsView;

// Object-centric representations (Baldassarre & Azizpour, "Towards Self-Supervised Learning of
// Global and Object-Centric Representations", ICLR 2022 workshop): generate or open scenes, see
// which image regions each slot attends to, how its mask matches the true objects (IoU, ARI),
// explore the slot embeddings, train the model. Engine: engine/slots (model, losses, training,
// evaluation) and engine/scenes (the scene generator); model: SlotsModel; view: SlotsView.
class SlotsWorkspace : public Workspace {
    Q_OBJECT
public:
    static constexpr const char *kId = "slots";

    explicit SlotsWorkspace(const WorkspaceContext &context, QObject *parent = nullptr);
    ~SlotsWorkspace() override;

    QString id() const override { return QString::fromLatin1(kId); }
    QString title() const override { return tr("Slots"); }
    QIcon icon() const override;
    QStringList fileSuffixes() const override;
    bool opensFolders() const override { return true; }
    bool recognisesFolder(const QString &folder) const override; // a scene folder (scenes.json, CLEVR's layout)
    QWidget *view() override;

    // A scene folder, a folder of images, or an image.
    bool openFile(const QString &path, QString *error) override;
    QStringList openFiles() const override;
    QJsonObject saveState(const ProjectPaths &paths) const override;
    bool restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error) override;
    QList<DemoEntry> demoEntries() const override;
    bool openDemo(const QString &demoId, QString *error) override;
    // The selected scene with its slot masks, the slots' attention maps, and the embedding scatter.
    using Workspace::exportFigure;
    bool exportFigure(const QString &path, const FigureOptions &options, QString *error) override;

    SlotsModel *model() const { return m_model; }
    SlotsView *slotsView() const;

private:
    void ensureModel();

    SlotsModel *m_model;
    QPointer<SlotsView> m_view;
};

// The demo's scenes (rendered by tools/train-slots-model.sh with the generator; shipped under
// resources/scenes/demo): the folder when it exists, else empty.
QString slotsDemoFolder();

} // namespace periscope::app
