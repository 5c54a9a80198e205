// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include "app/shell/UndoSteps.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QTabWidget;
class QTableWidget;
class QUndoStack;
class QGridLayout;

#include "widgets/tiles/MapTile.h"

namespace periscope::widgets {
class ElidedLabel;
class ImageView;
class LayerModel;
} // namespace periscope::widgets

namespace periscope::app {

class ModelChoice;

class SlotsModel;
class SlotsEmbeddingView;
class SlotsTrainingPanel;

// One slot's soft attention map, framed in the slot's colour; hovering it highlights the slot
// everywhere.
using AttentionTile = widgets::MapTile;

// The Slots workspace's view: the scenes, the selected scene with its slot masks (a label layer
// with a legend) and every slot's attention as small multiples, a table of slots with their
// matched objects, the embedding scatters, and the training dashboard.
class SlotsView : public QWidget {
    Q_OBJECT
public:
    // Every change a user makes here (scenes opened, the model, the iteration) is a step of `undo`.
    SlotsView(SlotsModel *model, QUndoStack *undo, QWidget *parent = nullptr);

    // Undoable steps, also for File > Open and the workspace.
    void openScenes(const QStringList &inputs);
    void chooseModel(const QString &nameOrPath);
    void chooseIteration(bool last);

    widgets::ImageView *imageView() const { return m_imageView; }
    widgets::LayerModel *layers() const { return m_layers; }
    QTableWidget *slotTable() const { return m_table; }
    QList<AttentionTile *> tiles() const { return m_tiles; }
    SlotsEmbeddingView *embeddingView() const { return m_embedding; }
    SlotsTrainingPanel *trainingPanel() const { return m_training; }
    QTabWidget *tabs() const { return m_tabs; }

    // Highlights one slot (-1: none): its mask opaque, the others faded, its matched object outlined.
    void highlightSlot(int slot);
    int highlightedSlot() const { return m_highlighted; }
    // The slot that took the background of the selected scene (SlotsDetail::backgroundSlot; -1:
    // none). It is drawn faint so that the scene shows through, and its legend says "background".
    int backgroundSlot() const { return m_backgroundSlot; }
    // The small multiples as one image, for the figure.

Q_SIGNALS:
    void viewSettingsChanged();

private:
    void rebuildSceneList();
    void updateScene(int index);
    void showDetail();
    void updateSummary();
    void generateDialog();

    SlotsModel *m_model;
    UndoSteps m_steps;
    ModelChoice *m_modelChoice = nullptr;
    widgets::ElidedLabel *m_modelLabel;
    QLabel *m_summary;
    QLabel *m_sceneStatus = nullptr; // "NAME: cannot open: reason" for a scene that could not be read
    QComboBox *m_iteration;
    QListWidget *m_scenes;
    widgets::LayerModel *m_layers;
    widgets::ImageView *m_imageView;
    QGridLayout *m_tileGrid;
    QList<AttentionTile *> m_tiles;
    QTableWidget *m_table;
    QTabWidget *m_tabs;
    SlotsEmbeddingView *m_embedding;
    SlotsTrainingPanel *m_training;
    int m_highlighted = -1;
    int m_backgroundSlot = -1;
};

} // namespace periscope::app
