// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/batch/SlurmJob.h"

#include "app/common/AtomicFile.h"
#include "engine/core/errors/Error.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace periscope::app {

namespace {
constexpr const char *kPlanFormat = "periscope-slurm-plan";

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QStringLiteral("^(?:%1)$").arg(pattern)).match(value).hasMatch();
}

// An #SBATCH line is read by sbatch, not by a shell: a path goes in double quotes, and can hold
// neither a double quote nor a line break; '%' would be taken for a file name pattern and '\' for
// an escape in the log paths.
QString sbatchPath(const QString &path)
{
    for (const QChar c : path)
        if (c == QLatin1Char('"') || c == QLatin1Char('%') || c == QLatin1Char('\\') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            throw Error(QStringLiteral("%1 has a character (\", %, \\ or a line break) that an #SBATCH line cannot hold: choose another folder")
                            .arg(path)
                            .toStdString());
    return QLatin1Char('"') + path + QLatin1Char('"');
}

// `logName` may hold Slurm's patterns (%a, the array task): only the folder is checked.
QString header(const SlurmPlan &plan, const QString &jobName, const QString &logName)
{
    const QString logs = QDir(slurmFolder(plan.outDir)).filePath(QStringLiteral("logs"));
    QString text = QStringLiteral("#!/bin/bash\n");
    text += QStringLiteral("#SBATCH --job-name=%1\n").arg(jobName);
    text += QStringLiteral("#SBATCH --output=%1\n").arg(sbatchPath(logs).chopped(1) + QLatin1Char('/') + logName + QLatin1Char('"'));
    text += QStringLiteral("#SBATCH --chdir=%1\n").arg(sbatchPath(plan.workDir));
    text += QStringLiteral("#SBATCH --ntasks=1\n");
    const SlurmResources &r = plan.resources;
    if (!r.partition.isEmpty())
        text += QStringLiteral("#SBATCH --partition=%1\n").arg(r.partition);
    if (!r.account.isEmpty())
        text += QStringLiteral("#SBATCH --account=%1\n").arg(r.account);
    if (!r.time.isEmpty())
        text += QStringLiteral("#SBATCH --time=%1\n").arg(r.time);
    return text;
}

QString commandLine(const SlurmPlan &plan, const QStringList &arguments)
{
    QStringList words{shellQuote(plan.executable)};
    for (const QString &argument : arguments)
        words << shellQuote(argument);
    return words.join(QLatin1Char(' '));
}
} // namespace

std::optional<QString> slurmValueProblem(const QString &option, const QString &value)
{
    struct Rule {
        const char *option, *pattern, *expected;
    };
    static const Rule kRules[] = {
        {"--partition", "[A-Za-z0-9_.,-]+", "partition names (letters, digits, _ . -, separated by commas)"},
        {"--account", "[A-Za-z0-9_.-]+", "an account name (letters, digits, _ . -)"},
        {"--time", "[0-9]+(:[0-9]+){0,2}|[0-9]+-[0-9]+(:[0-9]+){0,2}", "a Slurm time: MIN, MIN:SEC, H:M:S, D-H, D-H:M or D-H:M:S"},
        {"--gpus-per-task", "([A-Za-z0-9_.-]+:)?[0-9]+", "N or TYPE:N"},
        {"--mem", "[0-9]+[KMGT]?", "N with an optional K, M, G or T"},
    };
    for (const Rule &rule : kRules)
        if (option == QLatin1String(rule.option))
            return matches(QLatin1String(rule.pattern), value)
                       ? std::nullopt
                       : std::optional(QStringLiteral("%1 '%2' is not %3").arg(option, value, QLatin1String(rule.expected)));
    return QStringLiteral("%1 is not a Slurm option periscope-cli writes").arg(option);
}

json::Value SlurmPlan::toJson() const
{
    json::Array args;
    for (const QString &a : arguments)
        args.emplace_back(a.toStdString());
    return json::Object{{"format", kPlanFormat},
                        {"version", 1},
                        {"executable", executable.toStdString()},
                        {"work_dir", workDir.toStdString()},
                        {"command", command.toStdString()},
                        {"arguments", json::Value(std::move(args))},
                        {"out", outDir.toStdString()},
                        {"shards", shards},
                        {"partition", resources.partition.toStdString()},
                        {"time", resources.time.toStdString()},
                        {"gpus_per_task", resources.gpusPerTask.toStdString()},
                        {"mem", resources.memory.toStdString()},
                        {"account", resources.account.toStdString()},
                        {"cpus_per_task", resources.cpusPerTask}};
}

SlurmPlan SlurmPlan::fromJson(const json::Value &value)
{
    auto text = [&](const char *key) {
        const json::Value *v = value.find(key);
        if (!v)
            throw Error(std::string("the Slurm plan has no \"") + key + "\"");
        return QString::fromStdString(v->asString());
    };
    if (!value.isObject() || text("format") != QLatin1String(kPlanFormat))
        throw Error("not a periscope Slurm plan");
    SlurmPlan plan;
    plan.executable = text("executable");
    plan.workDir = text("work_dir");
    plan.command = text("command");
    for (const json::Value &a : value.find("arguments") ? value.find("arguments")->asArray() : json::Array{})
        plan.arguments << QString::fromStdString(a.asString());
    plan.outDir = text("out");
    plan.shards = value.find("shards") ? int(value.find("shards")->asInt64()) : 0;
    if (plan.shards < 1 || plan.shards > 100000)
        throw Error("the Slurm plan's shard count is out of range");
    plan.resources.partition = text("partition");
    plan.resources.time = text("time");
    plan.resources.gpusPerTask = text("gpus_per_task");
    plan.resources.memory = text("mem");
    plan.resources.account = text("account");
    plan.resources.cpusPerTask = value.find("cpus_per_task") ? int(value.find("cpus_per_task")->asInt64()) : 0;
    // The values go into #SBATCH lines again: checked as they were when the plan was made.
    const std::pair<const char *, QString> checked[] = {{"--partition", plan.resources.partition}, {"--account", plan.resources.account},
                                                        {"--time", plan.resources.time},           {"--gpus-per-task", plan.resources.gpusPerTask},
                                                        {"--mem", plan.resources.memory}};
    for (const auto &[option, v] : checked)
        if (!v.isEmpty())
            if (const std::optional<QString> problem = slurmValueProblem(QLatin1String(option), v))
                throw Error(problem->toStdString());
    if (!matches(QStringLiteral("[a-z][a-z-]*"), plan.command))
        throw Error("the Slurm plan's command is not a periscope-cli command");
    return plan;
}

QString slurmFolder(const QString &outDir)
{
    return QDir(outDir).filePath(QStringLiteral("slurm"));
}

QString slurmPlanPath(const QString &outDir)
{
    return QDir(slurmFolder(outDir)).filePath(QStringLiteral("plan.json"));
}

QString shardScriptPath(const QString &outDir)
{
    return QDir(slurmFolder(outDir)).filePath(QStringLiteral("shards.sbatch"));
}

QString mergeScriptPath(const QString &outDir)
{
    return QDir(slurmFolder(outDir)).filePath(QStringLiteral("merge.sbatch"));
}

QString shellQuote(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString shardScript(const SlurmPlan &plan)
{
    QString text = header(plan, QStringLiteral("periscope-%1").arg(plan.command), QStringLiteral("shard-%a-of-%1.log").arg(plan.shards));
    text += QStringLiteral("#SBATCH --array=1-%1\n").arg(plan.shards);
    const SlurmResources &r = plan.resources;
    if (r.cpusPerTask > 0)
        text += QStringLiteral("#SBATCH --cpus-per-task=%1\n").arg(r.cpusPerTask);
    if (!r.gpusPerTask.isEmpty())
        text += QStringLiteral("#SBATCH --gpus-per-task=%1\n").arg(r.gpusPerTask);
    if (!r.memory.isEmpty())
        text += QStringLiteral("#SBATCH --mem=%1\n").arg(r.memory);
    text += QStringLiteral("#\n# Shard $SLURM_ARRAY_TASK_ID of %1 of periscope-cli %2: made by `periscope-cli slurm`; each task writes\n"
                           "# its outputs and %3/shards/%2-I-of-%1.json, and merge.sbatch joins them.\n")
                .arg(plan.shards)
                .arg(plan.command, plan.outDir);
    text += QStringLiteral("set -eu\n");
    // A thread per core the task was given, not per core of the node (clusters without CPU
    // binding let a task see them all).
    text += QStringLiteral("export PERISCOPE_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\" OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\n");
    text += QStringLiteral("export OMP_WAIT_POLICY=passive\n");
    // One arg() call: an argument that holds "%2" stays as it is.
    text += QStringLiteral("exec %1 --shard \"${SLURM_ARRAY_TASK_ID}/%2\"\n")
                .arg(commandLine(plan, QStringList{plan.command} + plan.arguments), QString::number(plan.shards));
    return text;
}

QString mergeScript(const SlurmPlan &plan)
{
    QString text = header(plan, QStringLiteral("periscope-%1-merge").arg(plan.command), QStringLiteral("merge.log"));
    text += QStringLiteral("#\n# Joins the %1 shards of periscope-cli %2 into what one run writes; submitted with\n"
                           "# --dependency=afterok on the shards' job array.\n")
                .arg(plan.shards)
                .arg(plan.command);
    text += QStringLiteral("set -eu\n");
    text += QStringLiteral("exec %1\n")
                .arg(commandLine(plan, {QStringLiteral("merge"), plan.outDir, QStringLiteral("--out"),
                                        QDir(plan.outDir).filePath(QStringLiteral("summary.json"))}));
    return text;
}

void writeSlurmFiles(const SlurmPlan &plan)
{
    const QString logs = QDir(slurmFolder(plan.outDir)).filePath(QStringLiteral("logs"));
    if (!QDir().mkpath(logs))
        throw Error("cannot create " + logs.toStdString());
    const std::pair<QString, QByteArray> files[] = {
        {shardScriptPath(plan.outDir), shardScript(plan).toUtf8()},
        {mergeScriptPath(plan.outDir), mergeScript(plan).toUtf8()},
        {slurmPlanPath(plan.outDir), QByteArray::fromStdString(plan.toJson().dump(1) + "\n")},
    };
    for (const auto &[path, data] : files) {
        QString error;
        if (!writeFileAtomically(path, data, &error))
            throw Error(error.toStdString());
        if (path.endsWith(QLatin1String(".sbatch")))
            QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    }
}

SlurmPlan readSlurmPlan(const QString &outDir)
{
    const QString path = slurmPlanPath(outDir);
    if (!QFile::exists(path))
        throw Error(path.toStdString() + " does not exist: the folder was not made by `periscope-cli slurm`");
    try {
        return SlurmPlan::fromJson(json::readJsonFile(path.toStdString(), 16 * 1024 * 1024));
    } catch (const Error &e) {
        throw Error(path.toStdString() + ": " + e.what());
    }
}

QString arrayList(const std::vector<int> &shards)
{
    QStringList words;
    for (int s : shards)
        words << QString::number(s);
    return words.join(QLatin1Char(','));
}

} // namespace periscope::app
