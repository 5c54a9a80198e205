// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/studies/StudyDesign.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <vector>

class QLabel;

namespace periscope::app {

class StudyStore;

// The participant's screen: full-screen, black, only the photo(s), the question and the keys.
// No file names, conditions or progress details are shown. Answers by keyboard (real-or-colorized:
// R / C; Likert: 1-5; 2AFC: Left / Right), each committed to the study file before the next trial
// appears, with its response time from the moment the photo was on screen. P pauses (the clock
// stops), Escape ends the session (it resumes at the next trial), and after the last trial Enter
// starts the next rater with a new anonymous id. The next trial's photos are read off the UI
// thread while the current one is answered.
class StudyRunner : public QWidget {
    Q_OBJECT
public:
    // `raterNumber` < 0: a new rater.
    StudyRunner(StudyStore *store, int raterNumber, QWidget *parent = nullptr);
    ~StudyRunner() override;

    enum class Screen { Instructions, Trial, Loading, Paused, Finished, Error };
    Screen screen() const { return m_screen; }
    int raterNumber() const { return m_rater; }
    QString raterId() const { return m_raterId; }
    int currentTrial() const { return m_trial; }
    QString visibleText() const; // everything written on the screen now, for tests

Q_SIGNALS:
    void answerSaved(int rater, int trial);
    void sessionEnded(int rater, int answered);
    void failed(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    struct Shown {
        int trial = -1;
        std::vector<QImage> images;
        QString error;
    };
    void startRater();
    void showTrial();
    void loadTrial(int trial);
    void answer(int value);
    void setScreen(Screen screen, const QString &text = {});
    QString questionText() const;
    // A participant this runner added who left before the first answer is not kept: the study
    // would list an empty participant no one could remove (#23). True when one was removed.
    bool dropUnansweredRater();

    StudyStore *m_store;
    int m_rater = -1;
    bool m_raterAddedHere = false;
    QString m_raterId;
    std::vector<studies::Trial> m_plan;
    int m_trial = 0;
    Screen m_screen = Screen::Instructions;
    QString m_message;
    Shown m_shown, m_next;
    QFutureWatcher<Shown> m_loader;
    QElapsedTimer m_clock;
    qint64 m_elapsedBeforePause = 0;
};

} // namespace periscope::app
