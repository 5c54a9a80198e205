// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/studies/StudyPhotos.h"

#include "engine/studies/StudyDesign.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace periscope::app {

QString studyConditionName(const QString &model)
{
    QString name = QFileInfo(model).completeBaseName();
    for (QChar &c : name)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            c = QLatin1Char('-');
    return name.isEmpty() || name == QLatin1String(studies::kOriginalCondition) ? QStringLiteral("model") : name;
}

QString studyPhotoPath(const QString &studyPath, const StudyPhoto &photo)
{
    const QFileInfo study(studyPath);
    return QStringLiteral("%1/%2-photos/%3/%4.%5")
        .arg(study.absolutePath(), study.completeBaseName(), photo.condition, photo.image, QFileInfo(photo.from).suffix());
}

bool copyStudyPhoto(const QString &studyPath, const StudyPhoto &photo, QString *error)
{
    const QString to = studyPhotoPath(studyPath, photo);
    if (!QDir().mkpath(QFileInfo(to).absolutePath()) || (QFile::exists(to) && !QFile::remove(to)) || !QFile::copy(photo.from, to)) {
        if (error)
            *error = QStringLiteral("cannot write %1 (is the folder writable and the disk not full?)").arg(to);
        return false;
    }
    return true;
}

} // namespace periscope::app
