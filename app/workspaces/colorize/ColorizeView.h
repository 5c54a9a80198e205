// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

namespace periscope::widgets {
class ElidedLabel;
class ImageView;
class LayerModel;
class PlotView;
} // namespace periscope::widgets

namespace periscope::app {

class ModelChoice;

class ColorizeModel;
class ColorizeTrainingPanel;
class StudyPanel;

// The Colorize workspace's window: photos and model above; a thumbnail strip; the gray input, the
// result and the truth side by side with linked zoom, or one view with a before/after wipe; a
// CIEDE2000 error layer with its colorbar; below, the metrics table (per photo and the folder's
// means), the ab-plane histograms of result and truth, and training.
class ColorizeView : public QWidget {
    Q_OBJECT
public:
    explicit ColorizeView(ColorizeModel *model, QWidget *parent = nullptr);

    enum class Mode { SideBySide, Wipe };
    void setMode(Mode mode);
    Mode mode() const;
    void setErrorLayerVisible(bool visible);
    bool isErrorLayerVisible() const;

    // For figures and tests.
    widgets::ImageView *grayView() const { return m_grayView; }
    widgets::ImageView *resultView() const { return m_resultView; }
    widgets::ImageView *truthView() const { return m_truthView; }
    widgets::ImageView *wipeView() const { return m_wipeView; }
    widgets::PlotView *resultHistogram() const { return m_resultAb; }
    widgets::PlotView *truthHistogram() const { return m_truthAb; }
    QTableWidget *metricsTable() const { return m_metrics; }
    QListWidget *thumbnails() const { return m_thumbnails; }
    QLabel *statusLabel() const { return m_status; }
    StudyPanel *studyPanel() const { return m_study; }
    QSlider *temperatureSlider() const { return m_temperatureSlider; }
    // The slider's position for an annealed-mean temperature and back: T = 1 at the left, lower T right.
    static int temperaturePosition(double temperature);
    static double temperatureAt(int position);

Q_SIGNALS:
    void viewSettingsChanged();
    void clearRequested(); // the Clear button: the workspace clears through its undo stack
    void openRequested(const QStringList &paths); // the Open buttons, likewise
    void modelRequested(const QString &nameOrPath); // the model chooser, likewise
    void temperatureRequested(double temperature);  // the temperature slider, likewise

private:
    void onPhotosChanged();
    void onPhotoChanged(int index);
    void onDetailReady();
    void onModelChanged();
    void showTemperature(double temperature);
    void setTemperatureControlsVisible(bool visible);
    void updateMetricsTable();
    void updateMetricsRow(int index);
    void updateMeanRow();
    void setMetricsRow(int row, const QString &name, double psnr, double ssim, double deltaE, double colourfulness,
                       double truthColourfulness, bool bold);
    void updateButtons();
    void fitVisibleView();
    void setEmptyMessages(const QString &message);
    QString noPhotosMessage() const;
    void showHistogram(widgets::PlotView *plot, const QString &title, bool truth);

    ColorizeModel *m_model;
    QPushButton *m_colorizeButton = nullptr, *m_cancelButton = nullptr, *m_exportButton = nullptr;
    ModelChoice *m_modelChoice = nullptr;
    QComboBox *m_modeChoice = nullptr;
    QCheckBox *m_errorLayer = nullptr;
    QSlider *m_temperatureSlider = nullptr;
    QLabel *m_temperatureLabel = nullptr, *m_temperatureValue = nullptr;
    widgets::ElidedLabel *m_modelLabel = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_thumbnails = nullptr;
    QStackedWidget *m_views = nullptr;
    widgets::LayerModel *m_grayLayers = nullptr, *m_resultLayers = nullptr, *m_truthLayers = nullptr, *m_wipeLayers = nullptr;
    widgets::ImageView *m_grayView = nullptr, *m_resultView = nullptr, *m_truthView = nullptr, *m_wipeView = nullptr;
    QTableWidget *m_metrics = nullptr;
    widgets::PlotView *m_resultAb = nullptr, *m_truthAb = nullptr;
    QTabWidget *m_tabs = nullptr;
    ColorizeTrainingPanel *m_training = nullptr;
    StudyPanel *m_study = nullptr;
};

} // namespace periscope::app
