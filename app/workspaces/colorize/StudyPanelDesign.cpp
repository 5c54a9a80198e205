// SPDX-License-Identifier: GPL-3.0-or-later
// StudyPanel's two design dialogs: a new study from the opened photos, and the edit of a study's
// design until its first answer.
#include "app/workspaces/colorize/StudyPanel.h"

#include "app/studies/StudyPhotos.h"
#include "app/studies/StudyStore.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/StudyDesignFields.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

namespace periscope::app {

namespace {
// Adds OK and Cancel under `form` and runs the dialog: true when OK was pressed.
bool askWithOkAndCancel(QDialog &dialog, QFormLayout *form)
{
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(box);
    return dialog.exec() == QDialog::Accepted;
}
} // namespace

void StudyPanel::showNewStudyDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New study"));
    auto *form = new QFormLayout(&dialog);
    StudyDesignFields fields(form);
    auto *photos = new QListWidget;
    for (const ColorizePhoto &p : m_model->photos())
        if (p.hasTruth && p.isColorized()) {
            auto *item = new QListWidgetItem(QFileInfo(p.path).fileName(), photos);
            item->setData(Qt::UserRole, QFileInfo(p.path).completeBaseName());
            item->setCheckState(Qt::Checked);
        }
    photos->setMaximumHeight(140);
    form->addRow(tr("Photos"), photos);
    auto *conditions = new QListWidget;
    conditions->addItem(tr("original: the photos' own colours"));
    conditions->addItem(tr("%1: the current results").arg(studyConditionName(m_model->model())));
    conditions->setMaximumHeight(100);
    auto *addCondition = new QPushButton(tr("Add another model's results (a folder)..."));
    addCondition->setToolTip(tr("A folder of the same photos colorized by another model (e.g. periscope-cli colorize's output), matched by file name"));
    QList<QPair<QString, QString>> more;
    connect(addCondition, &QPushButton::clicked, &dialog, [&] {
        const QString folder = QFileDialog::getExistingDirectory(&dialog, tr("A folder of another model's results"));
        if (folder.isEmpty())
            return;
        const QString name = studyConditionName(QFileInfo(folder).fileName());
        more.append({name, folder});
        conditions->addItem(tr("%1: %2").arg(name, folder));
    });
    form->addRow(tr("Conditions"), conditions);
    form->addRow(QString(), addCondition);
    fields.addWarningRow(form);
    auto updateRepeats = [&fields, photos, conditions] {
        studies::StudyDesign planned;
        int chosen = 0;
        for (int i = 0; i < photos->count(); ++i)
            if (photos->item(i)->checkState() == Qt::Checked) {
                ++chosen;
                for (int c = 0; c < conditions->count(); ++c)
                    planned.stimuli.push_back({std::to_string(i), std::to_string(c), {}});
            }
        fields.warnAboutRepeats(planned, chosen, conditions->count());
    };
    connect(fields.trials, &QSpinBox::valueChanged, &dialog, updateRepeats);
    connect(fields.checks, &QSpinBox::valueChanged, &dialog, updateRepeats);
    connect(fields.question, &QComboBox::currentIndexChanged, &dialog, updateRepeats);
    connect(photos, &QListWidget::itemChanged, &dialog, updateRepeats);
    connect(conditions->model(), &QAbstractItemModel::rowsInserted, &dialog, updateRepeats);
    // A default that needs no repeat: every different trial once, at most 20, and the checks.
    {
        studies::StudyDesign all;
        for (int i = 0; i < photos->count(); ++i)
            for (int c = 0; c < conditions->count(); ++c)
                all.stimuli.push_back({std::to_string(i), std::to_string(c), {}});
        fields.trials->setValue(std::clamp(studies::distinctTrials(all) + fields.checks->value(), 1, 20));
    }
    updateRepeats();
    if (!askWithOkAndCancel(dialog, form))
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the study"), QString(), tr("Studies (*.sqlite)"));
    if (path.isEmpty())
        return;
    NewStudy settings;
    settings.path = path.endsWith(QLatin1String(".sqlite")) ? path : path + QStringLiteral(".sqlite");
    const studies::StudyDesign chosen = fields.applied({});
    settings.title = QString::fromStdString(chosen.title);
    settings.question = chosen.question;
    settings.trialsPerRater = chosen.trialsPerRater;
    settings.attentionChecks = chosen.attentionChecks;
    settings.seed = chosen.seed;
    for (int i = 0; i < photos->count(); ++i)
        if (photos->item(i)->checkState() == Qt::Checked)
            settings.images << photos->item(i)->data(Qt::UserRole).toString();
    if (settings.images.isEmpty()) {
        Q_EMIT problem(tr("Choose at least one photo for the study."));
        return;
    }
    settings.moreConditions = more;
    createStudy(settings);
}

void StudyPanel::showEditDesignDialog()
{
    if (!m_store || m_store->isFrozen())
        return;
    const studies::StudyDesign current = m_store->design();
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Edit the study's design"));
    auto *form = new QFormLayout(&dialog);
    StudyDesignFields fields(form);
    fields.setDesign(current);
    form->addRow(tr("Photos"), new QLabel(tr("%n photo(s) in %1 condition(s), as made", nullptr, int(current.images().size()))
                                              .arg(current.conditions().size())));
    fields.addWarningRow(form);
    auto updateRepeats = [&fields, &current] {
        fields.warnAboutRepeats(current, int(current.images().size()), int(current.conditions().size()));
    };
    connect(fields.trials, &QSpinBox::valueChanged, &dialog, updateRepeats);
    connect(fields.checks, &QSpinBox::valueChanged, &dialog, updateRepeats);
    connect(fields.question, &QComboBox::currentIndexChanged, &dialog, updateRepeats);
    updateRepeats();
    if (!askWithOkAndCancel(dialog, form))
        return;
    const QVariantMap before = StudyDesignFields::values(current), after = StudyDesignFields::values(fields.applied(current));
    QString error;
    if (before == after)
        return;
    if (!setDesignValues(after, &error)) {
        Q_EMIT problem(error);
        return;
    }
    Q_EMIT designEdited(before, after);
}

bool StudyPanel::setDesignValues(const QVariantMap &values, QString *error)
{
    if (!m_store) {
        if (error)
            *error = tr("No study is open");
        return false;
    }
    if (!m_store->updateDesign(StudyDesignFields::withValues(m_store->design(), values), error))
        return false;
    refresh();
    Q_EMIT studyChanged();
    return true;
}

} // namespace periscope::app
