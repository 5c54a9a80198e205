// SPDX-License-Identifier: GPL-3.0-or-later
// The open-vocabulary model Periscope ships: "openvocab-scenes-small", the small dino.txt trained
// by tools/train-openvocab-model.sh on generated scenes over the built-in Slots ViT (committed
// under resources/models/open-vocabulary), and how a small model's file finds its backbone.
#pragma once

#include <QString>

namespace periscope::app {

QString builtInOpenVocabModelName(); // "openvocab-scenes-small"

// The built-in name or an existing small model's weights file -> its path; empty + `error`
// otherwise.
QString resolveOpenVocabModel(const QString &nameOrPath, QString *error);

// The Slots model a small dino.txt names as its backbone: a built-in Slots model's name, or a
// plain file name looked up in the weights' own folder (never a path: a file's contents do not
// choose where we read). Empty + `error` when it cannot be found or the weights name none.
QString smallOpenVocabBackbone(const QString &weightsPath, QString *error);

} // namespace periscope::app
