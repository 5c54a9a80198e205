// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/chem/molecules/MoleculeFiles.h"

#include "engine/chem/molecules/MoleculeDetail.h"
#include "engine/core/errors/Error.h"

#include <GraphMol/FileParsers/MolSupplier.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace periscope::chem {

using detail::lower;
using detail::trimmed;

namespace {
// One CSV record (RFC 4180 quoting; a quoted field does not span lines here).
std::vector<std::string> splitCsv(const std::string &line)
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    for (std::string &f : fields)
        f = trimmed(f);
    return fields;
}

// Molecule tables are text of a few MB (ESOL: 96 kB; PubChem extracts: tens of MB).
constexpr std::uintmax_t kMaxTextBytes = 1ull << 30;

// Opens a text file from outside: a regular file only (a FIFO would block the open), bounded in
// size, with a UTF-8 byte-order mark (Excel writes one) skipped.
std::ifstream openText(const std::string &path, const char *what)
{
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (std::filesystem::is_directory(status))
        throw Error(std::string(what) + " " + path + " is a folder");
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        throw Error(std::string(what) + " " + path + " is not a regular file (a FIFO, socket or device)");
    if (std::filesystem::exists(status) && std::filesystem::file_size(path, error) > kMaxTextBytes)
        throw Error(std::string(what) + " " + path + " is over 1 GB: refused");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(std::string("cannot open ") + what + " " + path);
    char bom[3] = {};
    in.read(bom, 3);
    if (!(in.gcount() == 3 && bom[0] == '\xEF' && bom[1] == '\xBB' && bom[2] == '\xBF')) {
        in.clear();
        in.seekg(0);
    }
    return in;
}

void reportLines(const JobControl &job, std::size_t done, std::size_t total)
{
    if (done % 256 == 0) {
        job.throwIfCancelled();
        job.reportProgress(total > 0 ? double(done) / double(total) : -1.0, std::to_string(done) + " molecules");
    }
}

std::size_t countLines(const std::string &path)
{
    std::ifstream in(path);
    return std::size_t(std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n'));
}

void requireSome(const MoleculeSet &set, const std::string &path)
{
    if (!set.molecules.empty())
        return;
    std::string reason = set.warnings.empty() ? std::string("it is empty") : set.warnings.front();
    throw Error("no molecule could be read from " + path + " (" + reason + ")");
}

} // namespace

MoleculeSet readSdf(const std::string &path, const JobControl &job)
{
    detail::quietRdkit();
    openText(path, "SD file"); // the clear message for a missing or unreadable file
    MoleculeSet set;
    std::unique_ptr<RDKit::SDMolSupplier> supplier;
    try {
        supplier = std::make_unique<RDKit::SDMolSupplier>(path, true, true);
    } catch (const std::exception &e) {
        throw Error("cannot read SD file " + path + ": " + e.what());
    }
    for (std::size_t record = 1; !supplier->atEnd(); ++record) {
        reportLines(job, record, 0);
        std::unique_ptr<RDKit::ROMol> mol;
        std::string reason = "RDKit cannot read it";
        try {
            mol.reset(supplier->next());
        } catch (const std::exception &e) {
            reason = e.what();
        }
        if (!mol) {
            set.warnings.push_back(path + ": record " + std::to_string(record) + " skipped: " + reason);
            continue;
        }
        std::string name;
        mol->getPropIfPresent(RDKit::common_properties::_Name, name);
        try {
            set.molecules.push_back(detail::describe(std::move(mol), name.empty() ? "record " + std::to_string(record) : name));
        } catch (const std::exception &e) {
            set.warnings.push_back(path + ": record " + std::to_string(record) + " skipped: " + e.what());
        }
    }
    requireSome(set, path);
    return set;
}

MoleculeSet readMoleculeCsv(const std::string &path, const std::string &smilesColumn, const std::string &targetColumn,
                            const JobControl &job)
{
    std::ifstream in = openText(path, "CSV file");
    const std::size_t total = countLines(path);
    std::string line;
    std::vector<std::string> header;
    std::size_t lineNumber = 0;
    while (header.empty() && std::getline(in, line)) {
        ++lineNumber;
        if (trimmed(line).empty() || trimmed(line)[0] == '#')
            continue;
        header = splitCsv(line);
    }
    if (header.empty())
        throw Error("CSV file " + path + " has no header row");
    auto column = [&](const std::string &wanted, const char *role) {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (lower(header[i]) == lower(wanted))
                return int(i);
        std::string known;
        for (const std::string &h : header)
            known += (known.empty() ? "" : ", ") + h;
        throw Error("CSV file " + path + " has no " + role + " column '" + wanted + "' (columns: " + known + ")");
    };
    const int smilesAt = column(smilesColumn.empty() ? "smiles" : smilesColumn, "SMILES");
    const int targetAt = targetColumn.empty() ? -1 : column(targetColumn, "target");
    MoleculeSet set;
    while (std::getline(in, line)) {
        ++lineNumber;
        reportLines(job, lineNumber, total);
        if (trimmed(line).empty() || trimmed(line)[0] == '#')
            continue;
        const std::vector<std::string> fields = splitCsv(line);
        const std::string where = path + ":" + std::to_string(lineNumber) + ": ";
        if (int(fields.size()) <= std::max(smilesAt, targetAt)) {
            set.warnings.push_back(where + "skipped: only " + std::to_string(fields.size()) + " columns");
            continue;
        }
        try {
            Molecule m = moleculeFromSmiles(fields[std::size_t(smilesAt)], header.size() > 1 && smilesAt != 0 ? fields[0] : std::string());
            if (targetAt >= 0) {
                const std::string &text = fields[std::size_t(targetAt)];
                std::size_t used = 0;
                double value = 0.0;
                try {
                    value = std::stod(text, &used);
                } catch (const std::exception &) {
                    used = 0;
                }
                if (used == 0 || used != text.size())
                    throw Error("target '" + text + "' is not a number");
                m.target = value;
            }
            set.molecules.push_back(std::move(m));
        } catch (const Error &e) {
            set.warnings.push_back(where + "skipped: " + e.what());
        }
    }
    requireSome(set, path);
    return set;
}

std::vector<std::string> csvColumns(const std::string &path)
{
    std::ifstream in = openText(path, "CSV file");
    std::string line;
    while (std::getline(in, line)) {
        if (trimmed(line).empty() || trimmed(line)[0] == '#')
            continue;
        return splitCsv(line);
    }
    throw Error("CSV file " + path + " has no header row");
}

MoleculeSet readSmilesFile(const std::string &path, const JobControl &job)
{
    std::ifstream in = openText(path, "SMILES file");
    const std::size_t total = countLines(path);
    MoleculeSet set;
    std::string line;
    for (std::size_t lineNumber = 1; std::getline(in, line); ++lineNumber) {
        reportLines(job, lineNumber, total);
        const std::string body = trimmed(line);
        if (body.empty() || body[0] == '#')
            continue;
        const auto space = body.find_first_of(" \t");
        const std::string smiles = body.substr(0, space);
        const std::string name = space == std::string::npos ? std::string() : trimmed(body.substr(space));
        try {
            set.molecules.push_back(moleculeFromSmiles(smiles, name));
        } catch (const Error &e) {
            set.warnings.push_back(path + ":" + std::to_string(lineNumber) + ": skipped: " + e.what());
        }
    }
    requireSome(set, path);
    return set;
}

MoleculeSet readMolecules(const std::string &path, const std::string &smilesColumn, const std::string &targetColumn,
                          const JobControl &job)
{
    const std::string suffix = lower(std::filesystem::path(path).extension().string());
    if (suffix == ".sdf" || suffix == ".sd" || suffix == ".mol")
        return readSdf(path, job);
    if (suffix == ".csv")
        return readMoleculeCsv(path, smilesColumn, targetColumn, job);
    return readSmilesFile(path, job);
}

std::string defaultNciPath()
{
    return "/usr/share/RDKit/Data/NCI/first_5k.tpsa.csv";
}

MoleculeSet readNciMolecules(const std::string &path, std::size_t limit, const JobControl &job)
{
    if (!std::filesystem::exists(path))
        throw Error("the built-in molecules are missing: " + path + " (install the rdkit-data package)");
    std::ifstream in = openText(path, "molecule file");
    const std::size_t total = limit > 0 ? limit : countLines(path);
    MoleculeSet set;
    std::string line;
    for (std::size_t lineNumber = 1; std::getline(in, line); ++lineNumber) {
        if (limit > 0 && set.molecules.size() >= limit)
            break;
        reportLines(job, set.molecules.size(), total);
        const std::string body = trimmed(line);
        if (body.empty() || body[0] == '#')
            continue;
        const std::vector<std::string> fields = splitCsv(body);
        try {
            set.molecules.push_back(moleculeFromSmiles(fields[0], "NCI " + std::to_string(lineNumber)));
        } catch (const Error &e) {
            set.warnings.push_back(path + ":" + std::to_string(lineNumber) + ": skipped: " + e.what());
        }
    }
    requireSome(set, path);
    return set;
}

} // namespace periscope::chem
