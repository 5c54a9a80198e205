// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace periscope::widgets {
class ImageView;
class LayerModel;
class LayerPanel;
class Timeline;
} // namespace periscope::widgets

namespace periscope::app {

class DeepfakeModel;
class ModelChoice;

// The DeepFake workspace's view: the frame under the playhead with the face box and the
// detector's explanation as layers (method, opacity, colormap in the layer panel), the frame's
// score and the video's, and a timeline with thumbnails, the score per frame, where faces were
// found and markers where the score crosses the threshold. Scrubbing asks the model for frames;
// nothing here decodes or runs a network.
class DeepfakeView : public QWidget {
    Q_OBJECT
public:
    explicit DeepfakeView(DeepfakeModel *model, QWidget *parent = nullptr);

    widgets::ImageView *imageView() const { return m_imageView; }
    widgets::LayerModel *layers() const { return m_layers; }
    widgets::Timeline *timeline() const { return m_timeline; }
    QString statusText() const;
    QString frameText() const;

    static const QString kFrameLayer, kHeatmapLayer, kFaceLayer;
    static constexpr int kScoreTrack = 0, kFaceTrack = 1;

Q_SIGNALS:
    void viewSettingsChanged();

private:
    void onVideoChanged();
    void onFacesChanged(qint64 first, qint64 last);
    void onScoresChanged(qint64 first, qint64 last);
    void updateMarkers();
    void showFrame();
    void showSummary();

    DeepfakeModel *m_model;
    ModelChoice *m_modelChoice;
    QComboBox *m_method;
    QCheckBox *m_explain;
    QDoubleSpinBox *m_threshold;
    QLabel *m_status, *m_frameInfo, *m_summary;
    widgets::LayerModel *m_layers;
    widgets::ImageView *m_imageView;
    widgets::LayerPanel *m_layerPanel;
    widgets::Timeline *m_timeline;
};

} // namespace periscope::app
