// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli's commands run inside the test (app/cli/CliMain.h, runCliInProcess) with stdout
// and stderr caught: for tables of refusals and --help, where a process each costs half a second
// of LibTorch's start-up (#24). Suites that use it link periscope_cli and keep a few rows that
// run the executable, so its own start-up stays tested.
#pragma once

#include "app/cli/CliMain.h"
#include "tests/app/cli/CliRun.h"

#include <cstdio>
#include <unistd.h>

inline CliRun runCliCapturing(const QStringList &arguments)
{
    std::fflush(stdout);
    std::fflush(stderr);
    std::FILE *out = std::tmpfile();
    std::FILE *err = std::tmpfile();
    const int savedOut = ::dup(1), savedErr = ::dup(2);
    ::dup2(::fileno(out), 1);
    ::dup2(::fileno(err), 2);
    CliRun result;
    result.exitCode = periscope::app::runCliInProcess(arguments);
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedOut, 1);
    ::dup2(savedErr, 2);
    ::close(savedOut);
    ::close(savedErr);
    auto readBack = [](std::FILE *file) {
        QByteArray text;
        std::rewind(file);
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;)
            text.append(buffer, qsizetype(n));
        std::fclose(file);
        return text;
    };
    result.out = readBack(out);
    result.err = readBack(err);
    return result;
}
