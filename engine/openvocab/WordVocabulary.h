// SPDX-License-Identifier: GPL-3.0-or-later
// The tokenizer of a small text encoder trained here: one row per whole word it saw in training.
// Text is cleaned and split into words as CLIP does (ClipText.h), so "Red  CUBES" reads as
// "red", "cubes"; a word the model never saw maps to one shared unknown row, and the caller can
// say which words those were. No CLIP vocabulary file is needed, so the built-in model works
// on a machine that has none.
//
// Rows: 0 padding, 1 start, 2 end, 3 unknown, 4.. the words in the order given.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace periscope::openvocab {

struct WordTokens {
    std::vector<std::int64_t> rows; // [context]: start, words, end, padding
    std::int64_t endPosition = 0;   // where the end token is (the text embedding is read there)
    std::vector<std::string> unknown; // words that mapped to the unknown row
    bool truncated = false;
};

class WordVocabulary {
public:
    static constexpr std::int64_t kPad = 0, kStart = 1, kEnd = 2, kUnknown = 3, kFirstWord = 4;
    static constexpr std::size_t kMaxWords = 65536;
    static constexpr std::size_t kMaxWordBytes = 64;

    // Throws periscope::Error on an empty, duplicated, over-long or non-lower-case-clean word
    // (each must be what splitting its own text gives), or more than kMaxWords.
    explicit WordVocabulary(std::vector<std::string> words);
    // Every word of the texts, cleaned and split as encode() splits, in first-seen order.
    static std::vector<std::string> wordsOf(const std::vector<std::string> &texts);

    WordTokens encode(std::string_view text, std::int64_t context) const;
    std::int64_t rowCount() const { return kFirstWord + std::int64_t(m_words.size()); }
    const std::vector<std::string> &words() const { return m_words; }

private:
    std::vector<std::string> m_words;
    std::unordered_map<std::string, std::int64_t> m_rows;
};

} // namespace periscope::openvocab
