// SPDX-License-Identifier: GPL-3.0-or-later
// Molecule files through RDKit: the first byte picks the reader (SMILES list, SD file, CSV
// table), the rest is the file; the SMILES of every molecule read is parsed again on its own.
#include "FuzzSupport.h"

#include "engine/chem/molecules/Molecule.h"
#include "engine/chem/molecules/MoleculeFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const char *suffixes[] = {".smi", ".sdf", ".csv"};
    const std::string path = periscope::fuzz::writeInput(data + 1, size - 1, suffixes[data[0] % 3]);
    periscope::fuzz::expectOnlyOurErrors([&] {
        for (const periscope::chem::Molecule &m : periscope::chem::readMolecules(path).molecules)
            periscope::fuzz::expectOnlyOurErrors([&] { periscope::chem::moleculeFromSmiles(m.smiles); });
    });
    periscope::fuzz::expectOnlyOurErrors(
        [&] { periscope::chem::moleculeFromSmiles(std::string(reinterpret_cast<const char *>(data + 1), size - 1)); });
    return 0;
}
