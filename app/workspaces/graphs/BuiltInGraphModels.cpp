// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/graphs/BuiltInGraphModels.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace periscope::app {

QStringList builtInGraphModelNames()
{
    return {QStringLiteral("infection"), QStringLiteral("esol"), QStringLiteral("logp")};
}

QString builtInGraphModelsFolder()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("PERISCOPE_MODELS_DIR");
    if (!fromEnvironment.isEmpty())
        candidates << QDir(fromEnvironment).filePath(QStringLiteral("graphs"));
    if (QCoreApplication::instance())
        candidates << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/periscope/models/graphs"));
    candidates << QStringLiteral(PERISCOPE_SOURCE_MODELS_DIR "/graphs");
    for (const QString &folder : candidates)
        if (QFileInfo(QDir(folder).filePath(QStringLiteral("infection.safetensors"))).isFile())
            return QDir(folder).absolutePath();
    return {};
}

QString resolveGraphModel(const QString &nameOrPath, QString *error)
{
    const QFileInfo file(nameOrPath);
    if (file.isFile())
        return file.filePath();
    if (builtInGraphModelNames().contains(nameOrPath)) {
        const QString folder = builtInGraphModelsFolder();
        const QString path = QDir(folder).filePath(nameOrPath + QStringLiteral(".safetensors"));
        if (!folder.isEmpty() && QFileInfo(path).isFile())
            return path;
        if (error)
            *error = QStringLiteral("the built-in model '%1' is missing (expected under resources/models/graphs or "
                                    "$PERISCOPE_MODELS_DIR/graphs)").arg(nameOrPath);
        return {};
    }
    if (error)
        *error = file.exists() ? QStringLiteral("model %1 is not a file").arg(nameOrPath)
                               : QStringLiteral("no model file %1 (built-in models: %2)")
                                     .arg(nameOrPath, builtInGraphModelNames().join(QStringLiteral(", ")));
    return {};
}

} // namespace periscope::app
