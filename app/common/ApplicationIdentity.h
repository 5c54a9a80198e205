// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace periscope::app {

// Names the application for QSettings and QStandardPaths ("periscope" under the XDG folders)
// and sets its version. Call right after constructing the Q*Application.
void setApplicationIdentity();

} // namespace periscope::app
