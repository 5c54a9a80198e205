// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/graphs/GraphTrainingPanel.h"

#include "app/workspaces/graphs/GraphsModel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QSpinBox>

namespace periscope::app {

GraphTrainingPanel::GraphTrainingPanel(GraphsModel *model, QWidget *parent)
    : TrainingPanel(QStringLiteral("graph-model"), tr("Train"), parent), m_model(model)
{
    m_trainTask = new QComboBox;
    m_trainTask->setObjectName(QStringLiteral("trainTask"));
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
    addSettingRow(tr("Model"), m_trainTask);
    addSettingRow(tr("Infection graphs"), m_trainGraphs);
    addSettingRow(tr("Molecules"), m_trainData);
    addSettingRow(tr("Target"), m_trainTarget);
    setEpochs(40);
    setIntroduction(tr("Training runs as a job: cancel it from the Jobs panel or with this button. "
                       "The weights are saved after every epoch; 80 % of the data trains, 20 % validates."));
    m_curves = addPlot(QStringLiteral("trainingCurves"), tr("Training"), tr("value"));
    m_loss = addCurve(m_curves, tr("train loss"));
    m_metric = addCurve(m_curves, tr("validation metric"));
    auto updateEnabled = [this] {
        const bool molecules = m_trainTask->currentData().toString() == QLatin1String("molecules");
        m_trainGraphs->setEnabled(!molecules);
        m_trainTarget->setEnabled(molecules);
        m_trainData->setEnabled(molecules);
    };
    connect(m_trainTask, &QComboBox::currentIndexChanged, this, updateEnabled);
    updateEnabled();

    connect(this, &TrainingPanel::startRequested, this, &GraphTrainingPanel::startTraining);
    connect(this, &TrainingPanel::cancelRequested, m_model, &GraphsModel::cancelTraining);
    connect(this, &TrainingPanel::useWeightsRequested, this, [this](const QString &weights) {
        m_model->setModel(weights);
        setStatus(tr("Explaining with %1.").arg(QFileInfo(weights).fileName()));
    });
    connect(m_model, &GraphsModel::trainingEpoch, this, [this](const graphs::GraphEpoch &epoch, const QString &metric) {
        addPoint(m_loss, epoch.epoch, epoch.trainLoss);
        addPoint(m_metric, epoch.epoch, epoch.validationMetric);
        setStatus(tr("Epoch %1: train loss %2, validation %3 %4")
                      .arg(epoch.epoch)
                      .arg(epoch.trainLoss, 0, 'f', 4)
                      .arg(metric)
                      .arg(epoch.validationMetric, 0, 'f', 4));
    });
    connect(m_model, &GraphsModel::trainingFinished, this, &TrainingPanel::finish);
    connect(m_model, &GraphsModel::trainingStopped, this, &TrainingPanel::stop);
}

void GraphTrainingPanel::startTraining()
{
    GraphsModel::TrainingRequest request;
    const bool molecules = m_trainTask->currentData().toString() == QLatin1String("molecules");
    request.settings.task = molecules ? graphs::GraphTask::Molecules : graphs::GraphTask::Infection;
    request.settings.epochs = epochs();
    request.settings.learningRate = molecules ? 3e-3 : 1e-2;
    request.settings.outPath = weightsPath().toStdString();
    request.settings.resume = resume();
    request.infectionGraphs = m_trainGraphs->value();
    request.moleculeTarget = m_trainTarget->currentData().toString();
    request.useOpenedMolecules = m_trainData->currentData().toBool();
    if (request.useOpenedMolecules && !m_model->molecules()) {
        setStatus(tr("Open a molecule file first (SMILES, SDF or CSV), or train on the built-in molecules."));
        return;
    }
    setYLabel(m_curves, molecules ? tr("loss; validation RMSE") : tr("loss; validation node accuracy"));
    QString problem;
    if (!begin(&problem)) {
        setStatus(problem);
        return;
    }
    setStatus(tr("Preparing the data..."));
    m_model->startTraining(request);
}

} // namespace periscope::app
