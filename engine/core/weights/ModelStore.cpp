// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/weights/ModelStore.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/io/Sha256.h"
#include "engine/core/json/Json.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace periscope {

namespace fs = std::filesystem;

namespace {
const char *kFormat = "periscope-model-store";

std::string nowIso8601()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// A file name that is safe on every file system and never leaves the folder.
std::string safeFileName(const std::string &name)
{
    std::string out;
    for (const char c : name)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    while (!out.empty() && out.front() == '.')
        out.erase(out.begin());
    return out.empty() ? std::string("model") : out;
}

std::string field(const json::Value &object, const char *key, const std::string &where)
{
    const json::Value *value = object.find(key);
    if (!value || !value->isString())
        throw Error(where + ": a model entry lacks the string \"" + key + "\"");
    return value->asString();
}
} // namespace

ModelStore::ModelStore(std::string folder) : m_folder(std::move(folder))
{
    const std::string manifest = m_folder + "/manifest.json";
    std::ifstream in(manifest);
    if (!in)
        return; // a new store
    std::stringstream buffer;
    buffer << in.rdbuf();
    json::Value root;
    try {
        root = json::Value::parse(buffer.str());
    } catch (const Error &e) {
        throw Error(manifest + ": " + e.what());
    }
    const json::Value *format = root.find("format");
    if (!format || !format->isString() || format->asString() != kFormat)
        throw Error(manifest + ": not a Periscope model store manifest");
    const json::Value *models = root.find("models");
    if (!models || !models->isArray())
        throw Error(manifest + ": \"models\" must be a list");
    for (const json::Value &entry : models->asArray()) {
        ModelRecord r;
        r.name = field(entry, "name", manifest);
        r.architecture = field(entry, "architecture", manifest);
        r.file = field(entry, "file", manifest);
        r.sha256 = field(entry, "sha256", manifest);
        r.source = field(entry, "source", manifest);
        r.date = field(entry, "date", manifest);
        const json::Value *bytes = entry.find("bytes");
        r.bytes = bytes && bytes->isInteger() ? bytes->asInt64() : 0;
        if (r.file.find('/') != std::string::npos || r.file.rfind("..", 0) == 0)
            throw Error(manifest + ": model '" + r.name + "' points outside the store");
        m_models.push_back(r);
    }
}

const ModelRecord *ModelStore::find(const std::string &name) const
{
    for (const ModelRecord &r : m_models)
        if (r.name == name)
            return &r;
    return nullptr;
}

std::string ModelStore::pathOf(const ModelRecord &record) const
{
    return m_folder + "/" + record.file;
}

const ModelRecord &ModelStore::add(const std::string &file, const std::string &name, const std::string &architecture,
                                   const std::string &source, bool move)
{
    if (name.empty())
        throw Error("a model needs a name");
    if (find(name))
        throw Error("the model store already has a model named '" + name + "'");
    if (!fs::is_regular_file(file))
        throw Error(file + ": no such file");
    std::error_code error;
    fs::create_directories(m_folder, error);
    if (error)
        throw Error(m_folder + ": cannot create the model store (" + error.message() + ")");
    const std::string extension = fs::path(file).extension().string();
    std::string target = safeFileName(name) + extension;
    for (int n = 2; fs::exists(m_folder + "/" + target); ++n)
        target = safeFileName(name) + "-" + std::to_string(n) + extension;
    if (move)
        fs::rename(file, m_folder + "/" + target, error);
    if (!move || error) { // another file system: copy, then remove the original
        error.clear();
        fs::copy_file(file, m_folder + "/" + target, error);
        std::error_code ignored; // the copy is in: a leftover original is not a failure
        if (!error && move)
            fs::remove(file, ignored);
    }
    if (error)
        throw Error(file + ": cannot copy into the model store (" + error.message() + ")");
    ModelRecord r{name, architecture, target, sha256OfFile(m_folder + "/" + target),
                  std::int64_t(fs::file_size(m_folder + "/" + target)), source, nowIso8601()};
    m_models.push_back(r);
    try {
        save();
    } catch (...) {
        m_models.pop_back();
        fs::remove(m_folder + "/" + target, error);
        throw;
    }
    return m_models.back();
}

void ModelStore::remove(const std::string &name)
{
    for (auto it = m_models.begin(); it != m_models.end(); ++it) {
        if (it->name != name)
            continue;
        const std::string path = pathOf(*it);
        m_models.erase(it);
        save(); // the manifest first: a crash now leaves an orphan file, never a dangling entry
        std::error_code error;
        fs::remove(path, error);
        return;
    }
    throw Error("the model store has no model named '" + name + "'");
}

bool ModelStore::verify(const std::string &name, std::string *problem) const
{
    const ModelRecord *r = find(name);
    auto fail = [&](const std::string &why) {
        if (problem)
            *problem = why;
        return false;
    };
    if (!r)
        return fail("no model named '" + name + "'");
    if (!fs::is_regular_file(pathOf(*r)))
        return fail(pathOf(*r) + " is missing");
    if (sha256OfFile(pathOf(*r)) != r->sha256)
        return fail(pathOf(*r) + " has changed since it was added (SHA-256 differs)");
    return true;
}

void ModelStore::save() const
{
    json::Array models;
    for (const ModelRecord &r : m_models)
        models.push_back(json::Value(json::Object{{"name", json::Value(r.name)}, {"architecture", json::Value(r.architecture)},
                                                  {"file", json::Value(r.file)}, {"sha256", json::Value(r.sha256)},
                                                  {"bytes", json::Value(r.bytes)}, {"source", json::Value(r.source)},
                                                  {"date", json::Value(r.date)}}));
    const json::Value root(json::Object{{"format", json::Value(kFormat)}, {"version", json::Value(1)},
                                        {"models", json::Value(std::move(models))}});
    const std::string text = root.dump(2) + "\n";
    writeFileAtomically(m_folder + "/manifest.json", text.data(), text.size());
}

} // namespace periscope
