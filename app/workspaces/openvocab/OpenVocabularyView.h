// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/workspaces/openvocab/OpenVocabularyModel.h"

#include <QPoint>
#include "app/shell/UndoSteps.h"

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QGridLayout;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QTimer;
class QUndoStack;

namespace periscope::widgets {
class ElidedLabel;
class ImageView;
class LayerModel;
class MapTile;
} // namespace periscope::widgets

namespace periscope::app {

class ModelChoice;
class OpenVocabularyTrainingPanel;

// The Open-vocabulary workspace's view: the images; the selected one segmented by the prompts (a
// label layer with a legend; model B beside it, linked, when comparing); the prompt list with
// colours, templates and the background threshold; every prompt's similarity as small multiples
// (a click shows one over the image); the zero-shot ranking of the prompts for the whole image and
// at a clicked pixel; and, for scene folders, every prompt's IoU over the folder against the
// shuffled-prompt chance level. Every edit of the prompts and settings is on the undo stack.
class OpenVocabularyView : public QWidget {
    Q_OBJECT
public:
    OpenVocabularyView(OpenVocabularyModel *model, QUndoStack *undo, QWidget *parent = nullptr);

    // Undoable steps (#23), also for File > Open: the images or folders open, a side's model.
    void openImages(const QStringList &inputs);
    void chooseModel(const QString &nameOrPath, OpenVocabSide side);

    widgets::ImageView *imageView(OpenVocabSide side = OpenVocabSide::A) const { return m_imageViews[std::size_t(side)]; }
    widgets::LayerModel *layers(OpenVocabSide side = OpenVocabSide::A) const { return m_layers[std::size_t(side)]; }
    QTableWidget *promptTable() const { return m_promptTable; }
    QTableWidget *rankingTable() const { return m_ranking; }
    QTableWidget *pixelRankingTable() const { return m_pixelRanking; }
    QTableWidget *scoreTable() const { return m_scores; }
    QList<widgets::MapTile *> tiles() const { return m_tiles; }
    QTabWidget *tabs() const { return m_tabs; }   // the maps, the rankings, the scene scores
    QTabWidget *pages() const { return m_pages; } // segmentation, training
    QLabel *hint() const { return m_hint; }
    QLineEdit *promptEdit() const { return m_promptEdit; }
    OpenVocabularyTrainingPanel *trainingPanel() const { return m_training; }

    // Edits as the user makes them, each one undoable.
    bool addPrompt(const QString &text); // false (and the hint says why) when it cannot be added
    void removePrompt(int index);
    void recolourPrompt(int index, const QColor &color);
    void setTemplatesOn(bool on);
    void setBackgroundValue(std::optional<double> background);

    // Shows one prompt's similarity over the image instead of the segmentation (-1: the segmentation).
    void showPromptMap(int prompt);
    int shownPromptMap() const { return m_shownMap; }
    // Ranks the prompts at a pixel of the maps (what a click on the image does).
    void rankAt(QPoint pixel);
    QPoint rankedPixel() const { return m_rankedPixel; }

Q_SIGNALS:
    void viewSettingsChanged();

private:
    void rebuildImageList();
    void updateImage(int index);
    void showPrompts();
    void showSettings();
    void showDetail();
    void showLayers(OpenVocabSide side);
    void showTiles();
    void showRanking();
    void showScores();
    void showHint();
    void pushSettings(const QString &text, const QList<OpenVocabPrompt> &prompts, openvocab::PromptTemplates templates,
                      std::optional<double> background);

    OpenVocabularyModel *m_model;
    QUndoStack *m_undo;
    UndoSteps m_steps; // over m_undo: inputs and models
    ModelChoice *m_modelChoice, *m_compareChoice;
    widgets::ElidedLabel *m_modelLabel;
    QLabel *m_imageStatus, *m_hint, *m_summary;
    std::array<QLabel *, kOpenVocabSides> m_sideTitles{};
    QListWidget *m_images;
    std::array<widgets::LayerModel *, kOpenVocabSides> m_layers{};
    std::array<widgets::ImageView *, kOpenVocabSides> m_imageViews{};
    QWidget *m_sideB;
    QSplitter *m_views;
    QTableWidget *m_promptTable, *m_ranking, *m_pixelRanking, *m_scores;
    QLineEdit *m_promptEdit;
    QPushButton *m_remove, *m_recolour;
    QCheckBox *m_templates, *m_autoBackground;
    QDoubleSpinBox *m_background;
    QGridLayout *m_tileGrid;
    QList<widgets::MapTile *> m_tiles;
    QTabWidget *m_tabs, *m_pages;
    QTimer *m_scoresTimer;
    OpenVocabularyTrainingPanel *m_training;
    int m_shownMap = -1;
    int m_shownIndex = -1; // the image the views were fitted to
    QSize m_shownSize;
    QPoint m_rankedPixel{-1, -1};
};

} // namespace periscope::app
