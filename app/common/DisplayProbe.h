// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace periscope::app {

// Whether an X server answers at `display` (a DISPLAY value: ":0", ":1.0", "host:10"), by
// connecting as Xlib would: the local socket /tmp/.X11-unix/X<N> (or its abstract twin) or TCP
// port 6000 + N, within a second. Qt and VTK abort the process on a DISPLAY nobody answers (a
// stale one from a closed SSH session); asked first, the program can say so in one line or
// fall back to no display.
bool x11DisplayAnswers(const QString &display);

// DISPLAY is set, not empty, and nobody answers there (WAYLAND_DISPLAY unset).
bool displayIsStale();

} // namespace periscope::app
