// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

// How a project file spells the paths of its inputs, and which of them it may open.
//
// A project is a document people send each other, so a path read from one is data from outside:
// it is resolved against the project's folder (symbolic links followed, "." and ".." removed)
// and opened only when it lies inside that folder. "/home/you/.ssh/id_rsa", "../../x" and a link
// out of the folder are refused with the path named. The one exception is a project this account
// wrote itself (its exact bytes are on record, see ProjectFile.h) and the autosave: their inputs
// open wherever they are, as the user left them.
//
// Writing, a path inside the project's folder is stored relative to it, so that the folder can be
// moved or sent as a whole; a path outside stays absolute (and opens again only for its author).
//
// Workspaces pass every path they put into or take out of their project state through this.
class ProjectPaths {
public:
    // No project file (the autosave, tests): paths are stored absolute and read as they are.
    ProjectPaths() = default;
    // For the project at `projectFile`. `trustOutside`: the project's inputs may lie anywhere.
    ProjectPaths(const QString &projectFile, bool trustOutside);

    QString folder() const { return m_folder; }
    bool trustsOutside() const { return m_trustOutside; }

    // The stored spelling of an absolute path.
    QString toStored(const QString &path) const;
    QStringList toStored(const QStringList &paths) const;

    // The absolute path a stored one names, or an empty string and a sentence in *refusal (a path
    // outside the project's folder, an empty path). A path that does not exist resolves (the
    // workspace reports it missing): it cannot lead outside if nothing is there.
    QString resolve(const QString &stored, QString *refusal) const;
    // Every path that resolves, in order; one sentence per refused path appended to *refusals.
    QStringList resolve(const QStringList &stored, QStringList *refusals) const;

    // A model is a catalogue name ("koalarization") or a weights file. Stored, a file always
    // has a '/' ("./weights.safetensors" in the project's folder), so that a name never reads as
    // a file next to the working directory and a file never as a name.
    QString toStoredModel(const QString &nameOrPath) const;
    QString resolveModel(const QString &stored, QString *refusal) const;

private:
    QString m_folder;            // absolute, cleaned; empty without a project file
    bool m_trustOutside = true;  // no project file: nothing to confine to
};

} // namespace periscope::app
