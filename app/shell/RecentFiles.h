// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace periscope::app {

struct RecentFile {
    QString path;
    QString workspaceId; // the workspace that opened it; empty for projects
    bool operator==(const RecentFile &other) const
    {
        return path == other.path && workspaceId == other.workspaceId;
    }
};

// Recently opened files (with the workspace that opened each) and projects, newest first,
// kept in QSettings so the Welcome page and File > Open Recent survive restarts.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 12;

    explicit RecentFiles(QObject *parent = nullptr);

    QList<RecentFile> files() const { return m_files; }
    QList<RecentFile> projects() const { return m_projects; }

    void addFile(const QString &path, const QString &workspaceId);
    void addProject(const QString &path);
    void removeMissing(); // drops entries whose file is gone
    void clear();

Q_SIGNALS:
    void changed();

private:
    void load();
    void save() const;

    QList<RecentFile> m_files;
    QList<RecentFile> m_projects;
};

} // namespace periscope::app
