// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/ProjectPaths.h"

#include "engine/core/io/PathGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace periscope::app {

class ProjectPathsText {
    Q_DECLARE_TR_FUNCTIONS(periscope::app::ProjectPaths)
};

ProjectPaths::ProjectPaths(const QString &projectFile, bool trustOutside)
    : m_folder(QDir::cleanPath(QFileInfo(projectFile).absolutePath())), m_trustOutside(trustOutside)
{
}

QString ProjectPaths::toStored(const QString &path) const
{
    if (m_folder.isEmpty() || path.isEmpty())
        return path;
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    // Relative only when the spelling itself is inside (no ".." in what is written): a link in the
    // folder that points out would be refused when read back, so it stays absolute too.
    const QString relative = QDir(m_folder).relativeFilePath(absolute);
    if (relative.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(relative))
        return absolute;
    if (!isInsideFolder(QFile::encodeName(m_folder).toStdString(), QFile::encodeName(absolute).toStdString()))
        return absolute;
    return relative;
}

QStringList ProjectPaths::toStored(const QStringList &paths) const
{
    QStringList stored;
    stored.reserve(paths.size());
    for (const QString &path : paths)
        stored << toStored(path);
    return stored;
}

QString ProjectPaths::resolve(const QString &stored, QString *refusal) const
{
    if (stored.isEmpty()) {
        if (refusal)
            *refusal = ProjectPathsText::tr("the project names an empty path");
        return {};
    }
    if (stored.contains(QChar(0))) {
        if (refusal)
            *refusal = ProjectPathsText::tr("the project names a path with a NUL character");
        return {};
    }
    if (m_folder.isEmpty())
        return QDir::cleanPath(QFileInfo(stored).absoluteFilePath());
    const QString absolute = QDir::cleanPath(QDir(m_folder).absoluteFilePath(stored));
    if (m_trustOutside)
        return absolute;
    if (!isInsideFolder(QFile::encodeName(m_folder).toStdString(), QFile::encodeName(absolute).toStdString())) {
        if (refusal)
            *refusal = ProjectPathsText::tr("%1 is outside the project's folder, not opened (a project from elsewhere opens only "
                                            "files in %2)")
                           .arg(stored, m_folder);
        return {};
    }
    return absolute;
}

QStringList ProjectPaths::resolve(const QStringList &stored, QStringList *refusals) const
{
    QStringList paths;
    for (const QString &s : stored) {
        QString refusal;
        const QString path = resolve(s, &refusal);
        if (!path.isEmpty())
            paths << path;
        else if (refusals)
            *refusals << refusal;
    }
    return paths;
}

namespace {
bool isModelFile(const QString &nameOrPath)
{
    return nameOrPath.contains(QLatin1Char('/'));
}
} // namespace

QString ProjectPaths::toStoredModel(const QString &nameOrPath) const
{
    if (!isModelFile(nameOrPath))
        return nameOrPath;
    const QString stored = toStored(nameOrPath);
    return isModelFile(stored) ? stored : QStringLiteral("./") + stored;
}

QString ProjectPaths::resolveModel(const QString &stored, QString *refusal) const
{
    if (!isModelFile(stored))
        return stored;
    return resolve(stored, refusal);
}

} // namespace periscope::app
