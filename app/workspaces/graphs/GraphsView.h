// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/chem/molecules/Molecule.h"
#include "engine/graphs/GraphTraining.h"

#include <QPointer>
#include <QJsonObject>
#include <QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTabWidget;

namespace periscope::widgets {
class PlotView;
class VtkView;
} // namespace periscope::widgets

namespace periscope::app {

class GraphCanvas;
class ModelChoice;

class GraphsModel;

// The Graph attribution workspace's view: the input bar (infection graph or molecule, model),
// the four methods side by side (SA | GBP | LRP | IG) with their scores, and below them the
// per-node bars, the node x feature heatmap, the 3-D molecule, and the training panel.
class GraphsView : public QWidget {
    Q_OBJECT
public:
    explicit GraphsView(GraphsModel *model, QWidget *parent = nullptr);

    // Runs each change a user makes (an input, the model, the explained node) through `recorder`,
    // which makes it a step of the workspace's undo stack; without one, changes apply directly.
    // `expected` holds the state keys an asynchronous change (a file read again) will have set
    // once done, which reading the state right after the change would miss.
    using StepRecorder = std::function<void(const QString &text, const std::function<void()> &change, const QJsonObject &expected)>;
    void setStepRecorder(StepRecorder recorder) { m_record = std::move(recorder); }
    ~GraphsView() override;

    QList<GraphCanvas *> canvases() const { return m_canvases; }
    widgets::PlotView *barsPlot() const { return m_bars; }
    widgets::PlotView *heatmapPlot() const { return m_heatmap; }
    widgets::PlotView *edgeDeletionPlot() const { return m_edgeDeletion; }
    widgets::PlotView *nodeDeletionPlot() const { return m_nodeDeletion; }
    widgets::VtkView *view3d() const; // null until the 3-D tab was shown
    QString statusText() const;
    int selectedNode() const { return m_selectedNode; }
    QString detailMethod() const;

private:
    void step(const QString &text, const std::function<void()> &change, const QJsonObject &expected = {})
    {
        m_record ? m_record(text, change, expected) : change();
    }
    StepRecorder m_record;
    QWidget *makeInputBar();
    void refresh();
    void refreshDetails();
    void refresh3d();
    void refreshDeletion();
    void onNodeClicked(int node);

    GraphsModel *m_model;
    QList<GraphCanvas *> m_canvases;
    QLineEdit *m_smiles = nullptr;
    QSpinBox *m_seed = nullptr, *m_minNodes = nullptr, *m_maxNodes = nullptr;
    QDoubleSpinBox *m_sick = nullptr, *m_immune = nullptr, *m_virtual = nullptr;
    ModelChoice *m_modelChoice = nullptr;
    QComboBox *m_detailMethod = nullptr;
    QListWidget *m_moleculeList = nullptr;
    QWidget *m_moleculePanel = nullptr, *m_columnsPanel = nullptr;
    QComboBox *m_smilesColumn = nullptr, *m_targetColumn = nullptr;
    QLabel *m_status = nullptr;
    bool m_openFailure = false; // the status shows why a file could not be opened
    QLabel *m_prediction = nullptr;
    QTabWidget *m_tabs = nullptr;
    widgets::PlotView *m_bars = nullptr;
    widgets::PlotView *m_heatmap = nullptr;
    widgets::PlotView *m_edgeDeletion = nullptr, *m_nodeDeletion = nullptr;
    QPointer<widgets::VtkView> m_view3d; // made on first use
    QLabel *m_view3dNote = nullptr;
    chem::Conformer3d m_conformer;
    int m_selectedNode = -1;

};

} // namespace periscope::app
