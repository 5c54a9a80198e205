// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/ApplicationIdentity.h"

#include <QCoreApplication>

namespace periscope::app {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("periscope"));
    QCoreApplication::setApplicationName(QStringLiteral("periscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PERISCOPE_VERSION));
}

} // namespace periscope::app
