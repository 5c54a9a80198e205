// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/ProjectFile.h"

#include "app/common/AtomicFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSettings>

#include <sys/stat.h>

namespace periscope::app {

class ProjectFileText {
    Q_DECLARE_TR_FUNCTIONS(periscope::app::ProjectFile)
};

namespace {
const QLatin1String kFormatName("periscope-project");
const QLatin1String kWrittenKey("projects/written");
constexpr qsizetype kWrittenRemembered = 256;

QString digestOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Digests, not paths: a copy of one's own project elsewhere is still one's own, and an edited
// or replaced file at a known path is not.
bool wasWrittenHere(const QByteArray &bytes)
{
    return QSettings().value(kWrittenKey).toStringList().contains(digestOf(bytes));
}

void rememberWritten(const QByteArray &bytes)
{
    QSettings settings;
    QStringList written = settings.value(kWrittenKey).toStringList();
    const QString digest = digestOf(bytes);
    written.removeAll(digest);
    written.prepend(digest);
    while (written.size() > kWrittenRemembered)
        written.removeLast();
    settings.setValue(kWrittenKey, written);
}

} // namespace

QByteArray serializeProject(const Project &project)
{
    QJsonArray workspaces;
    for (const ProjectWorkspace &w : project.workspaces) {
        QJsonObject entry{{QStringLiteral("id"), w.id},
                          {QStringLiteral("files"), QJsonArray::fromStringList(w.files)},
                          {QStringLiteral("state"), w.state}};
        workspaces.append(entry);
    }
    QJsonObject root{{QStringLiteral("format"), kFormatName},
                     {QStringLiteral("version"), kProjectFormatVersion},
                     {QStringLiteral("savedBy"), QCoreApplication::applicationVersion()},
                     {QStringLiteral("activeWorkspace"), project.activeWorkspace},
                     {QStringLiteral("workspaces"), workspaces}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool parseProject(const QByteArray &json, const QString &origin, Project *project, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (json.trimmed().isEmpty())
        return fail(ProjectFileText::tr("%1 is empty, not a Periscope project").arg(origin));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // An object that opens but never closes is what a cut-short write leaves behind.
        const bool truncated = parseError.error == QJsonParseError::UnterminatedObject ||
                               parseError.error == QJsonParseError::UnterminatedArray ||
                               parseError.error == QJsonParseError::UnterminatedString ||
                               parseError.offset >= json.size() - 1;
        if (truncated && json.trimmed().startsWith('{'))
            return fail(ProjectFileText::tr("%1 is truncated (it ends at byte %2 in the middle of the project)")
                            .arg(origin).arg(json.size()));
        return fail(ProjectFileText::tr("%1 is not a Periscope project: it is not valid JSON (%2 at byte %3)")
                        .arg(origin, parseError.errorString()).arg(parseError.offset));
    }
    if (!document.isObject())
        return fail(ProjectFileText::tr("%1 is not a Periscope project: its JSON is not an object").arg(origin));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != kFormatName)
        return fail(ProjectFileText::tr("%1 is not a Periscope project (no \"format\": \"periscope-project\")").arg(origin));
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    if (!versionValue.isDouble())
        return fail(ProjectFileText::tr("%1 has no format version").arg(origin));
    const int version = versionValue.toInt();
    if (version > kProjectFormatVersion)
        return fail(ProjectFileText::tr("%1 was saved by a newer Periscope (%2, project format %3); this version "
                       "reads format %4 and older. Update Periscope to open it.")
                        .arg(origin, root.value(QStringLiteral("savedBy")).toString(ProjectFileText::tr("unknown")))
                        .arg(version)
                        .arg(kProjectFormatVersion));
    if (version < 1)
        return fail(ProjectFileText::tr("%1 has an invalid format version %2").arg(origin).arg(version));

    Project result;
    result.activeWorkspace = root.value(QStringLiteral("activeWorkspace")).toString();
    const QJsonValue workspacesValue = root.value(QStringLiteral("workspaces"));
    if (!workspacesValue.isUndefined() && !workspacesValue.isArray())
        return fail(ProjectFileText::tr("%1: \"workspaces\" must be a list").arg(origin));
    for (const QJsonValue &value : workspacesValue.toArray()) {
        const QJsonObject entry = value.toObject();
        ProjectWorkspace w;
        w.id = entry.value(QStringLiteral("id")).toString();
        if (w.id.isEmpty())
            return fail(ProjectFileText::tr("%1: a workspace entry has no id").arg(origin));
        for (const QJsonValue &file : entry.value(QStringLiteral("files")).toArray())
            w.files.append(file.toString());
        w.state = entry.value(QStringLiteral("state")).toObject();
        result.workspaces.append(w);
    }
    *project = result;
    return true;
}

bool readProjectFile(const QString &path, Project *project, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QFile file(path);
    if (!file.exists())
        return fail(ProjectFileText::tr("%1 does not exist").arg(path));
    // Opening a FIFO would wait for a writer forever, with the window frozen; a folder or device
    // is not a project either.
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode))
        return fail(ProjectFileText::tr("%1 is not a regular file (a folder, FIFO, socket or device), not a project").arg(path));
    if (file.size() > kMaxProjectBytes)
        return fail(ProjectFileText::tr("%1 is %2 MB, too large for a Periscope project").arg(path).arg(file.size() >> 20));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ProjectFileText::tr("Cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (!parseProject(bytes, QFileInfo(path).fileName(), project, error))
        return false;
    project->writtenHere = wasWrittenHere(bytes);
    return true;
}

bool writeProjectFile(const QString &path, const Project &project, QString *error)
{
    const QByteArray bytes = serializeProject(project);
    if (!writeFileAtomically(path, bytes, error))
        return false;
    rememberWritten(bytes);
    return true;
}

} // namespace periscope::app
