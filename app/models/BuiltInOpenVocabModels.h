// SPDX-License-Identifier: GPL-3.0-or-later
// The open-vocabulary model Periscope ships: "openvocab-scenes-small", the small dino.txt trained
// by tools/train-openvocab-model.sh on generated scenes over the built-in Slots ViT (committed
// under resources/models/open-vocabulary), and how a small model's file finds its backbone.
#pragma once

#include "engine/core/jobs/JobControl.h"
#include "engine/openvocab/OpenVocabModel.h"

#include <QString>

#include <memory>

namespace periscope::app {

QString builtInOpenVocabModelName(); // "openvocab-scenes-small"

// The built-in name or an existing small model's weights file -> its path; empty + `error`
// otherwise.
QString resolveOpenVocabModel(const QString &nameOrPath, QString *error);

// The Slots model a small dino.txt names as its backbone: a built-in Slots model's name, or a
// plain file name looked up in the weights' own folder (never a path: a file's contents do not
// choose where we read). Empty + `error` when it cannot be found or the weights name none.
QString smallOpenVocabBackbone(const QString &weightsPath, QString *error);

// The released dino.txt by its catalogue name: its four files are the catalogue's entries
// dinov2-vitl14-reg4, dinotxt-vitl14-reg4-vision-head, dinotxt-vitl14-reg4-text-encoder and
// clip-bpe-vocabulary (periscope-cli models fetch, or Edit > Models).
QString releasedOpenVocabModelName(); // "dinotxt-vitl14-reg4"

// Loads what `model` names, for the CLI and the workspace alike:
// - the built-in name, or a small dino.txt's .safetensors (with the Slots model it names);
// - the released model's name: the catalogue's four files;
// - a folder holding dino.txt's files, or one of those files (its folder is read).
// A file set in `overrides` replaces the one found. Throws periscope::Error saying what is
// missing and how to get it; CancelledError when cancelled.
std::shared_ptr<openvocab::OpenVocabModel> loadOpenVocabModel(const QString &model, const openvocab::OpenVocabFiles &overrides = {},
                                                              const openvocab::OpenVocabLoadOptions &options = {}, const JobControl &job = {});

} // namespace periscope::app
