// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/TrainingPanel.h"

#include "app/common/Preferences.h"
#include "widgets/plotview/PlotView.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace periscope::app {

TrainingPanel::TrainingPanel(const QString &weightsStem, const QString &startText, QWidget *parent)
    : QWidget(parent), m_stem(weightsStem), m_startText(startText)
{
    m_form = new QFormLayout;
    m_epochs = new QSpinBox;
    m_epochs->setObjectName(QStringLiteral("trainEpochs"));
    m_epochs->setRange(1, 100000);
    m_weights = new QLineEdit(proposedWeightsPath());
    m_weights->setObjectName(QStringLiteral("trainOut"));
    m_weights->setToolTip(m_weights->text());
    connect(m_weights, &QLineEdit::textChanged, m_weights, &QLineEdit::setToolTip);
    auto *browse = new QPushButton(tr("Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the trained weights"), m_weights->text(), tr("Safetensors (*.safetensors)"));
        if (!path.isEmpty())
            m_weights->setText(path);
    });
    auto *weightsRow = new QHBoxLayout;
    weightsRow->addWidget(m_weights, 1);
    weightsRow->addWidget(browse);
    m_resume = new QCheckBox(tr("Continue from these weights' checkpoint"));
    m_resume->setObjectName(QStringLiteral("trainResume"));
    m_resume->setToolTip(tr("Resume where an earlier run of the same file stopped (its .checkpoint files); the epochs count in total"));
    m_button = new QPushButton(m_startText);
    m_button->setObjectName(QStringLiteral("trainButton"));
    connect(m_button, &QPushButton::clicked, this, [this] { Q_EMIT(m_running ? cancelRequested() : startRequested()); });
    m_use = new QPushButton(tr("Use these weights"));
    m_use->setObjectName(QStringLiteral("trainUseWeights"));
    m_use->setEnabled(false);
    m_use->setToolTip(tr("Switch the workspace to the weights this training wrote"));
    connect(m_use, &QPushButton::clicked, this, [this] { Q_EMIT useWeightsRequested(m_trainedWeights); });
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("trainStatus"));
    m_status->setWordWrap(true);

    // One form, so the workspace's rows and the shared ones line up.
    m_form->addRow(tr("Epochs"), m_epochs);
    m_form->addRow(tr("Weights"), weightsRow);
    m_form->addRow(QString(), m_resume);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_button);
    buttons->addWidget(m_use);
    buttons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addLayout(m_form);
    left->addLayout(buttons);
    left->addWidget(m_status);
    left->addStretch(1);
    auto *leftWidget = new QWidget;
    leftWidget->setLayout(left);
    leftWidget->setMaximumWidth(460);

    m_plots = new QWidget;
    new QVBoxLayout(m_plots);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(leftWidget);
    layout->addWidget(m_plots, 1);
}

QString TrainingPanel::proposedWeightsPath() const
{
    // A new name each time: training never overwrites earlier weights unless asked to.
    const QString folder = Preferences::load().modelsFolder;
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    QString path = QDir(folder).filePath(QStringLiteral("%1-%2.safetensors").arg(m_stem, stamp));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(folder).filePath(QStringLiteral("%1-%2-%3.safetensors").arg(m_stem, stamp).arg(n));
    return path;
}

void TrainingPanel::addSettingRow(const QString &label, QWidget *field)
{
    m_form->insertRow(m_settingRows++, label, field);
}

void TrainingPanel::setIntroduction(const QString &text)
{
    m_status->setText(text);
}

void TrainingPanel::setEpochs(int epochs)
{
    m_epochs->setValue(epochs);
}

int TrainingPanel::epochs() const
{
    return m_epochs->value();
}

QString TrainingPanel::weightsPath() const
{
    return m_weights->text().trimmed();
}

bool TrainingPanel::resume() const
{
    return m_resume->isChecked();
}

widgets::PlotView *TrainingPanel::addPlot(const QString &objectName, const QString &title, const QString &yLabel)
{
    auto *plot = new widgets::PlotView;
    plot->setObjectName(objectName);
    plot->setLabels(tr("epoch"), yLabel, title);
    m_plots->layout()->addWidget(plot);
    m_plotList.append({plot, title, yLabel});
    return plot;
}

int TrainingPanel::addCurve(widgets::PlotView *plot, const QString &name)
{
    for (int p = 0; p < m_plotList.size(); ++p)
        if (m_plotList[p].view == plot) {
            m_curves.append({p, name});
            return int(m_curves.size()) - 1;
        }
    Q_ASSERT_X(false, "TrainingPanel::addCurve", "the plot comes from addPlot");
    return -1;
}

void TrainingPanel::setYLabel(widgets::PlotView *plot, const QString &yLabel)
{
    for (Plot &p : m_plotList)
        if (p.view == plot) {
            p.yLabel = yLabel;
            plot->setLabels(tr("epoch"), yLabel, p.title);
        }
}

bool TrainingPanel::begin(QString *problem)
{
    const QString path = weightsPath();
    const QFileInfo file(path);
    if (path.isEmpty() || file.isDir()) {
        *problem = tr("Choose a file for the weights.");
        return false;
    }
    if (file.exists() && !resume()) {
        *problem = tr("%1 exists already: choose another file, or tick \"Continue\" to train it further.").arg(file.fileName());
        return false;
    }
    if (!QDir().mkpath(file.absolutePath())) {
        *problem = tr("Cannot create the folder %1.").arg(file.absolutePath());
        return false;
    }
    startCurves();
    setRunning(true);
    return true;
}

void TrainingPanel::startCurves()
{
    for (const Plot &p : std::as_const(m_plotList)) {
        p.view->clear();
        p.view->setLabels(tr("epoch"), p.yLabel, p.title);
    }
    for (Curve &c : m_curves)
        c.series = m_plotList[c.plot].view->addLine(c.name, {}, {});
}

void TrainingPanel::addPoint(int curve, double epoch, double value)
{
    if (curve < 0 || curve >= m_curves.size())
        return;
    if (m_curves[curve].series < 0) { // a training started elsewhere than this panel's button
        startCurves();
        setRunning(true);
    }
    m_plotList[m_curves[curve].plot].view->appendPoint(m_curves[curve].series, epoch, value);
}

void TrainingPanel::setStatus(const QString &text)
{
    m_status->setText(text);
}

void TrainingPanel::finish(const QString &weightsPath, const QString &summary)
{
    setRunning(false);
    m_trainedWeights = weightsPath;
    m_use->setEnabled(true);
    m_status->setText(tr("Trained %1: %2.").arg(QFileInfo(weightsPath).fileName(), summary));
    if (!resume())
        m_weights->setText(proposedWeightsPath()); // the next run writes a new file
}

void TrainingPanel::stop(const QString &reason)
{
    setRunning(false);
    m_status->setText(reason);
}

void TrainingPanel::setRunning(bool running)
{
    m_running = running;
    if (!running)
        for (Curve &c : m_curves)
            c.series = -1; // the finished run's curves stay shown; the next run starts new ones
    m_button->setText(running ? tr("Cancel training") : m_startText);
    if (running)
        m_use->setEnabled(false);
}

} // namespace periscope::app
