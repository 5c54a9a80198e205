// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/ModelDownload.h"

#include "engine/core/errors/Error.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>

namespace periscope::app {

namespace {
constexpr int kStallSeconds = 60;     // no byte for this long: the connection is given up
constexpr int kPollMilliseconds = 100; // how often cancellation is looked at

std::string text(const QString &s)
{
    return s.toStdString();
}

// One request: appends to `file` from its current size (a 206 answer) or rewrites it (a 200
// answer to a range request means the server ignored the range).
void requestOnce(QNetworkAccessManager &network, const QUrl &url, QFile &file, qint64 limit, const JobControl &control)
{
    const qint64 existing = file.size();
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setRawHeader("Accept-Encoding", "identity"); // the bytes as published: their hash is checked
    if (existing > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(existing) + "-");
    std::unique_ptr<QNetworkReply> reply(network.get(request));

    QEventLoop loop;
    QElapsedTimer sinceData;
    sinceData.start();
    QString failure;
    bool started = false, cancelled = false;
    qint64 written = existing;
    auto fail = [&](const QString &why) {
        if (failure.isEmpty())
            failure = why;
        reply->abort();
    };
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        if (!started) {
            started = true;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200 && existing > 0) { // the range was ignored: start over
                file.resize(0);
                file.seek(0);
                written = 0;
            } else if (status != 200 && status != 206) {
                return fail(QStringLiteral("the server answered HTTP %1").arg(status));
            }
        }
        const QByteArray chunk = reply->readAll();
        if (written + chunk.size() > limit)
            return fail(QStringLiteral("the server sent more than the %1 bytes expected").arg(limit));
        if (file.write(chunk) != chunk.size())
            return fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
        written += chunk.size();
        sinceData.restart();
    });
    QObject::connect(reply.get(), &QNetworkReply::downloadProgress, &loop, [&](qint64, qint64) {
        const double fraction = limit > 0 && limit < (qint64(1) << 62) ? double(written) / double(limit) : -1.0;
        control.reportProgress(fraction, text(QStringLiteral("%1 MB").arg(double(written) / 1e6, 0, 'f', 1)));
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (control.isCancelled()) {
            cancelled = true;
            reply->abort();
        } else if (sinceData.elapsed() > kStallSeconds * 1000) {
            fail(QStringLiteral("no data for %1 s").arg(kStallSeconds));
        }
    });
    poll.start(kPollMilliseconds);
    if (!reply->isFinished())
        loop.exec();
    poll.stop();
    file.flush();
    if (cancelled)
        throw CancelledError();
    if (!failure.isEmpty())
        throw Error(text(url.toDisplayString() + QStringLiteral(": ") + failure));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 416 && existing > 0)
        return; // nothing left to send: the partial file is already whole (the hash decides)
    if (reply->error() != QNetworkReply::NoError)
        throw Error(text(url.toDisplayString() + QStringLiteral(": ") + reply->errorString()));
    if (status != 200 && status != 206)
        throw Error(text(url.toDisplayString() + QStringLiteral(": the server answered HTTP %1").arg(status)));
}
} // namespace

void downloadResumable(const QUrl &url, const QString &partPath, qint64 expectedBytes, const JobControl &control, qint64 maxBytes)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        throw Error("only http and https addresses are downloaded, not '" + text(url.toDisplayString()) + "'");
    QFile file(partPath);
    if (!file.open(QIODevice::ReadWrite)) // keeps what an earlier attempt wrote
        throw Error("cannot write " + text(partPath) + ": " + text(file.errorString()));
    file.seek(file.size());
    const qint64 limit = expectedBytes > 0 ? expectedBytes : maxBytes;
    if (file.size() > limit)
        file.resize(0); // not a prefix of this file: start over
    if (expectedBytes > 0 && file.size() == expectedBytes)
        return;
    QNetworkAccessManager network;
    network.setAutoDeleteReplies(false);
    requestOnce(network, url, file, limit, control);
    if (expectedBytes > 0 && file.size() != expectedBytes)
        throw Error(text(url.toDisplayString()) + ": the download ended at " + std::to_string(file.size()) + " of " +
                    std::to_string(expectedBytes) + " bytes (run it again to continue)");
}

} // namespace periscope::app
