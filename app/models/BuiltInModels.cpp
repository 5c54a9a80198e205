// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInModels.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace periscope::app {

QString builtInModelsFolder(const QString &family, const QString &probeFile)
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("PERISCOPE_MODELS_DIR");
    if (!fromEnvironment.isEmpty())
        candidates << QDir(fromEnvironment).filePath(family);
    if (QCoreApplication::instance())
        candidates << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/periscope/models/") + family);
    candidates << QStringLiteral(PERISCOPE_SOURCE_MODELS_DIR "/") + family;
    for (const QString &folder : candidates)
        if (QFileInfo(QDir(folder).filePath(probeFile)).isFile())
            return QDir(folder).absolutePath();
    return {};
}

QString resolveBuiltInModel(const QString &family, const QStringList &names, const QString &nameOrPath, QString *error)
{
    const QFileInfo file(nameOrPath);
    if (file.isFile())
        return file.filePath();
    if (names.contains(nameOrPath)) {
        const QString fileName = nameOrPath + QStringLiteral(".safetensors");
        const QString folder = builtInModelsFolder(family, fileName);
        if (!folder.isEmpty())
            return QDir(folder).filePath(fileName);
        if (error)
            *error = QStringLiteral("the built-in model '%1' is missing (expected under resources/models/%2 or "
                                    "$PERISCOPE_MODELS_DIR/%2)").arg(nameOrPath, family);
        return {};
    }
    if (error)
        *error = file.exists() ? QStringLiteral("model %1 is not a file").arg(nameOrPath)
                               : QStringLiteral("no model file %1 (built-in models: %2)").arg(nameOrPath, names.join(QStringLiteral(", ")));
    return {};
}

} // namespace periscope::app
