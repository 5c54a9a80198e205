// SPDX-License-Identifier: GPL-3.0-or-later
// The text side of CLIP's tokenizer (ClipTokenizer.h): clean-up and word split, over code points.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace periscope::openvocab {

// basic_clean (without ftfy), whitespace_clean, lower(); the input is cut at
// ClipTokenizer::kMaxTextBytes and decoded as UTF-8 (invalid bytes become U+FFFD).
std::u32string cleanClipCodePoints(std::string_view text);

// re.findall of CLIP's pattern over cleaned text.
std::vector<std::u32string> splitClipWords(const std::u32string &text);

} // namespace periscope::openvocab
