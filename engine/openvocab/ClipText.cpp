// SPDX-License-Identifier: GPL-3.0-or-later
// The text side of CLIP's tokenizer: clean-up (html.unescape twice, white space, lower case)
// and the word split of its regular expression, written out by hand over code points.
#include "engine/openvocab/ClipText.h"

#include "engine/openvocab/ClipTokenizer.h"
#include "engine/openvocab/UnicodeTables.h"

#include <algorithm>
#include <cstring>

namespace periscope::openvocab {

using unicode::isLetter;
using unicode::isNumber;
using unicode::isSpace;

namespace {
struct NamedEntity {
    const char *name;
    char32_t code;
};
// The named references people type or paste; HTML5 has 2,231, Python knows them all. Sorted.
constexpr NamedEntity kEntities[] = {
    {"Auml", 0xC4},   {"Eacute", 0xC9}, {"Ouml", 0xD6},    {"Uuml", 0xDC},   {"aacute", 0xE1}, {"agrave", 0xE0},
    {"amp", 0x26},    {"apos", 0x27},   {"auml", 0xE4},    {"bull", 0x2022}, {"ccedil", 0xE7}, {"cent", 0xA2},
    {"copy", 0xA9},   {"deg", 0xB0},    {"eacute", 0xE9},  {"egrave", 0xE8}, {"euro", 0x20AC}, {"gt", 0x3E},
    {"hellip", 0x2026}, {"iacute", 0xED}, {"laquo", 0xAB}, {"ldquo", 0x201C}, {"lsquo", 0x2018}, {"lt", 0x3C},
    {"mdash", 0x2014}, {"middot", 0xB7}, {"nbsp", 0xA0},   {"ndash", 0x2013}, {"ntilde", 0xF1}, {"oacute", 0xF3},
    {"ouml", 0xF6},   {"pound", 0xA3},  {"quot", 0x22},    {"raquo", 0xBB},  {"rdquo", 0x201D}, {"reg", 0xAE},
    {"rsquo", 0x2019}, {"szlig", 0xDF}, {"times", 0xD7},   {"trade", 0x2122}, {"uacute", 0xFA}, {"uuml", 0xFC},
};
// HTML5 also accepts these without the semicolon ("&amp" in "AT&amp T"), and Python follows it.
constexpr const char *kLegacyEntities[] = {"amp", "copy", "gt", "lt", "nbsp", "quot", "reg"};

// Python's html.unescape for a numeric reference: NUL, surrogates and values past U+10FFFF
// become U+FFFD, 0x80-0x9F are read as Windows-1252, most other control characters vanish.
bool numericReference(char32_t value, std::u32string &out)
{
    static constexpr char16_t kWindows1252[32] = {0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                                                  0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};
    if (value >= 0x80 && value <= 0x9F) {
        out.push_back(kWindows1252[value - 0x80]);
        return true;
    }
    if (value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
        out.push_back(0xFFFD);
        return true;
    }
    if (value == 0x0D) {
        out.push_back(value);
        return true;
    }
    const bool dropped = (value >= 0x1 && value <= 0x8) || value == 0xB || (value >= 0xE && value <= 0x1F) || (value >= 0x7F && value <= 0x9F) ||
                         (value >= 0xFDD0 && value <= 0xFDEF) || (value & 0xFFFE) == 0xFFFE;
    if (!dropped)
        out.push_back(value);
    return true;
}

bool isAsciiAlnum(char32_t c)
{
    return c < 0x80 && ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
}

// One pass of html.unescape from `&` at text[i]; returns the characters consumed (0: none).
std::size_t unescapeAt(const std::u32string &text, std::size_t i, std::u32string &out)
{
    const std::size_t n = text.size();
    if (i + 1 < n && text[i + 1] == U'#') {
        const bool hex = i + 2 < n && (text[i + 2] == U'x' || text[i + 2] == U'X');
        std::size_t j = i + (hex ? 3 : 2);
        const std::size_t digitsStart = j;
        std::uint64_t value = 0;
        while (j < n && (hex ? (isAsciiAlnum(text[j]) && (text[j] <= '9' || (text[j] | 0x20) <= 'f')) : (text[j] >= '0' && text[j] <= '9'))) {
            const char32_t c = text[j] | 0x20;
            value = std::min<std::uint64_t>(value * (hex ? 16 : 10) + (c <= '9' ? c - '0' : c - 'a' + 10), 0x110000);
            ++j;
        }
        if (j == digitsStart)
            return 0;
        if (j < n && text[j] == U';')
            ++j;
        numericReference(char32_t(value), out);
        return j - i;
    }
    std::size_t j = i + 1;
    while (j < n && j - i <= 32 && isAsciiAlnum(text[j]))
        ++j;
    std::string name;
    for (std::size_t k = i + 1; k < j; ++k)
        name.push_back(char(text[k]));
    if (j < n && text[j] == U';') {
        for (const NamedEntity &e : kEntities)
            if (name == e.name) {
                out.push_back(e.code);
                return j + 1 - i;
            }
    }
    // The longest legacy name the reference starts with ("&ampx" is "&" then "x").
    std::size_t best = 0;
    char32_t code = 0;
    for (const char *legacy : kLegacyEntities) {
        const std::size_t length = std::strlen(legacy);
        if (length > best && name.compare(0, length, legacy) == 0) {
            best = length;
            for (const NamedEntity &e : kEntities)
                if (std::strcmp(e.name, legacy) == 0)
                    code = e.code;
        }
    }
    if (best == 0)
        return 0;
    out.push_back(code);
    return best + 1;
}

std::u32string unescapeHtml(const std::u32string &text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == U'&') {
            if (const std::size_t used = unescapeAt(text, i, out)) {
                i += used;
                continue;
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

// whitespace_clean: runs of white space to one space, none at either end.
std::u32string collapseSpaces(const std::u32string &text)
{
    std::u32string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (char32_t c : text) {
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace)
            out.push_back(U' ');
        pendingSpace = false;
        out.push_back(c);
    }
    return out;
}

bool startsWith(const std::u32string &text, std::size_t i, std::u32string_view prefix)
{
    return text.size() - i >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin() + std::ptrdiff_t(i));
}
} // namespace

std::u32string cleanClipCodePoints(std::string_view text)
{
    std::u32string points = unicode::decodeUtf8(text.substr(0, ClipTokenizer::kMaxTextBytes));
    points = unescapeHtml(unescapeHtml(points));
    return unicode::toLower(collapseSpaces(points));
}

std::string cleanClipText(std::string_view text)
{
    return unicode::encodeUtf8(cleanClipCodePoints(text));
}

std::vector<std::u32string> splitClipWords(const std::u32string &text)
{
    static constexpr std::u32string_view kSpecial[] = {U"<|startoftext|>", U"<|endoftext|>"};
    static constexpr std::u32string_view kContractions[] = {U"'s", U"'t", U"'re", U"'ve", U"'m", U"'ll", U"'d"};
    std::vector<std::u32string> words;
    const auto isOther = [](char32_t c) { return !isSpace(c) && !isLetter(c) && !isNumber(c); };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 0;
        // The alternatives in the pattern's order: the first that matches here wins.
        for (std::u32string_view special : kSpecial)
            if (length == 0 && startsWith(text, i, special))
                length = special.size();
        for (std::u32string_view contraction : kContractions)
            if (length == 0 && startsWith(text, i, contraction))
                length = contraction.size();
        if (length == 0 && isLetter(text[i]))
            while (i + length < text.size() && isLetter(text[i + length]))
                ++length;
        if (length == 0 && isNumber(text[i]))
            length = 1;
        if (length == 0 && isOther(text[i]))
            while (i + length < text.size() && isOther(text[i + length]))
                ++length;
        if (length == 0) { // white space between words
            ++i;
            continue;
        }
        words.push_back(text.substr(i, length));
        i += length;
    }
    return words;
}

} // namespace periscope::openvocab
