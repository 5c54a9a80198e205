// SPDX-License-Identifier: GPL-3.0-or-later
// periscope-cli tokenize: CLIP's byte-pair encoding of texts, as dino.txt's text encoder reads
// them: one JSON array of token ids per text (start token, ids, end token, zeros to the context).
#include "app/cli/CliCommands.h"
#include "app/cli/CliOptions.h"

#include "engine/openvocab/ClipTokenizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

namespace periscope::app {

namespace {
int runTokenizeCommand(const QStringList &arguments)
{
    CliOptions options(QStringLiteral("tokenize"),
                       QStringLiteral("Tokenizes texts with CLIP's byte-pair encoding (the vocabulary file bpe_simple_vocab_16e6.txt.gz,\n"
                                      "gzip or plain) as CLIP's tokenize() does: cleaned, lower-cased, the start token, the ids, the end\n"
                                      "token, cut to the context with the end token kept, zeros after. Prints a JSON object: \"tokens\",\n"
                                      "one array per text, and \"texts\", what each text's ids read back as."));
    options.text(QStringLiteral("--bpe"), QStringLiteral("FILE"), QStringLiteral("CLIP's vocabulary (bpe_simple_vocab_16e6.txt.gz)")).require();
    options.integer(QStringLiteral("--context"), 2, 4096, QStringLiteral("tokens per text")).byDefault(QString::number(openvocab::ClipTokenizer::kContextLength));
    options.flag(QStringLiteral("--no-padding"), QStringLiteral("stop each array at its end token instead of padding it with zeros"));
    options.positionals(QStringLiteral("TEXT"), QStringLiteral("the texts to tokenize"), 1, -1, QStringLiteral("give at least one text"));
    if (const std::optional<int> exit = options.parse(arguments))
        return *exit;
    try {
        const openvocab::ClipTokenizer tokenizer = openvocab::ClipTokenizer::fromFile(options.value(QStringLiteral("--bpe")).toStdString());
        const int context = int(options.integerValue(QStringLiteral("--context")));
        QJsonArray rows, texts;
        for (const QString &text : options.positionalValues()) {
            const std::string utf8 = text.toStdString();
            std::vector<std::int64_t> ids = tokenizer.tokenize(utf8, context);
            // The ids that count: start, words, end; zeros pad the rest (id 0 is also "!", and
            // a text may name the end token itself, so the count comes from the encoding).
            const std::size_t used = std::min(std::size_t(context), tokenizer.encode(utf8).size() + 2);
            const std::vector<std::int64_t> words(ids.begin() + 1, ids.begin() + std::ptrdiff_t(used) - 1);
            if (options.flagValue(QStringLiteral("--no-padding")))
                ids.resize(used);
            QJsonArray row;
            for (std::int64_t id : ids)
                row.append(qint64(id));
            rows.append(row);
            texts.append(QString::fromStdString(tokenizer.decode(words)));
        }
        const QJsonObject out{{QStringLiteral("tokens"), rows}, {QStringLiteral("texts"), texts}};
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
    } catch (const std::exception &e) {
        return options.failure(e);
    }
    return 0;
}
} // namespace

CliCommand tokenizeCommand()
{
    return {QStringLiteral("tokenize"), QStringLiteral("CLIP byte-pair encoding of texts (dino.txt's text encoder's input)"), false, runTokenizeCommand};
}

} // namespace periscope::app
