// SPDX-License-Identifier: GPL-3.0-or-later
// The colorizer Periscope ships and the photos its demo shows. "koalarization-opencv" is Deep
// Koalarization with every layer's channels halved and its jointly trained global branch, trained
// by tools/train-colorize-model.sh on the colour photos of Debian's opencv-doc package except the
// four the demo shows (committed under resources/models/colorize).
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

QString builtInColorizerName(); // "koalarization-opencv"

// The built-in name or an existing weights file → its path; empty + `error` otherwise.
QString resolveColorizer(const QString &nameOrPath, QString *error);

// A line for the UI: which network, how wide, which global features it uses.
QString describeColorizer(const QString &nameOrPath, const QString &architecture, int widthDivisor, const QString &globalFeatures);

// The demo's photos from opencv-doc that training held out; those that exist on this machine.
QStringList colorizeDemoPhotos();
QString opencvSamplesFolder();

} // namespace periscope::app
