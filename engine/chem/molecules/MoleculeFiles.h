// SPDX-License-Identifier: GPL-3.0-or-later
// Molecule files for the Graph attribution workspace: SD files, CSV (chosen SMILES and target
// columns), .smi lists and rdkit-data's NCI set. Each skips what it cannot read with a warning
// naming the record or line, and fails only when nothing could be read. No Qt, no torch headers.
#pragma once

#include "engine/chem/molecules/Molecule.h"
#include "engine/core/jobs/JobControl.h"

#include <string>
#include <vector>

namespace periscope::chem {

struct MoleculeSet {
    std::vector<Molecule> molecules;
    std::vector<std::string> warnings; // one line per skipped record or row
};

// Every record of an SD file; a record RDKit cannot read is skipped with a warning naming it.
// Throws periscope::Error when the file cannot be opened or holds no molecule at all.
MoleculeSet readSdf(const std::string &path, const JobControl &job = {});

// A CSV with a header row ('#' lines before it are comments). `smilesColumn` empty: the column
// named "smiles" (any case); `targetColumn` empty: no target. Rows whose SMILES fails or whose
// target is not a number are skipped with a warning. Throws when a named column is missing.
MoleculeSet readMoleculeCsv(const std::string &path, const std::string &smilesColumn = {}, const std::string &targetColumn = {},
                            const JobControl &job = {});

// The column names of a CSV file's header row ('#' comment lines before it skipped), to choose
// the SMILES and target columns. Throws when the file cannot be read or has no header.
std::vector<std::string> csvColumns(const std::string &path);

// A .smi file: "SMILES [name]" per line, '#' comments.
MoleculeSet readSmilesFile(const std::string &path, const JobControl &job = {});

// By suffix: .sdf/.sd/.mol → SD file, .csv → CSV, anything else → SMILES lines.
MoleculeSet readMolecules(const std::string &path, const std::string &smilesColumn = {}, const std::string &targetColumn = {},
                          const JobControl &job = {});

// rdkit-data's NCI set (SMILES,TPSA rows after '#' comments): the built-in molecules. At most
// `limit` molecules (0: all). Throws when the file is missing (package rdkit-data).
std::string defaultNciPath();
MoleculeSet readNciMolecules(const std::string &path, std::size_t limit = 0, const JobControl &job = {});

} // namespace periscope::chem
