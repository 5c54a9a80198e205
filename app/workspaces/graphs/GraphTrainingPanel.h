// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/TrainingPanel.h"

class QComboBox;
class QSpinBox;

namespace periscope::app {

class GraphsModel;

// The Graph workspace's Train tab on the shared TrainingPanel: InfectionGN on generated graphs or
// SolubilityGN on the built-in or opened molecules (ESOL, logP or a measured column); live loss
// and validation curves.
class GraphTrainingPanel : public TrainingPanel {
    Q_OBJECT
public:
    explicit GraphTrainingPanel(GraphsModel *model, QWidget *parent = nullptr);

private:
    void startTraining();

    GraphsModel *m_model;
    QComboBox *m_trainTask = nullptr, *m_trainTarget = nullptr, *m_trainData = nullptr;
    QSpinBox *m_trainGraphs = nullptr;
    widgets::PlotView *m_curves = nullptr;
    int m_loss = -1, m_metric = -1;
};

} // namespace periscope::app
