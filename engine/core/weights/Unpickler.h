// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <string>
#include <utility>
#include <vector>

namespace periscope {

// A value of the pickle machine. Lists and dicts are shared so that the memo and the stack see
// the same container, as Python's pickle semantics require (APPENDS into a memoised list).
struct PickleValue;
using PickleRef = std::shared_ptr<PickleValue>;

struct PickleValue {
    enum class Kind { None, Bool, Int, BigInt, Float, String, Bytes, List, Tuple, Dict, Global, Tensor, Object, Mark };
    Kind kind = Kind::None;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0.0;
    std::string text;                                     // String, Bytes, BigInt (raw), Global and Object ("module.name")
    std::vector<PickleRef> items;                         // List, Tuple; an Object's state when it is not a dict
    std::vector<std::pair<PickleRef, PickleRef>> entries; // Dict (and OrderedDict) in insertion order; an Object's attributes
    torch::Tensor tensor;                                 // Tensor (also a storage: 1-D, its dtype)
    // Once a value is inside another (or an argument of a call), it is sealed: changing it then
    // would need a reference cycle or make the recorded depth wrong, and no torch file does that.
    bool sealed = false;
    std::uint32_t depth = 1; // nesting levels, this value included

    static PickleRef none();
    static PickleRef makeInt(std::int64_t v);
    static PickleRef makeString(std::string s);
    static PickleRef makeTensor(torch::Tensor t);
    static PickleRef makeDict();

    bool isString(const char *s) const { return kind == Kind::String && text == s; }
    const char *kindName() const;
};

// A restricted unpickler for the protocol-2 pickles that torch.save and torch.jit.save write.
// It executes nothing: GLOBAL may only name a callable from the whitelist given to it, and
// REDUCE/NEWOBJ call our own C++ implementation of that callable. Any other global is refused
// with its name. Classes under an allowed class prefix (TorchScript's `__torch__.`) become inert
// Object records: their BUILD state is kept as data and none of their methods ever runs.
//
// Bounded: values nest at most kMaxDepth levels, and a pickle may create at most kMaxValues
// values, stack entries and memo entries together, whatever the file says; both are checked as
// the values are made, so the teardown of what was read is never deeper than kMaxDepth either.
class Unpickler {
public:
    using Callable = std::function<PickleRef(const std::vector<PickleRef> &args)>;
    using PersistentLoad = std::function<PickleRef(const PickleRef &id)>;

    static constexpr std::uint32_t kMaxDepth = 1000;
    static constexpr std::size_t kMaxValues = 4'000'000; // ~600 MB of values at most

    Unpickler(const std::uint8_t *data, std::size_t size, std::string origin);

    void allow(const std::string &global, Callable callable);
    // Globals that start with `prefix` are classes whose instances are kept as inert Objects.
    void allowInertClasses(const std::string &prefix) { m_inertPrefixes.push_back(prefix); }
    void setPersistentLoad(PersistentLoad load) { m_persistentLoad = std::move(load); }

    // Reads one pickle (up to STOP) from the current position; call again for the next one
    // (the legacy torch format is several pickles in a row).
    PickleRef load();
    std::size_t position() const { return m_pos; }

private:
    [[noreturn]] void fail(const std::string &what) const;
    std::uint8_t readByte();
    const std::uint8_t *readBytes(std::size_t n);
    std::uint64_t readUInt(int bytes);
    std::string readLine();
    PickleRef pop();
    PickleRef &top();
    void push(PickleRef value);
    PickleRef make(PickleValue::Kind kind);
    void count();
    // Puts `child` inside `parent`: seals the child, refuses a sealed parent, keeps depths.
    void adopt(PickleValue &parent, const PickleRef &child);
    bool isInertClass(const std::string &global) const;
    std::vector<PickleRef> popToMark();
    PickleRef call(const PickleRef &callable, const std::vector<PickleRef> &args);
    void memoPut(std::uint64_t index);
    PickleRef memoGet(std::uint64_t index);

    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
    std::string m_origin;
    std::vector<PickleRef> m_stack;
    std::unordered_map<std::uint64_t, PickleRef> m_memo; // a map: indices come from the file
    std::vector<std::pair<std::string, Callable>> m_allowed;
    std::vector<std::string> m_inertPrefixes;
    std::size_t m_values = 0;
    PersistentLoad m_persistentLoad;
};

} // namespace periscope
