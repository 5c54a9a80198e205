// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/colorize/ColorizeTrainingPanel.h"

#include "app/workspaces/colorize/ColorizeModel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QSpinBox>

#include <algorithm>

namespace periscope::app {

ColorizeTrainingPanel::ColorizeTrainingPanel(ColorizeModel *model, QWidget *parent)
    : TrainingPanel(QStringLiteral("colorizer"), tr("Train on the opened colour photos"), parent), m_model(model)
{
    m_network = new QComboBox;
    m_network->setObjectName(QStringLiteral("trainNetwork"));
    m_network->addItem(tr("Deep Koalarization, MSE on ab"), QStringLiteral("koalarization/mse"));
    m_network->addItem(tr("Zhang et al. ECCV 2016, class-rebalanced loss"), QStringLiteral("eccv16/rebalanced"));
    m_network->addItem(tr("Zhang et al. SIGGRAPH 2017 (automatic), class-rebalanced loss"), QStringLiteral("siggraph17/rebalanced"));
    m_network->setToolTip(tr("The class-rebalanced loss (Zhang et al. 2016) weighs rare, saturated colours up, where MSE "
                             "settles for the desaturated average"));
    m_width = new QComboBox;
    m_width->setObjectName(QStringLiteral("trainWidth"));
    m_size = new QSpinBox;
    m_size->setRange(64, 512);
    m_size->setSingleStep(8);
    m_size->setValue(224);
    m_size->setObjectName(QStringLiteral("trainSize"));
    m_size->setSuffix(tr(" px"));
    m_size->setToolTip(tr("The side of the random crops the network trains on (a multiple of 8); it colorizes at this size"));
    m_global = new QComboBox;
    m_global->setObjectName(QStringLiteral("trainGlobalFeatures"));
    m_global->addItem(tr("Global features: a branch trained jointly"), QString());
    m_global->addItem(tr("Global features: Inception-ResNet-v2 weights..."), QStringLiteral("choose"));
    m_global->setToolTip(tr("The paper fuses Inception-ResNet-v2's logits of the gray photo (frozen); without its weights a small "
                            "branch learns global features together with the colorizer"));
    connect(m_global, &QComboBox::activated, this, [this](int index) {
        if (m_global->itemData(index).toString() != QLatin1String("choose"))
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Inception-ResNet-v2 weights (timm's inception_resnet_v2)"), QString(),
                                                          tr("Weights (*.safetensors *.pth *.pt *.bin);;All files (*)"));
        if (path.isEmpty()) {
            m_global->setCurrentIndex(0);
            return;
        }
        m_global->addItem(tr("Global features: %1").arg(QFileInfo(path).fileName()), path);
        m_global->setCurrentIndex(m_global->count() - 1);
    });
    addSettingRow(tr("Network"), m_network);
    addSettingRow(QString(), m_width);
    addSettingRow(QString(), m_global);
    addSettingRow(tr("Crop side"), m_size);
    // The width applies to Koalarization and eccv16 (siggraph17 has only its published one); the
    // parameter counts are each network's.
    auto networkChanged = [this] {
        const QString network = m_network->currentData().toString().section(QLatin1Char('/'), 0, 0);
        const bool koala = network == QLatin1String("koalarization"), eccv16 = network == QLatin1String("eccv16");
        const int width = m_width->currentIndex() >= 0 ? m_width->currentData().toInt() : 2;
        m_width->clear();
        if (koala) {
            m_width->addItem(tr("Published width (7.2 M parameters)"), 1);
            m_width->addItem(tr("Channels 1/2 (1.9 M)"), 2);
            m_width->addItem(tr("Channels 1/4 (0.55 M, fastest)"), 4);
        } else if (eccv16) {
            m_width->addItem(tr("Published width (32 M parameters)"), 1);
            m_width->addItem(tr("Channels 1/2 (8.1 M)"), 2);
            m_width->addItem(tr("Channels 1/4 (2.0 M, as the built-in model)"), 4);
        } else {
            m_width->addItem(tr("Published width (34 M parameters)"), 1);
        }
        m_width->setCurrentIndex(std::max(0, m_width->findData(width)));
        m_width->setEnabled(koala || eccv16);
        m_global->setEnabled(koala);
    };
    connect(m_network, &QComboBox::currentIndexChanged, this, networkChanged);
    networkChanged();
    setEpochs(30);
    setIntroduction(tr("Every colour photo is a training sample (its lightness in, its colours out): random crops and flips, "
                       "MSE on ab or Zhang's class-rebalanced loss, 10 % held out to validate against predicting gray. Training "
                       "runs as a job; the weights are saved after every epoch."));
    m_curves = addPlot(QStringLiteral("trainingCurves"), tr("Training"), tr("MSE on ab / 110"));
    m_train = addCurve(m_curves, tr("train"));
    m_validation = addCurve(m_curves, tr("validation"));
    m_gray = addCurve(m_curves, tr("validation, predicting gray"));

    connect(this, &TrainingPanel::startRequested, this, &ColorizeTrainingPanel::startTraining);
    connect(this, &TrainingPanel::cancelRequested, m_model, &ColorizeModel::cancelTraining);
    connect(this, &TrainingPanel::useWeightsRequested, m_model, &ColorizeModel::useTrainedWeights);
    connect(m_model, &ColorizeModel::trainingEpoch, this, [this](const colorize::ColorizerEpoch &epoch) {
        addPoint(m_train, epoch.epoch, epoch.trainLoss);
        addPoint(m_validation, epoch.epoch, epoch.validationLoss);
        addPoint(m_gray, epoch.epoch, epoch.grayBaselineLoss);
        setStatus(tr("Epoch %1: train %2, validation %3 (predicting gray: %4), %5 s")
                      .arg(epoch.epoch)
                      .arg(epoch.trainLoss, 0, 'f', 5)
                      .arg(epoch.validationLoss, 0, 'f', 5)
                      .arg(epoch.grayBaselineLoss, 0, 'f', 5)
                      .arg(epoch.seconds, 0, 'f', 1));
    });
    connect(m_model, &ColorizeModel::trainingFinished, this, &TrainingPanel::finish);
    connect(m_model, &ColorizeModel::trainingStopped, this, &TrainingPanel::stop);
}

void ColorizeTrainingPanel::startTraining()
{
    if (m_size->value() % 8 != 0) {
        setStatus(tr("The crop side must be a multiple of 8."));
        return;
    }
    colorize::ColorizerTrainingSettings settings;
    const QStringList network = m_network->currentData().toString().split(QLatin1Char('/'));
    settings.architecture = network.value(0).toStdString();
    settings.loss = network.value(1).toStdString();
    settings.width = m_width->currentData().toInt();
    if (settings.architecture == "koalarization") {
        const QString inception = m_global->currentData().toString();
        if (inception != QLatin1String("choose"))
            settings.inceptionWeights = inception.toStdString();
    }
    settings.size = m_size->value();
    settings.epochs = epochs();
    settings.outPath = weightsPath().toStdString();
    settings.resume = resume();
    setYLabel(m_curves, settings.loss == "mse" ? tr("MSE on ab / 110") : tr("loss; validation: MSE on ab / 110"));
    QString problem;
    if (!begin(&problem)) {
        setStatus(problem);
        return;
    }
    setStatus(tr("Reading the photos..."));
    m_model->startTraining(settings);
}

} // namespace periscope::app
