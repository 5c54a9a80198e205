// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/chem/version/ChemVersions.h"

#include <RDGeneral/versions.h>

namespace periscope::chem {

std::string rdkitVersion()
{
    return RDKit::rdkitVersion;
}

} // namespace periscope::chem
