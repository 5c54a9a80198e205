// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/ModelCatalogue.h"

#include "app/common/Preferences.h"
#include "app/models/BuiltInModels.h"
#include "app/models/ModelDownload.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/Sha256.h"
#include "engine/core/weights/ModelStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace periscope::app {

namespace {
constexpr const char *kCatalogueFile = "catalogue.json";
constexpr qint64 kMaxCatalogueBytes = 4 << 20;

std::string text(const QString &s)
{
    return s.toStdString();
}

QString stringField(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

CatalogueEntry parseEntry(const QJsonObject &o, const QString &where)
{
    CatalogueEntry e;
    e.name = stringField(o, "name");
    e.workspace = stringField(o, "workspace");
    e.task = stringField(o, "task");
    e.architecture = stringField(o, "architecture");
    e.input = stringField(o, "input");
    e.licence = stringField(o, "licence");
    e.source = stringField(o, "source");
    e.trainedBy = stringField(o, "trained_by");
    e.sha256 = stringField(o, "sha256").toLower();
    e.sha256Prefix = stringField(o, "sha256_prefix").toLower();
    e.bytes = o.value(QLatin1String("bytes")).isDouble() ? qint64(o.value(QLatin1String("bytes")).toDouble()) : -1;
    e.builtIn = e.source == QLatin1String("built-in");
    e.fileName = e.builtIn ? stringField(o, "file") : stringField(o, "file_name");
    for (const QString *required : {&e.name, &e.workspace, &e.task, &e.licence, &e.source, &e.fileName})
        if (required->isEmpty())
            throw Error(text(where) + ": an entry lacks one of name, workspace, task, licence, source, file");
    // Names become file names in the store and file paths below the built-in folder: keep both
    // inside their folders.
    if (e.fileName.contains(QLatin1String("..")) || e.fileName.startsWith(QLatin1Char('/')) ||
        (!e.builtIn && e.fileName.contains(QLatin1Char('/'))))
        throw Error(text(where) + ": entry '" + text(e.name) + "' names a file outside its folder");
    return e;
}
} // namespace

bool CatalogueEntry::matches(const QString &sha256OfFile, qint64 size) const
{
    if (bytes >= 0 && size != bytes)
        return false;
    if (!sha256.isEmpty())
        return sha256OfFile == sha256;
    if (!sha256Prefix.isEmpty())
        return sha256OfFile.startsWith(sha256Prefix);
    return false;
}

ModelCatalogue ModelCatalogue::load(const QString &storeFolder)
{
    ModelCatalogue catalogue;
    catalogue.m_builtInFolder = builtInModelsRoot(QLatin1String(kCatalogueFile));
    if (catalogue.m_builtInFolder.isEmpty())
        throw Error("the model catalogue (catalogue.json) is missing: expected in resources/models, the installed "
                    "share/periscope/models or $PERISCOPE_MODELS_DIR");
    catalogue.m_cataloguePath = QDir(catalogue.m_builtInFolder).filePath(QLatin1String(kCatalogueFile));
    catalogue.m_storeFolder = storeFolder.isEmpty() ? Preferences::load().modelsFolder : storeFolder;

    QFile file(catalogue.m_cataloguePath);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(text(catalogue.m_cataloguePath) + ": " + text(file.errorString()));
    if (file.size() > kMaxCatalogueBytes)
        throw Error(text(catalogue.m_cataloguePath) + ": larger than a catalogue can be");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(kMaxCatalogueBytes), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw Error(text(catalogue.m_cataloguePath) + ": " + text(parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("periscope-model-catalogue"))
        throw Error(text(catalogue.m_cataloguePath) + ": not a Periscope model catalogue");
    QSet<QString> names;
    for (const QJsonValue &value : root.value(QLatin1String("models")).toArray()) {
        CatalogueEntry entry = parseEntry(value.toObject(), catalogue.m_cataloguePath);
        if (names.contains(entry.name))
            throw Error(text(catalogue.m_cataloguePath) + ": two entries are named '" + text(entry.name) + "'");
        names.insert(entry.name);
        catalogue.m_entries.append(entry);
    }
    catalogue.locate();
    return catalogue;
}

void ModelCatalogue::locate()
{
    // The store's manifest is the user's: a broken one hides the store's models, never the
    // built-in ones (the Models dialog and `models list` say what is wrong with it).
    std::unique_ptr<ModelStore> store;
    try {
        if (QFileInfo(QDir(m_storeFolder).filePath(QStringLiteral("manifest.json"))).isFile())
            store = std::make_unique<ModelStore>(text(m_storeFolder));
        m_storeProblem.clear();
    } catch (const Error &e) {
        m_storeProblem = QString::fromUtf8(e.what());
    }
    for (CatalogueEntry &e : m_entries) {
        e.path.clear();
        e.origin.clear();
        if (e.builtIn) {
            const QString path = QDir(m_builtInFolder).filePath(e.fileName);
            if (QFileInfo(path).isFile()) {
                e.path = QFileInfo(path).absoluteFilePath();
                e.origin = QStringLiteral("built-in");
            }
            continue;
        }
        if (!store)
            continue;
        if (const ModelRecord *record = store->find(text(e.name))) {
            const QString path = QString::fromStdString(store->pathOf(*record));
            if (QFileInfo(path).isFile()) {
                e.path = QFileInfo(path).absoluteFilePath();
                e.origin = QStringLiteral("store");
            }
        }
    }
}

const CatalogueEntry *ModelCatalogue::find(const QString &name) const
{
    for (const CatalogueEntry &e : m_entries)
        if (e.name == name)
            return &e;
    return nullptr;
}

QList<CatalogueEntry> ModelCatalogue::presentFor(const QString &workspace) const
{
    QList<CatalogueEntry> out;
    for (const CatalogueEntry &e : m_entries)
        if (e.workspace == workspace && e.isPresent())
            out.append(e);
    return out;
}

QString ModelCatalogue::resolve(const QString &nameOrPath, QString *error) const
{
    const QFileInfo file(nameOrPath);
    if (file.isFile())
        return file.filePath();
    if (const CatalogueEntry *e = find(nameOrPath)) {
        if (e->isPresent())
            return e->path;
        if (error)
            *error = e->builtIn ? QStringLiteral("the built-in model '%1' is missing (expected %2)")
                                      .arg(e->name, QDir(m_builtInFolder).filePath(e->fileName))
                                : QStringLiteral("'%1' is not on this machine: periscope-cli models fetch %1, or models add FILE "
                                                 "(Models... in the workbench)")
                                      .arg(e->name);
        return {};
    }
    if (error)
        *error = file.exists() ? QStringLiteral("model %1 is not a file").arg(nameOrPath)
                               : QStringLiteral("no model file %1").arg(nameOrPath);
    return {};
}

QString ModelCatalogue::sha256Of(const QString &path, const JobControl &control)
{
    if (!QFileInfo(path).isFile()) // before opening: opening a FIFO blocks, reading a device never ends
        throw Error(text(path) + ": not a regular file");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(text(path) + ": " + text(file.errorString()));
    Sha256 hash;
    const qint64 total = file.size();
    qint64 done = 0;
    QByteArray chunk(4 << 20, Qt::Uninitialized);
    for (;;) {
        control.throwIfCancelled();
        const qint64 n = file.read(chunk.data(), chunk.size());
        if (n < 0)
            throw Error(text(path) + ": " + text(file.errorString()));
        if (n == 0)
            break;
        hash.update(chunk.constData(), std::size_t(n));
        done += n;
        control.reportProgress(total > 0 ? double(done) / double(total) : -1.0, "SHA-256");
    }
    return QString::fromStdString(hash.hexDigest());
}

QString ModelCatalogue::add(const QString &file, const QString &name, const JobControl &control)
{
    const QFileInfo info(file);
    if (!info.isFile())
        throw Error(text(file) + ": no such file");
    const QString sha = sha256Of(file, control);
    const CatalogueEntry *entry = nullptr;
    if (!name.isEmpty()) {
        entry = find(name);
        if (!entry)
            throw Error("the catalogue has no model named '" + text(name) + "' (periscope-cli models list)");
        if (entry->builtIn)
            throw Error("'" + text(name) + "' is built in: nothing to add");
        if ((!entry->sha256.isEmpty() || !entry->sha256Prefix.isEmpty()) && !entry->matches(sha, info.size()))
            throw Error(text(file) + " is not " + text(name) + ": its SHA-256 is " + text(sha) + ", the catalogue's " +
                        text(entry->sha256.isEmpty() ? entry->sha256Prefix + QStringLiteral("...") : entry->sha256));
    } else {
        for (const CatalogueEntry &e : m_entries)
            if (!e.builtIn && e.matches(sha, info.size()))
                entry = &e;
        if (!entry)
            throw Error(text(file) + " matches no model of the catalogue (SHA-256 " + text(sha) +
                        "); it can still be opened as weights directly, or added as an entry that publishes no hash (models add "
                        "--name NAME, or that entry selected in Models...)");
    }
    const QString entryName = entry->name;
    const std::string architecture = text(entry->architecture), source = text(entry->source);
    if (!QDir().mkpath(m_storeFolder))
        throw Error("cannot create the model folder " + text(m_storeFolder));
    ModelStore store(text(m_storeFolder));
    if (store.find(text(entryName)))
        store.remove(text(entryName)); // a newer copy of the same model replaces the old one
    const ModelRecord &record = store.add(text(file), text(entryName), architecture, source);
    if (QString::fromStdString(record.sha256) != sha) { // the file changed while it was copied
        store.remove(text(entryName));
        throw Error(text(file) + " changed while it was being added; try again");
    }
    locate();
    return entryName;
}

void ModelCatalogue::fetch(const QString &name, const QString &mirror, const JobControl &control)
{
    const CatalogueEntry *entry = find(name);
    if (!entry)
        throw Error("the catalogue has no model named '" + text(name) + "' (periscope-cli models list)");
    if (!entry->isDownloadable())
        throw Error("'" + text(name) + "' is " + (entry->builtIn ? "built in" : "not published at an address") + ": nothing to download");
    const CatalogueEntry wanted = *entry; // `entry` moves when locate() runs
    const QUrl url(mirror.isEmpty() ? wanted.source
                                    : (mirror.endsWith(QLatin1Char('/')) ? mirror : mirror + QLatin1Char('/')) + wanted.fileName);
    if (!QDir().mkpath(m_storeFolder))
        throw Error("cannot create the model folder " + text(m_storeFolder));
    const QString part = QDir(m_storeFolder).filePath(wanted.fileName + QStringLiteral(".part"));
    try {
        downloadResumable(url, part, wanted.bytes, control);
    } catch (const CancelledError &) {
        QFile::remove(part); // a cancelled download leaves nothing behind
        throw;
    }
    const QString sha = sha256Of(part, control);
    const bool published = !wanted.sha256.isEmpty() || !wanted.sha256Prefix.isEmpty();
    if (published && !wanted.matches(sha, QFileInfo(part).size())) {
        QFile::remove(part);
        throw Error("the download of " + text(name) + " is refused and deleted: its SHA-256 is " + text(sha) + ", the catalogue's " +
                    text(wanted.sha256.isEmpty() ? wanted.sha256Prefix + QStringLiteral("...") : wanted.sha256));
    }
    ModelStore store(text(m_storeFolder));
    if (store.find(text(name)))
        store.remove(text(name));
    store.add(text(part), text(name), text(wanted.architecture), text(wanted.source), /*move=*/true);
    locate();
}

QString ModelCatalogue::verify(const QString &name, const JobControl &control) const
{
    const CatalogueEntry *e = find(name);
    if (!e)
        return QStringLiteral("no model named '%1'").arg(name);
    if (!e->isPresent())
        return QStringLiteral("not on this machine");
    const QString sha = sha256Of(e->path, control);
    if (!e->sha256.isEmpty() || !e->sha256Prefix.isEmpty())
        return e->matches(sha, QFileInfo(e->path).size()) ? QString()
                                                           : QStringLiteral("%1 has SHA-256 %2, the catalogue's %3")
                                                                 .arg(e->path, sha, e->sha256.isEmpty() ? e->sha256Prefix + QStringLiteral("...") : e->sha256);
    // No published hash: the store's record of what was added is the reference.
    std::string problem;
    ModelStore store(text(m_storeFolder));
    return store.verify(text(name), &problem) ? QString() : QString::fromStdString(problem);
}

} // namespace periscope::app
