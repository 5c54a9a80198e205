// SPDX-License-Identifier: GPL-3.0-or-later
// The colorizer Periscope ships and the photos its demo shows. "eccv16-photos" is Zhang et al.'s
// ECCV 2016 network with every channel count divided by 4, trained as they train theirs (313 ab
// classes, class rebalancing, annealed mean at T = 0.38) by tools/train-colorize-model.sh on the
// photos of several Debian packages, never on the four the demo shows (committed under
// resources/models/colorize; the photos in resources/models/README.md).
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

QString builtInColorizerName(); // "eccv16-photos"

// The built-in name or an existing weights file → its path; empty + `error` otherwise.
QString resolveColorizer(const QString &nameOrPath, QString *error);

// A line for the UI: which network, how wide, which global features it uses.
QString describeColorizer(const QString &nameOrPath, const QString &architecture, int widthDivisor, const QString &globalFeatures);

// The demo's photos from opencv-doc that training held out; those that exist on this machine.
QStringList colorizeDemoPhotos();
QString opencvSamplesFolder();

} // namespace periscope::app
