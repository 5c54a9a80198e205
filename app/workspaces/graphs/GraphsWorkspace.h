// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <QPointer>

namespace periscope::app {

class GraphsModel;
class GraphsView;

// Graph attribution (Baldassarre & Azizpour, ICML-W 2019): explain graph networks on infection
// graphs and molecules with sensitivity analysis, guided backprop, LRP and Integrated Gradients,
// side by side, scored against the known truth; train the networks. Engine: engine/graphs and
// engine/chem; model: GraphsModel; view: GraphsView.
class GraphsWorkspace : public Workspace {
    Q_OBJECT
public:
    static constexpr const char *kId = "graphs";

    explicit GraphsWorkspace(const WorkspaceContext &context, QObject *parent = nullptr);
    ~GraphsWorkspace() override;

    QString id() const override { return QString::fromLatin1(kId); }
    QString title() const override { return tr("Graphs"); }
    QIcon icon() const override;
    QStringList fileSuffixes() const override;
    QWidget *view() override;

    bool openFile(const QString &path, QString *error) override;
    QStringList openFiles() const override;
    QJsonObject saveState(const ProjectPaths &paths) const override;
    bool restoreState(const QJsonObject &state, const ProjectPaths &paths, QString *error) override;
    QList<DemoEntry> demoEntries() const override;
    bool openDemo(const QString &demoId, QString *error) override;
    using Workspace::exportFigure;
    bool exportFigure(const QString &path, const FigureOptions &options, QString *error) override;

    GraphsModel *model() const { return m_model; }

private:
    GraphsModel *m_model;
    QPointer<GraphsView> m_view;
};

} // namespace periscope::app
