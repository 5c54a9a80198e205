// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/colorize/StudyDesignFields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QSpinBox>

namespace periscope::app {

StudyDesignFields::StudyDesignFields(QFormLayout *form)
{
    title = new QLineEdit(tr("Colorization study"));
    title->setObjectName(QStringLiteral("studyTitle"));
    question = new QComboBox;
    question->setObjectName(QStringLiteral("studyQuestion"));
    question->addItem(tr("Real or colorized? (a Turing test)"), int(studies::QuestionType::RealOrColorized));
    question->addItem(tr("How natural? (Likert 1-5)"), int(studies::QuestionType::Likert));
    question->addItem(tr("Which is more natural? (two side by side)"), int(studies::QuestionType::TwoAlternative));
    trials = new QSpinBox;
    trials->setObjectName(QStringLiteral("trialsPerParticipant"));
    trials->setRange(1, 10000);
    trials->setValue(20);
    checks = new QSpinBox;
    checks->setObjectName(QStringLiteral("attentionChecks"));
    checks->setRange(0, 100);
    checks->setValue(2);
    seed = new QSpinBox;
    seed->setObjectName(QStringLiteral("studySeed"));
    seed->setRange(1, 1000000000);
    seed->setValue(int(QRandomGenerator::global()->bounded(1, 1000000)));
    form->addRow(tr("Title"), title);
    form->addRow(tr("Question"), question);
    form->addRow(tr("Trials per participant"), trials);
    form->addRow(tr("Attention checks"), checks);
    form->addRow(tr("Seed (stored: the order of every session can be reproduced)"), seed);
    repeats = new QLabel;
    repeats->setObjectName(QStringLiteral("repeatWarning"));
    repeats->setWordWrap(true);
    repeats->setStyleSheet(QStringLiteral("color: #b00020;"));
    repeats->hide();
}

void StudyDesignFields::addWarningRow(QFormLayout *form)
{
    form->addRow(repeats);
}

void StudyDesignFields::setDesign(const studies::StudyDesign &design)
{
    title->setText(QString::fromStdString(design.title));
    question->setCurrentIndex(std::max(0, question->findData(int(design.question))));
    trials->setValue(design.trialsPerRater);
    checks->setValue(design.attentionChecks);
    seed->setValue(int(std::min<std::uint64_t>(design.seed, std::uint64_t(seed->maximum()))));
}

studies::StudyDesign StudyDesignFields::applied(studies::StudyDesign design) const
{
    design.title = title->text().toStdString();
    design.question = studies::QuestionType(question->currentData().toInt());
    design.trialsPerRater = trials->value();
    design.attentionChecks = std::min(checks->value(), trials->value());
    design.seed = std::uint64_t(seed->value());
    return design;
}

void StudyDesignFields::warnAboutRepeats(studies::StudyDesign planned, int photos, int conditions)
{
    planned.question = studies::QuestionType(question->currentData().toInt());
    const int distinct = studies::distinctTrials(planned);
    const int regular = trials->value() - checks->value();
    // Said before the study is made (#23): more trials than there are different ones repeats
    // photos within a participant's session.
    repeats->setText(regular > distinct ? tr("Each participant will see some photos more than once: %1 trials (besides the attention "
                                             "checks), but only %2 different ones from %3 photos and %4 conditions. Fewer trials, or "
                                             "more photos, avoid repeats.")
                                              .arg(regular)
                                              .arg(distinct)
                                              .arg(photos)
                                              .arg(conditions)
                                        : QString());
    repeats->setVisible(regular > distinct);
}

QVariantMap StudyDesignFields::values(const studies::StudyDesign &design)
{
    return {{QStringLiteral("title"), QString::fromStdString(design.title)},
            {QStringLiteral("question"), int(design.question)},
            {QStringLiteral("trials"), design.trialsPerRater},
            {QStringLiteral("checks"), design.attentionChecks},
            {QStringLiteral("seed"), QString::number(design.seed)}};
}

studies::StudyDesign StudyDesignFields::withValues(studies::StudyDesign design, const QVariantMap &values)
{
    design.title = values.value(QStringLiteral("title")).toString().toStdString();
    design.question = studies::QuestionType(values.value(QStringLiteral("question")).toInt());
    design.trialsPerRater = values.value(QStringLiteral("trials")).toInt();
    design.attentionChecks = values.value(QStringLiteral("checks")).toInt();
    design.seed = values.value(QStringLiteral("seed")).toString().toULongLong();
    return design;
}

} // namespace periscope::app
