// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/ApplicationIdentity.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

namespace periscope::app {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("periscope"));
    QCoreApplication::setApplicationName(QStringLiteral("periscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PERISCOPE_VERSION));
}

QString periscopeDataFolder(const QString &leaf)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/periscope/") + leaf;
    const QString earlier = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1Char('/') + leaf;
    return !QFileInfo::exists(folder) && earlier != folder && QFileInfo(earlier).isDir() ? earlier : folder;
}

} // namespace periscope::app
