// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/UnicodeTables.h"

#include <algorithm>

namespace periscope::openvocab::unicode {

namespace {
bool inRanges(const CodeRange *ranges, std::size_t count, char32_t c)
{
    const CodeRange *end = ranges + count;
    const CodeRange *it = std::upper_bound(ranges, end, c, [](char32_t value, const CodeRange &r) { return value < r.first; });
    return it != ranges && c <= (it - 1)->last;
}

constexpr char32_t kReplacement = 0xFFFD;
} // namespace

bool isLetter(char32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    std::size_t count = 0;
    const CodeRange *r = letters(count);
    return inRanges(r, count, c);
}

bool isNumber(char32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    std::size_t count = 0;
    const CodeRange *r = numbers(count);
    return inRanges(r, count, c);
}

bool isSpace(char32_t c)
{
    std::size_t count = 0;
    const CodeRange *r = spaces(count);
    return inRanges(r, count, c);
}

std::u32string decodeUtf8(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = byte(i);
        int length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (length == 1) {
            out.push_back(lead);
            ++i;
            continue;
        }
        char32_t c = length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
        bool valid = length > 0 && i + std::size_t(length) <= text.size();
        for (int k = 1; valid && k < length; ++k) {
            const unsigned char next = byte(i + std::size_t(k));
            valid = (next & 0xC0) == 0x80;
            c = (c << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        if (valid && ((length == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (length == 4 && (c < 0x10000 || c > 0x10FFFF))))
            valid = false;
        if (!valid) {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        out.push_back(c);
        i += std::size_t(length);
    }
    return out;
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(char(c));
    } else if (c < 0x800) {
        out.push_back(char(0xC0 | (c >> 6)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(char(0xE0 | (c >> 12)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (c >> 18)));
        out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

std::string encodeUtf8(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text)
        appendUtf8(out, c);
    return out;
}

std::u32string toLower(std::u32string_view text)
{
    std::size_t count = 0;
    const LowerRun *runs = lowerRuns(count);
    const LowerRun *end = runs + count;
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        if (c == 0x130) { // LATIN CAPITAL LETTER I WITH DOT ABOVE: "i" and a combining dot
            out.push_back(U'i');
            out.push_back(0x307);
            continue;
        }
        const LowerRun *it = std::upper_bound(runs, end, c, [](char32_t value, const LowerRun &r) { return value < r.first; });
        if (it != runs) {
            const LowerRun &run = *(it - 1);
            if (c <= run.last && (c - run.first) % char32_t(run.stride) == 0) {
                out.push_back(char32_t(std::int64_t(c) + run.delta));
                continue;
            }
        }
        out.push_back(c);
    }
    return out;
}

} // namespace periscope::openvocab::unicode
