// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/BuiltInColorizers.h"

#include "app/models/BuiltInModels.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace periscope::app {

QString builtInColorizerName()
{
    return QStringLiteral("eccv16-photos");
}

QString resolveColorizer(const QString &nameOrPath, QString *error)
{
    return resolveBuiltInModel(QStringLiteral("colorize"), {builtInColorizerName()}, nameOrPath, error);
}

QString describeColorizer(const QString &nameOrPath, const QString &architecture, int widthDivisor, const QString &globalFeatures)
{
    // "periscope::app": the context lupdate records for these tr() calls in the namespace.
    const auto tr = [](const char *text) { return QCoreApplication::translate("periscope::app", text); };
    QString network;
    if (architecture == QLatin1String("eccv16"))
        network = widthDivisor > 1 ? tr("Zhang et al. ECCV 2016, channels 1/%1").arg(widthDivisor) : tr("Zhang et al. ECCV 2016");
    else if (architecture == QLatin1String("siggraph17"))
        network = tr("Zhang et al. SIGGRAPH 2017 (automatic)");
    else if (globalFeatures == QLatin1String("inception-resnet-v2"))
        network = widthDivisor > 1 ? tr("Deep Koalarization, channels 1/%1, global features from Inception-ResNet-v2").arg(widthDivisor)
                                   : tr("Deep Koalarization, global features from Inception-ResNet-v2 (as published)");
    else if (widthDivisor > 1)
        network = tr("Deep Koalarization, channels 1/%1, global features from its jointly trained branch (no Inception-ResNet-v2)")
                      .arg(widthDivisor);
    else
        network = tr("Deep Koalarization, global features from its jointly trained branch (no Inception-ResNet-v2)");
    if (nameOrPath == builtInColorizerName())
        return tr("Built-in: %1, trained on photos Debian ships").arg(network);
    return tr("%1 (%2)").arg(network, QFileInfo(nameOrPath).fileName());
}

QString opencvSamplesFolder()
{
    return QStringLiteral("/usr/share/doc/opencv-doc/examples/data");
}

QStringList colorizeDemoPhotos()
{
    // Held out of the built-in model's training (tools/train-colorize-model.sh).
    QStringList photos;
    for (const char *name : {"fruits.jpg", "baboon.jpg", "squirrel_cls.jpg", "butterfly.jpg"}) {
        const QString path = QDir(opencvSamplesFolder()).filePath(QString::fromLatin1(name));
        if (QFileInfo(path).isFile())
            photos << path;
    }
    return photos;
}

} // namespace periscope::app
