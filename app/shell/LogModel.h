// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>

namespace periscope::app {

enum class LogLevel { Debug, Info, Warning, Error };

struct LogEntry {
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString source; // "jobs", "project", a workspace id, a Qt logging category
    QString message;
};

// The Log dock's messages. append() may be called from any thread: entries from workers are
// queued to the UI thread. Qt's own messages (qWarning & co.) come in through
// installAsMessageHandler(). Old entries are dropped past a cap so a chatty job cannot grow
// memory without bound.
class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, SourceColumn, MessageColumn, ColumnCount };
    static constexpr int kMaxEntries = 10000;

    explicit LogModel(QObject *parent = nullptr);
    ~LogModel() override;

    void append(LogLevel level, const QString &source, const QString &message);
    void clear();
    const QList<LogEntry> &entries() const { return m_entries; }

    // Routes qDebug/qInfo/qWarning/qCritical to this model (and still to stderr).
    void installAsMessageHandler();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString levelName(LogLevel level);

Q_SIGNALS:
    void entryAdded(const periscope::app::LogEntry &entry);

private:
    void appendOnOwnerThread(const LogEntry &entry);

    QList<LogEntry> m_entries;
    bool m_isMessageHandler = false;
};

} // namespace periscope::app
