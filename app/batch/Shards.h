// SPDX-License-Identifier: GPL-3.0-or-later
// Splitting a batch command over N processes and joining what they wrote.
//
// `periscope-cli COMMAND ... --shard I/N` runs the I-th of N parts of a run: it lists all of the
// run's inputs (so every shard numbers them alike), keeps its own, writes its outputs where one
// run would, and its per-item results to DIR/shards/COMMAND-I-of-N.json. `periscope-cli merge`
// reads the N files, checks that they are one run's shards and all there, and hands the items,
// in the order one run meets them, to the same summary code one run uses. Figures over all items
// (means, intervals) are therefore recomputed from the items, never averaged over shards.
#pragma once

#include "engine/core/json/Json.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace periscope::app {

// The I-th of N parts of a run; I counts from 1 (Slurm's array task ids run 1..N here).
struct Shard {
    int index = 1;
    int count = 1;
    QString text() const { return QStringLiteral("%1/%2").arg(index).arg(count); }
};

constexpr int kMaxShards = 100000;

// "I/N" with 1 <= I <= N <= kMaxShards; nothing (and `error`) otherwise.
std::optional<Shard> parseShard(const QString &text, QString *error);

// Which of a run's items a process works on: all of them, or one shard's.
class ShardSelection {
public:
    ShardSelection() = default;
    explicit ShardSelection(std::optional<Shard> shard) : m_shard(shard) {}

    bool isWholeRun() const { return !m_shard; }
    const std::optional<Shard> &shard() const { return m_shard; }

    // Listed inputs (files in folders) go by a hash of their key, the path relative to the input
    // they were found under: the split does not depend on the order a folder lists in, and a file
    // added to the folder moves no other file to another shard.
    bool ownsKey(const QString &key) const;
    // Generated inputs (scene k of a seed) go round robin: k mod N.
    bool ownsIndex(qint64 index) const;

private:
    std::optional<Shard> m_shard;
};

// The 64-bit FNV-1a hash of the key's UTF-8 bytes: fixed by its definition, so every machine of
// a cluster and every later version splits a run alike.
quint64 shardKeyHash(const QString &key);

// The arguments with --shard and its value taken out: what every shard of a run has in common.
QStringList argumentsWithoutShard(const QStringList &arguments);

// What one shard did: the run it belongs to, its items (each an object with "ordinal", its place
// in the whole run, and what the command records for it) and its wall time.
struct ShardResults {
    QString command;
    QStringList arguments; // less --shard
    Shard shard;
    int total = 0;         // items in the whole run
    json::Value context;   // what the summary needs besides the items (model, settings)
    std::vector<json::Value> items;
    double seconds = 0.0;
};

QString shardResultsFolder(const QString &outDir);
QString shardResultsPath(const QString &outDir, const QString &command, const Shard &shard);
// Writes DIR/shards/COMMAND-I-of-N.json whole or not at all; throws periscope::Error.
QString writeShardResults(const QString &outDir, const ShardResults &results);

// A run put back together from its shards.
struct MergedRun {
    QString command;
    QStringList arguments;
    int shards = 0;
    int total = 0;
    json::Value context;
    std::vector<json::Value> items; // by ordinal
    double seconds = 0.0;           // the shards' wall times added up
    QString folder;                 // the first folder given (where the outputs are)
};

// Reads the shard files in each folder's shards/ (or the folder itself when it holds them) and
// joins them. Throws periscope::Error with what is wrong: no shard files, two runs mixed, shards
// missing (named, with how to run them again), an item in two shards or in none.
MergedRun mergeShardResults(const QStringList &folders);

// `object`'s member `key`; throws periscope::Error naming it when `object` has none. For the
// commands' merge code: a results file is data from outside, and may lack anything.
const json::Value &member(const json::Value &object, const char *key);
// `object`'s integer member `key`, which must lie in [low, high]; throws periscope::Error.
int memberInt(const json::Value &object, const char *key, int low, int high);

// The shards of a run (1..N) with no results file in `outDir`: those that failed or never ran.
std::vector<int> missingShards(const QString &outDir, const QString &command, int count);

} // namespace periscope::app
