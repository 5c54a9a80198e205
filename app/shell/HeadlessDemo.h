// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QString>

namespace periscope::app {

// Runs every workspace's demo in an offscreen window and writes the figures, a screenshot of the
// workbench and demo.json to `outFolder`. Needs the QApplication (translations installed). Returns
// the exit code: 0 when every demo wrote its figure.
// With a valid `windowSize` the window has that size and each demo also writes a screenshot of
// the whole window (window-<workspace>-<demo>.png): tools/screenshots.sh makes docs/screenshots
// from them.
int runHeadlessDemo(const QString &outFolder, const QSize &windowSize = {});

} // namespace periscope::app
