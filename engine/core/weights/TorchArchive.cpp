// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/weights/TorchArchive.h"

#include "engine/core/errors/Error.h"

#include <cstring>
#include <limits>

namespace periscope {

namespace {

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

std::vector<std::int64_t> pickleInts(const PickleRef &v, const std::string &origin, const char *what)
{
    if (!v || (v->kind != PickleValue::Kind::Tuple && v->kind != PickleValue::Kind::List))
        throw Error(origin + ": " + what + " is not a tuple");
    if (v->items.size() > 64)
        throw Error(origin + ": " + what + " has " + std::to_string(v->items.size()) + " dimensions: corrupt");
    std::vector<std::int64_t> values;
    for (const PickleRef &item : v->items)
        values.push_back(pickleInt(item, origin, what));
    return values;
}

// tensor = storage[offset:] viewed with (size, stride), checked to stay inside the storage, with
// every product checked for overflow (a crafted record must not wrap around into range).
PickleRef rebuildTensor(const std::vector<PickleRef> &args, const std::string &origin)
{
    if (args.size() < 4 || args[0]->kind != PickleValue::Kind::Tensor)
        throw Error(origin + ": malformed tensor record");
    const torch::Tensor &storage = args[0]->tensor;
    const std::int64_t offset = pickleInt(args[1], origin, "tensor offset");
    const std::vector<std::int64_t> size = pickleInts(args[2], origin, "tensor size");
    const std::vector<std::int64_t> stride = pickleInts(args[3], origin, "tensor stride");
    if (size.size() != stride.size() || offset < 0)
        throw Error(origin + ": malformed tensor record (size, stride or offset)");
    std::int64_t last = offset;
    bool empty = false;
    for (std::size_t i = 0; i < size.size(); ++i) {
        if (size[i] < 0 || stride[i] < 0)
            throw Error(origin + ": malformed tensor record (negative size or stride)");
        empty |= size[i] == 0;
    }
    for (std::size_t i = 0; i < size.size() && !empty; ++i) {
        std::int64_t reach = 0;
        if (__builtin_mul_overflow(size[i] - 1, stride[i], &reach) || __builtin_add_overflow(last, reach, &last))
            throw Error(origin + ": a tensor record's size and stride overflow: the file is corrupt");
    }
    if (!empty && last >= storage.numel())
        throw Error(origin + ": a tensor reaches element " + std::to_string(last) + " of a storage of " +
                    std::to_string(storage.numel()) + ": the file is corrupt");
    if (empty) {
        std::int64_t elements = 1; // zero, but the other sizes must still be sane
        for (std::int64_t s : size)
            if (s > 0 && __builtin_mul_overflow(elements, s, &elements))
                throw Error(origin + ": a tensor record's size overflows: the file is corrupt");
        return PickleValue::makeTensor(torch::empty(size, storage.options()));
    }
    return PickleValue::makeTensor(storage.as_strided(size, stride, offset));
}

PickleRef firstArgument(const std::vector<PickleRef> &args, const std::string &origin, const char *what)
{
    if (args.empty())
        throw Error(origin + ": malformed " + what);
    return args[0];
}

} // namespace

std::int64_t pickleInt(const PickleRef &v, const std::string &origin, const char *what)
{
    if (!v || v->kind != PickleValue::Kind::Int)
        throw Error(origin + ": " + what + " is not an integer");
    return v->integer;
}

c10::ScalarType storageScalarType(const PickleRef &global, const std::string &origin)
{
    if (global && global->kind == PickleValue::Kind::Global)
        for (const StorageType &s : kStorageTypes)
            if (global->text == s.global)
                return s.type;
    throw Error(origin + ": unknown storage type in a tensor record");
}

StorageReference readStorageReference(const PickleRef &id, std::size_t items, const std::string &origin)
{
    if (id->kind != PickleValue::Kind::Tuple || id->items.size() < items || !id->items[0]->isString("storage") ||
        id->items[2]->kind != PickleValue::Kind::String)
        throw Error(origin + ": malformed storage reference");
    return {storageScalarType(id->items[1], origin), id->items[2]->text, pickleInt(id->items[4], origin, "storage size")};
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
    unpickler.allow("torch._utils._rebuild_parameter_with_state", parameter);
    // LibTorch's pickler tags containers with their static type, and TorchScript writes typed
    // lists through builders; the value is the first argument either way.
    for (const char *identity : {"torch.jit._pickle.restore_type_tag", "torch.jit._pickle.build_intlist",
                                 "torch.jit._pickle.build_floatlist", "torch.jit._pickle.build_doublelist",
                                 "torch.jit._pickle.build_boollist", "torch.jit._pickle.build_tensorlist",
                                 "torch.jit._pickle.build_complexlist"})
        unpickler.allow(identity, [origin, identity](const std::vector<PickleRef> &args) {
            return firstArgument(args, origin, identity);
        });
    for (const StorageType &s : kStorageTypes) {
        // Storage classes only appear as arguments of persistent ids; calling one is an error.
        unpickler.allow(s.global, [origin, s](const std::vector<PickleRef> &) -> PickleRef {
            throw Error(origin + ": refused to construct " + s.global + " directly");
        });
    }
}

TorchArchive::TorchArchive(const std::string &path) : m_path(path), m_zip(ZipArchive::open(path))
{
    // torch writes every record under one folder; PyTorch reads whatever the first one names.
    if (m_zip.entries().empty())
        throw Error(path + ": an empty zip archive, not a torch file");
    const std::string &first = m_zip.entries().front().name;
    const std::size_t slash = first.find('/');
    if (slash == std::string::npos || slash == 0)
        throw Error(path + ": a zip archive whose records are not in one folder: not a torch file");
    m_prefix = first.substr(0, slash + 1);
}

ZipRecord TorchArchive::read(const std::string &record, std::uint64_t maxBytes) const
{
    const ZipArchive::Entry *entry = m_zip.find(m_prefix + record);
    if (!entry)
        throw Error(m_path + ": the archive has no record " + record);
    return m_zip.read(*entry, maxBytes);
}

std::vector<std::string> TorchArchive::records() const
{
    std::vector<std::string> names;
    for (const ZipArchive::Entry &entry : m_zip.entries())
        if (entry.name.compare(0, m_prefix.size(), m_prefix) == 0)
            names.push_back(entry.name.substr(m_prefix.size()));
    return names;
}

PickleRef TorchArchive::unpickle(const std::string &record, const std::function<void(Unpickler &)> &configure)
{
    const ZipRecord pickle = read(record, kMaxPickleBytes);
    Unpickler unpickler(pickle.data, pickle.size, m_path);
    allowTorchGlobals(unpickler, m_path);
    if (configure)
        configure(unpickler);
    unpickler.setPersistentLoad([this](const PickleRef &id) -> PickleRef {
        const auto [type, key, numel] = readStorageReference(id, 5, m_path);
        auto found = m_storages.find(key);
        if (found != m_storages.end()) {
            if (found->second.scalar_type() != type || found->second.numel() != numel)
                throw Error(m_path + ": storage " + key + " is described twice, differently: corrupt");
            return PickleValue::makeTensor(found->second);
        }
        const std::uint64_t elementSize = c10::elementSize(type);
        if (numel < 0 || std::uint64_t(numel) > std::numeric_limits<std::uint64_t>::max() / elementSize)
            throw Error(m_path + ": storage " + key + " has an impossible size: corrupt");
        const std::uint64_t needed = std::uint64_t(numel) * elementSize;
        // The record is read only up to what the tensor record needs: a larger one is refused.
        ZipRecord bytes = read("data/" + key, needed);
        if (bytes.size != needed)
            throw Error(m_path + ": storage " + key + " holds " + std::to_string(bytes.size) + " bytes, " +
                        std::to_string(needed) + " expected: the file is truncated or corrupt");
        const auto options = torch::TensorOptions().dtype(type);
        torch::Tensor storage;
        if (numel == 0) {
            storage = torch::empty({0}, options);
        } else if (reinterpret_cast<std::uintptr_t>(bytes.data) % elementSize != 0) {
            // torch aligns records to 64 bytes; a file that does not is copied, not viewed.
            storage = torch::empty({numel}, options);
            std::memcpy(storage.data_ptr(), bytes.data, needed);
        } else {
            std::shared_ptr<const void> owner = bytes.owner;
            // The mapping is private copy-on-write, and an inflated buffer is ours: both writable.
            storage = torch::from_blob(const_cast<std::uint8_t *>(bytes.data), {numel}, [owner](void *) {}, options);
        }
        m_storages.emplace(key, storage);
        return PickleValue::makeTensor(storage);
    });
    return unpickler.load();
}

} // namespace periscope
