// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/slots/SlotsTrainingPanel.h"

#include "app/workspaces/slots/SlotsModel.h"
#include "widgets/plotview/PlotView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace periscope::app {

SlotsTrainingPanel::SlotsTrainingPanel(SlotsModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *form = new QFormLayout;
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("trainPreset"));
    m_preset->addItem(tr("Small: 64 px, minutes on a CPU"), QStringLiteral("small"));
    m_preset->addItem(tr("Paper: 128 px, batches of 64 (a GPU)"), QStringLiteral("paper"));
    m_epochs = new QSpinBox;
    m_epochs->setObjectName(QStringLiteral("trainEpochs"));
    m_epochs->setRange(1, 100000);
    m_epochs->setValue(slot::trainingPreset("small").epochs);
    connect(m_preset, &QComboBox::currentIndexChanged, this,
            [this] { m_epochs->setValue(slot::trainingPreset(m_preset->currentData().toString().toStdString()).epochs); });
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
    m_out = new QLineEdit(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("slots.safetensors")));
    m_out->setObjectName(QStringLiteral("trainOut"));
    auto *browse = new QPushButton(tr("Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the trained weights"), m_out->text(), tr("Safetensors (*.safetensors)"));
        if (!path.isEmpty())
            m_out->setText(path);
    });
    auto *outRow = new QHBoxLayout;
    outRow->addWidget(m_out, 1);
    outRow->addWidget(browse);
    m_resume = new QCheckBox(tr("Continue from these weights' checkpoint"));
    m_button = new QPushButton(tr("Train on the opened scenes"));
    m_button->setObjectName(QStringLiteral("trainButton"));
    connect(m_button, &QPushButton::clicked, this, &SlotsTrainingPanel::startTraining);
    m_status = new QLabel(tr("Self-supervised: two augmented views of every image; NT-Xent on the global vectors and the matched "
                             "object loss on the slots (temperature 0.1). 10 % held out; with masks, their slots' IoU and ARI are "
                             "measured after every epoch. The weights are saved after every epoch."));
    m_status->setObjectName(QStringLiteral("trainStatus"));
    m_status->setWordWrap(true);
    form->addRow(tr("Preset"), m_preset);
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(tr("Object loss"), m_objectLoss);
    form->addRow(tr("Global loss weight"), m_globalWeight);
    form->addRow(tr("Object loss weight"), m_objectWeight);
    form->addRow(tr("Weights"), outRow);
    form->addRow(QString(), m_resume);
    form->addRow(QString(), m_button);
    form->addRow(m_status);
    auto *left = new QWidget;
    left->setLayout(form);
    left->setMaximumWidth(460);

    m_losses = new widgets::PlotView;
    m_losses->setObjectName(QStringLiteral("lossCurves"));
    m_losses->setLabels(tr("epoch"), tr("loss"), tr("Losses"));
    m_scores = new widgets::PlotView;
    m_scores->setObjectName(QStringLiteral("scoreCurves"));
    m_scores->setLabels(tr("epoch"), tr("validation score"), tr("Slot masks vs. objects"));
    auto *plots = new QVBoxLayout;
    plots->addWidget(m_losses, 1);
    plots->addWidget(m_scores, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(left);
    layout->addLayout(plots, 1);

    connect(m_model, &SlotsModel::trainingEpoch, this, [this](const slot::SlotEpoch &e) {
        m_losses->appendPoint(m_totalSeries, e.epoch, e.trainLoss);
        m_losses->appendPoint(m_globalSeries, e.epoch, e.globalLoss);
        m_losses->appendPoint(m_objectSeries, e.epoch, e.objectLoss);
        m_losses->appendPoint(m_validationSeries, e.epoch, e.validationLoss);
        if (e.validationIoU >= 0) {
            m_scores->appendPoint(m_iouSeries, e.epoch, e.validationIoU);
            m_scores->appendPoint(m_ariSeries, e.epoch, e.validationAri);
        }
        m_status->setText(e.validationIoU >= 0 ? tr("Epoch %1: loss %2 (validation %3); IoU %4, FG-ARI %5; %6 s")
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
    connect(m_model, &SlotsModel::trainingFinished, this, [this](const QString &weights, const QString &summary) {
        m_button->setText(tr("Train on the opened scenes"));
        m_status->setText(tr("Trained %1: %2. The scenes are analysed with it now.").arg(QFileInfo(weights).fileName(), summary));
    });
    connect(m_model, &SlotsModel::trainingStopped, this, [this](const QString &reason) {
        m_button->setText(tr("Train on the opened scenes"));
        m_status->setText(reason);
    });
}

void SlotsTrainingPanel::startTraining()
{
    if (m_model->isTraining()) {
        m_model->cancelTraining();
        return;
    }
    slot::SlotTrainingSettings settings = slot::trainingPreset(m_preset->currentData().toString().toStdString());
    settings.epochs = m_epochs->value();
    settings.objectLoss = m_objectLoss->currentData().toString().toStdString();
    settings.globalWeight = m_globalWeight->value();
    settings.objectWeight = m_objectWeight->value();
    if (settings.globalWeight + settings.objectWeight <= 0.0) {
        m_status->setText(tr("At least one of the loss weights must be above 0."));
        return;
    }
    settings.outPath = m_out->text().toStdString();
    settings.resume = m_resume->isChecked();
    QDir().mkpath(QFileInfo(m_out->text()).absolutePath());
    m_losses->clear();
    m_scores->clear();
    m_losses->setLabels(tr("epoch"), tr("loss"), tr("Losses"));
    m_scores->setLabels(tr("epoch"), tr("validation score"), tr("Slot masks vs. objects"));
    m_totalSeries = m_losses->addLine(tr("train"), {}, {});
    m_globalSeries = m_losses->addLine(tr("global (NT-Xent)"), {}, {});
    m_objectSeries = m_losses->addLine(tr("objects"), {}, {});
    m_validationSeries = m_losses->addLine(tr("validation"), {}, {});
    m_iouSeries = m_scores->addLine(tr("mean IoU"), {}, {});
    m_ariSeries = m_scores->addLine(tr("FG-ARI"), {}, {});
    m_button->setText(tr("Cancel training"));
    m_status->setText(tr("Reading the images..."));
    m_model->startTraining(settings);
}

} // namespace periscope::app
