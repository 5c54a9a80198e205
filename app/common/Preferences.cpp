// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/Preferences.h"

#include "app/common/ApplicationIdentity.h"

#include <QSettings>
#include <QStandardPaths>

namespace periscope::app {


QString Preferences::defaultModelsFolder()
{
    return periscopeDataFolder(QStringLiteral("models"));
}

QString Preferences::defaultDatasetsFolder()
{
    return periscopeDataFolder(QStringLiteral("datasets"));
}

QStringList Preferences::colormaps()
{
    return {QStringLiteral("viridis"), QStringLiteral("magma"), QStringLiteral("turbo"),
            QStringLiteral("jet"), QStringLiteral("coolwarm"), QStringLiteral("bwr")};
}

QStringList Preferences::languages()
{
    return {QStringLiteral("en"), QStringLiteral("sv"), QStringLiteral("it")};
}

Preferences Preferences::load()
{
    QSettings settings;
    Preferences p;
    auto pick = [](const QString &value, const QStringList &allowed, const QString &fallback) {
        return allowed.contains(value) ? value : fallback;
    };
    p.device = pick(settings.value(QStringLiteral("compute/device"), p.device).toString(), devices(), p.device);
    p.cpuThreads = qBound(0, settings.value(QStringLiteral("compute/threads"), 0).toInt(), 1024);
    p.maxImageMegapixels = qBound(1, settings.value(QStringLiteral("input/maxImageMegapixels"), p.maxImageMegapixels).toInt(),
                                  kLargestMaxImageMegapixels);
    p.precision = pick(settings.value(QStringLiteral("compute/precision"), p.precision).toString(),
                       precisions(), p.precision);
    p.colormap = pick(settings.value(QStringLiteral("view/colormap"), p.colormap).toString(),
                      colormaps(), p.colormap);
    p.language = settings.value(QStringLiteral("ui/language")).toString();
    p.modelsFolder = settings.value(QStringLiteral("storage/models"), defaultModelsFolder()).toString();
    p.datasetsFolder = settings.value(QStringLiteral("storage/datasets"), defaultDatasetsFolder()).toString();
    p.autosaveMinutes = qBound(0, settings.value(QStringLiteral("project/autosaveMinutes"), 3).toInt(), 120);
    p.explanationCacheMegabytes = qBound(0, settings.value(QStringLiteral("storage/explanationCacheMegabytes"), p.explanationCacheMegabytes).toInt(),
                                         kLargestExplanationCacheMegabytes);
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("compute/device"), device);
    settings.setValue(QStringLiteral("compute/threads"), cpuThreads);
    settings.setValue(QStringLiteral("input/maxImageMegapixels"), maxImageMegapixels);
    settings.setValue(QStringLiteral("compute/precision"), precision);
    settings.setValue(QStringLiteral("view/colormap"), colormap);
    settings.setValue(QStringLiteral("ui/language"), language);
    settings.setValue(QStringLiteral("storage/models"), modelsFolder);
    settings.setValue(QStringLiteral("storage/datasets"), datasetsFolder);
    settings.setValue(QStringLiteral("project/autosaveMinutes"), autosaveMinutes);
    settings.setValue(QStringLiteral("storage/explanationCacheMegabytes"), explanationCacheMegabytes);
}

} // namespace periscope::app
