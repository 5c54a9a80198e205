// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/slots/SlotsTrainingPanel.h"

#include "app/workspaces/slots/SlotsModel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>

namespace periscope::app {

SlotsTrainingPanel::SlotsTrainingPanel(SlotsModel *model, QWidget *parent)
    : TrainingPanel(QStringLiteral("slots"), tr("Train on the opened scenes"), parent), m_model(model)
{
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("trainPreset"));
    m_preset->addItem(tr("Small: 64 px, minutes on a CPU"), QStringLiteral("small"));
    m_preset->addItem(tr("Paper: 128 px, batches of 64 (a GPU)"), QStringLiteral("paper"));
    connect(m_preset, &QComboBox::currentIndexChanged, this,
            [this] { setEpochs(slot::trainingPreset(m_preset->currentData().toString().toStdString()).epochs); });
    m_objectLoss = new QComboBox;
    m_objectLoss->setObjectName(QStringLiteral("trainObjectLoss"));
    m_objectLoss->addItem(tr("Matched contrastive, negatives from the same image"), QStringLiteral("ctr_img"));
    m_objectLoss->addItem(tr("Matched contrastive, all other slots as negatives"), QStringLiteral("ctr_all"));
    m_objectLoss->addItem(tr("Matched cosine similarity (no negatives)"), QStringLiteral("sim_img"));
    m_objectLoss->setToolTip(tr("Slots of the two views of an image are matched one to one by cosine similarity (Hungarian); "
                                "each slot's match is its positive"));
    m_globalWeight = new QDoubleSpinBox;
    m_globalWeight->setRange(0.0, 100.0);
    m_globalWeight->setValue(1.0);
    m_globalWeight->setSingleStep(0.1);
    m_objectWeight = new QDoubleSpinBox;
    m_objectWeight->setRange(0.0, 100.0);
    m_objectWeight->setValue(1.0);
    m_objectWeight->setSingleStep(0.1);
    addSettingRow(tr("Preset"), m_preset);
    addSettingRow(tr("Object loss"), m_objectLoss);
    addSettingRow(tr("Global loss weight"), m_globalWeight);
    addSettingRow(tr("Object loss weight"), m_objectWeight);
    setEpochs(slot::trainingPreset("small").epochs);
    setIntroduction(tr("Self-supervised: two augmented views of every image; NT-Xent on the global vectors and the matched "
                       "object loss on the slots (temperature 0.1). 10 % held out; with masks, their slots' IoU and ARI are "
                       "measured after every epoch. The weights are saved after every epoch."));
    m_losses = addPlot(QStringLiteral("lossCurves"), tr("Losses"), tr("loss"));
    m_total = addCurve(m_losses, tr("train"));
    m_global = addCurve(m_losses, tr("global (NT-Xent)"));
    m_object = addCurve(m_losses, tr("objects"));
    m_validation = addCurve(m_losses, tr("validation"));
    m_scores = addPlot(QStringLiteral("scoreCurves"), tr("Slot masks vs. objects"), tr("validation score"));
    m_iou = addCurve(m_scores, tr("mean IoU"));
    m_ari = addCurve(m_scores, tr("FG-ARI"));

    connect(this, &TrainingPanel::startRequested, this, &SlotsTrainingPanel::startTraining);
    connect(this, &TrainingPanel::cancelRequested, m_model, &SlotsModel::cancelTraining);
    // The view makes the switch (an undoable step); the panel says it.
    connect(this, &TrainingPanel::useWeightsRequested, this, [this](const QString &weights) {
        setStatus(tr("The scenes are analysed with %1.").arg(QFileInfo(weights).fileName()));
    });
    connect(m_model, &SlotsModel::trainingEpoch, this, [this](const slot::SlotEpoch &e) {
        addPoint(m_total, e.epoch, e.trainLoss);
        addPoint(m_global, e.epoch, e.globalLoss);
        addPoint(m_object, e.epoch, e.objectLoss);
        addPoint(m_validation, e.epoch, e.validationLoss);
        if (e.validationIoU >= 0) {
            addPoint(m_iou, e.epoch, e.validationIoU);
            addPoint(m_ari, e.epoch, e.validationAri);
        }
        setStatus(e.validationIoU >= 0 ? tr("Epoch %1: loss %2 (validation %3); IoU %4, FG-ARI %5; %6 s")
                                             .arg(e.epoch)
                                             .arg(e.trainLoss, 0, 'f', 3)
                                             .arg(e.validationLoss, 0, 'f', 3)
                                             .arg(e.validationIoU, 0, 'f', 3)
                                             .arg(e.validationAri, 0, 'f', 3)
                                             .arg(e.seconds, 0, 'f', 1)
                                       : tr("Epoch %1: loss %2 (validation %3); %4 s")
                                             .arg(e.epoch)
                                             .arg(e.trainLoss, 0, 'f', 3)
                                             .arg(e.validationLoss, 0, 'f', 3)
                                             .arg(e.seconds, 0, 'f', 1));
    });
    connect(m_model, &SlotsModel::trainingFinished, this, &TrainingPanel::finish);
    connect(m_model, &SlotsModel::trainingStopped, this, &TrainingPanel::stop);
}

void SlotsTrainingPanel::startTraining()
{
    slot::SlotTrainingSettings settings = slot::trainingPreset(m_preset->currentData().toString().toStdString());
    settings.epochs = epochs();
    settings.objectLoss = m_objectLoss->currentData().toString().toStdString();
    settings.globalWeight = m_globalWeight->value();
    settings.objectWeight = m_objectWeight->value();
    if (settings.globalWeight + settings.objectWeight <= 0.0) {
        setStatus(tr("At least one of the loss weights must be above 0."));
        return;
    }
    settings.outPath = weightsPath().toStdString();
    settings.resume = resume();
    QString problem;
    if (!begin(&problem)) {
        setStatus(problem);
        return;
    }
    setStatus(tr("Reading the images..."));
    m_model->startTraining(settings);
}

} // namespace periscope::app
