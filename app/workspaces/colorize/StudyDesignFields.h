// SPDX-License-Identifier: GPL-3.0-or-later
// The fields of a study's design that a person sets (title, question, trials, attention checks,
// seed) and the warning when the trials would repeat photos within a session: one set of rows
// in the dialog that makes a study and in the one that edits a study nobody has answered yet.
#pragma once

#include "engine/studies/StudyDesign.h"

#include <QCoreApplication>
#include <QVariantMap>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace periscope::app {

class StudyDesignFields {
    Q_DECLARE_TR_FUNCTIONS(periscope::app::StudyDesignFields)
public:
    // Adds the rows to `form`; the warning row goes where addWarningRow() is called.
    explicit StudyDesignFields(QFormLayout *form);
    void addWarningRow(QFormLayout *form);

    void setDesign(const studies::StudyDesign &design);
    // `design` with the fields' values.
    studies::StudyDesign applied(studies::StudyDesign design) const;
    // Says (and shows) whether the regular trials exceed the different ones `planned` offers
    // (its stimuli: `photos` photos in `conditions` conditions); `planned` takes the question.
    void warnAboutRepeats(studies::StudyDesign planned, int photos, int conditions);

    // The fields as a value (an undo step's before and after) and back onto a design.
    static QVariantMap values(const studies::StudyDesign &design);
    static studies::StudyDesign withValues(studies::StudyDesign design, const QVariantMap &values);

    QLineEdit *title = nullptr;
    QComboBox *question = nullptr;
    QSpinBox *trials = nullptr, *checks = nullptr, *seed = nullptr;
    QLabel *repeats = nullptr;
};

} // namespace periscope::app
