// SPDX-License-Identifier: GPL-3.0-or-later
// What the Relations workspace and `periscope-cli relations` open, as one relations dataset: a
// dataset folder (scenes, VRD, HICO-DET), or image files whose objects come from elsewhere (a
// detections file, or boxes drawn by hand in the workspace).
#pragma once

#include "engine/relations/RelationDatasets.h"
#include "engine/relations/RelationModel.h"

#include <QString>
#include <QStringList>

namespace periscope::app {

// One folder is read in its layout (`split` for VRD and HICO-DET); image files make a dataset of
// kind "images" with the model's classes and no objects. Throws periscope::Error with a one-line
// reason (a folder among several inputs, a missing file, a folder without a known layout).
relations::RelationDataset relationInputDataset(const QStringList &inputs, const QString &split,
                                                const relations::RelationModelInfo &model, const JobControl &job = {});

// Whether `folder` is laid out for relations: VRD, HICO-DET, or scenes drawn with
// `scenes --relations` (their manifest says so). Plain scene folders are the Slots workspace's,
// though readRelationDataset reads them too.
bool isRelationFolder(const QString &folder);
// Scenes drawn with `scenes --relations`.
bool isRelationSceneFolder(const QString &folder);

} // namespace periscope::app
