// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake workspace's detectors by name: the built-in one (when this installation has it),
// those of the catalogue that were added or downloaded, or a weights file.
#pragma once

#include <QString>

namespace periscope::app {

// "deepfake-selfblend-b0": EfficientNet-B0 trained by tools/train-deepfake-model.sh on real and
// self-blended clips of opencv-doc's footage (resources/models/deepfake).
QString builtInDeepfakeModelName();

// A file: itself; a catalogue or built-in name: its file. Empty and *error (one line) otherwise.
QString resolveDeepfakeModel(const QString &nameOrPath, QString *error);

} // namespace periscope::app
