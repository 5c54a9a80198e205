// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/batch/Shards.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <deque>
#include <exception>
#include <functional>
#include <limits>
#include <optional>

namespace periscope::app {

// One declared option of a command: its name (`--epochs`), the word its value is shown as
// (`N`), the help line, what it accepts and its default. Refined after declaration:
//   options.integer("--epochs", 1, 100000, "training epochs").byDefault("30");
struct CliOption {
    enum class Kind { Text, Integer, Number, Choice, Flag };

    QString name;
    QString valueName;
    QString help;
    Kind kind = Kind::Text;
    QString defaultValue; // shown in --help and returned when the option is not given
    bool required = false;
    bool repeatable = false;
    bool writes = false; // an output file: refused when it is one of the command's inputs

    qint64 integerMin = 0, integerMax = 0;
    double numberLow = 0.0, numberHigh = 0.0;
    bool lowOpen = false, highOpen = false;
    QStringList choices;
    // An extra rule for text values and what it expects ("KEY=VALUE", "WxH with sides in ...").
    std::function<bool(const QString &)> check;
    QString expectation;

    CliOption &require()
    {
        required = true;
        return *this;
    }
    CliOption &repeat()
    {
        repeatable = true;
        return *this;
    }
    // The option names a file the command writes. parse() refuses it when it is the same file
    // (device and inode, however spelled or linked) as any other path given to the command.
    CliOption &output()
    {
        writes = true;
        return *this;
    }
    CliOption &byDefault(const QString &value)
    {
        defaultValue = value;
        return *this;
    }
    CliOption &validatedBy(std::function<bool(const QString &)> rule, const QString &expected)
    {
        check = std::move(rule);
        expectation = expected;
        return *this;
    }
    // "an integer in [1, 100000]", "a number in (0, 1]", "eccv16, siggraph17 or koalarization".
    QString accepts() const;
};

// The option reader every `periscope-cli` command uses: options are declared with their type,
// range, default and help; `parse` reads the arguments, answers --help from the declarations, and
// reports a usage error in one line ("periscope-cli: COMMAND: MESSAGE", exit 2). Commands then
// read typed values and report their own failures through `failure` (exit 1), so every command
// words its errors the same way.
class CliOptions {
public:
    CliOptions(QString command, QString description);

    CliOption &text(const QString &name, const QString &valueName, const QString &help);
    CliOption &integer(const QString &name, qint64 min, qint64 max, const QString &help);
    // A number in [low, high]; an open end excludes that bound: (0, 1] is lowOpen.
    CliOption &number(const QString &name, double low, double high, const QString &help, bool lowOpen = false, bool highOpen = false);
    CliOption &choice(const QString &name, const QStringList &choices, const QString &help);
    CliOption &flag(const QString &name, const QString &help);
    // --figure OUT.png|svg|pdf: a figure as the workbench exports it (the format by the suffix).
    CliOption &figure(const QString &help);
    // --max-pixels N: for commands that read images, the largest image (pixels) read for this
    // run, checked from each file's header before decoding (default: the Settings value).
    void imageLimit();
    // --shard I/N: the command runs shard I of N of its inputs and writes its per-item results to
    // OUT/shards/ for `periscope-cli merge` (app/batch/Shards.h).
    void shardable();
    // Arguments that are not options. minCount 0 makes them optional; maxCount -1 unbounded.
    // `missing` is the message when fewer than minCount are given ("give at least one image").
    void positionals(const QString &valueName, const QString &help, int minCount, int maxCount, const QString &missing = {});
    // Replaces the generated synopsis (for commands whose options exclude each other).
    void setSynopsis(const QStringList &lines);

    // Reads the arguments. Returns nothing when the command should run; otherwise the exit code:
    // 0 after printing --help to stdout, 2 after a usage error on stderr.
    std::optional<int> parse(const QStringList &arguments);
    // The same check without printing anything: the usage error, or nothing when the arguments
    // would run (for arguments read from a file, whose problem the caller words itself).
    std::optional<QString> problemWith(const QStringList &arguments);

    bool isSet(const QString &name) const;
    QString value(const QString &name) const; // the last given value, else the default
    QStringList values(const QString &name) const;
    qint64 integerValue(const QString &name) const;
    double numberValue(const QString &name) const;
    bool flagValue(const QString &name) const;
    // The --shard value; nothing when the whole run is this process's.
    std::optional<Shard> shardValue() const;
    const QStringList &positionalValues() const { return m_positionals; }

    const QString &command() const { return m_command; }
    QString helpText() const;

    // "periscope-cli: COMMAND: MESSAGE" on stderr; usage errors exit 2, failures 1.
    int usageError(const QString &message) const;
    int failure(const QString &message) const;
    // An exception escaping the command: its first line (a LibTorch error's rest is a backtrace).
    int failure(const std::exception &error) const;
    // "COMMAND: warning: MESSAGE" on stderr; the command goes on.
    void warn(const QString &message) const;

private:
    // "--out X is an input of this command (--model X): ..." when an output is an input.
    std::optional<QString> outputThatIsAnInput() const;
    const CliOption *find(const QString &name) const;
    CliOption &declare(CliOption option);
    CliOption &declare(const QString &name, const QString &valueName, const QString &help, CliOption::Kind kind);
    std::optional<QString> readValue(const CliOption &option, const QString &value) const;
    QString synopsis() const;

    QString m_command;
    QString m_description;
    std::deque<CliOption> m_options; // a deque: references handed out stay valid
    bool m_imageLimit = false;
    QString m_positionalName, m_positionalHelp, m_positionalMissing;
    int m_positionalMin = 0, m_positionalMax = 0;
    QStringList m_synopsis;

    bool m_quiet = false;
    mutable QString m_problem; // the usage error a quiet parse met
    QHash<QString, QStringList> m_values;
    QStringList m_positionals;
};

constexpr qint64 kNoLimit = std::numeric_limits<qint64>::max();

// A command made of subcommands (`study create|simulate|results`, `models list|add|fetch|verify`):
// each with its options (for the combined --help) and what it runs.
struct CliSubcommand {
    QString name;
    std::function<CliOptions()> options;
    std::function<int(const QStringList &arguments)> run;
};

// Dispatches `arguments` (subcommand first) to `subcommands`; `COMMAND --help` prints every
// subcommand's help. An exception escaping a subcommand is its one-line failure (exit 1), a
// missing or unknown subcommand a usage error (exit 2), worded alike for every command.
int runSubcommands(const QString &command, const QList<CliSubcommand> &subcommands, const QStringList &arguments);

} // namespace periscope::app
