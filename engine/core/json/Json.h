// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace periscope::json {

// A small, strict JSON value for engine/core, which may depend on nothing but LibTorch and the
// standard library (it also builds on a GPU machine with only a PyTorch install). It reads
// untrusted headers (safetensors), so parsing is bounded: nesting depth, and every error names
// the byte offset. Objects keep their key order, as safetensors writers and readers expect.
class Value;
using Array = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>;

struct ParseLimits {
    int maxDepth = 64;
};

class Value {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_type(Type::Bool), m_bool(b) {}
    Value(int v) : Value(std::int64_t(v)) {}
    Value(std::int64_t v) : m_type(Type::Number), m_number(double(v)), m_integer(v), m_isInteger(true) {}
    Value(double v) : m_type(Type::Number), m_number(v) {}
    Value(const char *s) : m_type(Type::String), m_string(std::make_shared<std::string>(s)) {}
    Value(std::string s) : m_type(Type::String), m_string(std::make_shared<std::string>(std::move(s))) {}
    Value(Array a) : m_type(Type::Array), m_array(std::make_shared<json::Array>(std::move(a))) {}
    Value(Object o) : m_type(Type::Object), m_object(std::make_shared<json::Object>(std::move(o))) {}

    // Throws periscope::Error ("invalid JSON: <what> at byte N") on malformed text.
    static Value parse(std::string_view text, const ParseLimits &limits = {});
    // Compact when indent < 0, else pretty-printed with `indent` spaces.
    std::string dump(int indent = -1) const;

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isInteger() const { return m_type == Type::Number && m_isInteger; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    // Typed access; each throws periscope::Error naming the expected and actual type.
    bool asBool() const;
    double asNumber() const;
    std::int64_t asInt64() const; // only for numbers written as integers (no fraction, no exponent)
    const std::string &asString() const;
    const Array &asArray() const;
    const Object &asObject() const;
    Array &asArray();
    Object &asObject();

    // Object lookup: nullptr when absent (or when this is not an object).
    const Value *find(std::string_view key) const;
    // Object insert-or-replace, keeping first-insertion order.
    void set(const std::string &key, Value value);

    static const char *typeName(Type type);

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0.0;
    std::int64_t m_integer = 0;
    bool m_isInteger = false;
    std::shared_ptr<std::string> m_string;
    std::shared_ptr<json::Array> m_array;
    std::shared_ptr<json::Object> m_object;
};

// A number, or null where it is NaN or infinite (JSON has neither): "not measured" stays null.
Value finiteOrNull(double value);

// A JSON file parsed whole. Throws periscope::Error naming the file when it cannot be read, is
// larger than `maxBytes` (checked before reading) or is not valid JSON.
Value readJsonFile(const std::string &path, std::uint64_t maxBytes = 1024ull * 1024 * 1024);

} // namespace periscope::json
