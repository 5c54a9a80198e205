// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/slots/BuiltInSlotModels.h"

#include "app/shell/BuiltInModels.h"

namespace periscope::app {

QString builtInSlotModelName()
{
    return QStringLiteral("slots-scenes-small");
}

QString resolveSlotModel(const QString &nameOrPath, QString *error)
{
    return resolveBuiltInModel(QStringLiteral("slots"), {builtInSlotModelName()}, nameOrPath, error);
}

} // namespace periscope::app
