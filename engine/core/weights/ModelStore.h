// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace periscope {

// One model in the store.
struct ModelRecord {
    std::string name;          // unique, chosen by the user or the training command
    std::string architecture;  // "koalarization", "eccv16", "slots-vit", ...
    std::string file;          // relative to the store folder
    std::string sha256;
    std::int64_t bytes = 0;
    std::string source;        // where it came from: a path, "trained on ...", a paper's release
    std::string date;          // ISO 8601, UTC, when it was added
};

// A folder of weights files with a manifest.json that names them. The manifest is rewritten
// atomically on every change; files are verified against their SHA-256 on demand.
class ModelStore {
public:
    // Reads the manifest when it exists (an invalid one is an error naming the file); the folder
    // is created on the first add().
    explicit ModelStore(std::string folder);

    const std::string &folder() const { return m_folder; }
    const std::vector<ModelRecord> &models() const { return m_models; }
    const ModelRecord *find(const std::string &name) const;
    std::string pathOf(const ModelRecord &record) const;

    // Copies `file` into the store under a name derived from `name`, hashes it, records it. With
    // `move`, the file is moved in instead (a download that already sits in the store's folder).
    const ModelRecord &add(const std::string &file, const std::string &name, const std::string &architecture,
                           const std::string &source, bool move = false);
    void remove(const std::string &name);
    // False, with the reason, when the file is missing or its hash differs from the manifest's.
    bool verify(const std::string &name, std::string *problem) const;

private:
    void save() const;
    std::string m_folder;
    std::vector<ModelRecord> m_models;
};

} // namespace periscope
