// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/studies/StudyStore.h"

#include "app/common/AtomicFile.h"
#include "engine/core/errors/Error.h"
#include "engine/core/io/PathGuard.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <sqlite3.h>

#include <chrono>

namespace periscope::app {

namespace {

constexpr const char *kFormat = "periscope-study";
constexpr int kVersion = 1;

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

bool insideFolder(const QString &folder, const QString &path)
{
    return isInsideFolder(QFile::encodeName(folder).toStdString(), QFile::encodeName(path).toStdString());
}

// The design as the file keeps it: every photo relative to the study's folder, so that the study
// and its photos move together. A photo outside the folder is refused: a study file is sent to
// other machines, and one from elsewhere shows only what lies beside it (see resolvedDesign).
bool storedDesign(const studies::StudyDesign &design, const QString &folder, studies::StudyDesign *stored, QString *error)
{
    *stored = design;
    for (studies::Stimulus &s : stored->stimuli) {
        const QString path = QDir::cleanPath(QDir(folder).absoluteFilePath(QString::fromStdString(s.path)));
        if (!insideFolder(folder, path)) {
            if (error)
                *error = QStringLiteral("%1 lies outside the study's folder %2: a study's photos are kept beside it").arg(path, folder);
            return false;
        }
        s.path = QDir(folder).relativeFilePath(path).toStdString();
    }
    return true;
}

// The design with every photo as an absolute path, each checked to lie inside the study's folder
// (symbolic links followed): "/home/you/private.jpg", "../../x" or a link out is refused with
// the path named. Studies written before paths were relative keep absolute paths inside it.
bool resolvedDesign(const studies::StudyDesign &stored, const QString &folder, const QString &fileName, studies::StudyDesign *design,
                    QString *error)
{
    *design = stored;
    for (studies::Stimulus &s : design->stimuli) {
        const QString spelled = QString::fromStdString(s.path);
        const QString path = QDir::cleanPath(QDir(folder).absoluteFilePath(spelled));
        if (spelled.contains(QChar(0)) || !insideFolder(folder, path)) {
            if (error)
                *error = QStringLiteral("%1 refers to %2, outside its folder %3: a study shows only photos kept beside it")
                             .arg(fileName, spelled, folder);
            return false;
        }
        s.path = path.toStdString();
    }
    return true;
}

QString conditionsText(const std::vector<std::string> &conditions)
{
    QStringList out;
    for (const std::string &c : conditions)
        out << QString::fromStdString(c);
    return out.join(QLatin1Char('|'));
}

// A sentence for a failed statement: SQLite's own words, with what they mean for the user.
QString describe(const QSqlError &error, const QString &path)
{
    const QString text = error.text();
    if (text.contains(QLatin1String("readonly"), Qt::CaseInsensitive) || text.contains(QLatin1String("read-only"), Qt::CaseInsensitive))
        return QStringLiteral("%1 cannot be written (a read-only file or folder); answers cannot be saved there").arg(path);
    if (text.contains(QLatin1String("full"), Qt::CaseInsensitive))
        return QStringLiteral("the disk holding %1 is full; the answer was not saved").arg(path);
    if (text.contains(QLatin1String("not a database"), Qt::CaseInsensitive) || text.contains(QLatin1String("malformed"), Qt::CaseInsensitive))
        return QStringLiteral("%1 is damaged or not a study file").arg(path);
    return QStringLiteral("%1: %2").arg(path, text);
}

// While a study file from outside is checked, every statement is under a deadline: a hostile
// file can hold a recursive view or a trigger loop that would otherwise run forever. SQLite
// calls the handler every few thousand virtual-machine steps; a non-zero return interrupts.
class SqliteDeadline {
public:
    SqliteDeadline(const QSqlDatabase &db, std::chrono::seconds limit) : m_until(std::chrono::steady_clock::now() + limit)
    {
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_handle = *static_cast<sqlite3 *const *>(handle.constData());
        if (m_handle)
            sqlite3_progress_handler(m_handle, 10000, &SqliteDeadline::expired, this);
    }
    ~SqliteDeadline()
    {
        if (m_handle)
            sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
    }
    SqliteDeadline(const SqliteDeadline &) = delete;
    SqliteDeadline &operator=(const SqliteDeadline &) = delete;

    bool hit() const { return m_hit; }

private:
    static int expired(void *self)
    {
        auto *deadline = static_cast<SqliteDeadline *>(self);
        deadline->m_hit = std::chrono::steady_clock::now() > deadline->m_until;
        return deadline->m_hit ? 1 : 0;
    }
    sqlite3 *m_handle = nullptr;
    std::chrono::steady_clock::time_point m_until;
    bool m_hit = false;
};

// A study file from outside is data: SQL functions in its schema never run with side effects
// (trusted_schema), its pages are checked, and it may hold only the tables Periscope writes: no
// views or triggers, which is where a hostile file would hide work.
QString checkForeignStudyFile(QSqlDatabase &db, const QString &name)
{
    SqliteDeadline deadline(db, std::chrono::seconds(20));
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA trusted_schema=OFF"));
    query.exec(QStringLiteral("PRAGMA recursive_triggers=OFF"));
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next())
        return deadline.hit() ? QStringLiteral("%1 took too long to check: refused").arg(name)
                              : QStringLiteral("%1 is not a Periscope study file, or it is damaged").arg(name);
    if (query.value(0).toString() != QLatin1String("ok"))
        return QStringLiteral("%1 is damaged (%2)").arg(name, query.value(0).toString().left(200));
    if (!query.exec(QStringLiteral("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') LIMIT 1")))
        return QStringLiteral("%1 is not a Periscope study file, or it is damaged").arg(name);
    if (query.next())
        return QStringLiteral("%1 holds a %2 (%3), which a Periscope study file never has: refused")
            .arg(name, query.value(0).toString(), query.value(1).toString().left(80));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'raters', 'answers')")) ||
        !query.next() || query.value(0).toInt() != 3)
        return QStringLiteral("%1 is not a Periscope study file").arg(name);
    return {};
}

} // namespace

StudyStore::~StudyStore()
{
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool StudyStore::exec(const QString &sql, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (query.exec(sql))
        return true;
    if (error)
        *error = describe(query.lastError(), m_path);
    return false;
}

std::unique_ptr<StudyStore> StudyStore::create(const QString &path, const studies::StudyDesign &design, QString *error)
{
    try {
        design.validate();
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return nullptr;
    }
    const QFileInfo info(path);
    if (info.exists()) {
        if (error)
            *error = QStringLiteral("%1 exists already: a study file is never overwritten").arg(path);
        return nullptr;
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir() || !folder.isWritable()) {
        if (error)
            *error = QStringLiteral("cannot create %1: the folder %2 is missing or read-only").arg(info.fileName(), info.absolutePath());
        return nullptr;
    }
    studies::StudyDesign stored, resolved;
    if (!storedDesign(design, info.absolutePath(), &stored, error) ||
        !resolvedDesign(stored, info.absolutePath(), info.fileName(), &resolved, error))
        return nullptr;
    std::unique_ptr<StudyStore> store(new StudyStore);
    store->m_path = info.absoluteFilePath();
    store->m_connection = QStringLiteral("study-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connection);
    db.setDatabaseName(store->m_path);
    if (!db.open()) {
        if (error)
            *error = describe(db.lastError(), path);
        return nullptr;
    }
    store->m_design = resolved;
    store->m_fingerprint = QString::fromStdString(stored.fingerprint());
    const QString designJson = QString::fromStdString(stored.toJson().dump(1));
    const bool ok = store->exec(QStringLiteral("PRAGMA journal_mode=WAL"), error) &&
                    store->exec(QStringLiteral("PRAGMA synchronous=FULL"), error) &&
                    store->exec(QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"), error) &&
                    store->exec(QStringLiteral("CREATE TABLE raters(number INTEGER PRIMARY KEY, anonymous_id TEXT UNIQUE NOT NULL, "
                                               "started TEXT NOT NULL, finished TEXT)"),
                                error) &&
                    store->exec(QStringLiteral("CREATE TABLE answers(rater INTEGER NOT NULL REFERENCES raters(number), trial INTEGER NOT NULL, "
                                               "image TEXT NOT NULL, conditions TEXT NOT NULL, answer INTEGER NOT NULL, "
                                               "response_ms REAL NOT NULL, attention INTEGER NOT NULL, expected INTEGER NOT NULL, "
                                               "answered_at TEXT NOT NULL, PRIMARY KEY(rater, trial))"),
                                error);
    if (!ok) {
        store.reset();
        QFile::remove(path);
        return nullptr;
    }
    QSqlQuery insert(QSqlDatabase::database(store->m_connection));
    insert.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?)"));
    const QList<QPair<QString, QString>> meta = {{QStringLiteral("format"), QString::fromLatin1(kFormat)},
                                                 {QStringLiteral("version"), QString::number(kVersion)},
                                                 {QStringLiteral("design"), designJson},
                                                 {QStringLiteral("fingerprint"), store->m_fingerprint},
                                                 {QStringLiteral("created"), now()}};
    for (const auto &[key, value] : meta) {
        insert.addBindValue(key);
        insert.addBindValue(value);
        if (!insert.exec()) {
            if (error)
                *error = describe(insert.lastError(), path);
            store.reset();
            QFile::remove(path);
            return nullptr;
        }
    }
    return store;
}

std::unique_ptr<StudyStore> StudyStore::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        if (error)
            *error = QStringLiteral("%1 does not exist").arg(path);
        return nullptr;
    }
    std::unique_ptr<StudyStore> store(new StudyStore);
    store->m_path = info.absoluteFilePath();
    store->m_connection = QStringLiteral("study-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connection);
    db.setDatabaseName(store->m_path);
    if (!db.open()) {
        if (error)
            *error = describe(db.lastError(), path);
        return nullptr;
    }
    if (const QString problem = checkForeignStudyFile(db, info.fileName()); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    QSqlQuery query(db);
    QHash<QString, QString> meta;
    if (!query.exec(QStringLiteral("SELECT key, value FROM meta"))) {
        if (error)
            *error = QStringLiteral("%1 is not a Periscope study file, or it is damaged").arg(info.fileName());
        return nullptr;
    }
    while (query.next())
        meta.insert(query.value(0).toString(), query.value(1).toString());
    if (meta.value(QStringLiteral("format")) != QLatin1String(kFormat)) {
        if (error)
            *error = QStringLiteral("%1 is not a Periscope study file").arg(info.fileName());
        return nullptr;
    }
    if (meta.value(QStringLiteral("version")).toInt() > kVersion) {
        if (error)
            *error = QStringLiteral("%1 was written by a newer Periscope (format %2)").arg(info.fileName(), meta.value(QStringLiteral("version")));
        return nullptr;
    }
    studies::StudyDesign stored;
    try {
        stored = studies::StudyDesign::fromJson(json::Value::parse(meta.value(QStringLiteral("design")).toStdString()));
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("the study definition in %1 is damaged: %2").arg(info.fileName(), QString::fromUtf8(e.what()));
        return nullptr;
    }
    store->m_fingerprint = QString::fromStdString(stored.fingerprint());
    if (store->m_fingerprint != meta.value(QStringLiteral("fingerprint"))) {
        if (error)
            *error = QStringLiteral("the study definition in %1 was changed outside Periscope (its fingerprint no longer matches)").arg(info.fileName());
        return nullptr;
    }
    if (!resolvedDesign(stored, info.absolutePath(), info.fileName(), &store->m_design, error))
        return nullptr;
    // WAL and synchronous commits for this connection too; a read-only file still opens for results.
    QString ignored;
    store->exec(QStringLiteral("PRAGMA journal_mode=WAL"), &ignored);
    store->exec(QStringLiteral("PRAGMA synchronous=FULL"), &ignored);
    return store;
}

QString StudyStore::fingerprint() const
{
    return m_fingerprint;
}

bool StudyStore::isFrozen() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    return query.exec(QStringLiteral("SELECT 1 FROM answers LIMIT 1")) && query.next();
}

bool StudyStore::updateDesign(const studies::StudyDesign &design, QString *error)
{
    if (isFrozen()) {
        if (error)
            *error = QStringLiteral("the study has answers: its definition is frozen (fingerprint %1)").arg(fingerprint().left(12));
        return false;
    }
    try {
        design.validate();
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    const QString folder = QFileInfo(m_path).absolutePath();
    studies::StudyDesign stored, resolved;
    if (!storedDesign(design, folder, &stored, error) || !resolvedDesign(stored, folder, QFileInfo(m_path).fileName(), &resolved, error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = ?"));
    for (const auto &[key, value] : {std::pair{QStringLiteral("design"), QString::fromStdString(stored.toJson().dump(1))},
                                     std::pair{QStringLiteral("fingerprint"), QString::fromStdString(stored.fingerprint())}}) {
        query.addBindValue(value);
        query.addBindValue(key);
        if (!query.exec()) {
            if (error)
                *error = describe(query.lastError(), m_path);
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        if (error)
            *error = describe(db.lastError(), m_path);
        return false;
    }
    m_design = resolved;
    m_fingerprint = QString::fromStdString(stored.fingerprint());
    return true;
}

bool StudyStore::startRater(Rater *rater, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery count(db);
    int number = 0;
    if (count.exec(QStringLiteral("SELECT COALESCE(MAX(number) + 1, 0) FROM raters")) && count.next())
        number = count.value(0).toInt();
    // Anonymous: a running number and random hex, nothing about the person.
    const QString id = QStringLiteral("R%1-%2").arg(number + 1, 2, 10, QLatin1Char('0')).arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0')).toUpper();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO raters(number, anonymous_id, started) VALUES (?, ?, ?)"));
    insert.addBindValue(number);
    insert.addBindValue(id);
    insert.addBindValue(now());
    if (!insert.exec()) {
        if (error)
            *error = describe(insert.lastError(), m_path);
        return false;
    }
    if (rater) {
        rater->number = number;
        rater->anonymousId = id;
        rater->started = QDateTime::currentDateTimeUtc();
        rater->answered = 0;
        rater->finished = false;
    }
    return true;
}

bool StudyStore::removeRaterWithoutAnswers(int raterNumber, QString *error)
{
    QSqlQuery remove(QSqlDatabase::database(m_connection));
    remove.prepare(QStringLiteral("DELETE FROM raters WHERE number = ? AND NOT EXISTS (SELECT 1 FROM answers WHERE rater = ?)"));
    remove.addBindValue(raterNumber);
    remove.addBindValue(raterNumber);
    if (!remove.exec()) {
        if (error)
            *error = describe(remove.lastError(), m_path);
        return false;
    }
    return remove.numRowsAffected() > 0;
}

QList<StudyStore::Rater> StudyStore::raters() const
{
    QList<Rater> out;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("SELECT r.number, r.anonymous_id, r.started, COUNT(a.trial) FROM raters r "
                                   "LEFT JOIN answers a ON a.rater = r.number GROUP BY r.number ORDER BY r.number")))
        return out;
    const int planned = m_design.trialsPerRater;
    while (query.next()) {
        Rater r;
        r.number = query.value(0).toInt();
        r.anonymousId = query.value(1).toString();
        r.started = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
        r.answered = query.value(3).toInt();
        r.finished = r.answered >= planned;
        out << r;
    }
    return out;
}

int StudyStore::nextTrial(int raterNumber) const
{
    // Answers are given in plan order, so the first gap is the count; a gap (impossible through
    // recordAnswer, possible through a hand-edited file) is found all the same.
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT trial FROM answers WHERE rater = ? ORDER BY trial"));
    query.addBindValue(raterNumber);
    int expected = 0;
    if (query.exec())
        while (query.next() && query.value(0).toInt() == expected)
            ++expected;
    return expected;
}

bool StudyStore::recordAnswer(int raterNumber, const studies::Trial &trial, int answer, double responseMs, QString *error)
{
    if (!studies::isValidAnswer(m_design.question, answer)) {
        if (error)
            *error = QStringLiteral("answer %1 is not valid for a %2 question").arg(answer).arg(QString::fromStdString(studies::toString(m_design.question)));
        return false;
    }
    QSqlQuery insert(QSqlDatabase::database(m_connection));
    insert.prepare(QStringLiteral("INSERT INTO answers(rater, trial, image, conditions, answer, response_ms, attention, expected, answered_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(raterNumber);
    insert.addBindValue(trial.index);
    insert.addBindValue(QString::fromStdString(trial.image));
    insert.addBindValue(conditionsText(trial.conditions));
    insert.addBindValue(answer);
    insert.addBindValue(responseMs);
    insert.addBindValue(trial.attentionCheck ? 1 : 0);
    insert.addBindValue(trial.expectedAnswer);
    insert.addBindValue(now());
    if (!insert.exec()) { // autocommit: durable when exec returns (WAL, synchronous=FULL)
        if (error)
            *error = insert.lastError().text().contains(QLatin1String("UNIQUE"))
                         ? QStringLiteral("trial %1 of rater %2 is answered already").arg(trial.index).arg(raterNumber)
                         : describe(insert.lastError(), m_path);
        return false;
    }
    return true;
}

std::vector<studies::Answer> StudyStore::answers() const
{
    std::vector<studies::Answer> out;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("SELECT r.anonymous_id, a.trial, a.image, a.conditions, a.answer, a.response_ms, a.attention, a.expected "
                                   "FROM answers a JOIN raters r ON r.number = a.rater ORDER BY a.rater, a.trial")))
        return out;
    while (query.next()) {
        studies::Answer a;
        a.rater = query.value(0).toString().toStdString();
        a.trial = query.value(1).toInt();
        a.image = query.value(2).toString().toStdString();
        for (const QString &c : query.value(3).toString().split(QLatin1Char('|')))
            a.conditions.push_back(c.toStdString());
        a.answer = query.value(4).toInt();
        a.responseMs = query.value(5).toDouble();
        a.attentionCheck = query.value(6).toInt() != 0;
        a.expectedAnswer = query.value(7).toInt();
        out.push_back(std::move(a));
    }
    return out;
}

void StudyStore::setMaximumPages(int pages)
{
    QString ignored;
    exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages), &ignored);
}

bool StudyStore::exportCsv(const QString &path, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("SELECT r.anonymous_id, a.trial, a.image, a.conditions, a.answer, a.response_ms, a.attention, a.expected, "
                                   "a.answered_at FROM answers a JOIN raters r ON r.number = a.rater ORDER BY a.rater, a.trial"))) {
        if (error)
            *error = describe(query.lastError(), m_path);
        return false;
    }
    const auto quoted = [](QString text) {
        if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')))
            return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return text;
    };
    QString csv = QStringLiteral("rater,trial,image,condition_left,condition_right,question,answer,response_ms,attention_check,expected_answer,answered_at\n");
    const QString question = QString::fromStdString(studies::toString(m_design.question));
    while (query.next()) {
        const QStringList conditions = query.value(3).toString().split(QLatin1Char('|'));
        const bool check = query.value(6).toInt() != 0;
        csv += QStringList{quoted(query.value(0).toString()), query.value(1).toString(), quoted(query.value(2).toString()),
                           quoted(conditions.value(0)), quoted(conditions.value(1)), question, query.value(4).toString(),
                           QString::number(query.value(5).toDouble(), 'f', 1), check ? QStringLiteral("1") : QStringLiteral("0"),
                           check ? query.value(7).toString() : QString(), query.value(8).toString()}
                   .join(QLatin1Char(','));
        csv += QLatin1Char('\n');
    }
    return writeFileAtomically(path, csv.toUtf8(), error);
}

} // namespace periscope::app
