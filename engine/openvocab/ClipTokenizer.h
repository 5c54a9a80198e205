// SPDX-License-Identifier: GPL-3.0-or-later
// CLIP's byte-pair-encoding tokenizer (Radford et al. 2021), which dino.txt's text encoder reads:
// the same clean-up (HTML entities unescaped twice, runs of white space to one space, lower
// case), the same word split (CLIP's pattern: the special tokens, 's 't 're 've 'm 'll 'd, runs
// of letters, single digits, runs of other non-space characters), bytes to CLIP's printable
// alphabet, and the merges of `bpe_simple_vocab_16e6.txt.gz` applied in rank order.
//
// What it leaves out: CLIP first runs ftfy.fix_text, which repairs mojibake and NFC-normalises;
// text that is already clean NFC UTF-8 (all typed text in practice) gives the same ids.
// Named HTML entities are the common ones (ClipText.cpp), not all 2,231 of HTML5.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace periscope::openvocab {

class ClipTokenizer {
public:
    static constexpr int kContextLength = 77;
    // The vocabulary file CLIP ships (gzip or plain text): a header line, then the merges.
    static constexpr int kMerges = 49152 - 256 - 2;

    // Throws periscope::Error naming the file when it cannot be read or is not a CLIP vocabulary.
    static ClipTokenizer fromFile(const std::string &path);

    // The token ids of a text without the start and end tokens, as CLIP's SimpleTokenizer.encode.
    // Texts past kMaxTextBytes are cut there first (a prompt never is; kMaxTextBytes holds far
    // more than a context's worth of tokens).
    std::vector<std::int64_t> encode(std::string_view text) const;
    // [start] + encode(text) + [end], cut to `context` with the end token kept last, padded with
    // zeros to `context`: one row of CLIP's tokenize().
    std::vector<std::int64_t> tokenize(std::string_view text, int context = kContextLength) const;
    // The text of token ids ("</w>" becomes a space), for showing what a prompt became.
    std::string decode(const std::vector<std::int64_t> &ids) const;

    std::int64_t startToken() const { return m_start; }
    std::int64_t endToken() const { return m_end; }
    std::size_t vocabularySize() const { return m_decoder.size(); }

    static constexpr std::size_t kMaxTextBytes = 16384;
    // A word longer than this is split into pieces of this size before merging, so merging stays
    // cheap on hostile input (a 16 KiB run of letters); no word of a prompt is near it.
    static constexpr std::size_t kMaxWordBytes = 512;

private:
    ClipTokenizer() = default;
    std::vector<std::string> bytePairs(const std::string &word) const;

    std::string m_byteSymbols[256];              // byte -> its symbol in CLIP's alphabet (UTF-8)
    std::unordered_map<std::string, std::int64_t> m_encoder;
    std::vector<std::string> m_decoder;
    std::unordered_map<std::string, int> m_mergeRanks; // "first second" -> rank
    std::int64_t m_start = 0, m_end = 0;
};

// CLIP's basic_clean and whitespace_clean, then str.lower(): the text that is split into words.
std::string cleanClipText(std::string_view text);

} // namespace periscope::openvocab
