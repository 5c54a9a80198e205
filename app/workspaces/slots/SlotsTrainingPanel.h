// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace periscope::widgets {
class PlotView;
}

namespace periscope::app {

class SlotsModel;

// The Slots workspace's training dashboard: the small or the paper's preset on the opened
// scenes, epochs, object loss and loss weights, the weights file and resuming; live loss curves
// (total, global, objects, validation) and, where the scenes have masks, the validation mean
// IoU and FG-ARI over time beside the untrained model's. The workspace switches to the new
// weights when training ends.
class SlotsTrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit SlotsTrainingPanel(SlotsModel *model, QWidget *parent = nullptr);

    widgets::PlotView *lossCurves() const { return m_losses; }
    widgets::PlotView *scoreCurves() const { return m_scores; }

private:
    void startTraining();

    SlotsModel *m_model;
    QComboBox *m_preset = nullptr, *m_objectLoss = nullptr;
    QSpinBox *m_epochs = nullptr;
    QDoubleSpinBox *m_globalWeight = nullptr, *m_objectWeight = nullptr;
    QCheckBox *m_resume = nullptr;
    QLineEdit *m_out = nullptr;
    QPushButton *m_button = nullptr;
    QLabel *m_status = nullptr;
    widgets::PlotView *m_losses = nullptr, *m_scores = nullptr;
    int m_totalSeries = -1, m_globalSeries = -1, m_objectSeries = -1, m_validationSeries = -1, m_iouSeries = -1, m_ariSeries = -1;
};

} // namespace periscope::app
