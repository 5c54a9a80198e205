// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/GuiMain.h"

int main(int argc, char **argv)
{
    return periscope::app::runGui(argc, argv);
}
