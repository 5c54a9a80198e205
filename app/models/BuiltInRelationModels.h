// SPDX-License-Identifier: GPL-3.0-or-later
// The relations model Periscope ships: "relations-scenes", the ws-vrd relational network with a
// small CNN, trained by tools/train-relations-model.sh on scenes the generator draws with
// selective predicates (committed under resources/models/relations).
#pragma once

#include <QString>

namespace periscope::app {

QString builtInRelationModelName(); // "relations-scenes"

// The built-in name or an existing weights file -> its path; empty + `error` otherwise.
QString resolveRelationModel(const QString &nameOrPath, QString *error);

} // namespace periscope::app
