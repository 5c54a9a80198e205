// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/Autosave.h"

#include "app/common/ApplicationIdentity.h"

#include "app/common/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

namespace periscope::app {

namespace {
bool processIsAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    // Signal 0 checks existence; EPERM means it exists but belongs to someone else.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}
} // namespace

Autosave::Autosave(const QString &recoveryFolder, Snapshot snapshot, QObject *parent)
    : QObject(parent), m_folder(recoveryFolder), m_snapshot(std::move(snapshot))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        QString error;
        if (!saveNow(&error))
            qWarning("Autosave failed: %s", qPrintable(error));
    });
}

Autosave::~Autosave() = default;

QString Autosave::defaultRecoveryFolder()
{
    return periscopeDataFolder(QStringLiteral("recovery"));
}

void Autosave::setIntervalMinutes(int minutes)
{
    if (minutes <= 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(minutes * 60 * 1000);
}

QString Autosave::ownRecoveryPath() const
{
    return m_folder + QStringLiteral("/autosave-%1.periscope").arg(QCoreApplication::applicationPid());
}

bool Autosave::saveNow(QString *error)
{
    const QByteArray data = m_snapshot();
    if (data == m_lastWritten)
        return true; // nothing changed since the last autosave
    if (!QDir().mkpath(m_folder)) {
        if (error)
            *error = tr("Cannot create %1").arg(m_folder);
        return false;
    }
    if (!writeFileAtomically(ownRecoveryPath(), data, error))
        return false;
    m_lastWritten = data;
    return true;
}

void Autosave::finishCleanly()
{
    m_timer.stop();
    QFile::remove(ownRecoveryPath());
}

QStringList Autosave::orphanedRecoveryFiles() const
{
    static const QRegularExpression pattern(QStringLiteral("^autosave-(\\d+)\\.periscope$"));
    QStringList orphans;
    const QFileInfoList files = QDir(m_folder).entryInfoList({QStringLiteral("autosave-*.periscope")},
                                                             QDir::Files, QDir::Time);
    for (const QFileInfo &file : files) {
        const QRegularExpressionMatch match = pattern.match(file.fileName());
        if (!match.hasMatch())
            continue;
        const qint64 pid = match.captured(1).toLongLong();
        if (pid == QCoreApplication::applicationPid() || processIsAlive(pid))
            continue;
        orphans.append(file.absoluteFilePath());
    }
    return orphans;
}

void Autosave::discard(const QString &recoveryFile)
{
    QFile::remove(recoveryFile);
}

} // namespace periscope::app
