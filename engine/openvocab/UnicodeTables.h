// SPDX-License-Identifier: GPL-3.0-or-later
// The few Unicode properties CLIP's tokenizer needs, without ICU: letters (\p{L}), numbers
// (\p{N}), white space (Python's \s) and the lower case (Python's str.lower), with UTF-8
// decoding and encoding. The tables are generated (tools/make-unicode-tables.py).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace periscope::openvocab::unicode {

struct CodeRange {
    char32_t first, last;
};
// Code points first, first + stride, ..., last lower-case to themselves plus delta.
struct LowerRun {
    char32_t first, last;
    int stride, delta;
};

const CodeRange *letters(std::size_t &count);
const CodeRange *numbers(std::size_t &count);
const CodeRange *spaces(std::size_t &count);
const LowerRun *lowerRuns(std::size_t &count);

bool isLetter(char32_t c);
bool isNumber(char32_t c);
bool isSpace(char32_t c);

// UTF-8 to code points; an invalid or truncated sequence becomes U+FFFD, one per byte, as
// Python's "replace" error handler does.
std::u32string decodeUtf8(std::string_view text);
std::string encodeUtf8(std::u32string_view text);
void appendUtf8(std::string &out, char32_t c);

// Python's str.lower: every mapping is one code point but U+0130, which becomes "i̇".
std::u32string toLower(std::u32string_view text);

} // namespace periscope::openvocab::unicode
