// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace periscope::app {

// A .periscope project: JSON with a format version, the active workspace and each open
// workspace's inputs and view state.
//
// {
//   "format": "periscope-project", "version": 1, "savedBy": "0.1.0",
//   "activeWorkspace": "colorize",
//   "workspaces": [ { "id": "colorize", "files": ["/photos/a.jpg"], "state": { ... } } ]
// }
struct ProjectWorkspace {
    QString id;
    QStringList files;
    QJsonObject state;
    bool operator==(const ProjectWorkspace &o) const
    {
        return id == o.id && files == o.files && state == o.state;
    }
};

struct Project {
    QString activeWorkspace;
    QList<ProjectWorkspace> workspaces;
    // Set by readProjectFile: these exact bytes were written by writeProjectFile under this
    // account, so the project's inputs may lie outside its folder (ProjectPaths). Not saved.
    bool writtenHere = false;
    bool operator==(const Project &o) const
    {
        return activeWorkspace == o.activeWorkspace && workspaces == o.workspaces;
    }
};

constexpr int kProjectFormatVersion = 1;
constexpr qint64 kMaxProjectBytes = 64 * 1024 * 1024; // a project holds paths and view state, not data

QByteArray serializeProject(const Project &project);
// Parses project JSON; `origin` names the file in messages. false + *error on a file that is
// not JSON, truncated, not a project, or from a newer Periscope.
bool parseProject(const QByteArray &json, const QString &origin, Project *project, QString *error);

bool readProjectFile(const QString &path, Project *project, QString *error);
// Writes atomically and records the SHA-256 of the bytes written (the last 256 projects, in the
// user's settings), which is how readProjectFile knows a project as this account's own.
bool writeProjectFile(const QString &path, const Project &project, QString *error);

} // namespace periscope::app
