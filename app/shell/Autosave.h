// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace periscope::app {

// Writes the open project to a recovery file every few minutes, and finds the recovery file
// of a session that crashed. Each process writes `autosave-<pid>.periscope` in the recovery
// folder and removes it when it ends cleanly, so a file whose process is gone is what a crash
// left behind (and two Periscopes running side by side never take each other's file).
class Autosave : public QObject {
    Q_OBJECT
public:
    using Snapshot = std::function<QByteArray()>;

    Autosave(const QString &recoveryFolder, Snapshot snapshot, QObject *parent = nullptr);
    ~Autosave() override;

    void setIntervalMinutes(int minutes); // 0 stops autosaving
    bool saveNow(QString *error = nullptr);
    // Removes this session's recovery file: call on a clean exit.
    void finishCleanly();

    QString ownRecoveryPath() const;
    // Recovery files of sessions that are no longer running, newest first.
    QStringList orphanedRecoveryFiles() const;
    static void discard(const QString &recoveryFile);

    static QString defaultRecoveryFolder();

private:
    QString m_folder;
    Snapshot m_snapshot;
    QTimer m_timer;
    QByteArray m_lastWritten;
};

} // namespace periscope::app
