// SPDX-License-Identifier: GPL-3.0-or-later
// Where a study's photos live: beside its file, in "<study>-photos/<condition>/<image>.<suffix>".
// A study file stores them relative to its folder and opens only photos inside it (StudyStore),
// so the study and its photos move and travel together, and the originals can go away.
#pragma once

#include <QString>

namespace periscope::app {

struct StudyPhoto {
    QString from;      // the photo as the user has it
    QString image;     // its id in the study (the file stem)
    QString condition; // "original" or a model's name
};

// A condition's name from a model's name or file: its stem in letters, digits, dot, dash and
// underscore ("model" when nothing is left, or when it would pass for the originals).
QString studyConditionName(const QString &model);

// The copy's path for the study file `studyPath`.
QString studyPhotoPath(const QString &studyPath, const StudyPhoto &photo);

// Copies one photo to studyPhotoPath (replacing an older copy). false + a sentence in *error.
bool copyStudyPhoto(const QString &studyPath, const StudyPhoto &photo, QString *error);

} // namespace periscope::app
