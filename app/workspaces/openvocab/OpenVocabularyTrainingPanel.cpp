// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/openvocab/OpenVocabularyTrainingPanel.h"

#include "app/models/BuiltInSlotModels.h"
#include "app/workspaces/openvocab/OpenVocabularyModel.h"

#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QSpinBox>

namespace periscope::app {

namespace {
QSpinBox *spinBox(const QString &objectName, int low, int high, int value, int step = 1)
{
    auto *box = new QSpinBox;
    box->setObjectName(objectName);
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setValue(value);
    return box;
}
} // namespace

OpenVocabularyTrainingPanel::OpenVocabularyTrainingPanel(OpenVocabularyModel *model, QWidget *parent)
    : TrainingPanel(QStringLiteral("openvocab"), tr("Train on the open scenes"), parent), m_model(model)
{
    const openvocab::OpenVocabTrainingSettings defaults;
    m_headBlocks = spinBox(QStringLiteral("trainHeadBlocks"), 0, 8, defaults.headBlocks);
    m_headBlocks->setToolTip(tr("Trainable blocks on the frozen backbone (dino.txt has two)"));
    m_textLayers = spinBox(QStringLiteral("trainTextLayers"), 1, 24, defaults.textLayers);
    m_textWidth = spinBox(QStringLiteral("trainTextWidth"), 64, 1024, defaults.textWidth, 64);
    m_textWidth->setToolTip(tr("A multiple of 64: dino.txt's attention heads are 64 wide"));
    m_captions = spinBox(QStringLiteral("trainCaptions"), 1, 256, defaults.captionsPerImage);
    m_captions->setToolTip(tr("Captions drawn from each scene's objects (\"a large red metal sphere\", \"two cubes and a cylinder\")"));
    m_regionWeight = new QDoubleSpinBox;
    m_regionWeight->setObjectName(QStringLiteral("trainRegionWeight"));
    m_regionWeight->setRange(0.0, 100.0);
    m_regionWeight->setSingleStep(0.1);
    m_regionWeight->setValue(defaults.regionWeight);
    m_regionWeight->setToolTip(tr("One object's mean patch token and the floor's against the captions' patch halves (0: dino.txt's loss "
                                  "only; without it the patch half barely learns at this scale)"));
    m_batch = spinBox(QStringLiteral("trainBatch"), 2, 512, defaults.batchSize);
    addSettingRow(tr("Vision head blocks"), m_headBlocks);
    addSettingRow(tr("Text layers"), m_textLayers);
    addSettingRow(tr("Text width"), m_textWidth);
    addSettingRow(tr("Captions per scene"), m_captions);
    addSettingRow(tr("Region term weight"), m_regionWeight);
    addSettingRow(tr("Batch size"), m_batch);
    setEpochs(defaults.epochs);
    setIntroduction(tr("dino.txt's recipe at small scale: the built-in Slots ViT stays frozen, as DINOv2 does in the paper; the vision "
                       "head and a word-level text encoder learn from captions of each scene's objects (contrastive, every caption "
                       "that holds for an image is its positive). 10 % of the scenes are held out; after every epoch their caption "
                       "accuracy and prompt mIoU are measured. The weights are saved after every epoch."));
    m_losses = addPlot(QStringLiteral("lossCurves"), tr("Losses"), tr("loss"));
    m_train = addCurve(m_losses, tr("train"));
    m_validation = addCurve(m_losses, tr("validation"));
    m_heldOut = addPlot(QStringLiteral("heldOutCurves"), tr("Held-out scenes"), tr("score"));
    m_accuracy = addCurve(m_heldOut, tr("caption accuracy"));
    m_miou = addCurve(m_heldOut, tr("prompt mIoU"));

    connect(this, &TrainingPanel::startRequested, this, &OpenVocabularyTrainingPanel::startTraining);
    connect(this, &TrainingPanel::cancelRequested, m_model, &OpenVocabularyModel::cancelTraining);
    connect(this, &TrainingPanel::useWeightsRequested, this, [this](const QString &weights) {
        m_model->setModel(weights, OpenVocabSide::A);
        setStatus(tr("The images are segmented with %1.").arg(QFileInfo(weights).fileName()));
    });
    connect(m_model, &OpenVocabularyModel::trainingEpoch, this, [this](const openvocab::OpenVocabEpoch &e) {
        addPoint(m_train, e.epoch, e.trainLoss);
        addPoint(m_validation, e.epoch, e.validationLoss);
        addPoint(m_accuracy, e.epoch, e.validationAccuracy);
        if (e.validationMiou >= 0)
            addPoint(m_miou, e.epoch, e.validationMiou);
        setStatus(tr("Epoch %1: loss %2 (validation %3), caption accuracy %4, prompt mIoU %5 at background %6; %7 s")
                      .arg(e.epoch)
                      .arg(e.trainLoss, 0, 'f', 3)
                      .arg(e.validationLoss, 0, 'f', 3)
                      .arg(e.validationAccuracy, 0, 'f', 3)
                      .arg(e.validationMiou, 0, 'f', 3)
                      .arg(e.background, 0, 'f', 2)
                      .arg(e.seconds, 0, 'f', 1));
    });
    connect(m_model, &OpenVocabularyModel::trainingFinished, this, &TrainingPanel::finish);
    connect(m_model, &OpenVocabularyModel::trainingStopped, this, &TrainingPanel::stop);
}

void OpenVocabularyTrainingPanel::startTraining()
{
    openvocab::OpenVocabTrainingSettings settings;
    settings.epochs = epochs();
    settings.batchSize = m_batch->value();
    settings.headBlocks = m_headBlocks->value();
    settings.textLayers = m_textLayers->value();
    settings.textWidth = m_textWidth->value() / 64 * 64;
    settings.captionsPerImage = m_captions->value();
    settings.regionWeight = m_regionWeight->value();
    settings.outPath = weightsPath().toStdString();
    settings.resume = resume();
    QString error;
    // The built-in backbone, named by its catalogue name: the weights then load anywhere.
    const QString backbone = resolveSlotModel(builtInSlotModelName(), &error);
    if (backbone.isEmpty()) {
        setStatus(error);
        return;
    }
    settings.backbonePath = backbone.toStdString();
    settings.backboneName = builtInSlotModelName().toStdString();
    QString problem;
    if (!begin(&problem)) {
        setStatus(problem);
        return;
    }
    setStatus(tr("Reading the scenes..."));
    m_model->startTraining(settings);
}

} // namespace periscope::app
