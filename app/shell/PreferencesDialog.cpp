// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace periscope::app {

namespace {
void selectData(QComboBox *box, const QString &value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}
} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &p, QWidget *parent)
    : QDialog(parent), m_device(new QComboBox(this)), m_threads(new QSpinBox(this)),
      m_precision(new QComboBox(this)), m_colormap(new QComboBox(this)), m_language(new QComboBox(this)),
      m_autosave(new QSpinBox(this)), m_maxImage(new QSpinBox(this)), m_explanationCache(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));

    m_device->addItem(tr("Automatic (CUDA when available)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA"), QStringLiteral("cuda"));
    selectData(m_device, p.device);

    m_threads->setRange(0, qMax(1, QThread::idealThreadCount()) * 4);
    m_threads->setSpecialValueText(tr("All (%1)").arg(QThread::idealThreadCount()));
    m_threads->setValue(p.cpuThreads);

    m_precision->addItem(tr("Automatic (bf16 where the model's tolerance holds)"), QStringLiteral("auto"));
    m_precision->addItem(tr("Always fp32"), QStringLiteral("fp32"));
    m_precision->addItem(tr("Always bf16"), QStringLiteral("bf16"));
    selectData(m_precision, p.precision);

    for (const QString &name : Preferences::colormaps())
        m_colormap->addItem(name, name);
    selectData(m_colormap, p.colormap);

    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Svenska"), QStringLiteral("sv"));
    m_language->addItem(QStringLiteral("Italiano"), QStringLiteral("it"));
    selectData(m_language, p.language);

    m_autosave->setRange(0, 120);
    m_autosave->setSuffix(tr(" min"));
    m_autosave->setSpecialValueText(tr("Off"));
    m_autosave->setValue(p.autosaveMinutes);

    m_explanationCache->setRange(0, Preferences::kLargestExplanationCacheMegabytes);
    m_explanationCache->setSingleStep(256);
    m_explanationCache->setSuffix(tr(" MB"));
    m_explanationCache->setSpecialValueText(tr("No limit"));
    m_explanationCache->setValue(p.explanationCacheMegabytes);
    m_explanationCache->setToolTip(tr("The DeepFake workspace keeps every explained frame on disk; past this size the "
                                      "explanations used longest ago are removed (and computed again when needed)"));
    m_maxImage->setRange(1, Preferences::kLargestMaxImageMegapixels);
    m_maxImage->setSuffix(tr(" megapixels"));
    m_maxImage->setValue(p.maxImageMegapixels);
    m_maxImage->setToolTip(tr("Larger images are refused from their header, before decoding: a small file can declare an "
                              "image that would take gigabytes of memory."));

    QWidget *modelsRow = nullptr;
    QWidget *datasetsRow = nullptr;
    m_models = folderRow(p.modelsFolder, &modelsRow);
    m_datasets = folderRow(p.datasetsFolder, &datasetsRow);

    auto *compute = new QGroupBox(tr("Compute"), this);
    auto *computeForm = new QFormLayout(compute);
    computeForm->addRow(tr("Device:"), m_device);
    computeForm->addRow(tr("CPU threads:"), m_threads);
    computeForm->addRow(tr("Precision:"), m_precision);

    auto *appearance = new QGroupBox(tr("Appearance"), this);
    auto *appearanceForm = new QFormLayout(appearance);
    appearanceForm->addRow(tr("Default colormap:"), m_colormap);
    appearanceForm->addRow(tr("Language (after restart):"), m_language);

    auto *storage = new QGroupBox(tr("Storage"), this);
    auto *storageForm = new QFormLayout(storage);
    storageForm->addRow(tr("Models:"), modelsRow);
    storageForm->addRow(tr("Datasets:"), datasetsRow);
    storageForm->addRow(tr("Autosave every:"), m_autosave);
    storageForm->addRow(tr("Largest image:"), m_maxImage);
    storageForm->addRow(tr("Explanation cache:"), m_explanationCache);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                             QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        const Preferences defaults;
        selectData(m_device, defaults.device);
        m_threads->setValue(defaults.cpuThreads);
        selectData(m_precision, defaults.precision);
        selectData(m_colormap, defaults.colormap);
        selectData(m_language, defaults.language);
        m_models->setText(Preferences::defaultModelsFolder());
        m_datasets->setText(Preferences::defaultDatasetsFolder());
        m_autosave->setValue(defaults.autosaveMinutes);
        m_maxImage->setValue(defaults.maxImageMegapixels);
        m_explanationCache->setValue(defaults.explanationCacheMegabytes);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(compute);
    layout->addWidget(appearance);
    layout->addWidget(storage);
    layout->addWidget(buttons);
}

QLineEdit *PreferencesDialog::folderRow(const QString &value, QWidget **row)
{
    auto *container = new QWidget(this);
    auto *edit = new QLineEdit(value, container);
    auto *browse = new QPushButton(tr("Browse…"), container);
    auto *layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a folder"), edit->text());
        if (!folder.isEmpty())
            edit->setText(folder);
    });
    *row = container;
    return edit;
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.device = m_device->currentData().toString();
    p.cpuThreads = m_threads->value();
    p.precision = m_precision->currentData().toString();
    p.colormap = m_colormap->currentData().toString();
    p.language = m_language->currentData().toString();
    p.modelsFolder = m_models->text().trimmed();
    p.datasetsFolder = m_datasets->text().trimmed();
    p.autosaveMinutes = m_autosave->value();
    p.maxImageMegapixels = m_maxImage->value();
    p.explanationCacheMegabytes = m_explanationCache->value();
    return p;
}

} // namespace periscope::app
