// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/ClipTokenizer.h"

#include "engine/core/errors/Error.h"
#include "engine/core/io/Gzip.h"
#include "engine/openvocab/ClipText.h"
#include "engine/openvocab/UnicodeTables.h"

#include <algorithm>
#include <limits>

namespace periscope::openvocab {

namespace {
// The released vocabulary inflates to 1.36 MB; anything far larger is not one.
constexpr std::size_t kMaxVocabularyBytes = std::size_t(16) << 20;
constexpr const char *kEndOfWord = "</w>";

// CLIP's bytes_to_unicode: printable Latin-1 bytes stand for themselves, the other 68 bytes for
// U+0100 onwards, so that every byte sequence is a string of visible characters.
void makeByteSymbols(std::string (&symbols)[256], std::vector<int> &order)
{
    std::vector<bool> printable(256, false);
    for (int b = '!'; b <= '~'; ++b)
        printable[std::size_t(b)] = true;
    for (int b = 0xA1; b <= 0xAC; ++b)
        printable[std::size_t(b)] = true;
    for (int b = 0xAE; b <= 0xFF; ++b)
        printable[std::size_t(b)] = true;
    int next = 256;
    for (int b = 0; b < 256; ++b)
        if (printable[std::size_t(b)])
            order.push_back(b);
    for (int b = 0; b < 256; ++b)
        if (!printable[std::size_t(b)])
            order.push_back(b);
    for (int b : order) {
        symbols[b].clear();
        unicode::appendUtf8(symbols[b], printable[std::size_t(b)] ? char32_t(b) : char32_t(next++));
    }
}

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return lines;
}

// The UTF-8 symbols of a word: one per code point.
std::vector<std::string> symbolsOf(const std::string &word)
{
    std::vector<std::string> symbols;
    for (std::size_t i = 0; i < word.size();) {
        std::size_t length = 1;
        const unsigned char lead = static_cast<unsigned char>(word[i]);
        if (lead >= 0xF0)
            length = 4;
        else if (lead >= 0xE0)
            length = 3;
        else if (lead >= 0xC0)
            length = 2;
        symbols.push_back(word.substr(i, length));
        i += length;
    }
    return symbols;
}
} // namespace

ClipTokenizer ClipTokenizer::fromFile(const std::string &path)
{
    const std::string text = readMaybeGzippedFile(path, kMaxVocabularyBytes);
    const std::vector<std::string_view> lines = splitLines(text);
    // CLIP reads lines 1 .. kMerges (the first is a version header) and ignores the rest.
    if (lines.size() < std::size_t(kMerges) + 1)
        throw Error(path + " is not a CLIP BPE vocabulary: it has " + std::to_string(lines.size()) + " lines, and CLIP's has " +
                    std::to_string(kMerges + 1) + " or more");
    ClipTokenizer tokenizer;
    std::vector<int> order;
    makeByteSymbols(tokenizer.m_byteSymbols, order);
    std::vector<std::string> &vocabulary = tokenizer.m_decoder;
    vocabulary.reserve(512 + std::size_t(kMerges) + 2);
    for (int b : order)
        vocabulary.push_back(tokenizer.m_byteSymbols[b]);
    for (int b : order)
        vocabulary.push_back(tokenizer.m_byteSymbols[b] + kEndOfWord);
    tokenizer.m_mergeRanks.reserve(std::size_t(kMerges));
    for (int rank = 0; rank < kMerges; ++rank) {
        const std::string_view line = lines[std::size_t(rank) + 1];
        const std::size_t space = line.find(' ');
        if (space == std::string_view::npos || space == 0 || space + 1 >= line.size() || line.find(' ', space + 1) != std::string_view::npos)
            throw Error(path + ": line " + std::to_string(rank + 2) + " is not a merge (two symbols separated by one space)");
        tokenizer.m_mergeRanks.emplace(std::string(line), rank);
        vocabulary.push_back(std::string(line.substr(0, space)) + std::string(line.substr(space + 1)));
    }
    vocabulary.push_back("<|startoftext|>");
    vocabulary.push_back("<|endoftext|>");
    tokenizer.m_start = std::int64_t(vocabulary.size()) - 2;
    tokenizer.m_end = std::int64_t(vocabulary.size()) - 1;
    // CLIP's dict(zip(vocab, range)) keeps the last id of a repeated string: so does this.
    tokenizer.m_encoder.reserve(vocabulary.size());
    for (std::size_t id = 0; id < vocabulary.size(); ++id)
        tokenizer.m_encoder[vocabulary[id]] = std::int64_t(id);
    return tokenizer;
}

// CLIP's bpe(): the word's symbols, its last marked as a word end, merged pair by pair in rank
// order, every occurrence of the best pair from left to right.
std::vector<std::string> ClipTokenizer::bytePairs(const std::string &word) const
{
    std::vector<std::string> parts = symbolsOf(word);
    parts.back() += kEndOfWord;
    std::vector<std::string> merged;
    while (parts.size() > 1) {
        int bestRank = std::numeric_limits<int>::max();
        std::size_t best = 0;
        std::string key;
        for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
            key.assign(parts[i]).append(" ").append(parts[i + 1]);
            const auto it = m_mergeRanks.find(key);
            if (it != m_mergeRanks.end() && it->second < bestRank) {
                bestRank = it->second;
                best = i;
            }
        }
        if (bestRank == std::numeric_limits<int>::max())
            break;
        const std::string first = parts[best], second = parts[best + 1];
        merged.clear();
        for (std::size_t i = 0; i < parts.size();) {
            if (i + 1 < parts.size() && parts[i] == first && parts[i + 1] == second) {
                merged.push_back(first + second);
                i += 2;
            } else {
                merged.push_back(parts[i++]);
            }
        }
        parts.swap(merged);
    }
    return parts;
}

std::vector<std::int64_t> ClipTokenizer::encode(std::string_view text) const
{
    std::vector<std::int64_t> ids;
    for (const std::u32string &word : splitClipWords(cleanClipCodePoints(text))) {
        const std::string utf8 = unicode::encodeUtf8(word);
        if (utf8 == "<|startoftext|>" || utf8 == "<|endoftext|>") {
            ids.push_back(utf8 == "<|startoftext|>" ? m_start : m_end);
            continue;
        }
        for (std::size_t offset = 0; offset < utf8.size(); offset += kMaxWordBytes) {
            std::string symbols;
            for (std::size_t i = offset; i < std::min(utf8.size(), offset + kMaxWordBytes); ++i)
                symbols += m_byteSymbols[static_cast<unsigned char>(utf8[i])];
            for (const std::string &part : bytePairs(symbols)) {
                const auto it = m_encoder.find(part);
                // Every merge result and every byte symbol is in the vocabulary by construction.
                ids.push_back(it != m_encoder.end() ? it->second : m_end);
            }
        }
    }
    return ids;
}

std::vector<std::int64_t> ClipTokenizer::tokenize(std::string_view text, int context) const
{
    if (context < 2)
        throw Error("a text context needs room for the start and end tokens (2 or more), not " + std::to_string(context));
    std::vector<std::int64_t> tokens{m_start};
    const std::vector<std::int64_t> ids = encode(text);
    tokens.insert(tokens.end(), ids.begin(), ids.end());
    tokens.push_back(m_end);
    if (tokens.size() > std::size_t(context)) {
        tokens.resize(std::size_t(context));
        tokens.back() = m_end;
    }
    tokens.resize(std::size_t(context), 0);
    return tokens;
}

std::string ClipTokenizer::decode(const std::vector<std::int64_t> &ids) const
{
    std::string symbols;
    for (std::int64_t id : ids)
        if (id >= 0 && std::size_t(id) < m_decoder.size())
            symbols += m_decoder[std::size_t(id)];
    // Symbols back to bytes; "</w>" ends a word.
    std::string bytes;
    for (std::size_t i = 0; i < symbols.size();) {
        if (symbols.compare(i, 4, kEndOfWord) == 0) {
            bytes.push_back(' ');
            i += 4;
            continue;
        }
        bool matched = false;
        for (int b = 0; b < 256 && !matched; ++b)
            if (symbols.compare(i, m_byteSymbols[b].size(), m_byteSymbols[b]) == 0) {
                bytes.push_back(char(b));
                i += m_byteSymbols[b].size();
                matched = true;
            }
        if (!matched)
            ++i;
    }
    while (!bytes.empty() && bytes.back() == ' ')
        bytes.pop_back();
    return bytes;
}

} // namespace periscope::openvocab
