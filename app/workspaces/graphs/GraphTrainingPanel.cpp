// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/graphs/GraphTrainingPanel.h"

#include "app/workspaces/graphs/GraphsModel.h"
#include "widgets/plotview/PlotView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

namespace periscope::app {

GraphTrainingPanel::GraphTrainingPanel(GraphsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{

    auto *layout = new QHBoxLayout(this);
    auto *form = new QFormLayout;
    m_trainTask = new QComboBox;
    m_trainTask->addItem(tr("InfectionGN on generated infection graphs"), QStringLiteral("infection"));
    m_trainTask->addItem(tr("SolubilityGN on molecules"), QStringLiteral("molecules"));
    m_trainGraphs = new QSpinBox;
    m_trainGraphs->setRange(10, 100000);
    m_trainGraphs->setValue(2000);
    m_trainTarget = new QComboBox;
    m_trainTarget->addItem(tr("ESOL estimate (RDKit)"), QStringLiteral("esol"));
    m_trainTarget->addItem(tr("Crippen logP (RDKit)"), QStringLiteral("logp"));
    m_trainTarget->addItem(tr("Measured (the opened CSV's target column)"), QStringLiteral("measured"));
    m_trainData = new QComboBox;
    m_trainData->addItem(tr("Built-in NCI molecules (rdkit-data)"), false);
    m_trainData->addItem(tr("The opened molecule file"), true);
    m_trainEpochs = new QSpinBox;
    m_trainEpochs->setRange(1, 10000);
    m_trainEpochs->setValue(40);
    m_trainOut = new QLineEdit(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("graph-model.safetensors")));
    auto *browse = new QPushButton(tr("Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the trained weights"), m_trainOut->text(), tr("Safetensors (*.safetensors)"));
        if (!path.isEmpty())
            m_trainOut->setText(path);
    });
    auto *outRow = new QHBoxLayout;
    outRow->addWidget(m_trainOut, 1);
    outRow->addWidget(browse);
    form->addRow(tr("Model"), m_trainTask);
    form->addRow(tr("Infection graphs"), m_trainGraphs);
    form->addRow(tr("Molecules"), m_trainData);
    form->addRow(tr("Target"), m_trainTarget);
    form->addRow(tr("Epochs"), m_trainEpochs);
    form->addRow(tr("Weights"), outRow);
    m_trainResume = new QCheckBox(tr("Continue from these weights' checkpoint"));
    m_trainResume->setToolTip(tr("Resume where an earlier run of the same file stopped (its .checkpoint files); the epochs count in total"));
    form->addRow(QString(), m_trainResume);
    m_trainButton = new QPushButton(tr("Train"));
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    connect(m_trainButton, &QPushButton::clicked, this, &GraphTrainingPanel::startTraining);
    form->addRow(QString(), m_trainButton);
    m_trainStatus = new QLabel(tr("Training runs as a job: cancel it from the Jobs panel or with this button. "
                                  "The weights are saved after every epoch; 80 % of the data trains, 20 % validates."));
    m_trainStatus->setWordWrap(true);
    form->addRow(m_trainStatus);
    auto *left = new QWidget;
    left->setLayout(form);
    left->setMaximumWidth(460);
    layout->addWidget(left);
    m_trainCurves = new widgets::PlotView;
    m_trainCurves->setLabels(tr("epoch"), tr("value"), tr("Training"));
    layout->addWidget(m_trainCurves, 1);
    auto updateEnabled = [this] {
        const bool molecules = m_trainTask->currentData().toString() == QLatin1String("molecules");
        m_trainGraphs->setEnabled(!molecules);
        m_trainTarget->setEnabled(molecules);
        m_trainData->setEnabled(molecules);
    };
    connect(m_trainTask, &QComboBox::currentIndexChanged, this, updateEnabled);
    updateEnabled();

    connect(m_model, &GraphsModel::trainingEpoch, this, [this](const graphs::GraphEpoch &epoch, const QString &metric) {
        m_trainCurves->appendPoint(m_lossSeries, epoch.epoch, epoch.trainLoss);
        m_trainCurves->appendPoint(m_metricSeries, epoch.epoch, epoch.validationMetric);
        m_trainStatus->setText(tr("Epoch %1: train loss %2, validation %3 %4")
                                   .arg(epoch.epoch)
                                   .arg(epoch.trainLoss, 0, 'f', 4)
                                   .arg(metric)
                                   .arg(epoch.validationMetric, 0, 'f', 4));
    });
    connect(m_model, &GraphsModel::trainingFinished, this, [this](const QString &weights, const QString &summary) {
        m_trainButton->setText(tr("Train"));
        m_trainStatus->setText(tr("Trained %1: %2. Now explaining with it.").arg(QFileInfo(weights).fileName(), summary));
    });
    connect(m_model, &GraphsModel::trainingStopped, this, [this](const QString &reason) {
        m_trainButton->setText(tr("Train"));
        m_trainStatus->setText(reason);
    });
}

void GraphTrainingPanel::startTraining()
{
    if (m_model->isTraining()) {
        m_model->cancelTraining();
        return;
    }
    GraphsModel::TrainingRequest request;
    const bool molecules = m_trainTask->currentData().toString() == QLatin1String("molecules");
    request.settings.task = molecules ? graphs::GraphTask::Molecules : graphs::GraphTask::Infection;
    request.settings.epochs = m_trainEpochs->value();
    request.settings.learningRate = molecules ? 3e-3 : 1e-2;
    request.settings.outPath = m_trainOut->text().toStdString();
    request.settings.resume = m_trainResume->isChecked();
    request.infectionGraphs = m_trainGraphs->value();
    request.moleculeTarget = m_trainTarget->currentData().toString();
    request.useOpenedMolecules = m_trainData->currentData().toBool();
    if (request.useOpenedMolecules && !m_model->molecules()) {
        m_trainStatus->setText(tr("Open a molecule file first (SMILES, SDF or CSV), or train on the built-in molecules."));
        return;
    }
    QDir().mkpath(QFileInfo(m_trainOut->text()).absolutePath());
    m_trainCurves->clear();
    m_trainCurves->setLabels(tr("epoch"), tr("value"), tr("Training"));
    m_lossSeries = m_trainCurves->addLine(tr("train loss"), {}, {});
    m_metricSeries = m_trainCurves->addLine(molecules ? tr("validation RMSE") : tr("validation node accuracy"), {}, {});
    m_trainButton->setText(tr("Cancel training"));
    m_trainStatus->setText(tr("Preparing the data..."));
    m_model->startTraining(request);
}

} // namespace periscope::app
