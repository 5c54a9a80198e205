// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace periscope::app {

// Runs every workspace's demo in an offscreen window and writes the figures, a screenshot of the
// workbench and demo.json to `outFolder`. Needs the QApplication (translations installed). Returns
// the exit code: 0 when every demo wrote its figure.
int runHeadlessDemo(const QString &outFolder);

} // namespace periscope::app
