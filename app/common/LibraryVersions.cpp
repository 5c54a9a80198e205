// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/LibraryVersions.h"

#include "engine/chem/version/ChemVersions.h"
#include "engine/core/device/Device.h"
#include "engine/media/version/MediaVersions.h"
#include "engine/scenes/SceneRenderer.h"

#include <QtGlobal>

namespace periscope::app {

QList<LibraryVersion> libraryVersions()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("LibTorch"), QString::fromStdString(periscope::torchVersion()) +
                                         (periscope::torchBuiltWithCuda()
                                              ? QStringLiteral(" (CUDA %1)").arg(QString::fromStdString(periscope::cudaBuildVersion()))
                                              : QStringLiteral(" (CPU)"))},
        {QStringLiteral("OpenCV"), QString::fromStdString(periscope::media::openCvVersion())},
        {QStringLiteral("FFmpeg"), QString::fromStdString(periscope::media::ffmpegVersion())},
        {QStringLiteral("VTK"), QString::fromStdString(periscope::scenes::vtkVersion())},
        {QStringLiteral("RDKit"), QString::fromStdString(periscope::chem::rdkitVersion())},
        {QStringLiteral("QCustomPlot"), QStringLiteral(PERISCOPE_QCUSTOMPLOT_VERSION)},
    };
}

QJsonObject libraryVersionsJson()
{
    QJsonObject json;
    for (const LibraryVersion &library : libraryVersions())
        json.insert(library.name, library.version);
    return json;
}

} // namespace periscope::app
