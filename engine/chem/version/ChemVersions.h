// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace periscope::chem {

std::string rdkitVersion(); // "2022.09.4"

} // namespace periscope::chem
