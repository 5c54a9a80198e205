// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

// The photos (JPEG, PNG, TIFF, WebP, BMP) in a folder and its sub-folders, sorted.
QStringList imageFilesIn(const QString &folder);
bool isImageFile(const QString &path);

// What is open after opening `path` where `current` was: images opened one by one gather (a
// file already open is not added twice); a folder, or a file after a folder, replaces what was open.
QStringList inputsAfterOpening(const QStringList &current, const QString &path);

} // namespace periscope::app
