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
    case Kind::Object: return "object";
    case Kind::Mark: return "mark";
    }
    return "?";
}

namespace {
// Opcodes of pickle protocols 0-4 that torch.save and torch.jit.save output use.
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

bool isContainer(PickleValue::Kind kind)
{
    using K = PickleValue::Kind;
    return kind == K::List || kind == K::Tuple || kind == K::Dict || kind == K::Object;
}
} // namespace

Unpickler::Unpickler(const std::uint8_t *data, std::size_t size, std::string origin)
    : m_data(data), m_size(size), m_origin(std::move(origin))
{
}

void Unpickler::allow(const std::string &global, Callable callable)
{
    m_allowed.emplace_back(global, std::move(callable));
}

bool Unpickler::isInertClass(const std::string &global) const
{
    for (const std::string &prefix : m_inertPrefixes)
        if (global.compare(0, prefix.size(), prefix) == 0)
            return true;
    return false;
}

void Unpickler::fail(const std::string &what) const
{
    throw Error(m_origin + ": " + what + " (pickle byte " + std::to_string(m_pos) + ")");
}

void Unpickler::count()
{
    if (++m_values > kMaxValues)
        fail("more than " + std::to_string(kMaxValues) + " values: refused as too large for a weights file");
}

PickleRef Unpickler::make(PickleValue::Kind kind)
{
    count();
    auto value = std::make_shared<PickleValue>();
    value->kind = kind;
    return value;
}

void Unpickler::push(PickleRef value)
{
    count();
    m_stack.push_back(std::move(value));
}

void Unpickler::adopt(PickleValue &parent, const PickleRef &child)
{
    child->sealed = true;
    if (parent.sealed)
        fail("malformed pickle (a " + std::string(parent.kindName()) +
             " changes after it was used: self-referencing values are not read)");
    if (child->depth >= kMaxDepth)
        fail("values nested more than " + std::to_string(kMaxDepth) + " levels deep: refused");
    parent.depth = std::max(parent.depth, child->depth + 1);
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
    count();
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
    if (isInertClass(callable->text)) {
        // An instance of a TorchScript class: a record named after the class. Its constructor
        // arguments (TorchScript writes none) are dropped; BUILD gives it its attributes.
        PickleRef object = make(PickleValue::Kind::Object);
        object->text = callable->text;
        return object;
    }
    for (const auto &[name, function] : m_allowed) {
        if (name != callable->text)
            continue;
        PickleRef result = function(args);
        if (!result)
            fail("malformed pickle ('" + name + "' gave nothing)");
        // A container made by a callable (an OrderedDict) holds values from the arguments,
        // which are sealed already; it is new, so its depth follows from them.
        if (isContainer(result->kind) && !result->sealed) {
            for (const PickleRef &item : result->items)
                adopt(*result, item);
            for (const auto &[key, value] : result->entries) {
                adopt(*result, key);
                adopt(*result, value);
            }
        }
        return result;
    }
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
        case MARK: push(make(PickleValue::Kind::Mark)); break;
        case POP: pop(); break;
        case POP_MARK: popToMark(); break;
        case DUP: push(top()); break;
        case NONE: push(make(PickleValue::Kind::None)); break;
        case NEWTRUE:
        case NEWFALSE: {
            PickleRef v = make(PickleValue::Kind::Bool);
            v->boolean = op == NEWTRUE;
            push(v);
            break;
        }
        case BININT:
        case BININT1:
        case BININT2: {
            PickleRef v = make(PickleValue::Kind::Int);
            v->integer = op == BININT    ? std::int64_t(std::int32_t(std::uint32_t(readUInt(4))))
                         : op == BININT1 ? std::int64_t(readByte())
                                         : std::int64_t(readUInt(2));
            push(v);
            break;
        }
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
                PickleRef value = make(PickleValue::Kind::Int);
                value->integer = std::int64_t(v);
                push(value);
            } else {
                PickleRef v = make(PickleValue::Kind::BigInt);
                v->text.assign(reinterpret_cast<const char *>(p), std::size_t(n));
                push(v);
            }
            break;
        }
        case BINFLOAT: {
            const std::uint8_t *p = readBytes(8);
            std::uint64_t bits = 0;
            for (int i = 0; i < 8; ++i) // big-endian
                bits = (bits << 8) | p[i];
            PickleRef v = make(PickleValue::Kind::Float);
            std::memcpy(&v->real, &bits, sizeof bits);
            push(v);
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
            const std::uint8_t *p = readBytes(std::size_t(n)); // bounded by the file: checked first
            const bool bytes = op == BINBYTES || op == SHORT_BINBYTES || op == BINBYTES8;
            PickleRef v = make(bytes ? PickleValue::Kind::Bytes : PickleValue::Kind::String);
            v->text.assign(reinterpret_cast<const char *>(p), std::size_t(n));
            push(v);
            break;
        }
        case EMPTY_LIST: push(make(PickleValue::Kind::List)); break;
        case EMPTY_DICT: push(make(PickleValue::Kind::Dict)); break;
        case EMPTY_TUPLE: push(make(PickleValue::Kind::Tuple)); break;
        case LIST:
        case TUPLE: {
            PickleRef v = make(op == LIST ? PickleValue::Kind::List : PickleValue::Kind::Tuple);
            v->items = popToMark();
            for (const PickleRef &item : v->items)
                adopt(*v, item);
            push(v);
            break;
        }
        case TUPLE1:
        case TUPLE2:
        case TUPLE3: {
            const std::size_t n = std::size_t(op - TUPLE1 + 1);
            PickleRef v = make(PickleValue::Kind::Tuple);
            v->items.resize(n);
            for (std::size_t i = n; i-- > 0;)
                v->items[i] = pop();
            for (const PickleRef &item : v->items)
                adopt(*v, item);
            push(v);
            break;
        }
        case DICT: {
            std::vector<PickleRef> items = popToMark();
            if (items.size() % 2)
                fail("malformed pickle (odd dict items)");
            PickleRef v = make(PickleValue::Kind::Dict);
            for (std::size_t i = 0; i < items.size(); i += 2) {
                adopt(*v, items[i]);
                adopt(*v, items[i + 1]);
                v->entries.emplace_back(items[i], items[i + 1]);
            }
            push(v);
            break;
        }
        case APPEND:
        case APPENDS: {
            std::vector<PickleRef> items;
            if (op == APPEND)
                items.push_back(pop());
            else
                items = popToMark();
            PickleRef &list = top();
            if (list->kind != PickleValue::Kind::List)
                fail("malformed pickle (APPEND to a " + std::string(list->kindName()) + ")");
            for (const PickleRef &item : items) {
                adopt(*list, item);
                list->items.push_back(item);
            }
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
            for (std::size_t i = 0; i < items.size(); i += 2) {
                adopt(*dict, items[i]);
                adopt(*dict, items[i + 1]);
                dict->entries.emplace_back(items[i], items[i + 1]);
            }
            break;
        }
        case BINPUT: memoPut(readByte()); break;
        case LONG_BINPUT: memoPut(readUInt(4)); break;
        case MEMOIZE: memoPut(m_memo.size()); break;
        case BINGET: push(memoGet(readByte())); break;
        case LONG_BINGET: push(memoGet(readUInt(4))); break;
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
            bool allowed = isInertClass(qualified);
            for (const auto &entry : m_allowed)
                allowed |= entry.first == qualified;
            if (!allowed)
                throw Error(m_origin + ": refused to load: it names the global '" + qualified +
                            "', which is not on the list of what a weights file may contain; nothing was executed");
            PickleRef v = make(PickleValue::Kind::Global);
            v->text = qualified;
            push(v);
            break;
        }
        case REDUCE:
        case NEWOBJ: {
            PickleRef args = pop();
            PickleRef callable = pop();
            if (args->kind != PickleValue::Kind::Tuple)
                fail("malformed pickle (arguments are not a tuple)");
            args->sealed = true;
            for (const PickleRef &arg : args->items)
                arg->sealed = true;
            push(call(callable, args->items));
            break;
        }
        case BUILD: {
            PickleRef state = pop();
            PickleRef &object = top();
            if (object->kind == PickleValue::Kind::Object) {
                // A TorchScript object's attributes (a dict), or whatever its __getstate__
                // returned, kept as data: the __setstate__ the archive's code defines never runs.
                adopt(*object, state);
                if (state->kind == PickleValue::Kind::Dict)
                    object->entries = state->entries;
                else
                    object->items.push_back(state);
                break;
            }
            // OrderedDict carries its `_metadata` (module versions) as state; tensors may carry
            // Python attributes. Neither changes the weights, so the state is dropped.
            if (object->kind != PickleValue::Kind::Dict && object->kind != PickleValue::Kind::Tensor)
                fail("malformed pickle (BUILD on a " + std::string(object->kindName()) + ")");
            break;
        }
        case BINPERSID: {
            PickleRef id = pop();
            if (!m_persistentLoad)
                fail("malformed pickle (persistent id without a loader)");
            id->sealed = true;
            push(m_persistentLoad(id));
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
