// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/ModelsDialog.h"

#include "app/models/CatalogueTexts.h"

#include "app/shell/ModelChoice.h"
#include "engine/core/errors/Error.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace periscope::app {

namespace {
enum Column { Name, Workspace, Task, Licence, Size, Here, Source, ColumnCount };

QString sizeText(qint64 bytes)
{
    if (bytes < 0)
        return QObject::tr("unpublished");
    return bytes >= 10'000'000 ? QObject::tr("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 0) : QObject::tr("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 2);
}
} // namespace

ModelsDialog::ModelsDialog(JobManager *jobs, QWidget *parent) : QDialog(parent), m_job(jobs)
{
    setWindowTitle(tr("Models"));
    resize(1100, 520);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("modelsTable"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Workspace"), tr("Task"), tr("Licence"), tr("Size"), tr("On this machine"), tr("Source")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as keyboard users expect
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Task, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ModelsDialog::updateButtons);

    m_locate = new QPushButton(tr("Locate file..."));
    m_locate->setObjectName(QStringLiteral("locateModel"));
    m_locate->setToolTip(tr("A checkpoint you downloaded yourself: its SHA-256 is checked against the catalogue, then it is copied into "
                            "your models folder"));
    m_download = new QPushButton(tr("Download"));
    m_download->setObjectName(QStringLiteral("downloadModel"));
    m_verify = new QPushButton(tr("Verify"));
    m_verify->setObjectName(QStringLiteral("verifyModel"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelModelJob"));
    connect(m_locate, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Locate a model file"), QString(),
                                                          tr("Weights (*.pth *.pt *.safetensors *.bin *.gz);;All files (*)"));
        if (!path.isEmpty())
            locateFile(path);
    });
    connect(m_download, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        const QString mirror = m_mirror;
        run(tr("Download %1").arg(name), [name, mirror](const ModelCatalogue &catalogue, const JobControl &control) {
            ModelCatalogue copy = catalogue;
            copy.fetch(name, mirror, control);
            return tr("%1 downloaded and verified.").arg(name);
        });
    });
    connect(m_verify, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        run(tr("Verify %1").arg(name), [name](const ModelCatalogue &catalogue, const JobControl &control) {
            const QString problem = catalogue.verify(name, control);
            return problem.isEmpty() ? tr("%1 matches the catalogue.").arg(name) : tr("%1 differs: %2").arg(name, problem);
        });
    });
    connect(m_cancel, &QPushButton::clicked, &m_job, &JobSlot::cancel);
    connect(&m_job, &JobSlot::busyChanged, this, &ModelsDialog::updateButtons);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("modelsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse); // hashes and paths to copy
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3); // a refused file's reason and hash
    m_where = new QLabel;
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_locate, m_download, m_verify, m_cancel})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_where);
    layout->addLayout(buttons);
    reload();
}

QString ModelsDialog::status() const
{
    return m_status->text();
}

void ModelsDialog::reload()
{
    const QString selected = selectedName();
    try {
        m_catalogue = ModelCatalogue::load();
    } catch (const Error &e) {
        m_status->setText(QString::fromUtf8(e.what()));
        m_table->setRowCount(0);
        updateButtons();
        return;
    }
    const QList<CatalogueEntry> &entries = m_catalogue.entries();
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const CatalogueEntry &e = entries[row];
        const QString here = !e.isPresent() ? tr("no") : e.origin == QLatin1String("built-in") ? tr("built in") : tr("in your models folder");
        const QString task = catalogueText(e.task), licence = catalogueText(e.licence);
        const QStringList cells{e.name, e.workspace, task, licence, sizeText(e.bytes), here, e.source};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setToolTip(column == Task ? tr("%1\nArchitecture: %2\nInput: %3%4")
                                                  .arg(task, catalogueText(e.architecture), catalogueText(e.input),
                                                       e.trainedBy.isEmpty() ? QString() : tr("\nTrained by: %1").arg(e.trainedBy))
                                            : column == Here && e.isPresent() ? e.path : cells[column]);
            m_table->setItem(row, column, item);
        }
        if (e.name == selected)
            m_table->selectRow(row);
    }
    m_where->setText(tr("Your models folder: %1").arg(m_catalogue.storeFolder()) +
                     (m_catalogue.storeProblem().isEmpty() ? QString() : QStringLiteral("\n") + m_catalogue.storeProblem()));
    updateButtons();
}

QString ModelsDialog::selectedName() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), Name)->text();
}

void ModelsDialog::updateButtons()
{
    const CatalogueEntry *entry = m_catalogue.find(selectedName());
    const bool busy = m_job.isBusy();
    m_locate->setEnabled(!busy);
    m_download->setEnabled(!busy && entry && entry->isDownloadable() && !entry->isPresent());
    m_verify->setEnabled(!busy && entry && entry->isPresent());
    m_cancel->setEnabled(busy);
}

void ModelsDialog::locateFile(const QString &path)
{
    const QString selected = selectedName();
    const CatalogueEntry *entry = m_catalogue.find(selected);
    // The selected row names the file only where the catalogue cannot check it by hash.
    const QString asName = entry && entry->sha256.isEmpty() && entry->sha256Prefix.isEmpty() && !entry->builtIn ? selected : QString();
    run(tr("Add %1").arg(QFileInfo(path).fileName()), [path, asName](const ModelCatalogue &catalogue, const JobControl &control) {
        ModelCatalogue copy = catalogue;
        const QString name = copy.add(path, asName, control);
        return tr("%1 is %2: added to your models folder.").arg(QFileInfo(path).fileName(), name);
    });
}

void ModelsDialog::run(const QString &title, std::function<QString(const ModelCatalogue &, const JobControl &)> work)
{
    const ModelCatalogue catalogue = m_catalogue;
    m_status->setText(tr("%1...").arg(title));
    m_job.start(
        title, [catalogue, work](const JobControl &control) { return QVariant(work(catalogue, control)); },
        [this](const QVariant &message) {
            m_status->setText(message.toString());
            reload();
            Q_EMIT catalogueChanged();
            Q_EMIT ModelCatalogueNotifier::instance()->changed(); // every workspace's chooser offers it now
        },
        [this](const QString &error) {
            m_status->setText(error);
            reload();
        },
        [this] {
            m_status->setText(tr("Cancelled; nothing was kept."));
            reload();
        });
    updateButtons();
}

} // namespace periscope::app
