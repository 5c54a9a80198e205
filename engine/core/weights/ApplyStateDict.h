// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (torch): include only from engine .cpp files.
#pragma once

#include "engine/core/weights/StateDict.h"

#include <string>
#include <vector>

namespace periscope {

// A key-renaming rule, applied in order, so that a published checkpoint's names meet ours:
// strip "module." (DataParallel), add "backbone.", or rewrite with a regular expression.
struct KeyRule {
    enum class Kind { StripPrefix, AddPrefix, Regex };
    Kind kind = Kind::StripPrefix;
    std::string pattern;     // the prefix, or an ECMAScript regular expression
    std::string replacement; // for Regex: "$1"-style replacement

    static KeyRule stripPrefix(std::string prefix) { return {Kind::StripPrefix, std::move(prefix), {}}; }
    static KeyRule addPrefix(std::string prefix) { return {Kind::AddPrefix, std::move(prefix), {}}; }
    static KeyRule regex(std::string pattern, std::string replacement)
    {
        return {Kind::Regex, std::move(pattern), std::move(replacement)};
    }
};

StateDict renameKeys(const StateDict &tensors, const std::vector<KeyRule> &rules);

struct ShapeMismatch {
    std::string name;
    std::vector<std::int64_t> expected; // the module's
    std::vector<std::int64_t> found;    // the checkpoint's
};

// What happened when a state dict met a module.
struct LoadReport {
    std::vector<std::string> loaded;
    std::vector<std::string> missing;     // in the module, not in the checkpoint
    std::vector<std::string> unexpected;  // in the checkpoint, not in the module
    std::vector<ShapeMismatch> mismatched;

    bool isComplete() const { return missing.empty() && unexpected.empty() && mismatched.empty(); }
    std::string summary() const; // one line: "12 loaded; missing: a, b; unexpected: c; shape mismatch: d [3,3] vs [3,4]"
};

// Copies the checkpoint's tensors into the module's parameters and buffers (converting dtype
// and device). Strict: nothing is changed unless every key matches with the right shape, and
// the report's summary is thrown as periscope::Error otherwise. Non-strict: every matching
// tensor is loaded and the report says what was not.
LoadReport applyStateDict(torch::nn::Module &module, const StateDict &tensors, bool strict);

} // namespace periscope
