// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include "engine/core/io/ZipArchive.h"
#include "engine/core/weights/Unpickler.h"

#include <functional>
#include <map>
#include <string>

namespace periscope {

// The zip archive that torch.save (PyTorch >= 1.6) and torch.jit.save write, read as data:
// every record lives under one folder named after the archive ("name/data.pkl",
// "name/data/0", ...). Storages are views into the mapped file, not copies, when the record is
// stored and aligned, as torch writes them.
class TorchArchive {
public:
    static constexpr std::uint64_t kMaxPickleBytes = 256ull << 20;

    explicit TorchArchive(const std::string &path);

    bool has(const std::string &record) const { return m_zip.find(m_prefix + record) != nullptr; }
    ZipRecord read(const std::string &record, std::uint64_t maxBytes) const;
    // Every record name under the archive folder, without it.
    std::vector<std::string> records() const;

    // Unpickles `record` (data.pkl) with the torch globals allowed; `configure` may allow more.
    PickleRef unpickle(const std::string &record, const std::function<void(Unpickler &)> &configure = {});

    const std::string &path() const { return m_path; }

private:
    std::string m_path;
    ZipArchive m_zip;
    std::string m_prefix; // "archive/"
    std::map<std::string, torch::Tensor> m_storages;
};

// What a torch pickle may name: OrderedDict, the tensor and parameter rebuilds, the storage
// types (only as persistent-id arguments) and LibTorch's type tags.
void allowTorchGlobals(Unpickler &unpickler, const std::string &origin);

// A persistent id naming a storage: ('storage', storage_type, key, location, numel[, view]).
// The zip format has 5 items, the legacy one 6 (its view of the storage last).
struct StorageReference {
    c10::ScalarType type;
    std::string key;
    std::int64_t numel;
};
StorageReference readStorageReference(const PickleRef &id, std::size_t items, const std::string &origin);

// Pickle values as what a tensor record needs, or periscope::Error naming `what`.
std::int64_t pickleInt(const PickleRef &v, const std::string &origin, const char *what);
c10::ScalarType storageScalarType(const PickleRef &global, const std::string &origin);

} // namespace periscope
