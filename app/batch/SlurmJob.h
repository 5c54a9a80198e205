// SPDX-License-Identifier: GPL-3.0-or-later
// A batch run as Slurm jobs: a job array with one task per shard (`COMMAND ... --shard I/N`)
// and a merge job that runs when every task has succeeded (afterok). The scripts are plain
// sbatch files in OUT/slurm/, so a group can read, edit or submit them by hand; plan.json keeps
// what they were made from, for resubmitting the shards that failed.
#pragma once

#include "engine/core/json/Json.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace periscope::app {

// What a cluster asks of a job; empty means the cluster's default.
struct SlurmResources {
    QString partition;
    QString time;        // a Slurm time: MIN, MIN:SEC, H:M:S, D-H, D-H:M, D-H:M:S
    QString gpusPerTask; // N or TYPE:N
    QString memory;      // N with an optional K/M/G/T suffix
    QString account;
    int cpusPerTask = 0;
};

// Why `value` cannot go into an #SBATCH line as option `option` (a Slurm option such as
// "--time"), or nothing when it can.
std::optional<QString> slurmValueProblem(const QString &option, const QString &value);

struct SlurmPlan {
    QString executable;    // periscope-cli, as an absolute path every node sees
    QString workDir;       // where the command's relative paths start
    QString command;       // "colorize"
    QStringList arguments; // its arguments, --out DIR included, --shard not
    QString outDir;        // absolute
    int shards = 1;
    SlurmResources resources;

    json::Value toJson() const;
    static SlurmPlan fromJson(const json::Value &value); // throws periscope::Error
};

QString slurmFolder(const QString &outDir);
QString slurmPlanPath(const QString &outDir);
QString shardScriptPath(const QString &outDir);
QString mergeScriptPath(const QString &outDir);

// The word as one shell word: single quotes, with any ' in it spelled '\''.
QString shellQuote(const QString &word);

// The job array's script (all N tasks; `sbatch --array=LIST` submits some of them) and the merge
// job's. Throws periscope::Error when a path cannot be put into an #SBATCH line.
QString shardScript(const SlurmPlan &plan);
QString mergeScript(const SlurmPlan &plan);

// Writes plan.json, shards.sbatch and merge.sbatch into OUT/slurm/ (and makes OUT/slurm/logs/).
void writeSlurmFiles(const SlurmPlan &plan);
SlurmPlan readSlurmPlan(const QString &outDir);

// "1,3,4" for sbatch --array.
QString arrayList(const std::vector<int> &shards);

} // namespace periscope::app
