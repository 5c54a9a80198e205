// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/TrainingPanel.h"

class QComboBox;
class QSpinBox;

namespace periscope::app {

class RelationsModel;

// The Relations workspace's Train tab on the shared TrainingPanel: the ws-vrd network with the
// scene CNN on the open dataset's image-level predicate labels (readout, pooling, width, batch);
// live curves of the losses and, on held-out images, the predicate mAP and the relationship
// recall@20 of the relations the explainer recovers (explaining logits and scores) against a
// random ranking's.
class RelationsTrainingPanel : public TrainingPanel {
    Q_OBJECT
public:
    explicit RelationsTrainingPanel(RelationsModel *model, QWidget *parent = nullptr);

    widgets::PlotView *lossCurves() const { return m_losses; }
    widgets::PlotView *recallCurves() const { return m_recall; }

private:
    void startTraining();

    RelationsModel *m_model;
    QComboBox *m_readout = nullptr, *m_pooling = nullptr;
    QSpinBox *m_width = nullptr, *m_batch = nullptr;
    widgets::PlotView *m_losses = nullptr, *m_recall = nullptr;
    int m_train = -1, m_validation = -1, m_map = -1, m_logits = -1, m_scores = -1, m_random = -1;
};

} // namespace periscope::app
