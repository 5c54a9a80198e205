// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace periscope::app {

namespace {
QList<RecentFile> readList(QSettings &settings, const QString &group)
{
    QList<RecentFile> list;
    const int size = settings.beginReadArray(group);
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        RecentFile entry{settings.value(QStringLiteral("path")).toString(),
                         settings.value(QStringLiteral("workspace")).toString()};
        if (!entry.path.isEmpty())
            list.append(entry);
    }
    settings.endArray();
    return list;
}

void writeList(QSettings &settings, const QString &group, const QList<RecentFile> &list)
{
    settings.beginWriteArray(group, int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("path"), list.at(i).path);
        settings.setValue(QStringLiteral("workspace"), list.at(i).workspaceId);
    }
    settings.endArray();
}

void pushFront(QList<RecentFile> &list, const RecentFile &entry, int max)
{
    list.removeIf([&](const RecentFile &e) { return e.path == entry.path; });
    list.prepend(entry);
    while (list.size() > max)
        list.removeLast();
}
} // namespace

RecentFiles::RecentFiles(QObject *parent) : QObject(parent)
{
    load();
}

void RecentFiles::load()
{
    QSettings settings;
    m_files = readList(settings, QStringLiteral("recent/files"));
    m_projects = readList(settings, QStringLiteral("recent/projects"));
}

void RecentFiles::save() const
{
    QSettings settings;
    writeList(settings, QStringLiteral("recent/files"), m_files);
    writeList(settings, QStringLiteral("recent/projects"), m_projects);
}

void RecentFiles::addFile(const QString &path, const QString &workspaceId)
{
    pushFront(m_files, {QFileInfo(path).absoluteFilePath(), workspaceId}, kMaxEntries);
    save();
    Q_EMIT changed();
}

void RecentFiles::addProject(const QString &path)
{
    pushFront(m_projects, {QFileInfo(path).absoluteFilePath(), QString()}, kMaxEntries);
    save();
    Q_EMIT changed();
}

void RecentFiles::removeMissing()
{
    auto missing = [](const RecentFile &e) { return !QFileInfo::exists(e.path); };
    const auto removed = m_files.removeIf(missing) + m_projects.removeIf(missing);
    if (removed > 0) {
        save();
        Q_EMIT changed();
    }
}

void RecentFiles::clear()
{
    m_files.clear();
    m_projects.clear();
    save();
    Q_EMIT changed();
}

} // namespace periscope::app
