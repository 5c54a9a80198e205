// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/chem/molecules/Molecule.h"

#include "engine/chem/molecules/MoleculeDetail.h"
#include "engine/core/errors/Error.h"

#include <GraphMol/Depictor/RDDepictor.h>
#include <GraphMol/Descriptors/Crippen.h>
#include <GraphMol/Descriptors/Lipinski.h>
#include <GraphMol/Descriptors/MolDescriptors.h>
#include <GraphMol/DistGeomHelpers/Embedder.h>
#include <GraphMol/ForceFieldHelpers/MMFF/MMFF.h>
#include <GraphMol/ForceFieldHelpers/UFF/UFF.h>
#include <GraphMol/GraphMol.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/SanitException.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <RDGeneral/RDLog.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace periscope::chem {

// RDKit reports parse and sanitisation problems on stderr through its loggers; here they become
// exceptions and warnings with our own wording, so its logs are switched off once per process.
void detail::quietRdkit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        RDLog::InitLogs();
        boost::logging::disable_logs("rdApp.error");
        boost::logging::disable_logs("rdApp.warning");
        boost::logging::disable_logs("rdApp.info");
    });
}

namespace {
int symbolIndex(const std::string &symbol)
{
    static const std::map<std::string, int> index = [] {
        std::map<std::string, int> m;
        const auto &symbols = featureSymbols();
        for (std::size_t i = 0; i < symbols.size(); ++i)
            m[symbols[i]] = int(i);
        return m;
    }();
    const auto it = index.find(symbol);
    return it == index.end() || symbol == "Unknown" ? -1 : it->second;
}

int bondTypeIndex(RDKit::Bond::BondType type)
{
    switch (type) {
    case RDKit::Bond::SINGLE: return 0;
    case RDKit::Bond::DOUBLE: return 1;
    case RDKit::Bond::TRIPLE: return 2;
    case RDKit::Bond::AROMATIC: return 3;
    default: return -1;
    }
}

double bondOrder(const RDKit::Bond &bond)
{
    switch (bond.getBondType()) {
    case RDKit::Bond::DOUBLE: return 2.0;
    case RDKit::Bond::TRIPLE: return 3.0;
    case RDKit::Bond::AROMATIC: return 1.5;
    default: return 1.0;
    }
}

// Per heavy atom, its own Crippen contribution plus its hydrogens', computed on a copy with
// explicit hydrogens as MolLogP does, so that the contributions sum to MolLogP.
std::vector<double> crippenPerHeavyAtom(const RDKit::ROMol &mol)
{
    std::unique_ptr<RDKit::ROMol> withH(RDKit::MolOps::addHs(mol));
    std::vector<double> logp(withH->getNumAtoms()), mr(withH->getNumAtoms());
    RDKit::Descriptors::getCrippenAtomContribs(*withH, logp, mr, true);
    std::vector<double> out(mol.getNumAtoms(), 0.0);
    for (const RDKit::Atom *atom : withH->atoms()) {
        int owner = int(atom->getIdx());
        if (owner >= int(mol.getNumAtoms())) { // an added hydrogen: its single neighbour owns it
            for (const RDKit::Atom *neighbour : withH->atomNeighbors(atom))
                owner = int(neighbour->getIdx());
        }
        if (owner < int(out.size()))
            out[std::size_t(owner)] += logp[atom->getIdx()];
    }
    return out;
}

} // namespace

Molecule detail::describe(std::unique_ptr<RDKit::ROMol> mol, const std::string &name)
{
    if (int(mol->getNumAtoms()) > kMaxMoleculeAtoms)
        throw Error("molecule" + (name.empty() ? std::string() : " '" + name + "'") + " has " + std::to_string(mol->getNumAtoms()) +
                    " heavy atoms, over the limit of " + std::to_string(kMaxMoleculeAtoms));
    Molecule m;
    m.name = name;
    m.smiles = RDKit::MolToSmiles(*mol);
    const int atoms = int(mol->getNumAtoms());
    if (atoms == 0)
        throw Error("the molecule has no atoms");

    graphs::GraphData &g = m.graph;
    g.nodeFeatureCount = kNodeFeatureCount;
    g.edgeFeatureCount = kEdgeFeatureCount;
    g.nodeFeatures.assign(std::size_t(atoms) * kNodeFeatureCount, 0.0f);
    int aromaticAtoms = 0;
    for (const RDKit::Atom *atom : mol->atoms()) {
        const std::size_t row = std::size_t(atom->getIdx()) * kNodeFeatureCount;
        g.nodeFeatures[row + 0] = float(atom->getDegree());
        g.nodeFeatures[row + 1] = float(atom->getTotalNumHs());
        g.nodeFeatures[row + 2] = float(atom->getImplicitValence());
        if (const int s = symbolIndex(atom->getSymbol()); s >= 0)
            g.nodeFeatures[row + 3 + std::size_t(s)] = 1.0f;
        m.atomSymbols.push_back(atom->getSymbol());
        m.atomCharges.push_back(atom->getFormalCharge());
        m.atomHydrogens.push_back(int(atom->getTotalNumHs()));
        m.atomAromatic.push_back(atom->getIsAromatic());
        aromaticAtoms += atom->getIsAromatic() ? 1 : 0;
    }
    const RDKit::RingInfo *rings = mol->getRingInfo();
    for (const RDKit::Bond *bond : mol->bonds()) {
        MoleculeBond b;
        b.begin = int(bond->getBeginAtomIdx());
        b.end = int(bond->getEndAtomIdx());
        b.order = bondOrder(*bond);
        b.aromatic = bond->getIsAromatic();
        b.conjugated = bond->getIsConjugated();
        b.inRing = rings->numBondRings(bond->getIdx()) > 0;
        m.bonds.push_back(b);
        std::array<float, kEdgeFeatureCount> features{};
        features[0] = b.conjugated ? 1.0f : -1.0f;
        features[1] = b.inRing ? 1.0f : -1.0f;
        if (const int t = bondTypeIndex(bond->getBondType()); t >= 0)
            features[2 + std::size_t(t)] = 1.0f;
        for (int direction = 0; direction < 2; ++direction) {
            g.senders.push_back(direction == 0 ? b.begin : b.end);
            g.receivers.push_back(direction == 0 ? b.end : b.begin);
            g.edgeFeatures.insert(g.edgeFeatures.end(), features.begin(), features.end());
        }
    }

    m.crippenContributions = crippenPerHeavyAtom(*mol);
    m.logP = RDKit::Descriptors::calcClogP(*mol);
    m.molecularWeight = RDKit::Descriptors::calcAMW(*mol);
    m.rotatableBonds = int(RDKit::Descriptors::calcNumRotatableBonds(*mol));
    m.aromaticProportion = double(aromaticAtoms) / double(atoms);
    m.esolEstimate = esolEquation(m.logP, m.molecularWeight, m.rotatableBonds, m.aromaticProportion);
    auto holder = std::make_shared<RdkitMolecule>();
    holder->mol = std::move(mol);
    m.rdkit = std::move(holder);
    return m;
}

const std::vector<std::string> &featureSymbols()
{
    static const std::vector<std::string> symbols = {
        "C",  "N",  "O",  "S",  "F",  "Si", "P",  "Cl", "Br", "Mg", "Na", "Ca", "Fe", "As", "Al", "I",  "B",  "V",  "K",  "Tl", "Yb", "Sb",
        "Sn", "Ag", "Pd", "Co", "Se", "Ti", "Zn", "H",  "Li", "Ge", "Cu", "Au", "Ni", "Cd", "In", "Mn", "Zr", "Cr", "Pt", "Hg", "Pb", "Unknown"};
    return symbols;
}

std::vector<std::string> nodeFeatureNames()
{
    std::vector<std::string> names = {"degree", "hydrogens", "implicit valence"};
    for (const std::string &s : featureSymbols())
        names.push_back("is " + s);
    return names;
}

std::vector<std::string> edgeFeatureNames()
{
    return {"conjugated", "in ring", "single", "double", "triple", "aromatic"};
}

double esolEquation(double logP, double molecularWeight, int rotatableBonds, double aromaticProportion)
{
    return 0.16 - 0.63 * logP - 0.0062 * molecularWeight + 0.066 * rotatableBonds - 0.74 * aromaticProportion;
}

Molecule moleculeFromSmiles(const std::string &smiles, const std::string &name)
{
    detail::quietRdkit();
    const std::string text = detail::trimmed(smiles);
    if (text.empty())
        throw Error("invalid SMILES: it is empty");
    if (text.size() > kMaxSmilesLength)
        throw Error("invalid SMILES: " + std::to_string(text.size()) + " characters, over the limit of " + std::to_string(kMaxSmilesLength));
    for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw Error(std::string("invalid SMILES: it holds a ") + (c == '\n' || c == '\r' ? "line break" : "control character") +
                        " (one molecule per SMILES)");
    std::unique_ptr<RDKit::ROMol> mol;
    try {
        mol.reset(RDKit::SmilesToMol(text));
    } catch (const RDKit::MolSanitizeException &e) {
        throw Error("invalid SMILES '" + text + "': " + e.what());
    } catch (const std::exception &e) {
        throw Error("invalid SMILES '" + text + "': " + e.what());
    }
    if (!mol)
        throw Error("invalid SMILES '" + text + "': RDKit cannot parse it");
    try {
        return detail::describe(std::move(mol), name);
    } catch (const Error &) {
        throw;
    } catch (const std::exception &e) {
        throw Error("molecule '" + text + "': " + e.what());
    }
}

std::vector<std::array<double, 2>> depictionCoordinates(const Molecule &molecule)
{
    if (!molecule.rdkit)
        throw Error("the molecule has no structure to depict");
    RDKit::ROMol copy(*molecule.rdkit->mol);
    RDDepict::compute2DCoords(copy, nullptr, true);
    const RDKit::Conformer &conformer = copy.getConformer();
    std::vector<std::array<double, 2>> out;
    for (unsigned i = 0; i < copy.getNumAtoms(); ++i) {
        const RDGeom::Point3D &p = conformer.getAtomPos(i);
        out.push_back({p.x, p.y});
    }
    return out;
}

Conformer3d embedMolecule3d(const Molecule &molecule, unsigned seed)
{
    detail::quietRdkit();
    if (!molecule.rdkit)
        throw Error("the molecule has no structure to embed");
    std::unique_ptr<RDKit::ROMol> withH(RDKit::MolOps::addHs(*molecule.rdkit->mol));
    RDKit::DGeomHelpers::EmbedParameters parameters = RDKit::DGeomHelpers::ETKDGv3;
    parameters.randomSeed = int(seed);
    if (RDKit::DGeomHelpers::EmbedMolecule(*withH, parameters) < 0) {
        parameters.useRandomCoords = true; // the fallback RDKit suggests for hard cases
        if (RDKit::DGeomHelpers::EmbedMolecule(*withH, parameters) < 0)
            throw Error("RDKit could not embed " + molecule.smiles + " in 3-D");
    }
    Conformer3d out;
    out.smiles = molecule.smiles;
    try {
        RDKit::MMFF::MMFFMolProperties properties(*withH);
        if (properties.isValid())
            out.optimised = RDKit::MMFF::MMFFOptimizeMolecule(*withH, 500).first >= 0;
        else
            out.optimised = RDKit::UFF::UFFOptimizeMolecule(*withH, 500).first >= 0;
    } catch (const std::exception &) {
        out.optimised = false; // the embedding is still a sensible geometry
    }
    const RDKit::Conformer &conformer = withH->getConformer();
    const int heavy = molecule.numAtoms();
    for (const RDKit::Atom *atom : withH->atoms()) {
        const RDGeom::Point3D &p = conformer.getAtomPos(atom->getIdx());
        out.symbols.push_back(atom->getSymbol());
        out.positions.push_back({p.x, p.y, p.z});
        int owner = int(atom->getIdx());
        if (owner >= heavy)
            for (const RDKit::Atom *neighbour : withH->atomNeighbors(atom))
                owner = int(neighbour->getIdx());
        out.heavyAtom.push_back(owner);
    }
    for (const RDKit::Bond *bond : withH->bonds())
        out.bonds.push_back({int(bond->getBeginAtomIdx()), int(bond->getEndAtomIdx()), bondOrder(*bond), bond->getIsAromatic(),
                             bond->getIsConjugated(), false});
    return out;
}

MoleculeTarget parseMoleculeTarget(const std::string &name)
{
    const std::string key = detail::lower(name);
    if (key == "esol")
        return MoleculeTarget::Esol;
    if (key == "logp")
        return MoleculeTarget::LogP;
    if (key == "measured")
        return MoleculeTarget::Measured;
    throw Error("unknown molecule target '" + name + "' (known: esol, logp, measured)");
}

std::string moleculeTargetKey(MoleculeTarget target)
{
    switch (target) {
    case MoleculeTarget::Esol: return "esol";
    case MoleculeTarget::LogP: return "logp";
    case MoleculeTarget::Measured: return "measured";
    }
    return "esol";
}

double targetValue(const Molecule &molecule, MoleculeTarget target)
{
    switch (target) {
    case MoleculeTarget::Esol: return molecule.esolEstimate;
    case MoleculeTarget::LogP: return molecule.logP;
    case MoleculeTarget::Measured:
        if (!molecule.target)
            throw Error("molecule " + (molecule.name.empty() ? molecule.smiles : molecule.name) + " has no measured value");
        return *molecule.target;
    }
    return 0.0;
}

std::vector<graphs::GraphExample> moleculeExamples(const std::vector<Molecule> &molecules, MoleculeTarget target)
{
    std::vector<graphs::GraphExample> out;
    out.reserve(molecules.size());
    for (const Molecule &m : molecules) {
        graphs::GraphExample e;
        e.graph = m.graph;
        e.globalTarget = targetValue(m, target);
        out.push_back(std::move(e));
    }
    return out;
}

json::Value moleculeJson(const Molecule &molecule)
{
    json::Array symbols, charges, crippen, bonds;
    for (int a = 0; a < molecule.numAtoms(); ++a) {
        symbols.emplace_back(molecule.atomSymbols[std::size_t(a)]);
        charges.emplace_back(molecule.atomCharges[std::size_t(a)]);
        crippen.emplace_back(molecule.crippenContributions[std::size_t(a)]);
    }
    for (const MoleculeBond &b : molecule.bonds)
        bonds.emplace_back(json::Array{b.begin, b.end, b.order});
    json::Value out = json::Object{};
    out.set("name", molecule.name);
    out.set("smiles", molecule.smiles);
    out.set("atoms", json::Value(std::move(symbols)));
    out.set("charges", json::Value(std::move(charges)));
    out.set("bonds", json::Value(std::move(bonds)));
    out.set("logp", molecule.logP);
    out.set("esol", molecule.esolEstimate);
    out.set("molecular_weight", molecule.molecularWeight);
    out.set("rotatable_bonds", molecule.rotatableBonds);
    out.set("aromatic_proportion", molecule.aromaticProportion);
    out.set("crippen_contributions", json::Value(std::move(crippen)));
    if (molecule.target)
        out.set("target", *molecule.target);
    json::Array coordinates;
    for (const auto &p : depictionCoordinates(molecule))
        coordinates.emplace_back(json::Array{p[0], p[1]});
    out.set("coordinates_2d", json::Value(std::move(coordinates)));
    return out;
}

} // namespace periscope::chem
