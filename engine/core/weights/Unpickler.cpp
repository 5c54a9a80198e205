// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/weights/Unpickler.h"

#include "engine/core/errors/Error.h"

#include <cstring>

namespace periscope {

PickleRef PickleValue::none()
{
    return std::make_shared<PickleValue>();
}

PickleRef PickleValue::makeInt(std::int64_t v)
{
    auto value = std::make_shared<PickleValue>();
    value->kind = Kind::Int;
    value->integer = v;
    return value;
}

PickleRef PickleValue::makeString(std::string s)
{
    auto value = std::make_shared<PickleValue>();
    value->kind = Kind::String;
    value->text = std::move(s);
    return value;
}

PickleRef PickleValue::makeTensor(torch::Tensor t)
{
    auto value = std::make_shared<PickleValue>();
    value->kind = Kind::Tensor;
    value->tensor = std::move(t);
    return value;
}

PickleRef PickleValue::makeDict()
{
    auto value = std::make_shared<PickleValue>();
    value->kind = Kind::Dict;
    return value;
}

const char *PickleValue::kindName() const
{
    switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::BigInt: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::Bytes: return "bytes";
    case Kind::List: return "list";
    case Kind::Tuple: return "tuple";
    case Kind::Dict: return "dict";
    case Kind::Global: return "global";
    case Kind::Tensor: return "tensor";
    case Kind::Mark: return "mark";
    }
    return "?";
}

namespace {
PickleRef makeKind(PickleValue::Kind kind)
{
    auto value = std::make_shared<PickleValue>();
    value->kind = kind;
    return value;
}

// Opcodes of pickle protocols 0-4 that torch.save output uses.
enum Opcode : std::uint8_t {
    MARK = '(', STOP = '.', POP = '0', POP_MARK = '1', DUP = '2', NONE = 'N',
    BININT = 'J', BININT1 = 'K', BININT2 = 'M', BINFLOAT = 'G',
    BINSTRING = 'T', SHORT_BINSTRING = 'U', BINUNICODE = 'X', BINBYTES = 'B', SHORT_BINBYTES = 'C',
    EMPTY_LIST = ']', EMPTY_DICT = '}', EMPTY_TUPLE = ')', LIST = 'l', DICT = 'd', TUPLE = 't',
    APPEND = 'a', APPENDS = 'e', SETITEM = 's', SETITEMS = 'u',
    BINPUT = 'q', LONG_BINPUT = 'r', BINGET = 'h', LONG_BINGET = 'j',
    GLOBAL = 'c', REDUCE = 'R', BUILD = 'b', BINPERSID = 'Q',
    PROTO = 0x80, NEWOBJ = 0x81, TUPLE1 = 0x85, TUPLE2 = 0x86, TUPLE3 = 0x87,
    NEWTRUE = 0x88, NEWFALSE = 0x89, LONG1 = 0x8a, LONG4 = 0x8b,
    SHORT_BINUNICODE = 0x8c, BINUNICODE8 = 0x8d, BINBYTES8 = 0x8e,
    STACK_GLOBAL = 0x93, MEMOIZE = 0x94, FRAME = 0x95,
};
} // namespace

Unpickler::Unpickler(const std::uint8_t *data, std::size_t size, std::string origin)
    : m_data(data), m_size(size), m_origin(std::move(origin))
{
}

void Unpickler::allow(const std::string &global, Callable callable)
{
    m_allowed.emplace_back(global, std::move(callable));
}

void Unpickler::fail(const std::string &what) const
{
    throw Error(m_origin + ": " + what + " (pickle byte " + std::to_string(m_pos) + ")");
}

std::uint8_t Unpickler::readByte()
{
    if (m_pos >= m_size)
        fail("the pickle ends early: the file is truncated");
    return m_data[m_pos++];
}

const std::uint8_t *Unpickler::readBytes(std::size_t n)
{
    if (n > m_size - m_pos)
        fail("a value of " + std::to_string(n) + " bytes runs past the end: the file is truncated");
    const std::uint8_t *p = m_data + m_pos;
    m_pos += n;
    return p;
}

std::uint64_t Unpickler::readUInt(int bytes)
{
    const std::uint8_t *p = readBytes(std::size_t(bytes));
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

std::string Unpickler::readLine()
{
    std::string line;
    for (;;) {
        const char c = char(readByte());
        if (c == '\n')
            return line;
        if (line.size() > 256)
            fail("a global name is too long");
        line += c;
    }
}

PickleRef Unpickler::pop()
{
    if (m_stack.empty() || m_stack.back()->kind == PickleValue::Kind::Mark)
        fail("malformed pickle (stack underflow)");
    PickleRef v = std::move(m_stack.back());
    m_stack.pop_back();
    return v;
}

PickleRef &Unpickler::top()
{
    if (m_stack.empty() || m_stack.back()->kind == PickleValue::Kind::Mark)
        fail("malformed pickle (stack underflow)");
    return m_stack.back();
}

std::vector<PickleRef> Unpickler::popToMark()
{
    std::size_t mark = m_stack.size();
    while (mark > 0 && m_stack[mark - 1]->kind != PickleValue::Kind::Mark)
        --mark;
    if (mark == 0)
        fail("malformed pickle (no mark)");
    std::vector<PickleRef> items(m_stack.begin() + std::ptrdiff_t(mark), m_stack.end());
    m_stack.resize(mark - 1);
    return items;
}

void Unpickler::memoPut(std::uint64_t index)
{
    m_memo[index] = top();
}

PickleRef Unpickler::memoGet(std::uint64_t index)
{
    auto it = m_memo.find(index);
    if (it == m_memo.end())
        fail("malformed pickle (memo " + std::to_string(index) + " is unset)");
    return it->second;
}

PickleRef Unpickler::call(const PickleRef &callable, const std::vector<PickleRef> &args)
{
    if (callable->kind != PickleValue::Kind::Global)
        fail("malformed pickle (calling a " + std::string(callable->kindName()) + ")");
    for (const auto &[name, function] : m_allowed)
        if (name == callable->text)
            return function(args);
    fail("refused global '" + callable->text + "'");
}

PickleRef Unpickler::load()
{
    m_stack.clear();
    for (;;) {
        const std::uint8_t op = readByte();
        switch (op) {
        case PROTO:
            if (readByte() > 5)
                fail("unsupported pickle protocol");
            break;
        case FRAME: readBytes(8); break;
        case STOP: {
            PickleRef result = pop();
            return result;
        }
        case MARK: m_stack.push_back(makeKind(PickleValue::Kind::Mark)); break;
        case POP: pop(); break;
        case POP_MARK: popToMark(); break;
        case DUP: m_stack.push_back(top()); break;
        case NONE: m_stack.push_back(PickleValue::none()); break;
        case NEWTRUE:
        case NEWFALSE: {
            PickleRef v = makeKind(PickleValue::Kind::Bool);
            v->boolean = op == NEWTRUE;
            m_stack.push_back(v);
            break;
        }
        case BININT: m_stack.push_back(PickleValue::makeInt(std::int32_t(std::uint32_t(readUInt(4))))); break;
        case BININT1: m_stack.push_back(PickleValue::makeInt(readByte())); break;
        case BININT2: m_stack.push_back(PickleValue::makeInt(std::int64_t(readUInt(2)))); break;
        case LONG1:
        case LONG4: {
            const std::uint64_t n = op == LONG1 ? readByte() : readUInt(4);
            const std::uint8_t *p = readBytes(std::size_t(n));
            if (n <= 8) {
                std::uint64_t v = 0;
                for (std::uint64_t i = n; i-- > 0;)
                    v = (v << 8) | p[i];
                if (n > 0 && n < 8 && (p[n - 1] & 0x80)) // sign-extend two's complement
                    v |= ~std::uint64_t(0) << (8 * n);
                m_stack.push_back(PickleValue::makeInt(std::int64_t(v)));
            } else {
                PickleRef v = makeKind(PickleValue::Kind::BigInt);
                v->text.assign(reinterpret_cast<const char *>(p), std::size_t(n));
                m_stack.push_back(v);
            }
            break;
        }
        case BINFLOAT: {
            const std::uint8_t *p = readBytes(8);
            std::uint64_t bits = 0;
            for (int i = 0; i < 8; ++i) // big-endian
                bits = (bits << 8) | p[i];
            PickleRef v = makeKind(PickleValue::Kind::Float);
            std::memcpy(&v->real, &bits, sizeof bits);
            m_stack.push_back(v);
            break;
        }
        case BINUNICODE:
        case SHORT_BINUNICODE:
        case BINUNICODE8:
        case BINSTRING:
        case SHORT_BINSTRING:
        case BINBYTES:
        case SHORT_BINBYTES:
        case BINBYTES8: {
            const int width = (op == SHORT_BINUNICODE || op == SHORT_BINSTRING || op == SHORT_BINBYTES) ? 1
                              : (op == BINUNICODE8 || op == BINBYTES8)                                 ? 8
                                                                                                       : 4;
            const std::uint64_t n = readUInt(width);
            const std::uint8_t *p = readBytes(std::size_t(n));
            const bool bytes = op == BINBYTES || op == SHORT_BINBYTES || op == BINBYTES8;
            PickleRef v = makeKind(bytes ? PickleValue::Kind::Bytes : PickleValue::Kind::String);
            v->text.assign(reinterpret_cast<const char *>(p), std::size_t(n));
            m_stack.push_back(v);
            break;
        }
        case EMPTY_LIST: m_stack.push_back(makeKind(PickleValue::Kind::List)); break;
        case EMPTY_DICT: m_stack.push_back(PickleValue::makeDict()); break;
        case EMPTY_TUPLE: m_stack.push_back(makeKind(PickleValue::Kind::Tuple)); break;
        case LIST:
        case TUPLE: {
            PickleRef v = makeKind(op == LIST ? PickleValue::Kind::List : PickleValue::Kind::Tuple);
            v->items = popToMark();
            m_stack.push_back(v);
            break;
        }
        case TUPLE1:
        case TUPLE2:
        case TUPLE3: {
            const std::size_t n = std::size_t(op - TUPLE1 + 1);
            PickleRef v = makeKind(PickleValue::Kind::Tuple);
            v->items.resize(n);
            for (std::size_t i = n; i-- > 0;)
                v->items[i] = pop();
            m_stack.push_back(v);
            break;
        }
        case DICT: {
            std::vector<PickleRef> items = popToMark();
            if (items.size() % 2)
                fail("malformed pickle (odd dict items)");
            PickleRef v = PickleValue::makeDict();
            for (std::size_t i = 0; i < items.size(); i += 2)
                v->entries.emplace_back(items[i], items[i + 1]);
            m_stack.push_back(v);
            break;
        }
        case APPEND: {
            PickleRef item = pop();
            PickleRef &list = top();
            if (list->kind != PickleValue::Kind::List)
                fail("malformed pickle (APPEND to a " + std::string(list->kindName()) + ")");
            list->items.push_back(item);
            break;
        }
        case APPENDS: {
            std::vector<PickleRef> items = popToMark();
            PickleRef &list = top();
            if (list->kind != PickleValue::Kind::List)
                fail("malformed pickle (APPENDS to a " + std::string(list->kindName()) + ")");
            list->items.insert(list->items.end(), items.begin(), items.end());
            break;
        }
        case SETITEM:
        case SETITEMS: {
            std::vector<PickleRef> items;
            if (op == SETITEM) {
                PickleRef value = pop();
                PickleRef key = pop();
                items = {key, value};
            } else {
                items = popToMark();
            }
            if (items.size() % 2)
                fail("malformed pickle (odd dict items)");
            PickleRef &dict = top();
            if (dict->kind != PickleValue::Kind::Dict)
                fail("malformed pickle (SETITEM on a " + std::string(dict->kindName()) + ")");
            for (std::size_t i = 0; i < items.size(); i += 2)
                dict->entries.emplace_back(items[i], items[i + 1]);
            break;
        }
        case BINPUT: memoPut(readByte()); break;
        case LONG_BINPUT: memoPut(readUInt(4)); break;
        case MEMOIZE: memoPut(m_memo.size()); break;
        case BINGET: m_stack.push_back(memoGet(readByte())); break;
        case LONG_BINGET: m_stack.push_back(memoGet(readUInt(4))); break;
        case GLOBAL:
        case STACK_GLOBAL: {
            std::string module, name;
            if (op == GLOBAL) {
                module = readLine();
                name = readLine();
            } else {
                PickleRef n = pop();
                PickleRef m = pop();
                if (n->kind != PickleValue::Kind::String || m->kind != PickleValue::Kind::String)
                    fail("malformed pickle (STACK_GLOBAL needs two strings)");
                module = m->text;
                name = n->text;
            }
            const std::string qualified = module + "." + name;
            bool allowed = false;
            for (const auto &entry : m_allowed)
                allowed |= entry.first == qualified;
            if (!allowed)
                throw Error(m_origin + ": refused to load: it names the global '" + qualified +
                            "', which is not on the list of what a weights file may contain; nothing was executed");
            PickleRef v = makeKind(PickleValue::Kind::Global);
            v->text = qualified;
            m_stack.push_back(v);
            break;
        }
        case REDUCE:
        case NEWOBJ: {
            PickleRef args = pop();
            PickleRef callable = pop();
            if (args->kind != PickleValue::Kind::Tuple)
                fail("malformed pickle (arguments are not a tuple)");
            m_stack.push_back(call(callable, args->items));
            break;
        }
        case BUILD: {
            PickleRef state = pop();
            PickleRef &object = top();
            // OrderedDict carries its `_metadata` (module versions) as state; tensors may carry
            // Python attributes. Neither changes the weights, so the state is dropped.
            if (object->kind != PickleValue::Kind::Dict && object->kind != PickleValue::Kind::Tensor)
                fail("malformed pickle (BUILD on a " + std::string(object->kindName()) + ")");
            (void)state;
            break;
        }
        case BINPERSID: {
            PickleRef id = pop();
            if (!m_persistentLoad)
                fail("malformed pickle (persistent id without a loader)");
            m_stack.push_back(m_persistentLoad(id));
            break;
        }
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", op);
            fail(std::string("unsupported pickle opcode ") + hex + ": not a torch.save file, or corrupt");
        }
        }
    }
}

} // namespace periscope
