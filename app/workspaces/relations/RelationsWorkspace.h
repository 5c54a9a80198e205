// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <QPointer>

namespace periscope::app {

class RelationsModel;
class RelationsView;

// Visual relations recovered by explanation (Baldassarre, Smith, Sullivan & Azizpour,
// "Explanation-based Weakly-supervised Learning of Visual Relations with Graph Networks", ECCV
// 2020): a graph network over an image's objects classifies which predicates the image holds,
// trained on image-level labels only; explaining each predicate finds its subject and object.
// Open generated scenes, VRD, HICO-DET or images (boxes from the truth, a detector's file, or
// drawn here), see the graph over the image, each predicate's relevance, and recall@K.
// Engine: engine/relations (network, explainer, metrics, datasets); model: RelationsModel;
// view: RelationsView; figure: app/figures/RelationsFigure.
class RelationsWorkspace : public Workspace {
    Q_OBJECT
public:
    static constexpr const char *kId = "relations";

    explicit RelationsWorkspace(const WorkspaceContext &context, QObject *parent = nullptr);
    ~RelationsWorkspace() override;

    QString id() const override { return QString::fromLatin1(kId); }
    QString title() const override { return tr("Relations"); }
    QIcon icon() const override;
    QStringList fileSuffixes() const override;
    bool opensFolders() const override { return true; }
    bool recognisesFolder(const QString &folder) const override; // VRD, HICO-DET, scenes drawn with --relations
    QWidget *view() override;

    // A dataset folder, or an image (images opened one by one gather).
    bool openFile(const QString &path, QString *error) override;
    QStringList openFiles() const override;
    QJsonObject saveState(const ProjectPaths &paths) const override;
    bool restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error) override;
    QList<DemoEntry> demoEntries() const override;
    bool openDemo(const QString &demoId, QString *error) override;
    // The selected image with its graph, and the triplet list (RelationsFigure).
    using Workspace::exportFigure;
    bool exportFigure(const QString &path, const FigureOptions &options, QString *error) override;

    RelationsModel *model() const { return m_model; }
    RelationsView *relationsView() const;

private:
    void ensureModel();
    // The undoable edits of the selected image's boxes.
    void addBox(const QRectF &box, int category);
    void removeBox(int object);
    void resetBoxes();

    RelationsModel *m_model;
    QPointer<RelationsView> m_view;
};

// The demo's scenes (tools/make-relations-demo.sh; shipped under resources/scenes/relations-demo):
// the folder when it exists, else empty.
QString relationsDemoFolder();

} // namespace periscope::app
