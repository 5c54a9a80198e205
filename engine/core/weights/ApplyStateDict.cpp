// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/core/weights/ApplyStateDict.h"

#include "engine/core/errors/Error.h"

#include <map>
#include <regex>
#include <sstream>

namespace periscope {

namespace {
std::string shapeText(const std::vector<std::int64_t> &shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? "," : "") + std::to_string(shape[i]);
    return text + "]";
}

void appendList(std::ostringstream &out, const char *label, const std::vector<std::string> &names)
{
    if (names.empty())
        return;
    out << "; " << label << ": ";
    const std::size_t shown = std::min<std::size_t>(names.size(), 8);
    for (std::size_t i = 0; i < shown; ++i)
        out << (i ? ", " : "") << names[i];
    if (names.size() > shown)
        out << " and " << names.size() - shown << " more";
}
} // namespace

StateDict renameKeys(const StateDict &tensors, const std::vector<KeyRule> &rules)
{
    std::vector<std::regex> compiled(rules.size());
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (rules[i].kind != KeyRule::Kind::Regex)
            continue;
        try {
            compiled[i] = std::regex(rules[i].pattern, std::regex::ECMAScript);
        } catch (const std::regex_error &e) {
            throw Error("invalid key-renaming pattern '" + rules[i].pattern + "': " + e.what());
        }
    }
    StateDict renamed;
    renamed.reserve(tensors.size());
    for (const auto &[name, tensor] : tensors) {
        std::string key = name;
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const KeyRule &rule = rules[i];
            switch (rule.kind) {
            case KeyRule::Kind::StripPrefix:
                if (key.rfind(rule.pattern, 0) == 0)
                    key.erase(0, rule.pattern.size());
                break;
            case KeyRule::Kind::AddPrefix: key = rule.pattern + key; break;
            case KeyRule::Kind::Regex: key = std::regex_replace(key, compiled[i], rule.replacement); break;
            }
        }
        renamed.emplace_back(std::move(key), tensor);
    }
    return renamed;
}

std::string LoadReport::summary() const
{
    std::ostringstream out;
    out << loaded.size() << " loaded";
    appendList(out, "missing", missing);
    appendList(out, "unexpected", unexpected);
    if (!mismatched.empty()) {
        std::vector<std::string> texts;
        for (const ShapeMismatch &m : mismatched)
            texts.push_back(m.name + " " + shapeText(m.found) + " (model wants " + shapeText(m.expected) + ")");
        appendList(out, "shape mismatch", texts);
    }
    return out.str();
}

namespace {
bool isBatchNormCounter(const std::string &name)
{
    const std::string suffix = "num_batches_tracked";
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}
} // namespace

LoadReport applyStateDict(torch::nn::Module &module, const StateDict &tensors, bool strict)
{
    // The module's slots: parameters and buffers under their dotted names.
    std::vector<std::pair<std::string, torch::Tensor>> slots;
    for (const auto &p : module.named_parameters(true))
        slots.emplace_back(p.key(), p.value());
    for (const auto &b : module.named_buffers(true))
        slots.emplace_back(b.key(), b.value());
    std::map<std::string, const torch::Tensor *> source;
    for (const auto &[name, tensor] : tensors)
        source[name] = &tensor;

    LoadReport report;
    std::vector<std::pair<torch::Tensor, const torch::Tensor *>> copies;
    std::map<std::string, bool> used;
    for (auto &[name, slot] : slots) {
        auto it = source.find(name);
        if (it == source.end()) {
            // Checkpoints written before PyTorch 0.4.1 have no BatchNorm step counter; PyTorch
            // loads them strictly all the same (the counter only matters for momentum=None).
            if (!isBatchNormCounter(name))
                report.missing.push_back(name);
            continue;
        }
        used[name] = true;
        if (it->second->sizes() != slot.sizes()) {
            report.mismatched.push_back({name, slot.sizes().vec(), it->second->sizes().vec()});
            continue;
        }
        copies.emplace_back(slot, it->second);
        report.loaded.push_back(name);
    }
    for (const auto &[name, tensor] : tensors)
        if (!used.count(name))
            report.unexpected.push_back(name);

    if (strict && !report.isComplete())
        throw Error("the weights do not fit the model: " + report.summary());
    torch::NoGradGuard noGrad;
    for (auto &[slot, value] : copies)
        slot.copy_(*value);
    return report;
}

} // namespace periscope
