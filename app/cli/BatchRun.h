// SPDX-License-Identifier: GPL-3.0-or-later
// What every batch command does the same way under --shard I/N (app/batch/Shards.h).
#pragma once

#include "app/batch/Shards.h"
#include "app/cli/CliOptions.h"

#include <QElapsedTimer>

namespace periscope::app {

// A run's bookkeeping: which items are this process's, and each item's record with its ordinal
// (its place among all of the run's items).
class BatchRun {
public:
    BatchRun(const CliOptions &options, const QStringList &arguments);

    const ShardSelection &selection() const { return m_selection; }
    bool isShard() const { return !m_selection.isWholeRun(); }

    // An item's record ({"ordinal": k} followed by `fields`' members).
    void add(int ordinal, const json::Value &fields);
    const std::vector<json::Value> &items() const { return m_items; }

    // Ends a shard: writes OUT/shards/COMMAND-I-of-N.json and prints on stdout what it did.
    // Returns the exit code (1 with the reason when the file cannot be written).
    int finishShard(const QString &outDir, int total, const json::Value &context) const;

private:
    const CliOptions &m_options;
    QStringList m_arguments;
    ShardSelection m_selection;
    std::vector<json::Value> m_items;
    QElapsedTimer m_clock;
};

} // namespace periscope::app
