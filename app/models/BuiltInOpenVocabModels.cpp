// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInOpenVocabModels.h"

#include "app/models/BuiltInModels.h"
#include "app/models/BuiltInSlotModels.h"

#include "engine/openvocab/OpenVocabModel.h"

#include <QDir>
#include <QFileInfo>

namespace periscope::app {

QString builtInOpenVocabModelName()
{
    return QStringLiteral("openvocab-scenes-small");
}

QString resolveOpenVocabModel(const QString &nameOrPath, QString *error)
{
    return resolveBuiltInModel(QStringLiteral("open-vocabulary"), {builtInOpenVocabModelName()}, nameOrPath, error);
}

QString smallOpenVocabBackbone(const QString &weightsPath, QString *error)
{
    std::string named;
    try {
        named = openvocab::OpenVocabModel::smallModelBackbone(weightsPath.toStdString());
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return {};
    }
    const QString name = QString::fromStdString(named);
    if (name.isEmpty()) {
        *error = QStringLiteral("%1 is not a small dino.txt trained here (its metadata names no backbone)").arg(weightsPath);
        return {};
    }
    if (name == builtInSlotModelName())
        return resolveSlotModel(name, error);
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name == QLatin1String("..") || name == QLatin1String(".")) {
        *error = QStringLiteral("%1 names its backbone \"%2\": only a file name beside it is read").arg(weightsPath, name);
        return {};
    }
    const QString beside = QFileInfo(weightsPath).absoluteDir().filePath(name);
    if (!QFileInfo(beside).isFile()) {
        *error = QStringLiteral("%1 was trained on the Slots model %2, which is not beside it").arg(weightsPath, name);
        return {};
    }
    return beside;
}

} // namespace periscope::app
