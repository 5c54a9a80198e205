// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/Workspace.h"

#include <QJsonObject>
#include <QPointer>

#include <functional>
#include <optional>

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

    // Runs `change` as a step of the undo stack: the state before and after it (the project state,
    // without paths made relative) are the step's two ends. `after` when the change completes
    // later (a file read as a job); `expected`: the keys such a change will set, over the state
    // read right after it.
    void recordStep(const QString &text, const std::function<void()> &change, const std::optional<QJsonObject> &after = {},
                    const QJsonObject &expected = {});

private:
    void applyUndoState(const QJsonObject &state);

    GraphsModel *m_model;
    bool m_applyingStep = false;
    QPointer<GraphsView> m_view;
};

} // namespace periscope::app
