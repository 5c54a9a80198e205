// SPDX-License-Identifier: GPL-3.0-or-later
// The slot model Periscope ships: "slots-scenes-small", the small preset trained by
// tools/train-slots-model.sh on scenes the generator draws (committed under
// resources/models/slots).
#pragma once

#include <QString>

namespace periscope::app {

QString builtInSlotModelName(); // "slots-scenes-small"

// The built-in name or an existing weights file -> its path; empty + `error` otherwise.
QString resolveSlotModel(const QString &nameOrPath, QString *error);

} // namespace periscope::app
