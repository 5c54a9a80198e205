#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes clip_tokens.json with CLIP's own tokenizer (openai/CLIP, clip/simple_tokenizer.py, which
# dino.txt uses unchanged): the ids of sentences that exercise its clean-up (HTML entities,
# white space, case), its word split (contractions, digits, punctuation runs, special tokens),
# non-Latin scripts and the cut at 77 tokens. It needs ftfy and regex (pip install ftfy regex).
#   python make_clip_tokens.py --clip PATH/TO/CLIP --bpe bpe_simple_vocab_16e6.txt.gz
import argparse
import json
import sys

TEXTS = [
    "a photo of a cat",
    "A Photo Of A CAT.",
    "  two   cubes\tand\na cylinder  ",
    "a large red metal sphere",
    "it's the dog's ball, isn't it? they'll've gone; I'm sure we'd",
    "AT&amp;T &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; &#39;single&#39; &#x41;&#66;",
    "&amp;amp; is unescaped twice, &ampx once, &unknown; never",
    "café naïve résumé Ærøskøbing straße",
    "日本語のテキスト 中文 한국어",
    "Москва ΑΘΗΝΑ İstanbul",
    "room 101, 3.14159 and 2nd place ½ ²",
    "emoji 🙂👍🏽 and symbols ©®™ §¶",
    "!!! ??? ... --- ***",
    "<|startoftext|> inside <|endoftext|> text",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    " ".join(["word"] * 100),
    "x" * 300,
    "",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clip", required=True, help="a checkout of openai/CLIP")
    parser.add_argument("--bpe", required=True)
    parser.add_argument("--out", default="clip_tokens.json")
    args = parser.parse_args()
    sys.path.insert(0, args.clip)
    from clip.simple_tokenizer import SimpleTokenizer

    tokenizer = SimpleTokenizer(bpe_path=args.bpe)
    sot, eot = tokenizer.encoder["<|startoftext|>"], tokenizer.encoder["<|endoftext|>"]
    cases = []
    for text in TEXTS:
        ids = [sot] + tokenizer.encode(text) + [eot]
        if len(ids) > 77:  # clip.tokenize(truncate=True), dino.txt's Tokenizer.tokenize
            ids = ids[:77]
            ids[-1] = eot
        cases.append({"text": text, "ids": ids})
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"source": "openai/CLIP clip/simple_tokenizer.py", "context": 77, "cases": cases}, f, ensure_ascii=False, indent=1)


main()
