// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to engine/chem (includes RDKit): what Molecule.cpp and MoleculeFiles.cpp share.
#pragma once

#include "engine/chem/molecules/Molecule.h"

#include <GraphMol/ROMol.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>

namespace periscope::chem {

struct RdkitMolecule {
    std::unique_ptr<RDKit::ROMol> mol;
};

namespace detail {

// RDKit's own logging off (once): its messages become our exceptions and warnings.
void quietRdkit();
// A parsed, sanitised RDKit molecule as a Molecule: featurised, with RDKit's targets.
Molecule describe(std::unique_ptr<RDKit::ROMol> mol, const std::string &name);

inline std::string trimmed(const std::string &text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

inline std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

} // namespace detail
} // namespace periscope::chem
