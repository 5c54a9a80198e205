// SPDX-License-Identifier: GPL-3.0-or-later
// The graph networks Periscope ships (trained by tools/train-graph-models.sh, committed under
// resources/models/graphs): "infection" (InfectionGN, sum aggregation), "esol" (SolubilityGN on
// RDKit's ESOL estimate of the built-in molecules) and "logp" (SolubilityGN on Crippen logP).
#pragma once

#include <QString>
#include <QStringList>

namespace periscope::app {

QStringList builtInGraphModelNames();

// The folder holding them: $PERISCOPE_MODELS_DIR/graphs, then <bin>/../share/periscope/models/graphs
// (installed), then the source tree's resources/models/graphs (a build tree). Empty when none exists.
QString builtInGraphModelsFolder();

// `nameOrPath` an existing file: itself. A built-in name: its weights file. Otherwise empty and
// `error` says why in one line.
QString resolveGraphModel(const QString &nameOrPath, QString *error);

} // namespace periscope::app
