// SPDX-License-Identifier: GPL-3.0-or-later
// A small HTTP/1.1 server on 127.0.0.1 for the download tests: it serves one body at any path,
// honours "Range: bytes=N-" with 206, and can misbehave as real servers do: close the connection
// part-way through, ignore ranges, or trickle the bytes slowly. It lives on the test's thread; the
// downloader's own event loop (or QTRY in the test) keeps it answering.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

class LocalHttpServer : public QObject {
public:
    QByteArray body;
    qint64 dropAfterBytes = -1;   // first request: close after this many body bytes (-1: never)
    bool ignoreRange = false;
    int trickleMilliseconds = 0;  // >0: 4 KiB every this many ms
    QList<QByteArray> rangeHeaders; // what each request asked for (empty: no range)

    LocalHttpServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/models").arg(m_server.serverPort())); }

private:
    void serve(QTcpSocket *socket)
    {
        auto *request = new QByteArray;
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, request] {
            delete request;
            socket->deleteLater();
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
            request->append(socket->readAll());
            if (!request->contains("\r\n\r\n"))
                return;
            QByteArray range;
            for (const QByteArray &line : request->split('\n'))
                if (line.toLower().startsWith("range:"))
                    range = line.mid(6).trimmed();
            request->clear();
            rangeHeaders.append(range);
            qint64 from = 0;
            if (!ignoreRange && range.startsWith("bytes="))
                from = range.mid(6, range.indexOf('-') - 6).toLongLong();
            const QByteArray part = body.mid(from);
            QByteArray head = from > 0 ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n";
            head += "Content-Type: application/octet-stream\r\nContent-Length: " + QByteArray::number(part.size()) + "\r\n";
            if (from > 0)
                head += "Content-Range: bytes " + QByteArray::number(from) + "-" + QByteArray::number(body.size() - 1) + "/" +
                        QByteArray::number(body.size()) + "\r\n";
            head += "Connection: close\r\n\r\n";
            socket->write(head);
            const bool drop = rangeHeaders.size() == 1 && dropAfterBytes >= 0;
            const QByteArray sent = drop ? part.left(dropAfterBytes) : part;
            if (trickleMilliseconds <= 0) {
                socket->write(sent);
                socket->flush();
                socket->disconnectFromHost();
                return;
            }
            auto *timer = new QTimer(socket);
            auto offset = std::make_shared<qint64>(0);
            QObject::connect(timer, &QTimer::timeout, socket, [socket, sent, offset, timer] {
                socket->write(sent.mid(*offset, 4096));
                *offset += 4096;
                if (*offset >= sent.size()) {
                    timer->stop();
                    socket->disconnectFromHost();
                }
            });
            timer->start(trickleMilliseconds);
        });
    }

    QTcpServer m_server;
};
