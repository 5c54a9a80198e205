// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli models list|add|fetch|verify: the model catalogue (built-in models and the
// published checkpoints the workspaces load), what is on this machine, and the user's store.
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "app/models/ModelCatalogue.h"

#include "engine/core/errors/Error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace periscope::app {

namespace {

QString megabytes(qint64 bytes)
{
    return bytes < 0 ? QStringLiteral("?") : QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', bytes < 10'000'000 ? 2 : 0);
}

QJsonObject entryJson(const CatalogueEntry &e)
{
    return {{QStringLiteral("name"), e.name},
            {QStringLiteral("workspace"), e.workspace},
            {QStringLiteral("task"), e.task},
            {QStringLiteral("architecture"), e.architecture},
            {QStringLiteral("input"), e.input},
            {QStringLiteral("licence"), e.licence},
            {QStringLiteral("source"), e.source},
            {QStringLiteral("trained_by"), e.trainedBy.isEmpty() ? QJsonValue() : QJsonValue(e.trainedBy)},
            {QStringLiteral("file_name"), e.fileName},
            {QStringLiteral("bytes"), e.bytes < 0 ? QJsonValue() : QJsonValue(double(e.bytes))},
            {QStringLiteral("sha256"), e.sha256.isEmpty() ? QJsonValue() : QJsonValue(e.sha256)},
            {QStringLiteral("sha256_prefix"), e.sha256Prefix.isEmpty() ? QJsonValue() : QJsonValue(e.sha256Prefix)},
            {QStringLiteral("present"), e.isPresent()},
            {QStringLiteral("path"), e.isPresent() ? QJsonValue(e.path) : QJsonValue()},
            {QStringLiteral("origin"), e.origin.isEmpty() ? QJsonValue() : QJsonValue(e.origin)}};
}

// Progress on stderr at most once a second, and none for what takes less: hashing or downloading
// gigabytes is long, hashing a small file is not.
JobControl progressOnStderr(const QString &what)
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    return JobControl({}, [clock, what](double fraction, const std::string &message) {
        if (clock->elapsed() < 1000)
            return;
        clock->start();
        if (fraction >= 0)
            std::fprintf(stderr, "%s: %3.0f %% %s\n", qPrintable(what), 100.0 * fraction, message.c_str());
        else
            std::fprintf(stderr, "%s: %s\n", qPrintable(what), message.c_str());
        std::fflush(stderr);
    });
}

CliOptions listOptions()
{
    CliOptions options(QStringLiteral("models list"),
                       QStringLiteral("Lists the model catalogue: the built-in models and the published checkpoints the\n"
                                      "workspaces load, with their licence, size, source and whether they are on this machine."));
    options.text(QStringLiteral("--workspace"), QStringLiteral("ID"), QStringLiteral("only this workspace's models"));
    options.flag(QStringLiteral("--json"), QStringLiteral("every field as JSON"));
    return options;
}

CliOptions addOptions()
{
    CliOptions options(QStringLiteral("models add"),
                       QStringLiteral("Checks FILE's SHA-256 against the catalogue and copies it into the model store (the\n"
                                      "preferences' models folder), where every workspace finds it by name. The file is not run\n"
                                      "or unpickled here; the engine's restricted loaders read it when it is used."));
    options.positionals(QStringLiteral("FILE"), QStringLiteral("the downloaded checkpoint"), 1, 1);
    options.text(QStringLiteral("--name"), QStringLiteral("NAME"),
                 QStringLiteral("the catalogue entry it is (needed where the catalogue publishes no hash)"));
    return options;
}

CliOptions fetchOptions()
{
    CliOptions options(QStringLiteral("models fetch"),
                       QStringLiteral("Downloads a catalogue entry into the model store: resumable (run it again after an\n"
                                      "interruption), refused and deleted when its SHA-256 differs from the catalogue's. The only\n"
                                      "command that uses the network."));
    options.positionals(QStringLiteral("NAME"), QStringLiteral("a catalogue entry (periscope-cli models list)"), 1, 1);
    options.text(QStringLiteral("--mirror"), QStringLiteral("URL"), QStringLiteral("download URL/FILE_NAME instead of the publisher's address"));
    return options;
}

CliOptions verifyOptions()
{
    CliOptions options(QStringLiteral("models verify"),
                       QStringLiteral("Hashes the models on this machine (the named ones, else all) and compares them with the\n"
                                      "catalogue; exits 1 when one differs."));
    options.positionals(QStringLiteral("NAME"), QStringLiteral("catalogue entries"), 0, -1);
    return options;
}

int runList(const QStringList &arguments)
{
    CliOptions options = listOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const ModelCatalogue catalogue = ModelCatalogue::load();
    const QString workspace = options.value(QStringLiteral("--workspace"));
    if (!catalogue.storeProblem().isEmpty())
        options.warn(catalogue.storeProblem());
    QJsonArray all;
    const bool asJson = options.flagValue(QStringLiteral("--json"));
    if (!asJson)
        std::printf("%-34s %-16s %-9s %-9s %s\n", "NAME", "WORKSPACE", "HERE", "SIZE", "LICENCE");
    for (const CatalogueEntry &e : catalogue.entries()) {
        if (!workspace.isEmpty() && e.workspace != workspace)
            continue;
        all.append(entryJson(e));
        if (!options.flagValue(QStringLiteral("--json")))
            std::printf("%-34s %-16s %-9s %-9s %s\n", qPrintable(e.name), qPrintable(e.workspace),
                        qPrintable(e.isPresent() ? e.origin : QStringLiteral("-")), qPrintable(megabytes(e.bytes)), qPrintable(e.licence));
    }
    if (options.flagValue(QStringLiteral("--json"))) {
        const QJsonObject out{{QStringLiteral("catalogue"), catalogue.cataloguePath()},
                              {QStringLiteral("store"), catalogue.storeFolder()},
                              {QStringLiteral("models"), all}};
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        std::printf("\nstore: %s\n", qPrintable(catalogue.storeFolder()));
    }
    return 0;
}

int runAdd(const QStringList &arguments)
{
    CliOptions options = addOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    ModelCatalogue catalogue = ModelCatalogue::load();
    const QString file = options.positionalValues().first();
    const QString name = catalogue.add(file, options.value(QStringLiteral("--name")), progressOnStderr(QStringLiteral("models add")));
    std::printf("added %s: %s\n", qPrintable(name), qPrintable(catalogue.find(name)->path));
    return 0;
}

int runFetch(const QStringList &arguments)
{
    CliOptions options = fetchOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    ModelCatalogue catalogue = ModelCatalogue::load();
    const QString name = options.positionalValues().first();
    catalogue.fetch(name, options.value(QStringLiteral("--mirror")), progressOnStderr(QStringLiteral("models fetch")));
    std::printf("fetched %s: %s\n", qPrintable(name), qPrintable(catalogue.find(name)->path));
    return 0;
}

int runVerify(const QStringList &arguments)
{
    CliOptions options = verifyOptions();
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    const ModelCatalogue catalogue = ModelCatalogue::load();
    QStringList names = options.positionalValues();
    if (names.isEmpty())
        for (const CatalogueEntry &e : catalogue.entries())
            if (e.isPresent())
                names << e.name;
    int bad = 0;
    for (const QString &name : names) {
        const QString problem = catalogue.verify(name, progressOnStderr(QStringLiteral("models verify")));
        std::printf("%-34s %s\n", qPrintable(name), problem.isEmpty() ? "ok" : qPrintable(problem));
        bad += problem.isEmpty() ? 0 : 1;
    }
    if (bad > 0)
        return options.failure(QStringLiteral("%1 of %2 models differ from the catalogue").arg(bad).arg(names.size()));
    return 0;
}

int runModels(const QStringList &arguments)
{
    return runSubcommands(QStringLiteral("models"),
                          {{QStringLiteral("list"), listOptions, runList},
                           {QStringLiteral("add"), addOptions, runAdd},
                           {QStringLiteral("fetch"), fetchOptions, runFetch},
                           {QStringLiteral("verify"), verifyOptions, runVerify}},
                          arguments);
}

} // namespace

CliCommand modelsCommand()
{
    return {QStringLiteral("models"), QStringLiteral("the model catalogue: list, add FILE, fetch NAME, verify"), false, runModels};
}

} // namespace periscope::app
