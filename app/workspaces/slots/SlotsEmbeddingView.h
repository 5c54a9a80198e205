// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class vtkActor;
class vtkProp;

namespace periscope::widgets {
class PlotView;
class VtkView;
} // namespace periscope::widgets

namespace periscope::app {

class SlotsModel;

// Every slot of every analysed scene on the first principal components of the slot embeddings:
// a 2-D scatter (PlotView) and a 3-D one (VtkView, rotate with the mouse), coloured by the matched
// object's colour, shape, material or size (gray: matched to nothing). Clicking a point opens its
// scene with that slot highlighted.
class SlotsEmbeddingView : public QWidget {
    Q_OBJECT
public:
    explicit SlotsEmbeddingView(SlotsModel *model, QWidget *parent = nullptr);

    widgets::PlotView *plane() const { return m_plane; }
    widgets::VtkView *volume() const { return m_volume; } // null until shown on a platform with OpenGL
    QComboBox *colourBy() const { return m_colourBy; }
    // The point (scene, slot) drawn as data index `index` of scatter series `series`.
    QPair<int, int> pointAt(int series, int index) const;

Q_SIGNALS:
    void sceneRequested(int scene, int slot);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void rebuildVolume();
    QString categoryOf(int scene, int object) const;

    SlotsModel *m_model;
    QComboBox *m_colourBy;
    QLabel *m_note, *m_volumeNote;
    QWidget *m_volumeHolder;
    widgets::PlotView *m_plane;
    widgets::VtkView *m_volume = nullptr;
    QList<QList<int>> m_seriesPoints; // per scatter series: indices into the embedding's points
    QHash<vtkProp *, int> m_actorPoints;
};

} // namespace periscope::app
