// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/versions/WidgetVersions.h"

#include <qcustomplot.h>
#include <vtkVersion.h>

namespace periscope::widgets {

QString vtkVersion()
{
    return QString::fromLatin1(vtkVersion::GetVTKVersion());
}

QString qcustomplotVersion()
{
    return QStringLiteral(QCUSTOMPLOT_VERSION_STR);
}

} // namespace periscope::widgets
