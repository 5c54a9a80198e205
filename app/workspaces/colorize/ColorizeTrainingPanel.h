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

class ColorizeModel;

// The Colorize workspace's training tab: Deep Koalarization (published width or narrower) on the
// opened colour photos; epochs, crop side, the weights file, continuing from its checkpoint; live
// train/validation loss with the predict-gray baseline; start and cancel. When training ends the
// workspace colorizes with the new weights.
class ColorizeTrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit ColorizeTrainingPanel(ColorizeModel *model, QWidget *parent = nullptr);

private:
    void startTraining();

    ColorizeModel *m_model;
    QComboBox *m_network = nullptr, *m_width = nullptr, *m_global = nullptr;
    QSpinBox *m_epochs = nullptr, *m_size = nullptr;
    QCheckBox *m_resume = nullptr;
    QLineEdit *m_out = nullptr;
    QPushButton *m_button = nullptr;
    QLabel *m_status = nullptr;
    widgets::PlotView *m_curves = nullptr;
    int m_trainSeries = -1, m_validationSeries = -1, m_graySeries = -1;
};

} // namespace periscope::app
