// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliOptions.h"

#include "engine/media/image/ImageHeader.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/PathGuard.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace periscope::app {

namespace {
constexpr int kHelpColumn = 30; // where the help text of an option starts
constexpr int kLineWidth = 100;

// "a, b or c"
QString spokenList(const QStringList &items)
{
    if (items.size() < 2)
        return items.join(QString());
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" or ") + items.last();
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', 10);
}

// Appends `text` to `out` wrapped at kLineWidth, every line but the first indented by `indent`.
// Line breaks in `text` are spaces here: the wrapping decides where lines end.
void appendWrapped(QString &out, int column, const QString &text, int indent)
{
    QString flowing = text;
    flowing.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QStringList words = flowing.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (column > indent && column + 1 + word.size() > kLineWidth) {
            out += QLatin1Char('\n') + QString(indent, QLatin1Char(' '));
            column = indent;
        } else if (column > indent) {
            out += QLatin1Char(' ');
            ++column;
        }
        out += word;
        column += int(word.size());
    }
    out += QLatin1Char('\n');
}

bool looksLikeOption(const QString &argument)
{
    if (argument.size() < 2 || !argument.startsWith(QLatin1Char('-')))
        return false;
    bool isNumber = false;
    argument.toDouble(&isNumber);
    return !isNumber; // "-3" is a value (a bad seed, a negative offset), not an option
}
} // namespace

QString CliOption::accepts() const
{
    if (!expectation.isEmpty())
        return expectation;
    switch (kind) {
    case Kind::Integer:
        if (integerMax == kNoLimit)
            return integerMin == 0   ? QStringLiteral("a non-negative integer")
                   : integerMin == 1 ? QStringLiteral("a positive integer")
                                     : QStringLiteral("an integer of at least %1").arg(integerMin);
        return QStringLiteral("an integer in [%1, %2]").arg(integerMin).arg(integerMax);
    case Kind::Number:
        return QStringLiteral("a number in %1%2, %3%4")
            .arg(lowOpen ? QLatin1Char('(') : QLatin1Char('['))
            .arg(formatNumber(numberLow), formatNumber(numberHigh))
            .arg(highOpen ? QLatin1Char(')') : QLatin1Char(']'));
    case Kind::Choice:
        return spokenList(choices);
    case Kind::Text:
    case Kind::Flag:
        break;
    }
    return {};
}

CliOptions::CliOptions(QString command, QString description) : m_command(std::move(command)), m_description(std::move(description)) {}

CliOption &CliOptions::declare(CliOption option)
{
    Q_ASSERT(option.name.startsWith(QLatin1String("--")) && !find(option.name));
    m_options.push_back(std::move(option));
    return m_options.back();
}

CliOption &CliOptions::declare(const QString &name, const QString &valueName, const QString &help, CliOption::Kind kind)
{
    CliOption option;
    option.name = name;
    option.valueName = valueName;
    option.help = help;
    option.kind = kind;
    return declare(std::move(option));
}

CliOption &CliOptions::text(const QString &name, const QString &valueName, const QString &help)
{
    return declare(name, valueName, help, CliOption::Kind::Text);
}

CliOption &CliOptions::integer(const QString &name, qint64 min, qint64 max, const QString &help)
{
    CliOption &option = declare(name, QStringLiteral("N"), help, CliOption::Kind::Integer);
    option.integerMin = min;
    option.integerMax = max;
    return option;
}

CliOption &CliOptions::number(const QString &name, double low, double high, const QString &help, bool lowOpen, bool highOpen)
{
    CliOption &option = declare(name, QStringLiteral("X"), help, CliOption::Kind::Number);
    option.numberLow = low;
    option.numberHigh = high;
    option.lowOpen = lowOpen;
    option.highOpen = highOpen;
    return option;
}

CliOption &CliOptions::choice(const QString &name, const QStringList &choices, const QString &help)
{
    CliOption &option = declare(name, choices.join(QLatin1Char('|')), help, CliOption::Kind::Choice);
    option.choices = choices;
    return option;
}

CliOption &CliOptions::flag(const QString &name, const QString &help)
{
    return declare(name, QString(), help, CliOption::Kind::Flag);
}

CliOption &CliOptions::figure(const QString &help)
{
    return text(QStringLiteral("--figure"), QStringLiteral("OUT.png|svg|pdf"), help)
        .output()
        .validatedBy(
            [](const QString &value) {
                const QString suffix = QFileInfo(value).suffix().toLower();
                return suffix == QLatin1String("png") || suffix == QLatin1String("svg") || suffix == QLatin1String("pdf");
            },
            QStringLiteral("a .png, .svg or .pdf file"));
}

void CliOptions::positionals(const QString &valueName, const QString &help, int minCount, int maxCount, const QString &missing)
{
    m_positionalName = valueName;
    m_positionalHelp = help;
    m_positionalMin = minCount;
    m_positionalMax = maxCount;
    m_positionalMissing = missing;
}

void CliOptions::setSynopsis(const QStringList &lines)
{
    m_synopsis = lines;
}

const CliOption *CliOptions::find(const QString &name) const
{
    for (const CliOption &option : m_options)
        if (option.name == name)
            return &option;
    return nullptr;
}

std::optional<QString> CliOptions::readValue(const CliOption &option, const QString &value) const
{
    bool ok = false;
    switch (option.kind) {
    case CliOption::Kind::Integer: {
        const qint64 n = value.trimmed().toLongLong(&ok);
        ok = ok && n >= option.integerMin && n <= option.integerMax;
        break;
    }
    case CliOption::Kind::Number: {
        const double x = value.trimmed().toDouble(&ok);
        ok = ok && std::isfinite(x) && (option.lowOpen ? x > option.numberLow : x >= option.numberLow) &&
             (option.highOpen ? x < option.numberHigh : x <= option.numberHigh);
        break;
    }
    case CliOption::Kind::Choice:
        ok = option.choices.contains(value);
        break;
    case CliOption::Kind::Text:
    case CliOption::Kind::Flag:
        ok = true;
        break;
    }
    if (ok && option.check)
        ok = option.check(value);
    if (ok)
        return std::nullopt;
    return QStringLiteral("%1 takes %2, not '%3'").arg(option.name, option.accepts(), value);
}

void CliOptions::imageLimit()
{
    integer(QStringLiteral("--max-pixels"), 1, 100'000'000'000LL,
            QStringLiteral("refuse images larger than this many pixels, from their header, before decoding "
                           "(default: Settings, %1)").arg(periscope::media::maxImagePixels()));
    m_imageLimit = true;
}

void CliOptions::shardable()
{
    text(QStringLiteral("--shard"), QStringLiteral("I/N"),
         QStringLiteral("run the I-th of N parts of the inputs (a split fixed by the inputs' names) and write its per-item "
                        "results for `periscope-cli merge` to OUT/shards/"))
        .validatedBy(
            [](const QString &value) {
                QString error;
                return parseShard(value, &error).has_value();
            },
            QStringLiteral("I/N with 1 <= I <= N <= %1").arg(kMaxShards));
}

std::optional<Shard> CliOptions::shardValue() const
{
    if (!isSet(QStringLiteral("--shard")))
        return std::nullopt;
    QString error;
    return parseShard(value(QStringLiteral("--shard")), &error);
}

std::optional<int> CliOptions::parse(const QStringList &arguments)
{
    m_values.clear();
    m_positionals.clear();
    bool optionsEnded = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (!optionsEnded && (argument == QLatin1String("--help") || argument == QLatin1String("-h"))) {
            if (!m_quiet)
                std::fputs(qPrintable(helpText()), stdout);
            return 0;
        }
    }
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (!optionsEnded && argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (optionsEnded || !looksLikeOption(argument)) {
            if (m_positionalMax >= 0 && m_positionals.size() >= m_positionalMax)
                return usageError(QStringLiteral("unexpected argument '%1'").arg(argument));
            m_positionals << argument;
            continue;
        }
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        const QString name = equals > 0 ? argument.left(equals) : argument;
        const CliOption *option = find(name);
        if (!option)
            return usageError(QStringLiteral("unknown option '%1' (try --help)").arg(name));
        if (m_values.contains(name) && !option->repeatable)
            return usageError(QStringLiteral("%1 is given twice").arg(name));
        if (option->kind == CliOption::Kind::Flag) {
            if (equals > 0)
                return usageError(QStringLiteral("%1 takes no value").arg(name));
            m_values[name] << QStringLiteral("1");
            continue;
        }
        QString value;
        if (equals > 0) {
            value = argument.mid(equals + 1);
        } else {
            if (i + 1 >= arguments.size())
                return usageError(QStringLiteral("%1 needs a value (try --help)").arg(name));
            value = arguments[++i];
        }
        if (const std::optional<QString> error = readValue(*option, value))
            return usageError(*error);
        m_values[name] << value;
    }
    for (const CliOption &option : m_options)
        if (option.required && !m_values.contains(option.name))
            return usageError(QStringLiteral("%1 %2 is required").arg(option.name, option.valueName).trimmed());
    if (m_positionals.size() < m_positionalMin) {
        if (!m_positionalMissing.isEmpty())
            return usageError(m_positionalMissing);
        return usageError(m_positionalMin == 1 && m_positionalMax == 1
                              ? QStringLiteral("expected one %1 (try --help)").arg(m_positionalName)
                              : QStringLiteral("expected at least %1 %2 (try --help)").arg(m_positionalMin).arg(m_positionalName));
    }
    if (const std::optional<QString> clash = outputThatIsAnInput())
        return failure(*clash);
    if (m_imageLimit && isSet(QStringLiteral("--max-pixels")))
        periscope::media::setMaxImagePixels(integerValue(QStringLiteral("--max-pixels")));
    return std::nullopt;
}

std::optional<QString> CliOptions::outputThatIsAnInput() const
{
    // Every other value that names an existing file is a possible input: a model, --init, --data,
    // the positional files. Writing over one would destroy what the user asked us to read.
    std::map<FileIdentity, QString> inputs;
    for (const QString &path : m_positionals)
        if (const std::optional<FileIdentity> id = fileIdentity(QFile::encodeName(path).toStdString()))
            inputs.emplace(*id, path);
    for (const CliOption &option : m_options) {
        if (option.writes || option.kind != CliOption::Kind::Text)
            continue;
        for (const QString &value : m_values.value(option.name))
            if (const std::optional<FileIdentity> id = fileIdentity(QFile::encodeName(value).toStdString()))
                inputs.emplace(*id, option.name + QLatin1Char(' ') + value);
    }
    for (const CliOption &option : m_options) {
        if (!option.writes)
            continue;
        for (const QString &value : m_values.value(option.name)) {
            const std::optional<FileIdentity> id = fileIdentity(QFile::encodeName(value).toStdString());
            if (!id)
                continue;
            if (const auto it = inputs.find(*id); it != inputs.end())
                return QStringLiteral("%1 %2 is an input of this command (%3): choose another file (nothing was written)")
                    .arg(option.name, value, it->second);
        }
    }
    return std::nullopt;
}

bool CliOptions::isSet(const QString &name) const
{
    Q_ASSERT(find(name));
    return m_values.contains(name);
}

QString CliOptions::value(const QString &name) const
{
    const CliOption *option = find(name);
    Q_ASSERT(option);
    const auto it = m_values.constFind(name);
    return it != m_values.constEnd() ? it->last() : (option ? option->defaultValue : QString());
}

QStringList CliOptions::values(const QString &name) const
{
    Q_ASSERT(find(name));
    return m_values.value(name);
}

qint64 CliOptions::integerValue(const QString &name) const
{
    return value(name).trimmed().toLongLong();
}

double CliOptions::numberValue(const QString &name) const
{
    return value(name).trimmed().toDouble();
}

bool CliOptions::flagValue(const QString &name) const
{
    return isSet(name);
}

QString CliOptions::synopsis() const
{
    QStringList words;
    for (const CliOption &option : m_options)
        if (option.required)
            words << option.name + QLatin1Char(' ') + option.valueName;
    if (!m_positionalName.isEmpty()) {
        QString positional = m_positionalName;
        if (m_positionalMax != 1)
            positional += QStringLiteral("...");
        words.prepend(m_positionalMin > 0 ? positional : QLatin1Char('[') + positional + QLatin1Char(']'));
    }
    const bool hasOptional = std::any_of(m_options.begin(), m_options.end(), [](const CliOption &o) { return !o.required; });
    if (hasOptional)
        words << QStringLiteral("[OPTIONS]");
    return words.join(QLatin1Char(' '));
}

QString CliOptions::helpText() const
{
    const QString prefix = QStringLiteral("usage: periscope-cli %1 ").arg(m_command);
    QString out;
    const QStringList lines = m_synopsis.isEmpty() ? QStringList{synopsis()} : m_synopsis;
    for (int i = 0; i < lines.size(); ++i)
        out += (i == 0 ? prefix : QString(prefix.size(), QLatin1Char(' '))) + lines[i] + QLatin1Char('\n');
    out += QLatin1Char('\n') + m_description.trimmed() + QLatin1Char('\n');

    auto entry = [&out](const QString &left, const QString &help) {
        QString line = QStringLiteral("  ") + left;
        if (line.size() + 2 > kHelpColumn) {
            out += line + QLatin1Char('\n');
            line = QString(kHelpColumn, QLatin1Char(' '));
        } else {
            line += QString(kHelpColumn - line.size(), QLatin1Char(' '));
        }
        out += line;
        appendWrapped(out, kHelpColumn, help, kHelpColumn);
    };
    if (!m_positionalName.isEmpty()) {
        out += QStringLiteral("\narguments:\n");
        entry(m_positionalName + (m_positionalMax != 1 ? QStringLiteral("...") : QString()), m_positionalHelp);
    }
    out += QStringLiteral("\noptions:\n");
    for (const CliOption &option : m_options) {
        QStringList notes;
        if (option.kind == CliOption::Kind::Integer || option.kind == CliOption::Kind::Number ||
            !option.expectation.isEmpty())
            notes << option.accepts();
        if (option.required)
            notes << QStringLiteral("required");
        if (!option.defaultValue.isEmpty())
            notes << QStringLiteral("default %1").arg(option.defaultValue);
        if (option.repeatable)
            notes << QStringLiteral("may be repeated");
        QString help = option.help;
        if (!notes.isEmpty())
            help += QStringLiteral(" (") + notes.join(QStringLiteral("; ")) + QLatin1Char(')');
        entry(option.kind == CliOption::Kind::Flag ? option.name : option.name + QLatin1Char(' ') + option.valueName, help);
    }
    entry(QStringLiteral("--help"), QStringLiteral("show this text"));
    return out;
}

int CliOptions::usageError(const QString &message) const
{
    if (m_quiet) {
        m_problem = message;
        return 2;
    }
    std::fprintf(stderr, "periscope-cli: %s: %s\n", qPrintable(m_command), qPrintable(message));
    return 2;
}

std::optional<QString> CliOptions::problemWith(const QStringList &arguments)
{
    m_quiet = true;
    m_problem.clear();
    const std::optional<int> exit = parse(arguments);
    m_quiet = false;
    if (!exit)
        return std::nullopt;
    return m_problem.isEmpty() ? QStringLiteral("the arguments ask for --help") : m_problem;
}

int CliOptions::failure(const QString &message) const
{
    std::fprintf(stderr, "periscope-cli: %s: %s\n", qPrintable(m_command), qPrintable(message.section(QLatin1Char('\n'), 0, 0)));
    return 1;
}

int CliOptions::failure(const std::exception &error) const
{
    return failure(QString::fromUtf8(error.what()));
}

void CliOptions::warn(const QString &message) const
{
    std::fprintf(stderr, "%s: warning: %s\n", qPrintable(m_command), qPrintable(message));
    std::fflush(stderr);
}

int runSubcommands(const QString &command, const QList<CliSubcommand> &subcommands, const QStringList &arguments)
{
    const QString sub = arguments.value(0);
    QStringList names;
    for (const CliSubcommand &candidate : subcommands)
        names << candidate.name;
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        for (const CliSubcommand &candidate : subcommands)
            std::fputs(qPrintable(candidate.options().helpText() + QLatin1Char('\n')), stdout);
        return 0;
    }
    auto usage = [&command](const QString &message) {
        std::fprintf(stderr, "periscope-cli: %s: %s\n", qPrintable(command), qPrintable(message));
        return 2;
    };
    if (sub.isEmpty())
        return usage(QStringLiteral("give a command: %1 (try --help)").arg(spokenList(names)));
    for (const CliSubcommand &candidate : subcommands) {
        if (candidate.name != sub)
            continue;
        const CliOptions named = candidate.options(); // for the failure's "COMMAND SUB:" prefix
        try {
            return candidate.run(arguments.mid(1));
        } catch (const CancelledError &) {
            return named.failure(QStringLiteral("cancelled"));
        } catch (const std::exception &e) {
            return named.failure(e);
        }
    }
    return usage(QStringLiteral("unknown %1 command '%2' (%3)").arg(command, sub, names.join(QStringLiteral(", "))));
}

} // namespace periscope::app
