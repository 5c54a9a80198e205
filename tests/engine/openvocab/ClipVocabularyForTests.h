// SPDX-License-Identifier: GPL-3.0-or-later
// CLIP's vocabulary for the Open-vocabulary tests: the real file where the team's shared data is
// (../shared/data/clip), else one in CLIP's layout with made-up merges, written into `folder`.
// Everything but the exact ids of real words works the same with either: the ids of the start
// and end tokens, the size of the table, the tokenizer's clean-up and word split.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>

inline QString realClipVocabulary()
{
    return QStringLiteral(PERISCOPE_SOURCE_DIR "/../shared/data/clip/bpe_simple_vocab_16e6.txt.gz");
}

inline QString clipVocabularyForTests(const QString &folder)
{
    if (QFile::exists(realClipVocabulary()))
        return realClipVocabulary();
    const QString path = QDir(folder).filePath(QStringLiteral("bpe_simple_vocab_made_up.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#version: 0.2\n");
    for (int i = 0; i < 49152 - 256 - 2; ++i)
        file.write("a b\n");
    return path;
}
