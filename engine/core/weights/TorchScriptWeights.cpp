// SPDX-License-Identifier: GPL-3.0-or-later
// TorchScript archives read as data (TorchCheckpoint.h, loadTorchScriptWeights): nothing in
// them ever runs. Which tensor attributes are parameters or buffers is written in the archive's
// code as text (`__parameters__ = ["weight", "bias", ]`); that text is read, never executed.
#include "engine/core/weights/TorchCheckpoint.h"

#include "engine/core/errors/Error.h"
#include "engine/core/weights/TorchArchive.h"

#include <algorithm>
#include <map>
#include <set>

namespace periscope {

namespace {

constexpr std::uint64_t kMaxCodeBytes = 64ull << 20;

struct ClassSlots {
    bool known = false; // false: the class's code was not found; every tensor counts as a parameter
    std::vector<std::string> parameters;
    std::vector<std::string> buffers;
};

// ["weight", "bias", ] -> {weight, bias}
std::vector<std::string> quotedNames(const std::string &line)
{
    std::vector<std::string> names;
    std::size_t pos = line.find('[');
    while (pos != std::string::npos) {
        const std::size_t open = line.find('"', pos);
        if (open == std::string::npos)
            break;
        const std::size_t close = line.find('"', open + 1);
        if (close == std::string::npos)
            break;
        names.push_back(line.substr(open + 1, close - open - 1));
        pos = close + 1;
    }
    return names;
}

// "__torch__.torch.nn.modules.conv.Conv2d": class Conv2d in code/__torch__/torch/nn/modules/conv.py
ClassSlots readClassSlots(const TorchArchive &archive, const std::string &qualified)
{
    ClassSlots slots;
    const std::size_t dot = qualified.rfind('.');
    if (dot == std::string::npos)
        return slots;
    std::string file = "code/" + qualified.substr(0, dot) + ".py";
    for (std::size_t i = 5; i < file.size() - 3; ++i)
        if (file[i] == '.')
            file[i] = '/';
    if (!archive.has(file))
        return slots;
    const ZipRecord code = archive.read(file, kMaxCodeBytes);
    const std::string text(reinterpret_cast<const char *>(code.data), code.size);
    const std::string header = "class " + qualified.substr(dot + 1);
    bool inClass = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (!inClass) {
            inClass = line.compare(0, header.size(), header) == 0 && line.size() > header.size() &&
                      (line[header.size()] == '(' || line[header.size()] == ':');
            continue;
        }
        if (!line.empty() && line[0] != ' ')
            break; // the class body ended
        if (line.compare(0, 18, "  __parameters__ =") == 0) {
            slots.parameters = quotedNames(line);
            slots.known = true;
        } else if (line.compare(0, 15, "  __buffers__ =") == 0) {
            slots.buffers = quotedNames(line);
            slots.known = true;
        }
    }
    return slots;
}

bool contains(const std::vector<std::string> &names, const std::string &name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

class TorchScriptWalk {
public:
    explicit TorchScriptWalk(const TorchArchive &archive) : m_archive(archive) {}

    // Pre-order over the module tree in attribute order, as TorchScript's named_parameters():
    // a module's own slots come before its submodules in the class's attribute order.
    void run(const PickleRef &root)
    {
        struct Frame {
            const PickleValue *object;
            std::string prefix;
            std::size_t next = 0;
        };
        std::vector<Frame> stack{{root.get(), "", 0}};
        std::set<const PickleValue *> visited{root.get()};
        while (!stack.empty()) {
            Frame &frame = stack.back();
            const PickleValue &object = *frame.object;
            const ClassSlots &slots = classSlots(object.text);
            if (frame.next == 0 && object.entries.empty() && !object.items.empty())
                addOpaqueState(object, slots, frame.prefix);
            if (frame.next >= object.entries.size()) {
                stack.pop_back();
                continue;
            }
            const auto &[key, value] = object.entries[frame.next++];
            if (key->kind != PickleValue::Kind::String)
                continue;
            const std::string name = frame.prefix + key->text;
            if (value->kind == PickleValue::Kind::Tensor) {
                if (!slots.known || contains(slots.parameters, key->text))
                    m_parameters.emplace_back(name, value->tensor);
                else if (contains(slots.buffers, key->text))
                    m_buffers.emplace_back(name, value->tensor);
            } else if (value->kind == PickleValue::Kind::Object && visited.insert(value.get()).second) {
                // A submodule shared by two attributes is listed once, under the first, as
                // TorchScript does.
                const std::string prefix = name + ".";
                stack.push_back({value.get(), prefix, 0});
            }
        }
    }

    StateDict result() const
    {
        StateDict all = m_parameters;
        all.insert(all.end(), m_buffers.begin(), m_buffers.end());
        return all;
    }

private:
    const ClassSlots &classSlots(const std::string &qualified)
    {
        auto found = m_classes.find(qualified);
        if (found == m_classes.end())
            found = m_classes.emplace(qualified, readClassSlots(m_archive, qualified)).first;
        return found->second;
    }

    // A module whose __getstate__ returned something other than its attribute dict: which
    // tensor is which is decided by its __setstate__ code, which is never run. When the state
    // holds exactly as many tensors as the class declares, they are named in declaration order.
    void addOpaqueState(const PickleValue &object, const ClassSlots &slots, const std::string &prefix)
    {
        std::vector<torch::Tensor> tensors;
        const PickleValue &state = *object.items.front();
        if (state.kind == PickleValue::Kind::Tensor)
            tensors.push_back(state.tensor);
        for (const PickleRef &item : state.items)
            if (item->kind == PickleValue::Kind::Tensor)
                tensors.push_back(item->tensor);
        const std::size_t declared = slots.parameters.size() + slots.buffers.size();
        for (std::size_t i = 0; i < tensors.size(); ++i) {
            if (slots.known && tensors.size() == declared) {
                if (i < slots.parameters.size())
                    m_parameters.emplace_back(prefix + slots.parameters[i], tensors[i]);
                else
                    m_buffers.emplace_back(prefix + slots.buffers[i - slots.parameters.size()], tensors[i]);
            } else {
                m_parameters.emplace_back(prefix + "__state__." + std::to_string(i), tensors[i]);
            }
        }
    }

    const TorchArchive &m_archive;
    std::map<std::string, ClassSlots> m_classes;
    StateDict m_parameters;
    StateDict m_buffers;
};

} // namespace

StateDict loadTorchScriptWeights(const std::string &path)
{
    TorchArchive archive(path);
    if (!archive.has("constants.pkl") || !archive.has("data.pkl"))
        throw Error(path + ": not a TorchScript archive (no constants.pkl or data.pkl)");
    const PickleRef root =
        archive.unpickle("data.pkl", [](Unpickler &unpickler) { unpickler.allowInertClasses("__torch__."); });
    if (!root || root->kind != PickleValue::Kind::Object)
        throw Error(path + ": a TorchScript archive whose data is a " + std::string(root ? root->kindName() : "nothing") +
                    ", not a module");
    TorchScriptWalk walk(archive);
    walk.run(root);
    return walk.result();
}

} // namespace periscope
