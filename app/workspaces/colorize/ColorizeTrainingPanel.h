// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/TrainingPanel.h"

class QComboBox;
class QSpinBox;

namespace periscope::app {

class ColorizeModel;

// The Colorize workspace's Train tab on the shared TrainingPanel: Deep Koalarization (published
// width or narrower, joint or Inception global features) or Zhang et al.'s networks with their
// class-rebalanced loss, on the opened colour photos; the crop side; live train/validation loss
// beside the predict-gray baseline.
class ColorizeTrainingPanel : public TrainingPanel {
    Q_OBJECT
public:
    explicit ColorizeTrainingPanel(ColorizeModel *model, QWidget *parent = nullptr);

private:
    void startTraining();

    ColorizeModel *m_model;
    QComboBox *m_network = nullptr, *m_width = nullptr, *m_global = nullptr;
    QSpinBox *m_size = nullptr;
    widgets::PlotView *m_curves = nullptr;
    int m_train = -1, m_validation = -1, m_gray = -1;
};

} // namespace periscope::app
