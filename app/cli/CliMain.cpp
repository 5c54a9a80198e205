// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliMain.h"

#include "app/cli/CliCommands.h"
#include "app/common/ApplicationIdentity.h"
#include "app/common/Preferences.h"
#include "engine/core/device/Device.h"
#include "engine/media/image/ImageHeader.h"

#include <QGuiApplication>
#include <QCoreApplication>

#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>
#include <exception>
#include <new>
#include <memory>

namespace periscope::app {

QList<CliCommand> cliCommands()
{
    return {infoCommand(), weightsCommand(), probeCommand(), frameCommand(), explainGraphCommand(), trainGraphCommand(), colorizeCommand(), trainColorizerCommand(), studyCommand(), scenesCommand(), slotsCommand(), trainSlotsCommand(), relationsCommand(), trainRelationsCommand(), openVocabCommand(), trainOpenVocabCommand(), deepfakeCommand(), trainDeepfakeCommand(), fakesCommand(), explanationMetricsCommand(), forwardCommand(), tokenizeCommand(), modelsCommand(), mergeCommand(), slurmCommand(), demoCommand()};
}

int cliFail(int code, const QString &message)
{
    std::fprintf(stderr, "periscope-cli: %s\n", qPrintable(message));
    return code;
}

int cliFail(const QString &command, const std::exception &error)
{
    return cliFail(1, command + QStringLiteral(": ") + QString::fromUtf8(error.what()).section(QLatin1Char('\n'), 0, 0));
}

namespace {
// More threads than any machine has cores only adds contention (and LibTorch allocates per thread).
constexpr int kMaxThreads = 1024;

// Batch jobs, cron and ssh without a login session have no XDG_RUNTIME_DIR; Qt then warns on
// every run (in every shard's log) and uses /tmp/runtime-USER. The same kind of folder, private
// to this user, made here, so the warning is not printed where nothing is wrong.
void ensureRuntimeDirectory()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QByteArray folder = QByteArray("/tmp/periscope-runtime-") + QByteArray::number(uint(getuid()));
    ::mkdir(folder.constData(), 0700);
    struct stat info {};
    // Used only when it is ours and no one else's to read: another user could have made it first.
    if (::lstat(folder.constData(), &info) == 0 && S_ISDIR(info.st_mode) && info.st_uid == getuid() && (info.st_mode & 0777) == 0700)
        qputenv("XDG_RUNTIME_DIR", folder);
}

void printUsage(std::FILE *out)
{
    std::fprintf(out, "usage: periscope-cli [--version] [--help] COMMAND [ARGS]\n\ncommands:\n");
    for (const CliCommand &command : cliCommands())
        std::fprintf(out, "  %-14s %s\n", qPrintable(command.name), qPrintable(command.summary));
    std::fprintf(out, "\n`periscope-cli COMMAND --help` describes a command.\n");
}

const CliCommand *findCommand(const QList<CliCommand> &commands, const QString &name)
{
    for (const CliCommand &candidate : commands)
        if (candidate.name == name)
            return &candidate;
    return nullptr;
}

int unknownCommand(const QString &first)
{
    return cliFail(2, first.startsWith(QLatin1Char('-')) ? QStringLiteral("unknown option '%1' (try --help)").arg(first)
                                                         : QStringLiteral("unknown command '%1' (try --help)").arg(first));
}

// Every command's own errors come back as one line and exit 1; this is the net under them:
// whatever escapes (a library's exception, memory running out) still ends as one line, exit 1,
// never as an abort.
int runCommand(const CliCommand &command, const QStringList &arguments)
{
    try {
        return command.run(arguments);
    } catch (const std::bad_alloc &) {
        return cliFail(1, command.name + QStringLiteral(": out of memory (the input is too large for this machine)"));
    } catch (const std::exception &error) {
        return cliFail(command.name, error);
    } catch (...) {
        return cliFail(1, command.name + QStringLiteral(": failed with an unknown error"));
    }
}
} // namespace

int runCliInProcess(const QStringList &arguments)
{
    const QList<CliCommand> commands = cliCommands();
    const CliCommand *command = findCommand(commands, arguments.value(0));
    if (!command)
        return unknownCommand(arguments.value(0));
    return runCommand(*command, arguments.mid(1));
}

int runCli(int argc, char **argv)
{
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        std::printf("periscope-cli %s\n", PERISCOPE_VERSION);
        return 0;
    }
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printUsage(first.isEmpty() ? stderr : stdout);
        return first.isEmpty() ? 2 : 0;
    }
    const QList<CliCommand> commands = cliCommands();
    const CliCommand *command = findCommand(commands, first);
    if (!command)
        return unknownCommand(first);

    ensureRuntimeDirectory();
    // Figures need fonts, so a GUI application; the CLI never needs a display, so it is offscreen.
    std::unique_ptr<QCoreApplication> application;
    if (command->needsGui) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    setApplicationIdentity();
    // LibTorch picks its own intra-op thread count; the commands run models too, so they use the
    // threads the preferences choose (every core by default), as the workbench does, unless
    // PERISCOPE_THREADS says otherwise for this run (small models on a few vCPUs run faster on one).
    int threads = Preferences::load().cpuThreads;
    if (qEnvironmentVariableIsSet("PERISCOPE_THREADS")) {
        bool valid = false;
        threads = qEnvironmentVariableIntValue("PERISCOPE_THREADS", &valid);
        if (!valid || threads < 0 || threads > kMaxThreads)
            return cliFail(2, QStringLiteral("PERISCOPE_THREADS must be a whole number from 0 (every core) to %1, not '%2'")
                                  .arg(kMaxThreads)
                                  .arg(QString::fromLocal8Bit(qgetenv("PERISCOPE_THREADS"))));
    }
    periscope::setThreadCount(threads);
    periscope::media::setMaxImagePixels(std::int64_t(Preferences::load().maxImageMegapixels) * 1'000'000);
    QStringList arguments;
    for (int i = 2; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return runCommand(*command, arguments);
}

} // namespace periscope::app
