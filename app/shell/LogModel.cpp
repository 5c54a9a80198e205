// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shell/LogModel.h"

#include <QBrush>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <cstdio>

namespace periscope::app {

namespace {
std::atomic<LogModel *> g_handlerModel{nullptr};
QtMessageHandler g_previousHandler = nullptr;

// Qt's offscreen platform (the headless demo, --screenshot without a display) warns about a
// window hint it cannot honour on every window it creates. It says nothing about Periscope.
bool isPlatformChatter(const QString &text)
{
    return text == QLatin1String("This plugin does not support propagateSizeHints()");
}

void routeQtMessage(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (isPlatformChatter(text))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, text);
    LogModel *model = g_handlerModel.load();
    if (!model)
        return;
    LogLevel level = LogLevel::Info;
    switch (type) {
    case QtDebugMsg: level = LogLevel::Debug; break;
    case QtInfoMsg: level = LogLevel::Info; break;
    case QtWarningMsg: level = LogLevel::Warning; break;
    case QtCriticalMsg:
    case QtFatalMsg: level = LogLevel::Error; break;
    }
    const QString source = context.category && qstrcmp(context.category, "default") != 0
                               ? QString::fromLatin1(context.category)
                               : QStringLiteral("qt");
    model->append(level, source, text);
}
} // namespace

LogModel::LogModel(QObject *parent) : QAbstractTableModel(parent)
{
    qRegisterMetaType<periscope::app::LogEntry>();
}

LogModel::~LogModel()
{
    // Only the model that receives the messages hands them back; a second window's log, made
    // while this one lived, took them over already.
    LogModel *self = this;
    if (m_isMessageHandler && g_handlerModel.compare_exchange_strong(self, nullptr))
        qInstallMessageHandler(g_previousHandler);
}

void LogModel::installAsMessageHandler()
{
    g_handlerModel.store(this);
    m_isMessageHandler = true;
    // With two windows' logs (tests make several windows in one process) the handler found may be
    // our own: chaining to it would call itself for ever. The first handler found stays the one
    // messages are passed on to.
    const QtMessageHandler previous = qInstallMessageHandler(routeQtMessage);
    if (previous != routeQtMessage)
        g_previousHandler = previous;
}

QString LogModel::levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug: return tr("Debug");
    case LogLevel::Info: return tr("Info");
    case LogLevel::Warning: return tr("Warning");
    case LogLevel::Error: return tr("Error");
    }
    return {};
}

void LogModel::append(LogLevel level, const QString &source, const QString &message)
{
    LogEntry entry{QDateTime::currentDateTime(), level, source, message};
    if (QThread::currentThread() == thread()) {
        appendOnOwnerThread(entry);
        return;
    }
    QPointer<LogModel> self(this);
    QMetaObject::invokeMethod(
        this, [self, entry] {
            if (self)
                self->appendOnOwnerThread(entry);
        },
        Qt::QueuedConnection);
}

void LogModel::appendOnOwnerThread(const LogEntry &entry)
{
    if (m_entries.size() >= kMaxEntries) {
        const int drop = kMaxEntries / 10;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
    Q_EMIT entryAdded(entry);
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const LogEntry &entry = m_entries.at(index.row());
    if (role == Qt::UserRole)
        return int(entry.level);
    if (role == Qt::ForegroundRole) {
        if (entry.level == LogLevel::Error)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (entry.level == LogLevel::Warning)
            return QBrush(QColor(0x9c, 0x6a, 0x00));
        if (entry.level == LogLevel::Debug)
            return QBrush(QColor(0x77, 0x77, 0x77));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return entry.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case LevelColumn: return levelName(entry.level);
    case SourceColumn: return entry.source;
    case MessageColumn: return entry.message;
    default: return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case LevelColumn: return tr("Level");
    case SourceColumn: return tr("Source");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

} // namespace periscope::app
