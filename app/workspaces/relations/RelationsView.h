// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/UndoSteps.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace periscope::widgets {
class ImageView;
class LayerModel;
class PlotView;
} // namespace periscope::widgets

namespace periscope::app {

class ModelChoice;
class RelationsModel;
class RelationsTrainingPanel;
struct RelationFigure;

// The Relations workspace's view: the selected image with its boxes and the relationship graph
// drawn over it (arrows from subject to object, coloured by predicate; for a chosen predicate its
// node relevance fills the boxes, arrows are as wide as the pair's relevance and coloured by
// whether the ground truth has them, missed true triplets in red); beside it the predicates with
// their scores, the triplets, the images and the recall over them. Nothing here decodes or runs
// the network: the model's jobs do.
class RelationsView : public QWidget {
    Q_OBJECT
public:
    // The images or dataset opened, its split, the model and how relations are explained are
    // steps of `undo` (#23); the boxes drawn are steps of the workspace (RelationsWorkspace).
    RelationsView(RelationsModel *model, QUndoStack *undo, QWidget *parent = nullptr);

    // Undoable steps, also for File > Open.
    void openInputs(const QStringList &inputs, const QString &split);
    void chooseModel(const QString &nameOrPath);

    widgets::ImageView *imageView() const { return m_imageView; }
    widgets::LayerModel *layers() const { return m_layers; }
    QTreeWidget *predicateList() const { return m_predicates; }
    QTreeWidget *tripletList() const { return m_triplets; }
    QTreeWidget *imageList() const { return m_images; }
    QTableWidget *recallTable() const { return m_recall; }
    widgets::PlotView *predicatePlot() const { return m_predicatePlot; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    RelationsTrainingPanel *trainingPanel() const { return m_training; }
    QCheckBox *drawToggle() const { return m_draw; }
    QComboBox *categoryChoice() const { return m_category; }
    QComboBox *priorChoice() const { return m_prior; }
    QString statusText() const;
    // What the image shows now, as the figure draws it.
    RelationFigure currentFigure() const;

    static const QString kImageLayer, kRelevanceLayer, kGraphLayer;

Q_SIGNALS:
    void viewSettingsChanged();
    // A box drawn on the selected image, in image pixels, with the chosen category: the workspace
    // adds it through its undo stack.
    void boxDrawn(const QRectF &box, int category);
    void removeBoxRequested(int object);
    void resetBoxesRequested();

private:
    void showImages();
    void updateImageRow(int index);
    void showSelected();
    void showPredicates();
    void showTriplets();
    void showGraph();
    void showSummary();
    void updateCategories();
    void chooseDetections();
    void choosePrior();
    void applyOptions();
    void setStatus(const QString &text, bool problem);

    RelationsModel *m_model;
    UndoSteps m_steps;
    ModelChoice *m_modelChoice;
    QComboBox *m_boxes, *m_explained, *m_method, *m_category, *m_split, *m_prior;
    QCheckBox *m_draw;
    QPushButton *m_removeBox, *m_resetBoxes;
    QTabWidget *m_sideTabs;
    QTreeWidget *m_predicates, *m_triplets, *m_images;
    QTableWidget *m_recall;
    widgets::PlotView *m_predicatePlot;
    RelationsTrainingPanel *m_training;
    widgets::LayerModel *m_layers;
    widgets::ImageView *m_imageView;
    QLabel *m_status, *m_imageInfo;
};

} // namespace periscope::app
