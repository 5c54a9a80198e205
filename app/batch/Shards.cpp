// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/batch/Shards.h"

#include "app/common/AtomicFile.h"
#include "engine/core/errors/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace periscope::app {

namespace {
constexpr const char *kFormat = "periscope-shard-results";
constexpr int kVersion = 1;
// One shard's file of a very large run (a million items of a few hundred bytes) stays far below.
constexpr std::uint64_t kMaxResultsBytes = 2ull * 1024 * 1024 * 1024;

const QRegularExpression &resultsFileName()
{
    static const QRegularExpression pattern(QStringLiteral("^([a-z][a-z-]*)-([0-9]+)-of-([0-9]+)\\.json$"));
    return pattern;
}

QString listOf(const std::vector<int> &numbers)
{
    QStringList words;
    for (int n : numbers)
        words << QString::number(n);
    return words.join(QStringLiteral(", "));
}

QStringList stringList(const json::Value &value)
{
    QStringList list;
    for (const json::Value &item : value.asArray())
        list << QString::fromStdString(item.asString());
    return list;
}

const json::Value &field(const json::Value &object, const char *key, const QString &file)
{
    const json::Value *value = object.find(key);
    if (!value)
        throw Error(QStringLiteral("%1 is not a shard results file (no \"%2\")").arg(file, QLatin1String(key)).toStdString());
    return *value;
}

ShardResults readShardResults(const QString &path)
{
    const QRegularExpressionMatch name = resultsFileName().match(QFileInfo(path).fileName());
    const json::Value root = json::readJsonFile(path.toStdString(), kMaxResultsBytes);
    try {
        if (!root.isObject() || !root.find("format") || root.find("format")->asString() != kFormat)
            throw Error("not a shard results file");
        if (field(root, "version", path).asInt64() != kVersion)
            throw Error("written by another version of periscope-cli (format version " +
                        std::to_string(field(root, "version", path).asInt64()) + ")");
        ShardResults results;
        results.command = QString::fromStdString(field(root, "command", path).asString());
        results.arguments = stringList(field(root, "arguments", path));
        const std::int64_t index = field(root, "shard", path).asInt64();
        const std::int64_t count = field(root, "shards", path).asInt64();
        const std::int64_t total = field(root, "total", path).asInt64();
        if (count < 1 || count > kMaxShards || index < 1 || index > count)
            throw Error("shard " + std::to_string(index) + " of " + std::to_string(count) + " is not a shard");
        if (total < 0 || total > std::numeric_limits<int>::max())
            throw Error("the item count " + std::to_string(total) + " is out of range");
        results.shard = {int(index), int(count)};
        results.total = int(total);
        // The name is what merge and --resubmit look for: it must say what the file holds.
        if (name.captured(1) != results.command || name.captured(2) != QString::number(index) || name.captured(3) != QString::number(count))
            throw Error(QStringLiteral("named for %1 %2 of %3 but holds %4 %5 of %6")
                            .arg(name.captured(1), name.captured(2), name.captured(3), results.command)
                            .arg(index)
                            .arg(count)
                            .toStdString());
        results.context = field(root, "context", path);
        if (!results.context.isObject())
            throw Error("its context is not an object");
        results.seconds = field(root, "seconds", path).asNumber();
        for (const json::Value &item : field(root, "items", path).asArray()) {
            if (!item.isObject())
                throw Error("an item is not an object");
            const std::int64_t ordinal = field(item, "ordinal", path).asInt64();
            if (ordinal < 0 || ordinal >= total)
                throw Error("item " + std::to_string(ordinal) + " is outside the run's " + std::to_string(total) + " items");
            results.items.push_back(item);
        }
        return results;
    } catch (const Error &e) {
        throw Error(path.toStdString() + ": " + e.what());
    }
}

// The shard files in `folder`/shards, or in `folder` itself when it is such a folder.
QStringList shardFilesIn(const QString &folder)
{
    QDir dir(folder);
    if (QFileInfo(dir.filePath(QStringLiteral("shards"))).isDir())
        dir.setPath(dir.filePath(QStringLiteral("shards")));
    QStringList files;
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
        if (resultsFileName().match(name).hasMatch())
            files << dir.filePath(name);
    return files;
}
} // namespace

std::optional<Shard> parseShard(const QString &text, QString *error)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    bool indexOk = false, countOk = false;
    const int index = parts.value(0).toInt(&indexOk);
    const int count = parts.value(1).toInt(&countOk);
    if (parts.size() != 2 || !indexOk || !countOk) {
        *error = QStringLiteral("'%1' is not I/N (shard I of N, as 2/4)").arg(text);
        return std::nullopt;
    }
    if (count < 1 || count > kMaxShards) {
        *error = QStringLiteral("%1 shards: give between 1 and %2").arg(count).arg(kMaxShards);
        return std::nullopt;
    }
    if (index < 1 || index > count) {
        *error = QStringLiteral("shard %1 of %2: shards count from 1 to %2").arg(index).arg(count);
        return std::nullopt;
    }
    return Shard{index, count};
}

quint64 shardKeyHash(const QString &key)
{
    quint64 hash = 14695981039346656037ull;
    for (const char byte : key.toUtf8()) {
        hash ^= quint64(static_cast<unsigned char>(byte));
        hash *= 1099511628211ull;
    }
    return hash;
}

bool ShardSelection::ownsKey(const QString &key) const
{
    return !m_shard || int(shardKeyHash(key) % quint64(m_shard->count)) == m_shard->index - 1;
}

bool ShardSelection::ownsIndex(qint64 index) const
{
    return !m_shard || index % m_shard->count == m_shard->index - 1;
}

QStringList argumentsWithoutShard(const QStringList &arguments)
{
    QStringList kept;
    for (int i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--"))
            return kept + arguments.mid(i);
        if (arguments[i] == QLatin1String("--shard")) {
            ++i; // and its value
            continue;
        }
        if (arguments[i].startsWith(QLatin1String("--shard=")))
            continue;
        kept << arguments[i];
    }
    return kept;
}

QString shardResultsFolder(const QString &outDir)
{
    return QDir(outDir).filePath(QStringLiteral("shards"));
}

QString shardResultsPath(const QString &outDir, const QString &command, const Shard &shard)
{
    return QDir(shardResultsFolder(outDir)).filePath(QStringLiteral("%1-%2-of-%3.json").arg(command).arg(shard.index).arg(shard.count));
}

QString writeShardResults(const QString &outDir, const ShardResults &results)
{
    json::Array arguments, items(results.items.begin(), results.items.end());
    for (const QString &argument : results.arguments)
        arguments.emplace_back(argument.toStdString());
    json::Value root = json::Object{{"format", kFormat},
                                    {"version", kVersion},
                                    {"command", results.command.toStdString()},
                                    {"arguments", json::Value(std::move(arguments))},
                                    {"shard", results.shard.index},
                                    {"shards", results.shard.count},
                                    {"total", results.total},
                                    {"seconds", results.seconds},
                                    {"context", results.context},
                                    {"items", json::Value(std::move(items))}};
    const QString path = shardResultsPath(outDir, results.command, results.shard);
    if (!QDir().mkpath(shardResultsFolder(outDir)))
        throw Error("cannot create " + shardResultsFolder(outDir).toStdString());
    QString error;
    if (!writeFileAtomically(path, QByteArray::fromStdString(root.dump(1) + "\n"), &error))
        throw Error(error.toStdString());
    return path;
}

MergedRun mergeShardResults(const QStringList &folders)
{
    std::vector<ShardResults> shards;
    for (const QString &folder : folders) {
        if (!QFileInfo(folder).isDir())
            throw Error(folder.toStdString() + " is not a folder");
        const QStringList files = shardFilesIn(folder);
        if (files.isEmpty())
            throw Error("no shard results in " + folder.toStdString() + " (COMMAND-I-of-N.json in its shards/ folder, written by --shard I/N)");
        for (const QString &file : files)
            shards.push_back(readShardResults(file));
    }
    // One run only: the same command, arguments and shard count in every file.
    const ShardResults &first = shards.front();
    for (const ShardResults &s : shards)
        if (s.command != first.command || s.shard.count != first.shard.count || s.arguments != first.arguments)
            throw Error(QStringLiteral("the shards are of different runs: %1 of %2 (%3) and %4 of %5 (%6); merge one run at a time")
                            .arg(first.command)
                            .arg(first.shard.count)
                            .arg(first.arguments.join(QLatin1Char(' ')), s.command)
                            .arg(s.shard.count)
                            .arg(s.arguments.join(QLatin1Char(' ')))
                            .toStdString());
    std::map<int, const ShardResults *> byIndex;
    for (const ShardResults &s : shards) {
        if (byIndex.count(s.shard.index))
            throw Error(QStringLiteral("shard %1 of %2 is given twice").arg(s.shard.index).arg(s.shard.count).toStdString());
        byIndex[s.shard.index] = &s;
    }
    std::vector<int> missing;
    for (int i = 1; i <= first.shard.count; ++i)
        if (!byIndex.count(i))
            missing.push_back(i);
    if (!missing.empty())
        throw Error(QStringLiteral("%1 of %2 shards have no results (shard%3 %4): run them again (periscope-cli slurm --resubmit DIR, or %5 ... --shard I/%2)")
                        .arg(missing.size())
                        .arg(first.shard.count)
                        .arg(missing.size() > 1 ? QStringLiteral("s") : QString(), listOf(missing), first.command)
                        .toStdString());
    for (const ShardResults &s : shards) {
        if (s.total != first.total)
            throw Error(QStringLiteral("the inputs changed between shards: shard %1 saw %2 items, shard %3 saw %4; run every shard again")
                            .arg(first.shard.index)
                            .arg(first.total)
                            .arg(s.shard.index)
                            .arg(s.total)
                            .toStdString());
        if (s.context.dump() != first.context.dump())
            throw Error(QStringLiteral("shards %1 and %2 ran with different settings (%3 against %4)")
                            .arg(first.shard.index)
                            .arg(s.shard.index)
                            .arg(QString::fromStdString(first.context.dump()), QString::fromStdString(s.context.dump()))
                            .toStdString());
    }
    // Every item of the run is in exactly one shard, so the shards hold `total` items between
    // them: checked before anything of that size is made (a file may claim any total).
    std::size_t items = 0;
    for (const ShardResults &s : shards)
        items += s.items.size();
    if (items != std::size_t(first.total))
        throw Error(QStringLiteral("the shards hold %1 items between them, and the run had %2 (were they run on different inputs?)")
                        .arg(items)
                        .arg(first.total)
                        .toStdString());
    MergedRun run;
    run.command = first.command;
    run.arguments = first.arguments;
    run.shards = first.shard.count;
    run.total = first.total;
    run.context = first.context;
    // Where the run's outputs are: the folder given, or above it when it was the shards/ folder.
    run.folder = folders.front();
    if (QFileInfo(run.folder).fileName() == QLatin1String("shards") && !QFileInfo(QDir(run.folder).filePath(QStringLiteral("shards"))).isDir())
        run.folder = QFileInfo(run.folder).absolutePath();
    std::vector<const json::Value *> byOrdinal(std::size_t(first.total), nullptr);
    for (const auto &[index, s] : byIndex) {
        run.seconds += s->seconds;
        for (const json::Value &item : s->items) {
            const std::size_t ordinal = std::size_t(item.find("ordinal")->asInt64());
            if (byOrdinal[ordinal])
                throw Error(QStringLiteral("item %1 is in two shards' results").arg(ordinal).toStdString());
            byOrdinal[ordinal] = &item;
        }
    }
    for (std::size_t k = 0; k < byOrdinal.size(); ++k) {
        if (!byOrdinal[k])
            throw Error(QStringLiteral("item %1 of %2 is in no shard's results (were the shards run on different inputs?)")
                            .arg(k)
                            .arg(first.total)
                            .toStdString());
        run.items.push_back(*byOrdinal[k]);
    }
    return run;
}

const json::Value &member(const json::Value &object, const char *key)
{
    const json::Value *value = object.find(key);
    if (!value)
        throw Error(std::string("a shard's results have no \"") + key + "\" where the command wrote one");
    return *value;
}

int memberInt(const json::Value &object, const char *key, int low, int high)
{
    const std::int64_t value = member(object, key).asInt64();
    if (value < low || value > high)
        throw Error(std::string("a shard's \"") + key + "\" is " + std::to_string(value) + ", outside " + std::to_string(low) + "-" +
                    std::to_string(high));
    return int(value);
}

std::vector<int> missingShards(const QString &outDir, const QString &command, int count)
{
    std::vector<int> missing;
    for (int i = 1; i <= count; ++i)
        if (!QFileInfo::exists(shardResultsPath(outDir, command, {i, count})))
            missing.push_back(i);
    return missing;
}

} // namespace periscope::app
