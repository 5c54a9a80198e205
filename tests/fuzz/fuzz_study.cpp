// SPDX-License-Identifier: GPL-3.0-or-later
// A study file from elsewhere (SQLite) opened as `study results` and the Colorize study panel do:
// the hostile-file checks, the meta table, the design JSON and its fingerprint, the photos'
// confinement to the study's folder; when it opens, every rater's plan and the results.
#include "FuzzSupport.h"

#include "app/studies/StudyStore.h"

#include <QCoreApplication>
#include <QString>

#include <filesystem>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication application(*argc, *argv); // Qt's SQL drivers are plugins
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = periscope::fuzz::writeInput(data, size, ".sqlite");
    // SQLite's journal files of the last input must not be read as this one's.
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix);
    QString error;
    periscope::fuzz::expectOnlyOurErrors([&] {
        const std::unique_ptr<periscope::app::StudyStore> store = periscope::app::StudyStore::open(QString::fromStdString(path), &error);
        if (!store) {
            if (error.isEmpty())
                __builtin_trap(); // a refusal always says why
            return;
        }
        for (const periscope::app::StudyStore::Rater &rater : store->raters())
            (void)store->plan(rater.number);
        (void)store->results();
    });
    return 0;
}
