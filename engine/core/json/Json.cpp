// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/json/Json.h"

#include "engine/core/errors/Error.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <limits>
#include <string>
#include <unordered_set>

namespace periscope::json {

namespace {

class Parser {
public:
    Parser(std::string_view text, const ParseLimits &limits) : m_text(text), m_limits(limits) {}

    Value parseDocument()
    {
        skipSpace();
        Value value = parseValue(0);
        skipSpace();
        if (m_pos != m_text.size())
            fail("unexpected text after the value");
        return value;
    }

private:
    [[noreturn]] void fail(const std::string &what) const
    {
        throw Error("invalid JSON: " + what + " at byte " + std::to_string(m_pos));
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    char peek() const
    {
        if (m_pos >= m_text.size())
            fail("unexpected end of text");
        return m_text[m_pos];
    }

    void expect(char c)
    {
        if (peek() != c)
            fail(std::string("expected '") + c + "'");
        ++m_pos;
    }

    void expectWord(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            fail("unknown literal");
        m_pos += word.size();
    }

    Value parseValue(int depth)
    {
        if (depth > m_limits.maxDepth)
            fail("nesting deeper than " + std::to_string(m_limits.maxDepth));
        switch (peek()) {
        case '{': return parseObject(depth);
        case '[': return parseArray(depth);
        case '"': return Value(parseString());
        case 't': expectWord("true"); return Value(true);
        case 'f': expectWord("false"); return Value(false);
        case 'n': expectWord("null"); return Value();
        default: return parseNumber();
        }
    }

    Value parseObject(int depth)
    {
        expect('{');
        Object object;
        std::unordered_set<std::string> seen;
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return Value(std::move(object));
        }
        for (;;) {
            skipSpace();
            if (peek() != '"')
                fail("expected a string key");
            std::string key = parseString();
            // A set, not a scan of the keys so far: an object of 200,000 keys (a safetensors
            // header) would otherwise take minutes.
            if (!seen.insert(key).second)
                fail("duplicate key \"" + key + "\"");
            skipSpace();
            expect(':');
            skipSpace();
            object.emplace_back(std::move(key), parseValue(depth + 1));
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            expect('}');
            return Value(std::move(object));
        }
    }

    Value parseArray(int depth)
    {
        expect('[');
        Array array;
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return Value(std::move(array));
        }
        for (;;) {
            skipSpace();
            array.push_back(parseValue(depth + 1));
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            expect(']');
            return Value(std::move(array));
        }
    }

    unsigned parseHex4()
    {
        if (m_pos + 4 > m_text.size())
            fail("truncated \\u escape");
        unsigned code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= unsigned(c - 'A' + 10);
            else
                fail("bad \\u escape");
        }
        return code;
    }

    static void appendUtf8(std::string &out, unsigned code)
    {
        if (code < 0x80) {
            out += char(code);
        } else if (code < 0x800) {
            out += char(0xC0 | (code >> 6));
            out += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += char(0xE0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        } else {
            out += char(0xF0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3F));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        }
    }

    std::string parseString()
    {
        expect('"');
        std::string out;
        for (;;) {
            if (m_pos >= m_text.size())
                fail("unterminated string");
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                fail("unterminated escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned code = parseHex4();
                if (code >= 0xD800 && code < 0xDC00) {
                    if (m_text.substr(m_pos, 2) != "\\u")
                        fail("unpaired surrogate");
                    m_pos += 2;
                    const unsigned low = parseHex4();
                    if (low < 0xDC00 || low >= 0xE000)
                        fail("bad surrogate pair");
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else if (code >= 0xDC00 && code < 0xE000) {
                    fail("unpaired surrogate");
                }
                appendUtf8(out, code);
                break;
            }
            default: fail("unknown escape");
            }
        }
    }

    Value parseNumber()
    {
        const std::size_t start = m_pos;
        bool integral = true;
        if (peek() == '-')
            ++m_pos;
        auto digits = [&] {
            const std::size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        if (m_pos < m_text.size() && m_text[m_pos] == '0') {
            ++m_pos;
        } else if (digits() == 0) {
            fail("unexpected character");
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            integral = false;
            ++m_pos;
            if (digits() == 0)
                fail("digits expected after '.'");
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            integral = false;
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (digits() == 0)
                fail("digits expected in the exponent");
        }
        const std::string token(m_text.substr(start, m_pos - start));
        if (integral) {
            errno = 0;
            char *end = nullptr;
            const long long v = std::strtoll(token.c_str(), &end, 10);
            if (errno == ERANGE)
                fail("integer out of range");
            if (v == 0 && token.front() == '-')
                return Value(-0.0); // a negative zero is written "-0": read back as itself, not as 0
            return Value(std::int64_t(v));
        }
        // from_chars, not strtod: strtod reads the C locale's decimal point, and Qt applies the
        // user's locale (LC_NUMERIC sv_SE: "0,5") to every process it starts.
        double value = 0.0;
        const std::from_chars_result read = std::from_chars(token.data(), token.data() + token.size(), value);
        if (read.ec == std::errc::result_out_of_range) {
            // As strtod: past the largest double is infinite (written back as null), below the
            // smallest is zero.
            const bool negative = token.front() == '-';
            const bool tiny = token.find("e-") != std::string::npos || token.find("E-") != std::string::npos;
            value = tiny ? (negative ? -0.0 : 0.0) : (negative ? -1.0 : 1.0) * std::numeric_limits<double>::infinity();
        }
        return Value(value);
    }

    std::string_view m_text;
    ParseLimits m_limits;
    std::size_t m_pos = 0;
};

void dumpString(std::string &out, const std::string &s)
{
    out += '"';
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(static_cast<unsigned char>(c)));
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void dumpValue(std::string &out, const Value &v, int indent, int level)
{
    auto newline = [&](int l) {
        if (indent < 0)
            return;
        out += '\n';
        out.append(std::size_t(indent * l), ' ');
    };
    switch (v.type()) {
    case Value::Type::Null: out += "null"; break;
    case Value::Type::Bool: out += v.asBool() ? "true" : "false"; break;
    case Value::Type::Number:
        if (v.isInteger()) {
            out += std::to_string(v.asInt64());
        } else if (!std::isfinite(v.asNumber())) {
            out += "null"; // JSON has no NaN or infinity
        } else {
            // 17 significant digits read back to the same double. to_chars, not printf, whose
            // decimal point follows the locale (a comma in sv_SE, which JSON does not allow).
            char buffer[32];
            const std::to_chars_result written =
                std::to_chars(buffer, buffer + sizeof buffer, v.asNumber(), std::chars_format::general, 17);
            out.append(buffer, written.ptr);
        }
        break;
    case Value::Type::String: dumpString(out, v.asString()); break;
    case Value::Type::Array: {
        out += '[';
        const Array &a = v.asArray();
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            newline(level + 1);
            dumpValue(out, a[i], indent, level + 1);
        }
        if (!a.empty())
            newline(level);
        out += ']';
        break;
    }
    case Value::Type::Object: {
        out += '{';
        const Object &o = v.asObject();
        for (std::size_t i = 0; i < o.size(); ++i) {
            if (i)
                out += ',';
            newline(level + 1);
            dumpString(out, o[i].first);
            out += indent < 0 ? ":" : ": ";
            dumpValue(out, o[i].second, indent, level + 1);
        }
        if (!o.empty())
            newline(level);
        out += '}';
        break;
    }
    }
}

[[noreturn]] void wrongType(Value::Type expected, Value::Type actual)
{
    throw Error(std::string("JSON: expected ") + Value::typeName(expected) + ", found " + Value::typeName(actual));
}

} // namespace

Value Value::parse(std::string_view text, const ParseLimits &limits)
{
    return Parser(text, limits).parseDocument();
}

std::string Value::dump(int indent) const
{
    std::string out;
    dumpValue(out, *this, indent, 0);
    return out;
}

const char *Value::typeName(Type type)
{
    switch (type) {
    case Type::Null: return "null";
    case Type::Bool: return "a boolean";
    case Type::Number: return "a number";
    case Type::String: return "a string";
    case Type::Array: return "an array";
    case Type::Object: return "an object";
    }
    return "?";
}

bool Value::asBool() const
{
    if (m_type != Type::Bool)
        wrongType(Type::Bool, m_type);
    return m_bool;
}

double Value::asNumber() const
{
    if (m_type != Type::Number)
        wrongType(Type::Number, m_type);
    return m_number;
}

std::int64_t Value::asInt64() const
{
    if (m_type != Type::Number)
        wrongType(Type::Number, m_type);
    if (!m_isInteger && m_number == 0.0 && std::signbit(m_number))
        return 0; // "-0", read as a negative zero (so that it is written back as itself)
    if (!m_isInteger)
        throw Error("JSON: expected an integer, found " + std::to_string(m_number));
    return m_integer;
}

const std::string &Value::asString() const
{
    if (m_type != Type::String)
        wrongType(Type::String, m_type);
    return *m_string;
}

const Array &Value::asArray() const
{
    if (m_type != Type::Array)
        wrongType(Type::Array, m_type);
    return *m_array;
}

const Object &Value::asObject() const
{
    if (m_type != Type::Object)
        wrongType(Type::Object, m_type);
    return *m_object;
}

Array &Value::asArray()
{
    if (m_type != Type::Array)
        wrongType(Type::Array, m_type);
    if (m_array.use_count() > 1) // copy on write: values share their containers
        m_array = std::make_shared<json::Array>(*m_array);
    return *m_array;
}

Object &Value::asObject()
{
    if (m_type != Type::Object)
        wrongType(Type::Object, m_type);
    if (m_object.use_count() > 1)
        m_object = std::make_shared<json::Object>(*m_object);
    return *m_object;
}

const Value *Value::find(std::string_view key) const
{
    if (m_type != Type::Object)
        return nullptr;
    for (const auto &entry : *m_object)
        if (entry.first == key)
            return &entry.second;
    return nullptr;
}

void Value::set(const std::string &key, Value value)
{
    if (m_type == Type::Null)
        *this = Value(Object{});
    Object &object = asObject();
    for (auto &entry : object) {
        if (entry.first == key) {
            entry.second = std::move(value);
            return;
        }
    }
    object.emplace_back(key, std::move(value));
}

Value finiteOrNull(double value)
{
    return std::isfinite(value) ? Value(value) : Value();
}

Value readJsonFile(const std::string &path, std::uint64_t maxBytes)
{
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error)
        throw Error(path + ": cannot be read");
    if (size > maxBytes)
        throw Error(path + ": larger than " + std::to_string(maxBytes / (1024 * 1024)) + " MB, not a file this reads");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path + ": cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return Value::parse(text.str());
    } catch (const Error &e) {
        throw Error(path + ": " + e.what());
    }
}

} // namespace periscope::json
