// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInGraphModels.h"

#include "app/models/BuiltInModels.h"

namespace periscope::app {

QStringList builtInGraphModelNames()
{
    return {QStringLiteral("infection"), QStringLiteral("esol"), QStringLiteral("logp")};
}

QString builtInGraphModelsFolder()
{
    return builtInModelsFolder(QStringLiteral("graphs"), QStringLiteral("infection.safetensors"));
}

QString resolveGraphModel(const QString &nameOrPath, QString *error)
{
    return resolveBuiltInModel(QStringLiteral("graphs"), builtInGraphModelNames(), nameOrPath, error);
}

} // namespace periscope::app
