// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace periscope::app {

// Writes `data` to `path` so that a reader sees either the old file or the whole new one,
// never a mix: the bytes go to a temporary file in the same folder, which is flushed and then
// renamed over the target (QSaveFile). A failure at any point leaves the old file untouched and
// no temporary file behind.
//
// `afterChunk`, when set, is called after each chunk with the bytes written so far; returning
// false aborts the write as a failure would (tests use it to fail mid-write).
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error,
                         const std::function<bool(qint64 written)> &afterChunk = {});

} // namespace periscope::app
