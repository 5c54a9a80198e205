// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInDeepfakeModels.h"

#include "app/models/BuiltInModels.h"

namespace periscope::app {

QString builtInDeepfakeModelName()
{
    return QStringLiteral("deepfake-selfblend-b0");
}

QString resolveDeepfakeModel(const QString &nameOrPath, QString *error)
{
    return resolveBuiltInModel(QStringLiteral("deepfake"), {builtInDeepfakeModelName()}, nameOrPath, error);
}

} // namespace periscope::app
