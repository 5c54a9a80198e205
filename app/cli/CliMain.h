// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace periscope::app {

// The `periscope-cli` executable: headless subcommands (info, colorize, train-*, demo, ...).
int runCli(int argc, char **argv);

} // namespace periscope::app
