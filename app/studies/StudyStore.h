// SPDX-License-Identifier: GPL-3.0-or-later
// One perception study in one SQLite file (QtSql, write-ahead log, synchronous commits): the
// frozen design with its fingerprint, the raters (anonymous ids, numbered in order), and every
// answer, committed the moment it is given, so a killed process loses no answer and a session
// resumes at its first unanswered trial. The design may change only until the first answer.
#pragma once

#include "engine/studies/StudyDesign.h"
#include "engine/studies/StudyStatistics.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace periscope::app {

class StudyStore {
public:
    struct Rater {
        int number = 0;          // 0, 1, 2, ... in the order they started (their plan's seed)
        QString anonymousId;     // what the results show, e.g. "R03-7F2A"
        QDateTime started;
        int answered = 0;
        bool finished = false;
    };

    // Creates a new study file (refused when the file exists). Every photo must lie in the study
    // file's folder (or below it): the file stores them relative to it, so the study can be moved
    // and sent; opening refuses a study that refers to anything outside its folder.
    // nullptr + *error (a sentence).
    static std::unique_ptr<StudyStore> create(const QString &path, const studies::StudyDesign &design, QString *error);
    // Opens an existing one: refused with a sentence when it is not a study, is damaged, or its
    // design no longer matches its fingerprint.
    static std::unique_ptr<StudyStore> open(const QString &path, QString *error);
    ~StudyStore();
    StudyStore(const StudyStore &) = delete;
    StudyStore &operator=(const StudyStore &) = delete;

    QString path() const { return m_path; }
    const studies::StudyDesign &design() const { return m_design; }
    QString fingerprint() const;
    bool isFrozen() const; // an answer exists
    bool updateDesign(const studies::StudyDesign &design, QString *error);

    // A new rater with the next number and a fresh anonymous id.
    bool startRater(Rater *rater, QString *error);
    QList<Rater> raters() const;
    // Removes a rater who has not answered anything (a session closed at its instructions): true
    // when removed. A rater with answers is never removed (false, nothing changes).
    bool removeRaterWithoutAnswers(int raterNumber, QString *error = nullptr);
    // The first trial of the rater's plan without an answer (== the plan's size when finished).
    int nextTrial(int raterNumber) const;
    std::vector<studies::Trial> plan(int raterNumber) const { return studies::planTrials(m_design, raterNumber); }

    // Commits one answer now. Refused (false + *error) for an invalid answer, a trial answered
    // already, or a write that fails (read-only file, full disk).
    bool recordAnswer(int raterNumber, const studies::Trial &trial, int answer, double responseMs, QString *error);
    std::vector<studies::Answer> answers() const;
    studies::StudyResults results() const { return studies::analyseStudy(m_design, answers()); }

    // One row per answer: rater, trial, image, conditions, answer, response time, attention
    // check and its expected answer, time answered. False + *error on failure.
    bool exportCsv(const QString &path, QString *error) const;

    // Caps the file at `pages` SQLite pages (max_page_count): a write past it fails as it would on
    // a full disk. For tests of that path, and for studies kept on small media.
    void setMaximumPages(int pages);

private:
    StudyStore() = default;
    bool exec(const QString &sql, QString *error) const;

    QString m_path, m_connection;
    studies::StudyDesign m_design; // photos as absolute paths, each inside the study's folder
    QString m_fingerprint;         // of the design as stored (photos relative to the folder)
};

} // namespace periscope::app
