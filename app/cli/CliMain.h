// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace periscope::app {

// The `periscope-cli` executable: headless subcommands (info, colorize, train-*, demo, ...).
int runCli(int argc, char **argv);

// A command and its arguments (argv after the program's name) run in this process, whose
// application object exists already: the same dispatch, refusals and net under every command as
// runCli, without its start-up. For tests of many refusals, where a process each costs a second
// of loading libraries.
int runCliInProcess(const QStringList &arguments);

} // namespace periscope::app
