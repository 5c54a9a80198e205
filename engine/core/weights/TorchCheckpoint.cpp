// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/weights/TorchCheckpoint.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/weights/Unpickler.h"

#include <caffe2/serialize/inline_container.h>

#include <cstring>
#include <map>

namespace periscope {

namespace {

// The legacy format's first pickle is this number (torch/serialization.py MAGIC_NUMBER),
// stored by LONG1 as 10 little-endian bytes.
const std::uint8_t kLegacyMagic[] = {0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};

struct StorageType {
    const char *global;
    c10::ScalarType type;
};

constexpr StorageType kStorageTypes[] = {
    {"torch.FloatStorage", c10::ScalarType::Float},   {"torch.DoubleStorage", c10::ScalarType::Double},
    {"torch.HalfStorage", c10::ScalarType::Half},     {"torch.BFloat16Storage", c10::ScalarType::BFloat16},
    {"torch.LongStorage", c10::ScalarType::Long},     {"torch.IntStorage", c10::ScalarType::Int},
    {"torch.ShortStorage", c10::ScalarType::Short},   {"torch.CharStorage", c10::ScalarType::Char},
    {"torch.ByteStorage", c10::ScalarType::Byte},     {"torch.BoolStorage", c10::ScalarType::Bool},
};

std::int64_t asInt(const PickleRef &v, const std::string &origin, const char *what)
{
    if (!v || v->kind != PickleValue::Kind::Int)
        throw Error(origin + ": " + what + " is not an integer");
    return v->integer;
}

std::vector<std::int64_t> asInts(const PickleRef &v, const std::string &origin, const char *what)
{
    if (!v || (v->kind != PickleValue::Kind::Tuple && v->kind != PickleValue::Kind::List))
        throw Error(origin + ": " + what + " is not a tuple");
    std::vector<std::int64_t> values;
    for (const PickleRef &item : v->items)
        values.push_back(asInt(item, origin, what));
    return values;
}

// tensor = storage[offset:] viewed with (size, stride), checked to stay inside the storage.
PickleRef rebuildTensor(const std::vector<PickleRef> &args, const std::string &origin)
{
    if (args.size() < 4 || args[0]->kind != PickleValue::Kind::Tensor)
        throw Error(origin + ": malformed tensor record");
    const torch::Tensor &storage = args[0]->tensor;
    const std::int64_t offset = asInt(args[1], origin, "tensor offset");
    const std::vector<std::int64_t> size = asInts(args[2], origin, "tensor size");
    const std::vector<std::int64_t> stride = asInts(args[3], origin, "tensor stride");
    if (size.size() != stride.size() || offset < 0)
        throw Error(origin + ": malformed tensor record (size, stride or offset)");
    std::int64_t last = offset;
    bool empty = false;
    for (std::size_t i = 0; i < size.size(); ++i) {
        if (size[i] < 0 || stride[i] < 0)
            throw Error(origin + ": malformed tensor record (negative size or stride)");
        empty |= size[i] == 0;
        last += (size[i] - 1) * stride[i];
    }
    if (!empty && last >= storage.numel())
        throw Error(origin + ": a tensor reaches element " + std::to_string(last) + " of a storage of " +
                    std::to_string(storage.numel()) + ": the file is corrupt");
    if (empty)
        return PickleValue::makeTensor(torch::empty(size, storage.options()));
    return PickleValue::makeTensor(storage.as_strided(size, stride, offset));
}

c10::ScalarType storageScalarType(const PickleRef &global, const std::string &origin)
{
    if (global && global->kind == PickleValue::Kind::Global)
        for (const StorageType &s : kStorageTypes)
            if (global->text == s.global)
                return s.type;
    throw Error(origin + ": unknown storage type in a tensor record");
}

void allowTorchGlobals(Unpickler &unpickler, const std::string &origin)
{
    unpickler.allow("collections.OrderedDict", [origin](const std::vector<PickleRef> &args) {
        PickleRef dict = PickleValue::makeDict();
        if (!args.empty() && args[0]->kind == PickleValue::Kind::List) {
            for (const PickleRef &pair : args[0]->items) {
                if (pair->kind != PickleValue::Kind::Tuple || pair->items.size() != 2)
                    throw Error(origin + ": malformed OrderedDict");
                dict->entries.emplace_back(pair->items[0], pair->items[1]);
            }
        }
        return dict;
    });
    unpickler.allow("torch._utils._rebuild_tensor_v2",
                    [origin](const std::vector<PickleRef> &args) { return rebuildTensor(args, origin); });
    unpickler.allow("torch._utils._rebuild_tensor",
                    [origin](const std::vector<PickleRef> &args) { return rebuildTensor(args, origin); });
    auto parameter = [origin](const std::vector<PickleRef> &args) {
        if (args.empty() || args[0]->kind != PickleValue::Kind::Tensor)
            throw Error(origin + ": malformed parameter record");
        return args[0];
    };
    unpickler.allow("torch._utils._rebuild_parameter", parameter);
    // LibTorch's pickle_save tags containers with their static type; the tag changes nothing.
    unpickler.allow("torch.jit._pickle.restore_type_tag", [origin](const std::vector<PickleRef> &args) {
        if (args.empty())
            throw Error(origin + ": malformed type tag");
        return args[0];
    });
    unpickler.allow("torch._utils._rebuild_parameter_with_state", parameter);
    for (const StorageType &s : kStorageTypes) {
        // Storage classes only appear as arguments of persistent ids; calling one is an error.
        unpickler.allow(s.global, [origin, s](const std::vector<PickleRef> &) -> PickleRef {
            throw Error(origin + ": refused to construct " + s.global + " directly");
        });
    }
}

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
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> reader;
    try {
        reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(path);
    } catch (const c10::Error &e) {
        throw Error(path + ": not a readable torch.save zip archive (" + e.msg().substr(0, e.msg().find('\n')) + ")");
    }
    if (reader->hasRecord("constants.pkl"))
        throw Error(path + ": is a TorchScript module, not a state-dict checkpoint (load it as TorchScript)");
    if (!reader->hasRecord("data.pkl"))
        throw Error(path + ": zip archive without data.pkl: not a torch.save checkpoint");
    auto [pickleData, pickleSize] = reader->getRecord("data.pkl");
    std::map<std::string, torch::Tensor> storages;
    Unpickler unpickler(static_cast<const std::uint8_t *>(pickleData.get()), pickleSize, path);
    allowTorchGlobals(unpickler, path);
    unpickler.setPersistentLoad([&](const PickleRef &id) -> PickleRef {
        // ('storage', storage_type, key, location, numel)
        if (id->kind != PickleValue::Kind::Tuple || id->items.size() < 5 || !id->items[0]->isString("storage") ||
            id->items[2]->kind != PickleValue::Kind::String)
            throw Error(path + ": malformed storage reference");
        const c10::ScalarType type = storageScalarType(id->items[1], path);
        const std::string key = id->items[2]->text;
        const std::int64_t numel = asInt(id->items[4], path, "storage size");
        auto found = storages.find(key);
        if (found != storages.end())
            return PickleValue::makeTensor(found->second);
        const std::string record = "data/" + key;
        if (!reader->hasRecord(record))
            throw Error(path + ": storage " + key + " is missing from the archive");
        auto [data, size] = reader->getRecord(record);
        const std::uint64_t needed = std::uint64_t(numel) * c10::elementSize(type);
        if (numel < 0 || size < needed)
            throw Error(path + ": storage " + key + " holds " + std::to_string(size) + " bytes, " +
                        std::to_string(needed) + " expected: the file is truncated or corrupt");
        auto owner = std::make_shared<at::DataPtr>(std::move(data));
        torch::Tensor storage = numel == 0 ? torch::empty({0}, torch::TensorOptions().dtype(type))
                                           : torch::from_blob(owner->get(), {numel}, [owner](void *) {},
                                                              torch::TensorOptions().dtype(type));
        storages.emplace(key, storage);
        return PickleValue::makeTensor(storage);
    });
    return extractStateDict(unpickler.load(), path);
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
        // ('storage', storage_type, root_key, location, numel, view_metadata)
        if (id->kind != PickleValue::Kind::Tuple || id->items.size() < 6 || !id->items[0]->isString("storage") ||
            id->items[2]->kind != PickleValue::Kind::String)
            throw Error(path + ": malformed storage reference");
        const c10::ScalarType type = storageScalarType(id->items[1], path);
        const std::string key = id->items[2]->text;
        const std::int64_t numel = asInt(id->items[4], path, "storage size");
        // Bounded by the file before allocating: the bytes must follow in this file.
        if (numel < 0 || std::uint64_t(numel) * c10::elementSize(type) > file->size())
            throw Error(path + ": storage " + key + " claims " + std::to_string(numel) +
                        " elements, more than the file holds: corrupt");
        auto found = storages.find(key);
        if (found == storages.end())
            found = storages.emplace(key, torch::zeros({numel}, torch::TensorOptions().dtype(type))).first;
        torch::Tensor storage = found->second;
        const PickleRef &view = id->items[5];
        if (view->kind == PickleValue::Kind::Tuple && view->items.size() == 3) {
            const std::int64_t offset = asInt(view->items[1], path, "view offset");
            const std::int64_t length = asInt(view->items[2], path, "view size");
            if (offset < 0 || length < 0 || offset + length > storage.numel())
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
