// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/data/RelationInputs.h"

#include "engine/core/errors/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace periscope::app {

relations::RelationDataset relationInputDataset(const QStringList &inputs, const QString &split,
                                                const relations::RelationModelInfo &model, const JobControl &job)
{
    if (inputs.size() == 1 && QFileInfo(inputs.front()).isDir())
        return relations::readRelationDataset(inputs.front().toStdString(), split.toStdString(), job);
    relations::RelationDataset d;
    d.kind = "images";
    d.objectClasses = model.objectClasses;
    d.predicateClasses = model.predicateClasses;
    d.subjectClasses = model.subjectClasses;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (info.isDir())
            throw Error(input.toStdString() + ": give one dataset folder, or image files");
        if (!info.isFile())
            throw Error(input.toStdString() + ": no such file");
        relations::RelationImage image;
        image.name = info.fileName().toStdString();
        image.imagePath = info.absoluteFilePath().toStdString();
        d.images.push_back(image);
    }
    return d;
}

bool isRelationSceneFolder(const QString &folder)
{
    QFile manifest(QDir(folder).filePath(QStringLiteral("manifest.json")));
    constexpr qint64 kMaxManifest = 1 << 20; // a manifest is a few hundred bytes
    if (manifest.size() > kMaxManifest || !manifest.open(QIODevice::ReadOnly))
        return false;
    const QJsonDocument document = QJsonDocument::fromJson(manifest.readAll());
    return document.object().value(QStringLiteral("format")).toString() == QLatin1String("periscope-scenes")
           && document.object().value(QStringLiteral("relations")).isObject();
}

bool isRelationFolder(const QString &folder)
{
    if (!QFileInfo(folder).isDir())
        return false;
    const std::string kind = relations::recogniseRelationFolder(folder.toStdString());
    return kind == "vrd" || kind == "hico-det" || (kind == "scenes" && isRelationSceneFolder(folder));
}

} // namespace periscope::app
