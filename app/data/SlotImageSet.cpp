// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/SlotImageSet.h"

#include "app/data/ImageInputs.h"

#include "engine/core/errors/Error.h"
#include "engine/media/image/ImageFile.h"
#include "app/figures/ImageConversion.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>

namespace periscope::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("periscope::app", text);
}

// 8-bit RGB whatever the file held (gray, alpha, 16-bit), through the widgets' conversion.
Image rgbOf(const media::ImageFile &file)
{
    const Image &p = file.pixels;
    if (p.format() == PixelFormat::UInt8 && p.channels() == 3)
        return p;
    return fromQImage(toQImage(p).convertToFormat(QImage::Format_RGB888));
}

} // namespace

void decodeSlotImage(SlotImage &image, QString *warning)
{
    // Without a mask the slots see only a centre square at their resolution (at most 256 px) and
    // the views show 256 px: a large photo is decoded reduced, JPEG at the reduced size directly.
    // A mask must match its image pixel for pixel, so images with masks are read whole.
    constexpr int kShortSideNeeded = 512;
    image.image = rgbOf(media::readImage(image.imagePath.toStdString(), image.maskPath.isEmpty() ? kShortSideNeeded : 0));
    if (image.maskPath.isEmpty())
        return;
    try {
        const media::ImageFile mask = media::readImage(image.maskPath.toStdString());
        if (mask.pixels.width() != image.image.width() || mask.pixels.height() != image.image.height())
            throw Error("its size differs from the image's");
        Image ids(mask.pixels.width(), mask.pixels.height(), 1, PixelFormat::UInt8);
        for (int y = 0; y < ids.height(); ++y)
            for (int x = 0; x < ids.width(); ++x)
                ids.setSample(x, y, 0, mask.pixels.sample(x, y, 0));
        image.mask = ids;
    } catch (const std::exception &e) {
        image.maskPath.clear();
        if (warning)
            *warning = tr("mask of %1 ignored: %2").arg(image.imagePath, QString::fromUtf8(e.what()));
    }
}

bool isSceneFolder(const QString &folder)
{
    const QDir dir(folder);
    if (dir.exists(QStringLiteral("scenes.json")))
        return true;
    const QDir scenesDir(dir.filePath(QStringLiteral("scenes")));
    return scenesDir.exists() && !scenesDir.entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty();
}

SlotImageSet loadSlotImages(const QStringList &inputs, const JobControl &job, bool decode)
{
    SlotImageSet set;
    std::vector<std::pair<QString, scenes::SceneEntry>> wanted; // path, scene (empty for plain images)
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (info.isDir() && isSceneFolder(input)) {
            const scenes::SceneFolder folder = scenes::readSceneFolder(input.toStdString(), {}, job);
            set.sceneFolder = true;
            if (!folder.note.empty())
                set.warnings << QString::fromStdString(folder.note);
            for (const scenes::SceneEntry &entry : folder.scenes)
                wanted.emplace_back(QString::fromStdString(entry.imagePath), entry);
        } else if (info.isDir()) {
            for (const QString &path : imageFilesIn(input))
                wanted.emplace_back(path, scenes::SceneEntry{});
        } else if (info.isFile()) {
            wanted.emplace_back(input, scenes::SceneEntry{});
        } else {
            throw Error(input.toStdString() + (QFileInfo::exists(input) ? ": not a regular file or folder (a FIFO, socket or device)"
                                                                         : ": no such file or folder"));
        }
    }
    bool allMasks = true;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        job.throwIfCancelled();
        const auto &[path, scene] = wanted[i];
        SlotImage image;
        image.imagePath = path;
        image.name = QFileInfo(path).completeBaseName();
        image.maskPath = QString::fromStdString(scene.maskPath);
        image.objects = scene.objects;
        if (decode) {
            QString warning;
            try {
                decodeSlotImage(image, &warning);
            } catch (const std::exception &e) {
                set.warnings << tr("%1 skipped: %2").arg(path, QString::fromUtf8(e.what()));
                continue;
            }
            if (!warning.isEmpty())
                set.warnings << warning;
        }
        allMasks = allMasks && !image.maskPath.isEmpty();
        set.images.push_back(std::move(image));
        job.reportProgress(double(i + 1) / double(wanted.size()));
    }
    if (set.images.empty())
        throw Error(wanted.empty() ? "no images in " + inputs.join(QStringLiteral(", ")).toStdString()
                                   : "none of the " + std::to_string(wanted.size()) + " images could be read");
    set.hasMasks = allMasks;
    return set;
}

} // namespace periscope::app
