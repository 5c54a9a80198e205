// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInRelationModels.h"

#include "app/models/BuiltInModels.h"

namespace periscope::app {

QString builtInRelationModelName()
{
    return QStringLiteral("relations-scenes");
}

QString resolveRelationModel(const QString &nameOrPath, QString *error)
{
    return resolveBuiltInModel(QStringLiteral("relations"), {builtInRelationModelName()}, nameOrPath, error);
}

} // namespace periscope::app
