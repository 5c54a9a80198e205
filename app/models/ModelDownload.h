// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/core/jobs/JobControl.h"

#include <QString>
#include <QUrl>

namespace periscope::app {

// Downloads `url` (http or https only) into `partPath`, continuing a partial file with an HTTP
// range request; returns once the whole file is there. `expectedBytes` (or -1) bounds what is
// accepted, else `maxBytes` does, so a server cannot fill the disk. Runs its own event loop, so it
// works on the UI thread of a command-line tool and on a job's worker thread alike. Throws
// periscope::Error (HTTP status, network error, size) leaving the partial file for a later resume,
// and CancelledError when `control` is cancelled (the caller decides what to keep).
void downloadResumable(const QUrl &url, const QString &partPath, qint64 expectedBytes, const JobControl &control,
                       qint64 maxBytes = qint64(16) << 30);

} // namespace periscope::app
