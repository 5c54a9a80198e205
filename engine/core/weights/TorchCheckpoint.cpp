// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/weights/TorchCheckpoint.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/weights/TorchArchive.h"
#include "engine/core/weights/Unpickler.h"


#include <cstring>
#include <map>

namespace periscope {

namespace {

// The legacy format's first pickle is this number (torch/serialization.py MAGIC_NUMBER),
// stored by LONG1 as 10 little-endian bytes.
const std::uint8_t kLegacyMagic[] = {0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};

bool isTensorDict(const PickleRef &v)
{
    if (!v || v->kind != PickleValue::Kind::Dict || v->entries.empty())
        return false;
    for (const auto &[key, value] : v->entries)
        if (key->kind != PickleValue::Kind::String || value->kind != PickleValue::Kind::Tensor)
            return false;
    return true;
}

StateDict toStateDict(const PickleRef &dict)
{
    StateDict tensors;
    for (const auto &[key, value] : dict->entries)
        if (key->kind == PickleValue::Kind::String && value->kind == PickleValue::Kind::Tensor)
            tensors.emplace_back(key->text, value->tensor);
    return tensors;
}

// {"state_dict": sd}, {"model": sd, "epoch": 3}, or the state dict itself.
StateDict extractStateDict(const PickleRef &root, const std::string &origin)
{
    if (isTensorDict(root))
        return toStateDict(root);
    if (!root || root->kind != PickleValue::Kind::Dict)
        throw Error(origin + ": holds a " + std::string(root ? root->kindName() : "nothing") + ", not a state dict");
    for (const char *key : {"state_dict", "model_state_dict", "model", "net", "network", "params", "module"}) {
        for (const auto &[name, value] : root->entries)
            if (name->isString(key) && isTensorDict(value))
                return toStateDict(value);
    }
    const std::pair<PickleRef, PickleRef> *only = nullptr;
    int tensorDicts = 0;
    bool anyTensor = false;
    for (const auto &entry : root->entries) {
        anyTensor |= entry.second->kind == PickleValue::Kind::Tensor;
        if (isTensorDict(entry.second)) {
            ++tensorDicts;
            only = &entry;
        }
    }
    if (tensorDicts == 1)
        return toStateDict(only->second);
    if (anyTensor) // a state dict with a few non-tensor extras (a step counter, a config)
        return toStateDict(root);
    std::string keys;
    for (const auto &[name, value] : root->entries)
        if (name->kind == PickleValue::Kind::String)
            keys += (keys.empty() ? "" : ", ") + name->text;
    throw Error(origin + ": no state dict found (top-level keys: " + (keys.empty() ? std::string("none") : keys) + ")");
}

StateDict loadZipCheckpoint(const std::string &path)
{
    TorchArchive archive(path);
    if (archive.has("constants.pkl"))
        throw Error(path + ": is a TorchScript module, not a state-dict checkpoint (load it as TorchScript)");
    if (!archive.has("data.pkl"))
        throw Error(path + ": zip archive without data.pkl: not a torch.save checkpoint");
    return extractStateDict(archive.unpickle("data.pkl"), path);
}

StateDict loadLegacyCheckpoint(const std::string &path)
{
    std::shared_ptr<MappedFile> file = MappedFile::open(path);
    Unpickler unpickler(file->data(), file->size(), path);
    allowTorchGlobals(unpickler, path);
    const PickleRef magic = unpickler.load();
    if (magic->kind != PickleValue::Kind::BigInt || magic->text.size() != sizeof kLegacyMagic ||
        std::memcmp(magic->text.data(), kLegacyMagic, sizeof kLegacyMagic) != 0)
        throw Error(path + ": not a torch.save file (wrong magic number)");
    const PickleRef protocol = unpickler.load();
    if (protocol->kind != PickleValue::Kind::Int || protocol->integer != 1001)
        throw Error(path + ": unsupported legacy torch.save protocol");
    const PickleRef sysInfo = unpickler.load();
    if (sysInfo->kind == PickleValue::Kind::Dict) {
        for (const auto &[key, value] : sysInfo->entries)
            if (key->isString("little_endian") && value->kind == PickleValue::Kind::Bool && !value->boolean)
                throw Error(path + ": was saved on a big-endian machine, which is not supported");
    }

    std::map<std::string, torch::Tensor> storages;
    unpickler.setPersistentLoad([&](const PickleRef &id) -> PickleRef {
        const auto [type, key, numel] = readStorageReference(id, 6, path); // the 6th item: the view
        // Bounded by the file before allocating: the bytes must follow in this file.
        if (numel < 0 || std::uint64_t(numel) > file->size() / c10::elementSize(type))
            throw Error(path + ": storage " + key + " claims " + std::to_string(numel) +
                        " elements, more than the file holds: corrupt");
        auto found = storages.find(key);
        if (found == storages.end())
            found = storages.emplace(key, torch::zeros({numel}, torch::TensorOptions().dtype(type))).first;
        torch::Tensor storage = found->second;
        const PickleRef &view = id->items[5];
        if (view->kind == PickleValue::Kind::Tuple && view->items.size() == 3) {
            const std::int64_t offset = pickleInt(view->items[1], path, "view offset");
            const std::int64_t length = pickleInt(view->items[2], path, "view size");
            if (offset < 0 || length < 0 || offset > storage.numel() || length > storage.numel() - offset)
                throw Error(path + ": storage view out of range");
            storage = storage.narrow(0, offset, length);
        }
        return PickleValue::makeTensor(storage);
    });
    const PickleRef root = unpickler.load();
    const PickleRef keys = unpickler.load();
    if (keys->kind != PickleValue::Kind::List)
        throw Error(path + ": storage key list missing: truncated");

    // Each storage: its element count as 8 little-endian bytes, then its raw bytes.
    std::size_t pos = unpickler.position();
    for (const PickleRef &key : keys->items) {
        auto found = key->kind == PickleValue::Kind::String ? storages.find(key->text) : storages.end();
        if (found == storages.end())
            throw Error(path + ": data for an unknown storage");
        torch::Tensor &storage = found->second;
        if (file->size() - pos < 8)
            throw Error(path + ": storage " + key->text + " is cut off: the file is truncated");
        std::int64_t count = 0;
        std::memcpy(&count, file->data() + pos, 8);
        pos += 8;
        const std::size_t bytes = std::size_t(storage.numel()) * storage.element_size();
        if (count != storage.numel() || file->size() - pos < bytes)
            throw Error(path + ": storage " + key->text + " is cut off or has the wrong size: the file is truncated or corrupt");
        if (bytes)
            std::memcpy(storage.data_ptr(), file->data() + pos, bytes);
        pos += bytes;
    }
    return extractStateDict(root, path);
}

} // namespace

bool looksLikeZip(const std::uint8_t *bytes, std::size_t size)
{
    return size >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
}

bool looksLikeLegacyTorch(const std::uint8_t *bytes, std::size_t size)
{
    // PROTO 2, LONG1 10 <magic>
    return size >= 14 && bytes[0] == 0x80 && bytes[2] == 0x8a && bytes[3] == 10 &&
           std::memcmp(bytes + 4, kLegacyMagic, sizeof kLegacyMagic) == 0;
}

StateDict loadTorchCheckpoint(const std::string &path)
{
    std::uint8_t head[16] = {};
    std::size_t headSize = 0;
    {
        std::shared_ptr<MappedFile> file = MappedFile::open(path);
        headSize = std::min<std::size_t>(file->size(), sizeof head);
        if (headSize)
            std::memcpy(head, file->data(), headSize);
    }
    if (looksLikeZip(head, headSize))
        return loadZipCheckpoint(path);
    if (looksLikeLegacyTorch(head, headSize))
        return loadLegacyCheckpoint(path);
    throw Error(path + ": not a torch.save checkpoint (neither a zip archive nor the legacy format)");
}

} // namespace periscope
