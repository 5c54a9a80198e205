// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/ImageInputs.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace periscope::app {

bool isImageFile(const QString &path)
{
    static const QStringList suffixes = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("tif"),
                                         QStringLiteral("tiff"), QStringLiteral("webp"), QStringLiteral("bmp")};
    const QFileInfo file(path);
    return file.isFile() && suffixes.contains(file.suffix().toLower());
}

QStringList imageFilesIn(const QString &folder)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        if (const QString path = it.next(); isImageFile(path))
            found << path;
    found.sort();
    return found;
}

QStringList inputsAfterOpening(const QStringList &current, const QString &path)
{
    const QString opened = QFileInfo(path).absoluteFilePath();
    bool allFiles = QFileInfo(path).isFile();
    for (const QString &p : current)
        allFiles = allFiles && QFileInfo(p).isFile();
    if (!allFiles)
        return {opened};
    return current.contains(opened) ? current : current + QStringList{opened};
}

} // namespace periscope::app
