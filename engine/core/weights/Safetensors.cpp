// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/weights/Safetensors.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/MappedFile.h"
#include "engine/core/json/Json.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace periscope {

namespace {

struct DtypeCode {
    const char *code;
    c10::ScalarType type;
};

// Every safetensors dtype LibTorch holds element by element.
constexpr DtypeCode kDtypes[] = {
    {"F64", c10::ScalarType::Double},   {"F32", c10::ScalarType::Float},
    {"F16", c10::ScalarType::Half},     {"BF16", c10::ScalarType::BFloat16},
    {"F8_E4M3", c10::ScalarType::Float8_e4m3fn}, {"F8_E5M2", c10::ScalarType::Float8_e5m2},
    {"C64", c10::ScalarType::ComplexFloat},
    {"I64", c10::ScalarType::Long},     {"I32", c10::ScalarType::Int},
    {"I16", c10::ScalarType::Short},    {"I8", c10::ScalarType::Char},
    {"U64", c10::ScalarType::UInt64},   {"U32", c10::ScalarType::UInt32},
    {"U16", c10::ScalarType::UInt16},   {"U8", c10::ScalarType::Byte},
    {"BOOL", c10::ScalarType::Bool},
};

// Valid in the format, but sub-byte or scale-only: LibTorch has no tensor type with one element
// per value for them.
constexpr const char *kUnsupportedDtypes[] = {"F4", "F6_E2M3", "F6_E3M2", "E8M0"};

const char *codeFor(c10::ScalarType type)
{
    for (const DtypeCode &d : kDtypes)
        if (d.type == type)
            return d.code;
    return nullptr;
}

[[noreturn]] void fail(const std::string &path, const std::string &what)
{
    throw Error(path + ": " + what);
}

std::uint64_t readLittleEndian64(const std::uint8_t *p)
{
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | p[i];
    return value;
}

SafetensorsEntry parseEntry(const std::string &path, const std::string &name, const json::Value &value,
                            std::uint64_t dataSize)
{
    const std::string where = "tensor '" + name + "'";
    if (name.empty())
        fail(path, "a tensor has an empty name");
    if (!value.isObject())
        fail(path, where + ": entry is not a JSON object");
    const json::Value *dtype = value.find("dtype");
    const json::Value *shape = value.find("shape");
    const json::Value *offsets = value.find("data_offsets");
    if (!dtype || !dtype->isString())
        fail(path, where + ": missing or non-string \"dtype\"");
    if (!shape || !shape->isArray())
        fail(path, where + ": missing or non-list \"shape\"");
    if (!offsets || !offsets->isArray() || offsets->asArray().size() != 2)
        fail(path, where + ": \"data_offsets\" must be a list [begin, end]");

    SafetensorsEntry entry;
    entry.name = name;
    entry.dtypeCode = dtype->asString();
    bool known = false;
    for (const DtypeCode &d : kDtypes) {
        if (entry.dtypeCode == d.code) {
            entry.dtype = d.type;
            known = true;
        }
    }
    if (!known) {
        for (const char *code : kUnsupportedDtypes)
            if (entry.dtypeCode == code)
                fail(path, where + ": dtype " + entry.dtypeCode + " has no LibTorch equivalent");
        fail(path, where + ": unknown dtype \"" + entry.dtypeCode + "\"");
    }

    // Element count with overflow checks: a forged shape must not wrap around to a small size.
    std::uint64_t elements = 1;
    if (shape->asArray().size() > 32)
        fail(path, where + ": " + std::to_string(shape->asArray().size()) + " dimensions is absurd");
    for (const json::Value &dim : shape->asArray()) {
        if (!dim.isInteger() || dim.asInt64() < 0)
            fail(path, where + ": shape entries must be non-negative integers");
        const std::uint64_t d = std::uint64_t(dim.asInt64());
        if (d != 0 && elements > std::numeric_limits<std::uint64_t>::max() / d)
            fail(path, where + ": shape is too large");
        elements *= d;
        entry.shape.push_back(dim.asInt64());
    }
    const std::uint64_t elementSize = c10::elementSize(entry.dtype);
    if (elements > std::numeric_limits<std::uint64_t>::max() / elementSize)
        fail(path, where + ": shape is too large");
    const std::uint64_t expectedBytes = elements * elementSize;

    const json::Value &beginValue = offsets->asArray()[0];
    const json::Value &endValue = offsets->asArray()[1];
    if (!beginValue.isInteger() || !endValue.isInteger() || beginValue.asInt64() < 0 || endValue.asInt64() < 0)
        fail(path, where + ": data_offsets must be non-negative integers");
    entry.begin = std::uint64_t(beginValue.asInt64());
    entry.end = std::uint64_t(endValue.asInt64());
    if (entry.begin > entry.end)
        fail(path, where + ": data_offsets begin " + std::to_string(entry.begin) + " is after end " +
                       std::to_string(entry.end));
    if (entry.end > dataSize)
        fail(path, where + ": data ends at byte " + std::to_string(entry.end) + ", past the end of the data (" +
                       std::to_string(dataSize) + " bytes); the file is truncated or corrupt");
    if (entry.end - entry.begin != expectedBytes)
        fail(path, where + ": shape and dtype need " + std::to_string(expectedBytes) + " bytes but data_offsets span " +
                       std::to_string(entry.end - entry.begin));
    return entry;
}

} // namespace

std::string dtypeName(c10::ScalarType type)
{
    switch (type) {
    case c10::ScalarType::Double: return "float64";
    case c10::ScalarType::Float: return "float32";
    case c10::ScalarType::Half: return "float16";
    case c10::ScalarType::BFloat16: return "bfloat16";
    case c10::ScalarType::Long: return "int64";
    case c10::ScalarType::Int: return "int32";
    case c10::ScalarType::Short: return "int16";
    case c10::ScalarType::Char: return "int8";
    case c10::ScalarType::Byte: return "uint8";
    case c10::ScalarType::Bool: return "bool";
    default: return c10::toString(type);
    }
}

SafetensorsHeader parseSafetensorsHeader(const std::uint8_t *bytes, std::size_t fileSize, const std::string &path)
{
    if (fileSize < 8)
        fail(path, "only " + std::to_string(fileSize) + " bytes, too short to be a safetensors file");
    const std::uint64_t headerLength = readLittleEndian64(bytes);
    if (headerLength > kMaxSafetensorsHeaderBytes)
        fail(path, "header length " + std::to_string(headerLength) + " is over the " +
                       std::to_string(kMaxSafetensorsHeaderBytes >> 20) + " MB limit: not a safetensors file, or corrupt");
    if (headerLength > fileSize - 8)
        fail(path, "header length " + std::to_string(headerLength) + " runs past the end of the file (" +
                       std::to_string(fileSize) + " bytes): truncated");
    if (headerLength < 2 || bytes[8] != '{')
        fail(path, "header does not start with '{': not a safetensors file");

    json::Value header;
    try {
        header = json::Value::parse(std::string_view(reinterpret_cast<const char *>(bytes + 8), headerLength), {8});
    } catch (const Error &e) {
        fail(path, std::string("header is not valid JSON (") + e.what() + ")");
    }
    if (!header.isObject())
        fail(path, "header is not a JSON object");

    SafetensorsHeader result;
    result.dataOffset = 8 + headerLength;
    const std::uint64_t dataSize = fileSize - result.dataOffset;
    for (const auto &[name, value] : header.asObject()) {
        if (name == "__metadata__") {
            if (!value.isObject())
                fail(path, "__metadata__ must be an object of strings");
            for (const auto &[key, text] : value.asObject()) {
                if (!text.isString())
                    fail(path, "__metadata__ value for '" + key + "' is not a string");
                result.metadata.emplace_back(key, text.asString());
            }
            continue;
        }
        result.entries.push_back(parseEntry(path, name, value, dataSize));
    }

    // The data section must be exactly covered: sorted by offset, each tensor starts where the
    // previous one ended. Overlaps would let two tensors alias; gaps hide unaccounted bytes.
    std::vector<const SafetensorsEntry *> byOffset;
    for (const SafetensorsEntry &e : result.entries)
        byOffset.push_back(&e);
    std::stable_sort(byOffset.begin(), byOffset.end(), [](const SafetensorsEntry *a, const SafetensorsEntry *b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    std::uint64_t expectedBegin = 0;
    for (const SafetensorsEntry *e : byOffset) {
        if (e->begin < expectedBegin)
            fail(path, "tensor '" + e->name + "' overlaps the previous tensor (begins at " + std::to_string(e->begin) +
                           ", previous ends at " + std::to_string(expectedBegin) + ")");
        if (e->begin > expectedBegin)
            fail(path, "tensor '" + e->name + "' leaves a gap of " + std::to_string(e->begin - expectedBegin) +
                           " bytes before it: offsets are not contiguous");
        expectedBegin = e->end;
    }
    if (expectedBegin != dataSize)
        fail(path, std::to_string(dataSize - expectedBegin) + " bytes after the last tensor are not described by the header");
    return result;
}

SafetensorsContents readSafetensors(const std::string &path)
{
    std::shared_ptr<MappedFile> file = MappedFile::open(path);
    const SafetensorsHeader header = parseSafetensorsHeader(file->data(), file->size(), path);
    SafetensorsContents contents;
    contents.metadata = header.metadata;
    contents.tensors.reserve(header.entries.size());
    for (const SafetensorsEntry &entry : header.entries) {
        std::uint8_t *data = file->mutableData() + header.dataOffset + entry.begin;
        const auto options = torch::TensorOptions().dtype(entry.dtype);
        torch::Tensor tensor;
        if (entry.end == entry.begin) {
            tensor = torch::empty(entry.shape, options);
        } else if (reinterpret_cast<std::uintptr_t>(data) % c10::elementSize(entry.dtype) == 0) {
            tensor = torch::from_blob(data, entry.shape, [file](void *) {}, options);
        } else {
            tensor = torch::empty(entry.shape, options);
            std::memcpy(tensor.data_ptr(), data, entry.end - entry.begin);
        }
        contents.tensors.emplace_back(entry.name, std::move(tensor));
    }
    return contents;
}

void writeSafetensors(const std::string &path, const StateDict &tensors, const Metadata &metadata)
{
    static_assert(sizeof(void *) == 8, "safetensors offsets are 64-bit");
    json::Value header(json::Object{});
    if (!metadata.empty()) {
        json::Value meta(json::Object{});
        for (const auto &[key, value] : metadata)
            meta.set(key, json::Value(value));
        header.set("__metadata__", meta);
    }
    std::vector<torch::Tensor> cpu;
    cpu.reserve(tensors.size());
    std::uint64_t offset = 0;
    for (const auto &[name, tensor] : tensors) {
        const char *code = codeFor(tensor.scalar_type());
        if (!code)
            throw Error(path + ": tensor '" + name + "' has dtype " + dtypeName(tensor.scalar_type()) +
                        ", which safetensors cannot store");
        if (header.find(name))
            throw Error(path + ": two tensors are named '" + name + "'");
        torch::Tensor t = tensor.detach().to(torch::kCPU).contiguous();
        const std::uint64_t bytes = std::uint64_t(t.numel()) * t.element_size();
        json::Array shape;
        for (const std::int64_t d : t.sizes())
            shape.emplace_back(d);
        header.set(name, json::Value(json::Object{
                             {"dtype", json::Value(code)},
                             {"shape", json::Value(std::move(shape))},
                             {"data_offsets", json::Value(json::Array{json::Value(std::int64_t(offset)),
                                                                      json::Value(std::int64_t(offset + bytes))})}}));
        offset += bytes;
        cpu.push_back(std::move(t));
    }
    std::string headerText = header.dump();
    // Pad with spaces so the data section starts 8-byte aligned: tensors can then be mapped
    // without copies by every reader.
    while ((8 + headerText.size()) % 8 != 0)
        headerText += ' ';
    std::vector<std::uint8_t> bytes(8 + headerText.size() + offset);
    std::uint64_t length = headerText.size();
    for (int i = 0; i < 8; ++i)
        bytes[std::size_t(i)] = std::uint8_t(length >> (8 * i));
    std::memcpy(bytes.data() + 8, headerText.data(), headerText.size());
    std::uint8_t *out = bytes.data() + 8 + headerText.size();
    for (const torch::Tensor &t : cpu) {
        const std::size_t n = std::size_t(t.numel()) * t.element_size();
        if (n)
            std::memcpy(out, t.data_ptr(), n);
        out += n;
    }
    writeFileAtomically(path, bytes.data(), bytes.size());
}

} // namespace periscope
