// SPDX-License-Identifier: GPL-3.0-or-later
// Where the models Periscope ships live (resources/models/<family> in the source tree, installed
// to share/periscope/models/<family>), for every workspace that ships some.
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

// The folder holding every family and the catalogue: $PERISCOPE_MODELS_DIR, then
// <bin>/../share/periscope/models (installed), then the source tree's resources/models; the first
// that holds `probeFile` (a path relative to it). Empty when none does.
QString builtInModelsRoot(const QString &probeFile);

// The folder of one family ("graphs", "colorize"): $PERISCOPE_MODELS_DIR/<family>, then
// <bin>/../share/periscope/models/<family> (installed), then the source tree's
// resources/models/<family> (a build tree); the first that holds `probeFile`. Empty when none does.
QString builtInModelsFolder(const QString &family, const QString &probeFile);
// The built-in data folder scenes/<name> beside the models (share/periscope/scenes installed,
// resources/scenes in a build tree), found through the family's model NAME.safetensors; empty
// when either is missing.
QString builtInScenesFolder(const QString &family, const QString &modelName, const QString &name);

// `nameOrPath` an existing file: itself. One of `names` (files NAME.safetensors of the family):
// its path. Otherwise empty and `error` says why in one line.
QString resolveBuiltInModel(const QString &family, const QStringList &names, const QString &nameOrPath, QString *error);

} // namespace periscope::app
