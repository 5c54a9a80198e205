// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace periscope::widgets {
class PlotView;
}

namespace periscope::app {

// The Train tab every workspace that trains shows: the workspace's own settings (rows it adds
// with addSettingRow), then the shared ones (epochs, the weights file, continue from its checkpoint),
// the Train / Cancel button, a status line, the live curves beside them, and once a run has
// finished "Use these weights". It holds no training logic: the workspace starts its model's
// TrainingJob on startRequested and feeds epochs back with addPoint.
//
// A weights file is never overwritten by surprise: the proposed name is new (stem and time, in
// the preferences' models folder), and an existing file is refused unless "Continue" is ticked.
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    // `weightsStem` names the proposed file ("colorizer" -> colorizer-20261204-0931.safetensors);
    // `startText` labels the button ("Train on the opened scenes").
    TrainingPanel(const QString &weightsStem, const QString &startText, QWidget *parent = nullptr);

    // A row of the workspace's own settings, above the shared ones (epochs, weights, continue).
    void addSettingRow(const QString &label, QWidget *field);
    void setIntroduction(const QString &text); // the status line before a run
    void setEpochs(int epochs);
    int epochs() const;
    QString weightsPath() const;
    bool resume() const;

    // A plot beside the form, and the curves it shows; curves are emptied at every start.
    widgets::PlotView *addPlot(const QString &objectName, const QString &title, const QString &yLabel);
    int addCurve(widgets::PlotView *plot, const QString &name);
    void setYLabel(widgets::PlotView *plot, const QString &yLabel);

    // The workspace calls these as its training goes.
    bool begin(QString *problem); // checks the weights file, creates its folder, clears the curves
    void addPoint(int curve, double epoch, double value);
    void setStatus(const QString &text);
    void finish(const QString &weightsPath, const QString &summary);
    void stop(const QString &reason);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void startRequested();
    void cancelRequested();
    void useWeightsRequested(const QString &weightsPath);

private:
    struct Plot {
        widgets::PlotView *view;
        QString title, yLabel;
    };
    struct Curve {
        int plot;
        QString name;
        int series = -1;
    };
    void setRunning(bool running);
    void startCurves(); // empties the plots and adds the declared curves
    QString proposedWeightsPath() const;

    QString m_stem, m_startText, m_trainedWeights;
    QFormLayout *m_form = nullptr;
    int m_settingRows = 0;
    QSpinBox *m_epochs = nullptr;
    QLineEdit *m_weights = nullptr;
    QCheckBox *m_resume = nullptr;
    QPushButton *m_button = nullptr, *m_use = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_plots = nullptr;
    QList<Plot> m_plotList;
    QList<Curve> m_curves;
    bool m_running = false;
};

} // namespace periscope::app
