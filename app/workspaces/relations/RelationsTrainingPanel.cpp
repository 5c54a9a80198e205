// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/relations/RelationsTrainingPanel.h"

#include "app/workspaces/relations/RelationsModel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QSpinBox>

#include <algorithm>

namespace periscope::app {

namespace {
constexpr int kShownRecall = 20; // the K of the recall curves (one of RelationTrainingSettings::recallSteps)

double recallAt(const std::vector<double> &recall, const std::vector<int> &steps)
{
    const auto at = std::find(steps.begin(), steps.end(), kShownRecall);
    const std::size_t i = at == steps.end() ? 0 : std::size_t(at - steps.begin());
    return i < recall.size() ? recall[i] : -1.0;
}
} // namespace

RelationsTrainingPanel::RelationsTrainingPanel(RelationsModel *model, QWidget *parent)
    : TrainingPanel(QStringLiteral("relations"), tr("Train on the open dataset"), parent), m_model(model)
{
    const relations::RelationTrainingSettings defaults;
    m_readout = new QComboBox;
    m_readout->setObjectName(QStringLiteral("trainReadout"));
    m_readout->addItems({QStringLiteral("FC_AGG"), QStringLiteral("AGG_FC")});
    m_readout->setToolTip(tr("FC_AGG: a layer per edge, then pooling (the paper's default); AGG_FC: pooling, then the layer"));
    m_pooling = new QComboBox;
    m_pooling->setObjectName(QStringLiteral("trainPooling"));
    m_pooling->addItems({QStringLiteral("max"), QStringLiteral("mean"), QStringLiteral("add")});
    m_width = new QSpinBox;
    m_width->setObjectName(QStringLiteral("trainWidth"));
    m_width->setRange(8, 1024);
    m_width->setValue(int(defaults.model.width));
    m_width->setToolTip(tr("Width of every fully connected layer"));
    m_batch = new QSpinBox;
    m_batch->setObjectName(QStringLiteral("trainBatch"));
    m_batch->setRange(1, 256);
    m_batch->setValue(defaults.batchSize);
    addSettingRow(tr("Readout"), m_readout);
    addSettingRow(tr("Pooling"), m_pooling);
    addSettingRow(tr("Width"), m_width);
    addSettingRow(tr("Batch size"), m_batch);
    setEpochs(defaults.epochs);
    setIntroduction(tr("Weakly supervised: each image's label is only the set of predicates its true triplets use, never "
                       "which objects they join (binary cross-entropy, Adam). 10 % held out; after every epoch the relations "
                       "the explainer recovers there are scored against the truth. The weights are saved after every epoch."));
    m_losses = addPlot(QStringLiteral("lossCurves"), tr("Losses"), tr("loss"));
    m_train = addCurve(m_losses, tr("train"));
    m_validation = addCurve(m_losses, tr("validation"));
    m_recall = addPlot(QStringLiteral("recallCurves"), tr("Held-out images"), tr("score"));
    m_map = addCurve(m_recall, tr("predicate mAP"));
    m_logits = addCurve(m_recall, tr("R@%1 explaining logits").arg(kShownRecall));
    m_scores = addCurve(m_recall, tr("R@%1 explaining scores").arg(kShownRecall));
    m_random = addCurve(m_recall, tr("R@%1 random ranking").arg(kShownRecall));

    connect(this, &TrainingPanel::startRequested, this, &RelationsTrainingPanel::startTraining);
    connect(this, &TrainingPanel::cancelRequested, m_model, &RelationsModel::cancelTraining);
    connect(this, &TrainingPanel::useWeightsRequested, this, [this](const QString &weights) {
        m_model->setModel(weights);
        setStatus(tr("The images are analysed with %1.").arg(QFileInfo(weights).fileName()));
    });
    connect(m_model, &RelationsModel::trainingEpoch, this, [this](const relations::RelationEpoch &e) {
        const std::vector<int> steps = relations::RelationTrainingSettings{}.recallSteps;
        addPoint(m_train, e.epoch, e.trainLoss);
        addPoint(m_validation, e.epoch, e.validationLoss);
        addPoint(m_map, e.epoch, e.validationMap);
        const double logits = recallAt(e.validationRecallLogits, steps), scores = recallAt(e.validationRecall, steps),
                     random = recallAt(e.randomRecall, steps);
        if (logits >= 0) {
            addPoint(m_logits, e.epoch, logits);
            addPoint(m_scores, e.epoch, scores);
            addPoint(m_random, e.epoch, random);
        }
        setStatus(tr("Epoch %1: loss %2 (validation %3), mAP %4, R@%5 %6 (random %7); %8 s")
                      .arg(e.epoch)
                      .arg(e.trainLoss, 0, 'f', 3)
                      .arg(e.validationLoss, 0, 'f', 3)
                      .arg(e.validationMap, 0, 'f', 3)
                      .arg(kShownRecall)
                      .arg(logits, 0, 'f', 3)
                      .arg(random, 0, 'f', 3)
                      .arg(e.seconds, 0, 'f', 1));
    });
    connect(m_model, &RelationsModel::trainingFinished, this, &TrainingPanel::finish);
    connect(m_model, &RelationsModel::trainingStopped, this, &TrainingPanel::stop);
}

void RelationsTrainingPanel::startTraining()
{
    relations::RelationTrainingSettings settings;
    settings.epochs = epochs();
    settings.batchSize = m_batch->value();
    settings.model.readout = m_readout->currentText().toStdString();
    settings.model.pooling = m_pooling->currentText().toStdString();
    settings.model.width = m_width->value();
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
