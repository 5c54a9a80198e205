// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/TrainingPanel.h"

class QDoubleSpinBox;
class QSpinBox;

namespace periscope::app {

class OpenVocabularyModel;

// The Open-vocabulary workspace's Train tab on the shared TrainingPanel: a small dino.txt on the
// open scene folder over the built-in Slots ViT, frozen as DINOv2 is in the paper (vision head
// blocks, the text encoder's depth and width, captions per scene, the region term's weight,
// batch); live curves of the losses and, on held-out scenes, the caption accuracy and the prompt
// mIoU against the masks.
class OpenVocabularyTrainingPanel : public TrainingPanel {
    Q_OBJECT
public:
    explicit OpenVocabularyTrainingPanel(OpenVocabularyModel *model, QWidget *parent = nullptr);

    widgets::PlotView *lossCurves() const { return m_losses; }
    widgets::PlotView *heldOutCurves() const { return m_heldOut; }
    QSpinBox *batchSize() const { return m_batch; }
    QSpinBox *captions() const { return m_captions; }
    QSpinBox *textLayers() const { return m_textLayers; }
    QSpinBox *textWidth() const { return m_textWidth; }

private:
    void startTraining();

    OpenVocabularyModel *m_model;
    QSpinBox *m_headBlocks = nullptr, *m_textLayers = nullptr, *m_textWidth = nullptr, *m_captions = nullptr, *m_batch = nullptr;
    QDoubleSpinBox *m_regionWeight = nullptr;
    widgets::PlotView *m_losses = nullptr, *m_heldOut = nullptr;
    int m_train = -1, m_validation = -1, m_accuracy = -1, m_miou = -1;
};

} // namespace periscope::app
