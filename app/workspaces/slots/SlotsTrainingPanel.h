// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/TrainingPanel.h"

class QComboBox;
class QDoubleSpinBox;

namespace periscope::app {

class SlotsModel;

// The Slots workspace's Train tab on the shared TrainingPanel: the small or the paper's preset on
// the opened scenes, the object loss and the loss weights; live loss curves (total, global,
// objects, validation) and, where the scenes have masks, the validation mean IoU and FG-ARI.
class SlotsTrainingPanel : public TrainingPanel {
    Q_OBJECT
public:
    explicit SlotsTrainingPanel(SlotsModel *model, QWidget *parent = nullptr);

    widgets::PlotView *lossCurves() const { return m_losses; }
    widgets::PlotView *scoreCurves() const { return m_scores; }

private:
    void startTraining();

    SlotsModel *m_model;
    QComboBox *m_preset = nullptr, *m_objectLoss = nullptr;
    QDoubleSpinBox *m_globalWeight = nullptr, *m_objectWeight = nullptr;
    widgets::PlotView *m_losses = nullptr, *m_scores = nullptr;
    int m_total = -1, m_global = -1, m_object = -1, m_validation = -1, m_iou = -1, m_ari = -1;
};

} // namespace periscope::app
