// SPDX-License-Identifier: GPL-3.0-or-later
// The models Periscope knows, for the workbench's Models dialog, `periscope-cli models` and every
// place that takes a model by name: the built-in ones (files under resources/models) and the
// published checkpoints the workspaces load (Zhang et al.'s colorizers, DINOv2 and dino.txt,
// torchvision backbones, ...), each with its task, architecture, input convention, licence,
// source, size and SHA-256, and whether it is on this machine.
//
// A user's copies live in a model store (engine/core/weights/ModelStore: a folder with a manifest,
// by default the preferences' models folder): "Locate file..." and `models add` copy a file there
// once its hash matches the catalogue; downloads land there only when their hash matches. Nothing
// here reads a checkpoint's contents: the engine's restricted loaders do, when a workspace uses it.
#pragma once

#include "engine/core/jobs/JobControl.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace periscope::app {

struct CatalogueEntry {
    QString name;         // "zhang-eccv16": what --model and the dialogs call it
    QString workspace;    // "colorize", "graphs", "slots", "open-vocabulary", "deepfake", ...
    QString task;
    QString architecture;
    QString input;        // the input convention (size, colour space, normalisation)
    QString licence;
    QString source;       // "built-in", or the URL it is published at
    QString trainedBy;    // built-ins: the command that trained it
    QString fileName;     // the file's own name
    qint64 bytes = -1;    // -1: not published
    QString sha256;       // lower-case hex; empty: not published
    QString sha256Prefix; // the prefix a publisher put in the file name (torch.hub's convention)
    bool builtIn = false;

    // On this machine: the file, and where it came from ("built-in", "store"); empty when absent.
    QString path;
    QString origin;

    bool isPresent() const { return !path.isEmpty(); }
    bool isDownloadable() const { return source.startsWith(QLatin1String("https://")) || source.startsWith(QLatin1String("http://")); }
    // Whether a file of this hash and size is this entry: the full hash where published, else the
    // file-name prefix; an entry that publishes neither matches nothing.
    bool matches(const QString &sha256OfFile, qint64 size) const;
};

class ModelCatalogue {
public:
    // Reads the catalogue Periscope ships and the user's store (`storeFolder`, by default the
    // preferences' models folder). Throws periscope::Error naming the file when either is invalid.
    static ModelCatalogue load(const QString &storeFolder = {});

    const QList<CatalogueEntry> &entries() const { return m_entries; }
    const CatalogueEntry *find(const QString &name) const;
    QList<CatalogueEntry> presentFor(const QString &workspace) const; // what a workspace can offer now
    QString storeFolder() const { return m_storeFolder; }
    QString storeProblem() const { return m_storeProblem; } // a broken store manifest, in one line
    QString cataloguePath() const { return m_cataloguePath; }

    // An existing file: itself. The name of an entry that is present: its file. Else empty, with
    // `error` saying why in one line (absent: how to get it).
    QString resolve(const QString &nameOrPath, QString *error) const;

    // Hashes `file`, finds the entry it is, and copies it into the store under that entry's name;
    // returns the name. With `name`, the file is taken as that entry even when the catalogue has
    // no hash to check it against (it is recorded as the user's, with the hash it has now).
    // Throws periscope::Error when the file matches no entry (or another hash than `name`'s).
    QString add(const QString &file, const QString &name = {}, const JobControl &control = {});

    // Downloads the entry into the store (from `mirror`/FILE_NAME when given, else its source):
    // resumable (a partial .part file is continued with an HTTP range request), cancellable (a
    // cancelled download leaves no file), and refused, with nothing left behind, when the hash
    // differs. Needs network; throws periscope::Error (CancelledError when cancelled).
    void fetch(const QString &name, const QString &mirror = {}, const JobControl &control = {});

    // Hashes the entry's file: an empty string when it is the catalogue's, else the problem.
    QString verify(const QString &name, const JobControl &control = {}) const;

    // SHA-256 of a file, read in chunks, with progress and cancellation.
    static QString sha256Of(const QString &file, const JobControl &control = {});

private:
    CatalogueEntry *findMutable(const QString &name);
    void locate();

    QList<CatalogueEntry> m_entries;
    QString m_cataloguePath, m_builtInFolder, m_storeFolder, m_storeProblem;
};

} // namespace periscope::app
