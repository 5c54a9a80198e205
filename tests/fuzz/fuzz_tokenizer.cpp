// SPDX-License-Identifier: GPL-3.0-or-later
// CLIP's tokenizer on any text a user types or pastes (prompts, captions): the first byte picks
// what the rest is. 0-127: text to tokenize, which always gives the context's ids with the start
// token first and the end token kept, and reads back; 128-255: a vocabulary file (plain or gzip),
// which loads or is refused. The text side uses a vocabulary of made-up merges (all of CLIP's
// layout, many merges firing), so that fuzzing needs no file from outside.
#include "FuzzSupport.h"

#include "engine/openvocab/ClipTokenizer.h"

#include <cstdio>
#include <memory>

namespace {
const periscope::openvocab::ClipTokenizer &madeUpTokenizer()
{
    static const std::unique_ptr<periscope::openvocab::ClipTokenizer> tokenizer = [] {
        const std::string path = "/tmp/periscope-fuzz-vocabulary-" + std::to_string(::getpid()) + ".txt";
        std::string text = "#version: 0.2\n";
        // Merges of printable characters and of earlier merges, so that words merge many times.
        std::vector<std::string> symbols;
        for (char c = '!'; c <= '~'; ++c)
            symbols.emplace_back(1, c);
        for (int i = 0; i < periscope::openvocab::ClipTokenizer::kMerges; ++i) {
            const std::string &a = symbols[std::size_t(i * 7) % symbols.size()];
            const std::string &b = symbols[std::size_t(i * 13 + 5) % symbols.size()];
            text += a + " " + b + (i % 3 == 0 ? "</w>" : "") + "\n";
            if (symbols.size() < 4000 && a.size() + b.size() < 12)
                symbols.push_back(a + b);
        }
        std::FILE *file = std::fopen(path.c_str(), "wb");
        std::fwrite(text.data(), 1, text.size(), file);
        std::fclose(file);
        auto made = std::make_unique<periscope::openvocab::ClipTokenizer>(periscope::openvocab::ClipTokenizer::fromFile(path));
        std::remove(path.c_str());
        return made;
    }();
    return *tokenizer;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string rest(reinterpret_cast<const char *>(data + 1), size - 1);
    if (data[0] < 128) {
        const periscope::openvocab::ClipTokenizer &tokenizer = madeUpTokenizer();
        const std::vector<std::int64_t> ids = tokenizer.tokenize(rest);
        if (ids.size() != std::size_t(periscope::openvocab::ClipTokenizer::kContextLength) || ids.front() != tokenizer.startToken())
            __builtin_trap();
        for (std::int64_t id : ids)
            if (id < 0 || std::size_t(id) >= tokenizer.vocabularySize())
                __builtin_trap();
        tokenizer.decode(ids);
        return 0;
    }
    periscope::fuzz::expectOnlyOurErrors([&] {
        const std::string path = periscope::fuzz::writeInput(data + 1, size - 1, ".bpe");
        periscope::openvocab::ClipTokenizer::fromFile(path).tokenize("a red metal sphere");
    });
    return 0;
}
