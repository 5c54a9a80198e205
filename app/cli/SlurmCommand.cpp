// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli slurm COMMAND ARGS... --shards N --out DIR: a batch run as a Slurm job array and
// a merge job (app/batch/SlurmJob.h); --submit hands them to sbatch, --resubmit DIR the shards
// that have no results.
#include "app/batch/Shards.h"
#include "app/batch/SlurmJob.h"
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "engine/core/errors/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

namespace periscope::app {

namespace {
constexpr int kSbatchTimeoutMs = 120 * 1000;

CliOption &slurmText(CliOptions &options, const QString &name, const QString &valueName, const QString &help)
{
    return options.text(name, valueName, help).validatedBy([name](const QString &value) { return !slurmValueProblem(name, value); },
                                                            QStringLiteral("a value Slurm takes for %1").arg(name));
}

QStringList shardableCommands()
{
    QStringList names;
    for (const CliCommand &command : cliCommands())
        if (command.merge)
            names << command.name;
    return names;
}

CliOptions slurmOptions()
{
    CliOptions options(
        QStringLiteral("slurm"),
        QStringLiteral("Runs a batch command on a Slurm cluster: writes DIR/slurm/shards.sbatch, a job array with one task\n"
                       "per shard (COMMAND ARGS... --out DIR --shard I/N), and DIR/slurm/merge.sbatch, which runs\n"
                       "`periscope-cli merge DIR --out DIR/summary.json` once every task has succeeded (afterok; it is\n"
                       "cancelled when one fails). With --submit both are handed to sbatch. Relative paths are taken from\n"
                       "the folder this runs in, and the nodes must see this periscope-cli, the inputs and DIR at the\n"
                       "same paths (a shared file system); models are only read and can be shared. --resubmit DIR\n"
                       "names the shards with no results (failed, cancelled or never run) and, with --submit, runs\n"
                       "them again with a new merge job. Commands: %1.")
            .arg(shardableCommands().join(QStringLiteral(", "))));
    options.setSynopsis({QStringLiteral("periscope-cli slurm COMMAND ARGS... --shards N --out DIR [--partition P] [--time T] [--gpus-per-task G] "
                                        "[--cpus-per-task C] [--mem M] [--account A] [--submit]"),
                         QStringLiteral("periscope-cli slurm --resubmit DIR [--submit]")});
    options.integer(QStringLiteral("--shards"), 1, kMaxShards, QStringLiteral("how many shards (array tasks)"));
    options.text(QStringLiteral("--out"), QStringLiteral("DIR"), QStringLiteral("the command's output folder; the scripts go to DIR/slurm"));
    slurmText(options, QStringLiteral("--partition"), QStringLiteral("P"), QStringLiteral("the partition (sbatch --partition)"));
    slurmText(options, QStringLiteral("--time"), QStringLiteral("T"), QStringLiteral("each task's time limit (sbatch --time: MIN, H:M:S, D-H:M:S)"));
    slurmText(options, QStringLiteral("--gpus-per-task"), QStringLiteral("G"), QStringLiteral("GPUs per task (N or TYPE:N)"));
    options.integer(QStringLiteral("--cpus-per-task"), 1, 4096, QStringLiteral("cores per task; LibTorch uses as many threads"));
    slurmText(options, QStringLiteral("--mem"), QStringLiteral("M"), QStringLiteral("memory per task (sbatch --mem: N[K|M|G|T])"));
    slurmText(options, QStringLiteral("--account"), QStringLiteral("A"), QStringLiteral("the account charged (sbatch --account)"));
    options.flag(QStringLiteral("--submit"), QStringLiteral("submit the job array and the merge job with sbatch"));
    options.text(QStringLiteral("--resubmit"), QStringLiteral("DIR"), QStringLiteral("the shards of DIR's run that have no results"));
    return options;
}

// Splits the arguments into slurm's own options and the command's (COMMAND first): slurm's may
// stand anywhere, before or after the command's.
void splitArguments(const QStringList &arguments, QStringList *own, QStringList *command)
{
    const QStringList flags{QStringLiteral("--submit"), QStringLiteral("--help"), QStringLiteral("-h")};
    const QStringList valued{QStringLiteral("--shards"),        QStringLiteral("--out"),  QStringLiteral("--partition"),
                             QStringLiteral("--time"),          QStringLiteral("--gpus-per-task"), QStringLiteral("--cpus-per-task"),
                             QStringLiteral("--mem"),           QStringLiteral("--account"),       QStringLiteral("--resubmit")};
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        const QString name = a.section(QLatin1Char('='), 0, 0);
        if (flags.contains(a)) {
            *own << a;
        } else if (valued.contains(name)) {
            *own << a;
            if (!a.contains(QLatin1Char('=')) && i + 1 < arguments.size())
                *own << arguments[++i];
        } else {
            *command << a;
        }
    }
}

// sbatch --parsable ARGS: the job id it prints ("123" or "123;cluster").
QString sbatch(const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("sbatch"));
    if (program.isEmpty())
        throw Error("sbatch is not on PATH: submit from a Slurm login node, or submit DIR/slurm/*.sbatch by hand");
    QProcess process;
    process.start(program, QStringList{QStringLiteral("--parsable")} + arguments);
    if (!process.waitForStarted() || !process.waitForFinished(kSbatchTimeoutMs)) {
        process.kill();
        throw Error("sbatch did not answer within two minutes");
    }
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
    const QString err = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        throw Error("sbatch refused the job: " + (err.isEmpty() ? out : err).section(QLatin1Char('\n'), 0, 0).toStdString());
    const QString id = out.section(QLatin1Char('\n'), -1).section(QLatin1Char(';'), 0, 0);
    bool ok = false;
    id.toULongLong(&ok);
    if (!ok)
        throw Error("sbatch printed no job id: " + out.toStdString());
    return id;
}

// Submits the shards `shards` (all of them when empty) and a merge job after them; returns the
// summary of what was submitted.
json::Value submit(const SlurmPlan &plan, const std::vector<int> &shards)
{
    QStringList arguments;
    if (!shards.empty()) // the script's --array=1-N otherwise
        arguments << QStringLiteral("--array=%1").arg(arrayList(shards));
    const QString array = sbatch(arguments << shardScriptPath(plan.outDir));
    const QString merge = sbatch({QStringLiteral("--dependency=afterok:%1").arg(array), QStringLiteral("--kill-on-invalid-dep=yes"),
                                  mergeScriptPath(plan.outDir)});
    const json::Value submitted = json::Object{{"array_job", array.toStdString()}, {"merge_job", merge.toStdString()}};
    std::fprintf(stderr, "slurm: submitted job array %s (%s) and merge job %s\n", qPrintable(array),
                 shards.empty() ? qPrintable(QStringLiteral("%1 shards").arg(plan.shards)) : qPrintable(QStringLiteral("shards %1").arg(arrayList(shards))),
                 qPrintable(merge));
    return submitted;
}

json::Value scriptsJson(const SlurmPlan &plan)
{
    return json::Object{{"plan", slurmPlanPath(plan.outDir).toStdString()},
                        {"shards", shardScriptPath(plan.outDir).toStdString()},
                        {"merge", mergeScriptPath(plan.outDir).toStdString()}};
}

// What to type when not submitting now.
QString submitHint(const SlurmPlan &plan, const std::vector<int> &shards)
{
    return QStringLiteral("array=$(sbatch --parsable%1 %2) && sbatch --dependency=afterok:${array%%;*} --kill-on-invalid-dep=yes %3")
        .arg(shards.empty() ? QString() : QStringLiteral(" --array=%1").arg(arrayList(shards)), shellQuote(shardScriptPath(plan.outDir)),
             shellQuote(mergeScriptPath(plan.outDir)));
}

const CliCommand *shardableCommand(const QList<CliCommand> &commands, const QString &name)
{
    for (const CliCommand &candidate : commands)
        if (candidate.name == name && candidate.merge)
            return &candidate;
    return nullptr;
}

int resubmit(const CliOptions &options)
{
    const QString folder = options.value(QStringLiteral("--resubmit"));
    SlurmPlan plan = readSlurmPlan(folder);
    if (QFileInfo(plan.outDir).canonicalFilePath() != QFileInfo(folder).canonicalFilePath())
        return options.failure(QStringLiteral("%1 was planned as %2 and has moved: make the scripts again (periscope-cli slurm ...)").arg(folder, plan.outDir));
    // The folder may come from someone else: its scripts are not submitted as they are, but
    // written again from plan.json, for this periscope-cli, once the plan's command and
    // arguments pass the command's own checks. Only periscope-cli runs, with data for arguments.
    const QList<CliCommand> commands = cliCommands();
    const CliCommand *command = shardableCommand(commands, plan.command);
    if (!command)
        return options.failure(QStringLiteral("%1: '%2' is not a batch command that runs in shards").arg(slurmPlanPath(folder), plan.command));
    CliOptions commandOptions = command->options();
    if (const std::optional<QString> problem = commandOptions.problemWith(plan.arguments))
        return options.failure(QStringLiteral("%1: the arguments are not %2's: %3").arg(slurmPlanPath(folder), plan.command, *problem));
    plan.executable = QCoreApplication::applicationFilePath();
    writeSlurmFiles(plan);
    const std::vector<int> missing = missingShards(plan.outDir, plan.command, plan.shards);
    json::Value result = json::Object{{"command", plan.command.toStdString()}, {"shards", plan.shards}, {"out", plan.outDir.toStdString()}};
    json::Array list;
    for (int s : missing)
        list.emplace_back(s);
    result.set("missing", json::Value(std::move(list)));
    if (missing.empty())
        std::fprintf(stderr, "slurm: all %d shards have results; only the merge is left\n", plan.shards);
    else
        std::fprintf(stderr, "slurm: %d of %d shards have no results: %s\n", int(missing.size()), plan.shards, qPrintable(arrayList(missing)));
    if (options.flagValue(QStringLiteral("--submit"))) {
        if (missing.empty()) {
            const QString merge = sbatch({mergeScriptPath(plan.outDir)});
            result.set("submitted", json::Object{{"merge_job", merge.toStdString()}});
        } else {
            result.set("submitted", submit(plan, missing));
        }
    } else {
        result.set("submit", missing.empty() ? QStringLiteral("sbatch %1").arg(shellQuote(mergeScriptPath(plan.outDir))).toStdString()
                                             : submitHint(plan, missing).toStdString());
    }
    std::fputs((result.dump(1) + "\n").c_str(), stdout);
    return 0;
}

int runSlurm(const QStringList &arguments)
{
    CliOptions options = slurmOptions();
    QStringList own, commandArguments;
    splitArguments(arguments, &own, &commandArguments);
    if (const std::optional<int> exit = options.parse(own))
        return *exit;
    try {
        if (options.isSet(QStringLiteral("--resubmit"))) {
            if (!commandArguments.isEmpty() || options.isSet(QStringLiteral("--shards")) || options.isSet(QStringLiteral("--out")))
                return options.usageError(QStringLiteral("--resubmit DIR takes only --submit: the rest is in DIR/slurm/plan.json"));
            return resubmit(options);
        }
        if (commandArguments.isEmpty())
            return options.usageError(QStringLiteral("name the command to run (%1)").arg(shardableCommands().join(QStringLiteral(", "))));
        // Before the command's name, an option that is not slurm's is a mistake of slurm's.
        if (commandArguments.first().startsWith(QLatin1Char('-')))
            return options.usageError(QStringLiteral("unknown option '%1' (try --help)").arg(commandArguments.first().section(QLatin1Char('='), 0, 0)));
        const QString name = commandArguments.takeFirst();
        const QList<CliCommand> commands = cliCommands();
        const CliCommand *command = shardableCommand(commands, name);
        if (!command)
            return options.usageError(QStringLiteral("'%1' is not a batch command that runs in shards (%2)").arg(name, shardableCommands().join(QStringLiteral(", "))));
        if (!options.isSet(QStringLiteral("--shards")) || !options.isSet(QStringLiteral("--out")))
            return options.usageError(QStringLiteral("give --shards N and --out DIR"));
        for (const QString &a : commandArguments)
            if (a == QLatin1String("--shard") || a.startsWith(QLatin1String("--shard=")))
                return options.usageError(QStringLiteral("--shard is given to each task by the job array: leave it out"));
        const QString out = options.value(QStringLiteral("--out"));
        commandArguments << QStringLiteral("--out") << out;
        // The command's own check now, not on the cluster an hour later.
        CliOptions commandOptions = command->options();
        if (const std::optional<int> exit = commandOptions.parse(commandArguments))
            return *exit;

        // Results of an earlier run in the folder would be merged with this one's, or refused
        // by merge later; said now, before anything is submitted.
        const QStringList earlier = QDir(shardResultsFolder(out)).entryList({QStringLiteral("*-of-*.json")}, QDir::Files);
        if (!earlier.isEmpty())
            return options.failure(QStringLiteral("%1 holds the results of an earlier run (%2): finish it with --resubmit %3, or remove them")
                                       .arg(shardResultsFolder(out), earlier.first(), out));
        SlurmPlan plan;
        plan.executable = QCoreApplication::applicationFilePath();
        plan.workDir = QDir::currentPath();
        plan.command = name;
        plan.arguments = commandArguments;
        plan.outDir = QDir(out).absolutePath();
        plan.shards = int(options.integerValue(QStringLiteral("--shards")));
        plan.resources.partition = options.value(QStringLiteral("--partition"));
        plan.resources.time = options.value(QStringLiteral("--time"));
        plan.resources.gpusPerTask = options.value(QStringLiteral("--gpus-per-task"));
        plan.resources.memory = options.value(QStringLiteral("--mem"));
        plan.resources.account = options.value(QStringLiteral("--account"));
        if (options.isSet(QStringLiteral("--cpus-per-task")))
            plan.resources.cpusPerTask = int(options.integerValue(QStringLiteral("--cpus-per-task")));
        writeSlurmFiles(plan);

        json::Value result = json::Object{{"command", name.toStdString()}, {"shards", plan.shards}, {"out", plan.outDir.toStdString()}};
        result.set("scripts", scriptsJson(plan));
        if (options.flagValue(QStringLiteral("--submit")))
            result.set("submitted", submit(plan, {}));
        else
            result.set("submit", submitHint(plan, {}).toStdString());
        std::fputs((result.dump(1) + "\n").c_str(), stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand slurmCommand()
{
    return {QStringLiteral("slurm"), QStringLiteral("run a batch command as a Slurm job array with a merge job after it"), false, runSlurm};
}

} // namespace periscope::app
