// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/BatchRun.h"

#include <cstdio>

namespace periscope::app {

BatchRun::BatchRun(const CliOptions &options, const QStringList &arguments)
    : m_options(options), m_arguments(argumentsWithoutShard(arguments)), m_selection(options.shardValue())
{
    m_clock.start();
}

void BatchRun::add(int ordinal, const json::Value &fields)
{
    json::Value item = json::Object{{"ordinal", ordinal}};
    for (const auto &[key, value] : fields.asObject())
        item.set(key, value);
    m_items.push_back(std::move(item));
}

int BatchRun::finishShard(const QString &outDir, int total, const json::Value &context) const
{
    ShardResults results;
    results.command = m_options.command();
    results.arguments = m_arguments;
    results.shard = *m_selection.shard();
    results.total = total;
    results.context = context;
    results.items = m_items;
    results.seconds = double(m_clock.nsecsElapsed()) * 1e-9;
    int failed = 0;
    for (const json::Value &item : m_items)
        failed += item.find("failed") ? 1 : 0;
    try {
        const QString path = writeShardResults(outDir, results);
        const json::Value done = json::Object{{"command", m_options.command().toStdString()},
                                              {"shard", results.shard.text().toStdString()},
                                              {"total", total},
                                              {"items", int(m_items.size())},
                                              {"failed", failed},
                                              {"results", path.toStdString()}};
        std::fputs((done.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return m_options.failure(e);
    }
    return 0;
}

} // namespace periscope::app
