// SPDX-License-Identifier: GPL-3.0-or-later
// Molecules for the Graph attribution workspace, through RDKit: parsing (SMILES, SDF, CSV),
// the featurisation of Baldassarre & Azizpour (ICML-W 2019), targets RDKit computes (Crippen
// logP with its per-atom contributions, Delaney's ESOL estimate), and coordinates for drawing.
// No Qt, no torch headers: the graph itself is plain arrays (graphs::GraphData).
#pragma once

#include "engine/core/json/Json.h"
#include "engine/graphs/GraphData.h"
#include "engine/graphs/GraphTraining.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace periscope::chem {

// The paper's node features: degree, total H count, implicit valence, then a one-hot over these
// 44 symbols in this order. As in its pandas code, a symbol outside the list (and "Unknown"
// itself, which no atom is called) leaves the one-hot all zero.
inline constexpr int kNodeFeatureCount = 47;
// Edge features: conjugated ±1, in ring ±1, one-hot single/double/triple/aromatic (other bond
// types all zero). Every bond is two edges, begin→end then end→begin.
inline constexpr int kEdgeFeatureCount = 6;
const std::vector<std::string> &featureSymbols();
std::vector<std::string> nodeFeatureNames(); // 47 names, for tables and heatmaps
std::vector<std::string> edgeFeatureNames(); // 6

struct MoleculeBond {
    int begin = 0, end = 0;
    double order = 1.0; // 1, 2, 3, or 1.5 for aromatic
    bool aromatic = false, conjugated = false, inRing = false;
};

struct RdkitMolecule; // the parsed RDKit molecule, kept for depiction and 3-D embedding

struct Molecule {
    std::string name;
    std::string smiles; // canonical, as RDKit writes it
    std::vector<std::string> atomSymbols;
    std::vector<int> atomCharges;
    std::vector<int> atomHydrogens;
    std::vector<bool> atomAromatic;
    std::vector<MoleculeBond> bonds;
    graphs::GraphData graph; // the paper's featurisation, atoms in RDKit's order

    // Wildman-Crippen logP contribution of each heavy atom together with its hydrogens (so they
    // sum to RDKit's MolLogP): the ground truth that atom relevance for logP is scored against.
    std::vector<double> crippenContributions;
    double logP = 0.0;
    double molecularWeight = 0.0;
    int rotatableBonds = 0;
    double aromaticProportion = 0.0; // aromatic heavy atoms / heavy atoms
    double esolEstimate = 0.0;       // Delaney (2004): log solubility in mol/L

    std::optional<double> target; // a measured value read from a CSV column

    std::shared_ptr<const RdkitMolecule> rdkit;
    int numAtoms() const { return int(atomSymbols.size()); }
};

// Delaney's ESOL equation: logS = 0.16 - 0.63 clogP - 0.0062 MW + 0.066 RB - 0.74 AP.
double esolEquation(double logP, double molecularWeight, int rotatableBonds, double aromaticProportion);

// Bounds on what a molecule from outside may be: the graph explanations grow faster than
// linearly with the atoms (1,000 carbons take 2 s, 2,000 take 14 s), and no molecule these
// models were trained on comes near (ESOL's largest has 32 heavy atoms).
constexpr std::size_t kMaxSmilesLength = 2000;
constexpr int kMaxMoleculeAtoms = 500;

// Throws periscope::Error ("invalid SMILES '...': reason") when RDKit cannot read or sanitise it,
// when it is longer than kMaxSmilesLength or holds a line break or another control character (a
// SMILES is one line: "CC\nO" is refused, not read as "CC"), or when the molecule has more than
// kMaxMoleculeAtoms heavy atoms.
Molecule moleculeFromSmiles(const std::string &smiles, const std::string &name = {});

// 2-D depiction coordinates (RDKit's depictor), one point per atom, in Ångström-like units.
std::vector<std::array<double, 2>> depictionCoordinates(const Molecule &molecule);

// A 3-D conformer: hydrogens added, ETKDGv3 embedding from `seed`, MMFF94 optimisation (UFF when
// MMFF has no parameters). Hydrogens come after the heavy atoms; `heavyAtom` maps each atom to
// the heavy atom it is (or is bonded to), so relevance can colour hydrogens with their parent.
struct Conformer3d {
    std::string smiles; // of the molecule embedded: a view shows a conformer only beside its molecule
    std::vector<std::string> symbols;
    std::vector<std::array<double, 3>> positions;
    std::vector<int> heavyAtom;
    std::vector<MoleculeBond> bonds;
    bool optimised = false;
};
Conformer3d embedMolecule3d(const Molecule &molecule, unsigned seed = 42);

// What a molecule model learns to predict: RDKit's estimates (available for any molecule) or the
// value read from a CSV column.
enum class MoleculeTarget { Esol, LogP, Measured };
MoleculeTarget parseMoleculeTarget(const std::string &name); // "esol", "logp", "measured"
std::string moleculeTargetKey(MoleculeTarget target);
double targetValue(const Molecule &molecule, MoleculeTarget target); // throws when Measured is absent

// Training examples for a SolubilityGN; throws naming the first molecule without a measured value.
std::vector<graphs::GraphExample> moleculeExamples(const std::vector<Molecule> &molecules, MoleculeTarget target);

// What explain-graph's JSON says about a molecule: name, SMILES, atoms, bonds, RDKit's targets and
// the per-atom Crippen contributions and 2-D depiction coordinates, in atom order.
json::Value moleculeJson(const Molecule &molecule);

} // namespace periscope::chem
