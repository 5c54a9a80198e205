// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/ModelChoice.h"

#include "app/models/CatalogueTexts.h"

#include "app/models/ModelCatalogue.h"
#include "engine/core/errors/Error.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QSignalBlocker>

namespace periscope::app {

namespace {
const QString kChooseFile = QStringLiteral("\x01choose-file"); // never a model name or a path
}

ModelCatalogueNotifier *ModelCatalogueNotifier::instance()
{
    static ModelCatalogueNotifier notifier;
    return &notifier;
}

ModelChoice::ModelChoice(const QString &workspace, const QString &fileDialogTitle, QWidget *parent)
    : QComboBox(parent), m_workspace(workspace), m_fileDialogTitle(fileDialogTitle)
{
    setObjectName(QStringLiteral("modelChoice"));
    setSizeAdjustPolicy(QComboBox::AdjustToContentsOnFirstShow);
    setMinimumContentsLength(18);
    connect(ModelCatalogueNotifier::instance(), &ModelCatalogueNotifier::changed, this, &ModelChoice::refresh);
    connect(this, &QComboBox::activated, this, [this](int index) {
        QString model = itemData(index).toString();
        if (model == kChooseFile) {
            model = QFileDialog::getOpenFileName(this, m_fileDialogTitle, QString(),
                                                 tr("Weights (*.safetensors *.pth *.pt *.ckpt *.bin);;All files (*)"));
            if (model.isEmpty()) { // back to what is in use
                setCurrentModel(m_current);
                return;
            }
        }
        Q_EMIT modelChosen(model);
    });
    rebuild();
}

void ModelChoice::addFixedChoice(const QString &label, const QString &model)
{
    m_fixed.append({label, model});
    rebuild();
}

void ModelChoice::setCurrentModel(const QString &nameOrPath)
{
    m_current = nameOrPath;
    if (findData(nameOrPath) < 0 && QFileInfo(nameOrPath).isFile() && !m_files.contains(nameOrPath)) {
        m_files.append(nameOrPath);
        rebuild();
    }
    const QSignalBlocker block(this);
    setCurrentIndex(std::max(0, findData(nameOrPath)));
}

void ModelChoice::refresh()
{
    rebuild();
}

void ModelChoice::rebuild()
{
    const QSignalBlocker block(this);
    clear();
    for (const auto &[label, model] : std::as_const(m_fixed))
        addItem(label, model);
    try {
        for (const CatalogueEntry &e : ModelCatalogue::load().presentFor(m_workspace)) {
            if (findData(e.name) >= 0)
                continue;
            addItem(e.builtIn ? tr("Built-in: %1").arg(e.name) : tr("%1 (your models folder)").arg(e.name), e.name);
            setItemData(count() - 1, tr("%1\n%2\nLicence: %3").arg(catalogueText(e.task), catalogueText(e.architecture), catalogueText(e.licence)), Qt::ToolTipRole);
        }
    } catch (const Error &) {
        // Without a readable catalogue the fixed choices and files still work.
    }
    for (const QString &file : std::as_const(m_files)) {
        addItem(QFileInfo(file).fileName(), file);
        setItemData(count() - 1, file, Qt::ToolTipRole);
    }
    addItem(tr("Weights file..."), kChooseFile);
    setCurrentIndex(std::max(0, findData(m_current)));
}

} // namespace periscope::app
