// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one of the built executables as a user would (offscreen platform), for the command-line
// suites: its exit code, stdout, and stderr without the offscreen plugin's own chatter.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

struct CliRun {
    int exitCode = -1; // -2: crashed; -1: timed out (and killed)
    QByteArray out;
    QByteArray err;
};

// `unset`: environment variables the program must not see (e.g. DISPLAY, to run it headless).
inline CliRun runProgram(const QString &program, const QStringList &arguments, int timeoutMs = 60000, const QStringList &unset = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : unset)
        env.remove(name);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PERISCOPE_BIN_DIR "/") + program, arguments);
    CliRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    // Qt's offscreen platform plugin (used here, never on a desktop) warns about window hints
    // it cannot honour; that is the platform's chatter, not ours.
    for (const QByteArray &line : process.readAllStandardError().split('\n')) {
        if (!line.isEmpty() && !line.contains("This plugin does not support"))
            result.err += line + '\n';
    }
    return result;
}
