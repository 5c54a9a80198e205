// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/colorize/ColorizeTrainingPanel.h"

#include "app/workspaces/colorize/ColorizeModel.h"
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

ColorizeTrainingPanel::ColorizeTrainingPanel(ColorizeModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *layout = new QHBoxLayout(this);
    auto *form = new QFormLayout;
    m_network = new QComboBox;
    m_network->setObjectName(QStringLiteral("trainNetwork"));
    m_network->addItem(tr("Deep Koalarization, MSE on ab"), QStringLiteral("koalarization/mse"));
    m_network->addItem(tr("Zhang et al. ECCV 2016, class-rebalanced loss"), QStringLiteral("eccv16/rebalanced"));
    m_network->addItem(tr("Zhang et al. SIGGRAPH 2017 (automatic), class-rebalanced loss"), QStringLiteral("siggraph17/rebalanced"));
    m_network->setToolTip(tr("The class-rebalanced loss (Zhang et al. 2016) weighs rare, saturated colours up, where MSE "
                             "settles for the desaturated average"));
    m_width = new QComboBox;
    m_width->addItem(tr("Published width (7.2 M parameters)"), 1);
    m_width->addItem(tr("Channels 1/2 (1.9 M, as the built-in model)"), 2);
    m_width->addItem(tr("Channels 1/4 (0.55 M, fastest)"), 4);
    m_width->setCurrentIndex(1);
    m_width->setObjectName(QStringLiteral("trainWidth"));
    m_size = new QSpinBox;
    m_size->setRange(64, 512);
    m_size->setSingleStep(8);
    m_size->setValue(224);
    m_size->setObjectName(QStringLiteral("trainSize"));
    m_size->setSuffix(tr(" px"));
    m_size->setToolTip(tr("The side of the random crops the network trains on (a multiple of 8); it colorizes at this size"));
    m_epochs = new QSpinBox;
    m_epochs->setRange(1, 100000);
    m_epochs->setValue(30);
    m_epochs->setObjectName(QStringLiteral("trainEpochs"));
    m_out = new QLineEdit(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("colorizer.safetensors")));
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
    form->addRow(tr("Network"), m_network);
    form->addRow(QString(), m_width);
    form->addRow(QString(), m_global);
    auto koalarizationOnly = [this] {
        const bool koala = m_network->currentData().toString().startsWith(QLatin1String("koalarization"));
        m_width->setEnabled(koala);
        m_global->setEnabled(koala);
    };
    connect(m_network, &QComboBox::currentIndexChanged, this, koalarizationOnly);
    form->addRow(tr("Crop side"), m_size);
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(tr("Weights"), outRow);
    m_resume = new QCheckBox(tr("Continue from these weights' checkpoint"));
    m_resume->setToolTip(tr("Resume where an earlier run of the same file stopped (its .checkpoint files); the epochs count in total"));
    form->addRow(QString(), m_resume);
    m_button = new QPushButton(tr("Train on the opened colour photos"));
    m_button->setObjectName(QStringLiteral("trainButton"));
    connect(m_button, &QPushButton::clicked, this, &ColorizeTrainingPanel::startTraining);
    form->addRow(QString(), m_button);
    m_status = new QLabel(tr("Every colour photo is a training sample (its lightness in, its colours out): random crops and flips, "
                             "MSE on ab, 10 % held out to validate against predicting gray. Training runs as a job; the weights "
                             "are saved after every epoch."));
    m_status->setWordWrap(true);
    form->addRow(m_status);
    auto *left = new QWidget;
    left->setLayout(form);
    left->setMaximumWidth(460);
    layout->addWidget(left);
    m_curves = new widgets::PlotView;
    m_curves->setObjectName(QStringLiteral("trainingCurves"));
    m_curves->setLabels(tr("epoch"), tr("MSE on ab / 110"), tr("Training"));
    layout->addWidget(m_curves, 1);

    connect(m_model, &ColorizeModel::trainingEpoch, this, [this](const colorize::ColorizerEpoch &epoch) {
        m_curves->appendPoint(m_trainSeries, epoch.epoch, epoch.trainLoss);
        m_curves->appendPoint(m_validationSeries, epoch.epoch, epoch.validationLoss);
        m_curves->appendPoint(m_graySeries, epoch.epoch, epoch.grayBaselineLoss);
        m_status->setText(tr("Epoch %1: train %2, validation %3 (predicting gray: %4), %5 s")
                              .arg(epoch.epoch)
                              .arg(epoch.trainLoss, 0, 'f', 5)
                              .arg(epoch.validationLoss, 0, 'f', 5)
                              .arg(epoch.grayBaselineLoss, 0, 'f', 5)
                              .arg(epoch.seconds, 0, 'f', 1));
    });
    connect(m_model, &ColorizeModel::trainingFinished, this, [this](const QString &weights, const QString &summary) {
        m_button->setText(tr("Train on the opened colour photos"));
        m_status->setText(tr("Trained %1: %2. Colorize to use it.").arg(QFileInfo(weights).fileName(), summary));
    });
    connect(m_model, &ColorizeModel::trainingStopped, this, [this](const QString &reason) {
        m_button->setText(tr("Train on the opened colour photos"));
        m_status->setText(reason);
    });
}

void ColorizeTrainingPanel::startTraining()
{
    if (m_model->isTraining()) {
        m_model->cancelTraining();
        return;
    }
    if (m_size->value() % 8 != 0) {
        m_status->setText(tr("The crop side must be a multiple of 8."));
        return;
    }
    colorize::ColorizerTrainingSettings settings;
    const QStringList network = m_network->currentData().toString().split(QLatin1Char('/'));
    settings.architecture = network.value(0).toStdString();
    settings.loss = network.value(1).toStdString();
    if (settings.architecture == "koalarization") {
        settings.width = m_width->currentData().toInt();
        const QString inception = m_global->currentData().toString();
        if (inception != QLatin1String("choose"))
            settings.inceptionWeights = inception.toStdString();
    }
    settings.size = m_size->value();
    settings.epochs = m_epochs->value();
    settings.outPath = m_out->text().toStdString();
    settings.resume = m_resume->isChecked();
    QDir().mkpath(QFileInfo(m_out->text()).absolutePath());
    m_curves->clear();
    m_curves->setLabels(tr("epoch"), settings.loss == "mse" ? tr("MSE on ab / 110") : tr("loss; validation: MSE on ab / 110"), tr("Training"));
    m_trainSeries = m_curves->addLine(tr("train"), {}, {});
    m_validationSeries = m_curves->addLine(tr("validation"), {}, {});
    m_graySeries = m_curves->addLine(tr("validation, predicting gray"), {}, {});
    m_button->setText(tr("Cancel training"));
    m_status->setText(tr("Reading the photos..."));
    m_model->startTraining(settings);
}

} // namespace periscope::app
