// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace periscope::widgets {

QString vtkVersion();
QString qcustomplotVersion();

} // namespace periscope::widgets
