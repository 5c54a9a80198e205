// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace periscope::app {

// The `periscope` executable: the workbench window, or with --screenshot a render-and-exit.
int runGui(int argc, char **argv);

} // namespace periscope::app
