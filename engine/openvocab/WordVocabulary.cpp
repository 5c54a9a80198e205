// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/openvocab/WordVocabulary.h"

#include "engine/core/errors/Error.h"
#include "engine/openvocab/ClipText.h"
#include "engine/openvocab/UnicodeTables.h"

#include <algorithm>

namespace periscope::openvocab {

namespace {
std::vector<std::string> splitWords(std::string_view text)
{
    std::vector<std::string> out;
    for (const std::u32string &word : splitClipWords(cleanClipCodePoints(text)))
        out.push_back(unicode::encodeUtf8(word));
    return out;
}
} // namespace

WordVocabulary::WordVocabulary(std::vector<std::string> words) : m_words(std::move(words))
{
    if (m_words.empty())
        throw Error("word vocabulary: it lists no words");
    if (m_words.size() > kMaxWords)
        throw Error("word vocabulary: more than " + std::to_string(kMaxWords) + " words");
    for (std::size_t i = 0; i < m_words.size(); ++i) {
        const std::string &word = m_words[i];
        if (word.empty() || word.size() > kMaxWordBytes)
            throw Error("word vocabulary: word " + std::to_string(i + 1) + " is empty or longer than " + std::to_string(kMaxWordBytes) + " bytes");
        const std::vector<std::string> split = splitWords(word);
        if (split.size() != 1 || split.front() != word)
            throw Error("word vocabulary: \"" + word + "\" is not one clean lower-case word");
        if (!m_rows.emplace(word, kFirstWord + std::int64_t(i)).second)
            throw Error("word vocabulary: \"" + word + "\" is listed twice");
    }
}

std::vector<std::string> WordVocabulary::wordsOf(const std::vector<std::string> &texts)
{
    std::vector<std::string> out;
    for (const std::string &text : texts)
        for (std::string &word : splitWords(text))
            if (word.size() <= kMaxWordBytes && std::find(out.begin(), out.end(), word) == out.end())
                out.push_back(std::move(word));
    return out;
}

WordTokens WordVocabulary::encode(std::string_view text, std::int64_t context) const
{
    if (context < 2)
        throw Error("word vocabulary: the context must hold at least the start and end tokens");
    WordTokens t;
    t.rows.assign(std::size_t(context), kPad);
    t.rows[0] = kStart;
    std::int64_t at = 1;
    for (const std::string &word : splitWords(text)) {
        if (at == context - 1) {
            t.truncated = true;
            break;
        }
        const auto found = m_rows.find(word);
        if (found == m_rows.end()) {
            if (std::find(t.unknown.begin(), t.unknown.end(), word) == t.unknown.end())
                t.unknown.push_back(word);
            t.rows[std::size_t(at++)] = kUnknown;
        } else {
            t.rows[std::size_t(at++)] = found->second;
        }
    }
    t.rows[std::size_t(at)] = kEnd;
    t.endPosition = at;
    return t;
}

} // namespace periscope::openvocab
