// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/AtomicFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace periscope::app {

class AtomicFileText {
    Q_DECLARE_TR_FUNCTIONS(periscope::app::AtomicFile)
};

namespace {
constexpr qint64 kChunkBytes = 64 * 1024;

} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error,
                         const std::function<bool(qint64)> &afterChunk)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    // QSaveFile renames its temporary file over the target: over a device, FIFO or folder that
    // would replace the node itself, so only a regular file or a new path is written.
    const QFileInfo target(path);
    if (target.exists() && !target.isFile())
        return fail(AtomicFileText::tr("Cannot write %1: it exists and is not a regular file").arg(path));
    if (target.isSymLink() && target.exists() && !QFileInfo(target.symLinkTarget()).isFile())
        return fail(AtomicFileText::tr("Cannot write %1: it exists and is not a regular file").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(AtomicFileText::tr("Cannot write %1: %2").arg(path, file.errorString()));
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 chunk = qMin(kChunkBytes, data.size() - written);
        if (file.write(data.constData() + written, chunk) != chunk) {
            file.cancelWriting();
            return fail(AtomicFileText::tr("Cannot write %1: %2").arg(path, file.errorString()));
        }
        written += chunk;
        if (afterChunk && !afterChunk(written)) {
            file.cancelWriting();
            return fail(AtomicFileText::tr("Writing %1 was interrupted; the previous file is unchanged").arg(path));
        }
    }
    if (!file.commit())
        return fail(AtomicFileText::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace periscope::app
