// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/UndoSteps.h"

#include <QVariantMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTabWidget;
class QTreeWidget;
class QUndoStack;

namespace periscope::widgets {
struct Layer;
class ImageView;
class LayerModel;
class LayerPanel;
class Timeline;
} // namespace periscope::widgets

namespace periscope::app {

class DeepfakeFolder;
class DeepfakeMetrics;
class DeepfakeMetricsPanel;
class DeepfakeModel;
class ModelChoice;

// The DeepFake workspace's view: the frame under the playhead with the face box and the
// detector's explanation as layers (method, opacity, colormap in the layer panel), and for a fake
// from a labelled folder its original (a wipe compares the two) and its manipulated region; the
// frame's score and the video's; the folder's videos with their labels; a timeline with
// thumbnails, the score per frame, where faces were found and markers where the score crosses the
// threshold; and the metrics panel. Scrubbing asks the model for frames; nothing here decodes or
// runs a network.
class DeepfakeView : public QWidget {
    Q_OBJECT
public:
    // Every change a user makes here (a video or folder opened, the detector, the method, the
    // threshold, explaining on or off) is a step of `undo`.
    DeepfakeView(DeepfakeModel *model, DeepfakeFolder *folder, DeepfakeMetrics *metrics, QUndoStack *undo, QWidget *parent = nullptr);

    // Undoable steps, also for File > Open.
    void openVideo(const QString &path);
    void openFolder(const QString &folder);
    void chooseModel(const QString &nameOrPath);
    static constexpr int kThresholdStep = 1; // SettingCommand merge id

    widgets::ImageView *imageView() const { return m_imageView; }
    widgets::LayerModel *layers() const { return m_layers; }
    widgets::Timeline *timeline() const { return m_timeline; }
    QTreeWidget *videoList() const { return m_videos; }
    DeepfakeMetricsPanel *metricsPanel() const { return m_metricsPanel; }
    QCheckBox *compareToggle() const { return m_compare; }
    void showMetrics();
    // Writes the annotated clip of every explained frame (a job); the status line says where.
    void exportClip(const QString &path);
    // The frames x methods figure of the open video from what is explained (a job; DeepfakeMethodsFigure.h).
    void exportMethodsFigure(const QString &path);
    QString statusText() const;
    QString frameText() const;

    static const QString kFrameLayer, kOriginalLayer, kMaskLayer, kHeatmapLayer, kFaceLayer;
    static constexpr int kScoreTrack = 0, kFaceTrack = 1;

Q_SIGNALS:
    void viewSettingsChanged();

private:
    void pushInputs(const QString &text, const QVariantMap &after);
    // DeepfakeViewExports.cpp: the side panel's export buttons, each asking where (beside the
    // video) and running as a job that reports in the status line.
    QWidget *makeExportButtons();
    void askAndExport(const QString &title, const QString &suffix, const QString &filter, void (DeepfakeView::*exporter)(const QString &));
    void reportExportFailure(const QString &path, const QString &error);

    void onVideoChanged();
    void onFacesChanged(qint64 first, qint64 last);
    void onScoresChanged(qint64 first, qint64 last);
    void updateMarkers();
    void showFrame();
    void showSummary();
    void enableClipMethods(); // attention rollout only for a clip model (MViT)
    void showFolder();
    void putLayer(const widgets::Layer &layer, bool visibleAtFirst);
    void dropLayer(const QString &id);
    void updateWipe();

    DeepfakeModel *m_model;
    UndoSteps m_steps;
    DeepfakeFolder *m_folder;
    ModelChoice *m_modelChoice;
    QComboBox *m_method;
    QCheckBox *m_explain, *m_compare;
    QTabWidget *m_sideTabs, *m_bottomTabs;
    QTreeWidget *m_videos;
    QSpinBox *m_differenceThreshold, *m_differenceMedian;
    DeepfakeMetricsPanel *m_metricsPanel;
    QDoubleSpinBox *m_threshold;
    QLabel *m_status, *m_frameInfo, *m_summary;
    widgets::LayerModel *m_layers;
    widgets::ImageView *m_imageView;
    widgets::LayerPanel *m_layerPanel;
    widgets::Timeline *m_timeline;
};

} // namespace periscope::app
