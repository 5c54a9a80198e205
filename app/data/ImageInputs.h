// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

// The photos (JPEG, PNG, TIFF, WebP, BMP) in a folder and its sub-folders, sorted.
QStringList imageFilesIn(const QString &folder);
bool isImageFile(const QString &path);

} // namespace periscope::app
