// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliMain.h"

int main(int argc, char **argv)
{
    return periscope::app::runCli(argc, argv);
}
