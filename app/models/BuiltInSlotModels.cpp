// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInSlotModels.h"

#include "app/models/BuiltInModels.h"

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
