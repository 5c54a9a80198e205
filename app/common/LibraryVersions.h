// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace periscope::app {

struct LibraryVersion {
    QString name;
    QString version;
};

// The versions of the libraries Periscope runs on, as linked: Qt, LibTorch, OpenCV, FFmpeg,
// VTK, RDKit, QCustomPlot. Shown on the Welcome page and in Help > About; printed by
// `periscope-cli info`.
QList<LibraryVersion> libraryVersions();
QJsonObject libraryVersionsJson();

} // namespace periscope::app
