// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QListView;
class QSlider;
class QToolButton;

namespace periscope::widgets {

class LayerModel;

// The layers of a view, top layer first as in every image editor: tick to show or hide, double
// click (or F2) to rename, the arrows to reorder; below, the selected layer's
// opacity, blend mode and, for maps, colormap and value range. Every change is an undoable
// model edit.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(LayerModel *model, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    int selectedLayerRow() const; // model row, -1 when none
    void selectLayer(int modelRow);

    QSlider *opacitySlider() const { return m_opacity; }
    QComboBox *colormapBox() const { return m_colormap; }
    QComboBox *blendBox() const { return m_blend; }
    QDoubleSpinBox *lowBox() const { return m_low; }
    QDoubleSpinBox *highBox() const { return m_high; }
    QToolButton *raiseButton() const { return m_raise; }
    QToolButton *lowerButton() const { return m_lower; }

private:
    void syncControls();

    LayerModel *m_model;
    class TopFirstProxy *m_proxy;
    QListView *m_list;
    QSlider *m_opacity;
    QComboBox *m_blend;
    QComboBox *m_colormap;
    QDoubleSpinBox *m_low;
    QDoubleSpinBox *m_high;
    QToolButton *m_raise;
    QToolButton *m_lower;
    bool m_syncing = false;
};

} // namespace periscope::widgets
