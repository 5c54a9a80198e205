// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/OpenVocabFiles.h"

#include "engine/core/errors/Error.h"

#include <filesystem>
#include <vector>

namespace periscope::openvocab {

namespace {
namespace fs = std::filesystem;

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isWeights(const std::string &name)
{
    return endsWith(name, ".pth") || endsWith(name, ".pt") || endsWith(name, ".safetensors");
}

struct Role {
    const char *what;
    bool (*matches)(const std::string &name);
};

const Role kRoles[] = {
    {"DINOv2 backbone (*_pretrain.pth or backbone.*)",
     [](const std::string &n) { return isWeights(n) && (n.find("_pretrain.") != std::string::npos || n.rfind("backbone.", 0) == 0); }},
    {"vision head (*vision_head*.pth or vision_head.*)", [](const std::string &n) { return isWeights(n) && n.find("vision_head") != std::string::npos; }},
    {"text encoder (*text_encoder*.pth or text_encoder.*)", [](const std::string &n) { return isWeights(n) && n.find("text_encoder") != std::string::npos; }},
    {"CLIP's vocabulary (bpe_simple_vocab_16e6.txt.gz)", [](const std::string &n) { return n.rfind("bpe_simple_vocab", 0) == 0; }},
};
} // namespace

OpenVocabFiles findOpenVocabFiles(const std::string &folder, const OpenVocabFiles &overrides)
{
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw Error(folder + " is not a folder");
    std::vector<std::string> names;
    // A model folder holds a handful of files; a huge listing is not one.
    constexpr std::size_t kMaxEntries = 10000;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        if (it->is_regular_file(error))
            names.push_back(it->path().filename().string());
        if (names.size() > kMaxEntries)
            throw Error(folder + " holds more than " + std::to_string(kMaxEntries) + " files: it is not a model folder");
    }
    if (error)
        throw Error("cannot list " + folder + ": " + error.message());
    std::string found[4];
    const std::string given[4] = {overrides.backbone, overrides.visionHead, overrides.textEncoder, overrides.vocabulary};
    for (int role = 0; role < 4; ++role) {
        if (!given[role].empty()) {
            found[role] = given[role];
            continue;
        }
        for (const std::string &name : names) {
            if (!kRoles[role].matches(name))
                continue;
            if (!found[role].empty())
                throw Error(folder + " holds two files for the " + kRoles[role].what + ": " + fs::path(found[role]).filename().string() + " and " + name);
            found[role] = (fs::path(folder) / name).string();
        }
        if (found[role].empty())
            throw Error(folder + " has no " + kRoles[role].what);
    }
    return {found[0], found[1], found[2], found[3]};
}

} // namespace periscope::openvocab
