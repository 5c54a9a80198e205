// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInModels.h"

#include "app/models/ModelCatalogue.h"
#include "engine/core/errors/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace periscope::app {

QString builtInModelsRoot(const QString &probeFile)
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("PERISCOPE_MODELS_DIR");
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    if (QCoreApplication::instance())
        candidates << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/periscope/models"));
    candidates << QStringLiteral(PERISCOPE_SOURCE_MODELS_DIR);
    for (const QString &folder : candidates)
        if (QFileInfo(QDir(folder).filePath(probeFile)).isFile())
            return QDir(folder).absolutePath();
    return {};
}

QString builtInModelsFolder(const QString &family, const QString &probeFile)
{
    const QString root = builtInModelsRoot(family + QLatin1Char('/') + probeFile);
    return root.isEmpty() ? QString() : QDir(root).filePath(family);
}

QString builtInScenesFolder(const QString &family, const QString &modelName, const QString &name)
{
    const QString models = builtInModelsFolder(family, modelName + QStringLiteral(".safetensors"));
    if (models.isEmpty())
        return {};
    const QFileInfo folder(models + QStringLiteral("/../../scenes/") + name);
    return folder.isDir() ? folder.absoluteFilePath() : QString();
}

QString resolveBuiltInModel(const QString &family, const QStringList &names, const QString &nameOrPath, QString *error)
{
    const QFileInfo file(nameOrPath);
    if (file.isFile())
        return file.filePath();
    // A name of the catalogue: a built-in model, or one the user added or downloaded.
    try {
        const ModelCatalogue catalogue = ModelCatalogue::load();
        if (const CatalogueEntry *entry = catalogue.find(nameOrPath)) {
            if (entry->workspace != family) {
                if (error)
                    *error = QStringLiteral("'%1' is a model for the %2 workspace, not %3").arg(nameOrPath, entry->workspace, family);
                return {};
            }
            return catalogue.resolve(nameOrPath, error);
        }
    } catch (const Error &) {
        // No readable catalogue: the built-in files are still found by name below.
    }
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
