// SPDX-License-Identifier: GPL-3.0-or-later
// The images the Slots workspace and the slots / train-slots commands work on: a scene folder
// (generated here or CLEVR's, engine/scenes/SceneFolder.h) with its masks and object attributes,
// a plain folder of images, or single image files. Decoding happens here, off the UI thread.
#pragma once

#include "engine/core/image/Image.h"
#include "engine/core/jobs/JobControl.h"
#include "engine/scenes/SceneFolder.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace periscope::app {

struct SlotImage {
    QString name;      // the file name without its suffix
    QString imagePath;
    QString maskPath;  // empty without a mask
    Image image;       // 8-bit RGB (null when listed without decoding)
    Image mask;        // 8-bit instance ids (0 background); null without a mask or decoding
    std::vector<scenes::SceneObjectAttributes> objects; // from the scene JSON; empty otherwise
};

struct SlotImageSet {
    std::vector<SlotImage> images;
    bool sceneFolder = false;  // read through a scene JSON
    bool hasMasks = false;     // every image has its mask
    QStringList warnings;      // unreadable files (skipped) and the scene folder's note
};

// `inputs`: image files and folders; a folder with a scene JSON is read as scenes, any other
// folder for its images (recursively). With `decode`, every image (and mask) is read and
// unreadable ones are skipped with a warning; without, only the list is made. Throws
// periscope::Error when nothing remains, CancelledError when cancelled.
SlotImageSet loadSlotImages(const QStringList &inputs, const JobControl &job = {}, bool decode = true);

// Reads one listed image (8-bit RGB) and its mask (when it has one) into `image`; throws
// periscope::Error naming the file when the image cannot be read. A mask that does not fit is
// dropped and `warning` says why.
void decodeSlotImage(SlotImage &image, QString *warning = nullptr);

// True when `folder` holds a scene JSON readSceneFolder understands.
bool isSceneFolder(const QString &folder);

} // namespace periscope::app
