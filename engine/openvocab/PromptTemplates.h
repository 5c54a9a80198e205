// SPDX-License-Identifier: GPL-3.0-or-later
// Prompt templates for zero-shot use: a class name alone, or CLIP's 80 ImageNet templates ("a bad
// photo of a {}.", ...) whose text embeddings are averaged, as the dino.txt notebook does.
#pragma once

#include <string>
#include <vector>

namespace periscope::openvocab {

enum class PromptTemplates { None, ImageNet };

PromptTemplates parsePromptTemplates(const std::string &text); // "none" or "imagenet"; throws Error
std::string toString(PromptTemplates templates);

const std::vector<std::string> &imagenetTemplates();

// The texts a prompt is embedded as: itself, or each template with the prompt in it.
std::vector<std::string> promptVariants(const std::string &prompt, PromptTemplates templates);

} // namespace periscope::openvocab
