// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace periscope::app {

// Names the application for QSettings and QStandardPaths ("periscope" under the XDG folders)
// and sets its version. Call right after constructing the Q*Application.
void setApplicationIdentity();

// Periscope's own folder for `leaf` ("models", "datasets", "recovery") under the XDG data home:
// ~/.local/share/periscope/<leaf>. Qt's AppDataLocation would be .../periscope/periscope/<leaf>
// (organisation and application are both "periscope"), which earlier versions used: a folder
// there is still used while the new one does not exist, so nothing a user kept goes missing.
QString periscopeDataFolder(const QString &leaf);

} // namespace periscope::app
