// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace periscope::widgets {
class PlotView;
}

namespace periscope::app {

class GraphsModel;

// The Graph workspace's training tab: InfectionGN on generated graphs or SolubilityGN on the
// built-in or opened molecules (ESOL, logP or a measured column), epochs, the weights file,
// continuing from its checkpoint; live loss and validation curves; start and cancel.
class GraphTrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit GraphTrainingPanel(GraphsModel *model, QWidget *parent = nullptr);

private:
    void startTraining();

    GraphsModel *m_model;
    QComboBox *m_trainTask = nullptr, *m_trainTarget = nullptr, *m_trainData = nullptr;
    QSpinBox *m_trainEpochs = nullptr, *m_trainGraphs = nullptr;
    QCheckBox *m_trainResume = nullptr;
    QLineEdit *m_trainOut = nullptr;
    QPushButton *m_trainButton = nullptr;
    QLabel *m_trainStatus = nullptr;
    widgets::PlotView *m_trainCurves = nullptr;
    int m_lossSeries = -1, m_metricSeries = -1;
};

} // namespace periscope::app
