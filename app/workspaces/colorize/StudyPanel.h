// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/shell/JobSlot.h"
#include "engine/studies/StudyDesign.h"

#include <QPointer>
#include <QVariantMap>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace periscope::widgets {
class PlotView;
}

namespace periscope::app {

class ColorizeModel;
class JobManager;
class StudyRunner;
class StudyStore;

// The Colorize workspace's study tab: make a blinded study from the opened colour photos (their
// original colours against the current model's results), open a study file, run sessions in the
// full-screen runner (new participants or one who stopped), and read the results: per condition
// the share judged real with its Wilson interval, Likert means or 2AFC preference with their
// intervals, Fleiss' kappa, a response-time histogram; export the answers (CSV) and a figure.
class StudyPanel : public QWidget {
    Q_OBJECT
public:
    StudyPanel(ColorizeModel *model, JobManager *jobs, QWidget *parent = nullptr);
    ~StudyPanel() override;

    struct NewStudy {
        QString path;                       // the .sqlite file; its photos go to <stem>-photos/ beside it
        QString title = tr("Colorization study");
        studies::QuestionType question = studies::QuestionType::RealOrColorized;
        int trialsPerRater = 20;
        int attentionChecks = 2;
        quint64 seed = 1;
        QStringList images;                            // file stems to include; empty: every colorized colour photo
        QList<QPair<QString, QString>> moreConditions; // (name, folder): another model's results, matched by file stem
    };
    // Copies the photos (a job), then creates and opens the study. Emits studySwitched or problem.
    void createStudy(const NewStudy &settings);
    // What a user opens: emits studySwitched.
    bool openStudy(const QString &path, QString *error);
    // Shows the study of `path`, or none for an empty path (an undo step, a project): emits
    // studyChanged only. The file is never touched when closed.
    bool showStudy(const QString &path, QString *error);
    StudyStore *study() const { return m_store.get(); }
    QString studyPath() const;
    // Sets the design's title, question, trial and check counts and seed (StudyDesignFields::values)
    // while nobody has answered; refused with a sentence once answers exist. Emits studyChanged.
    bool setDesignValues(const QVariantMap &values, QString *error);
    // Removes the participants who never answered (sessions closed at their instructions by
    // versions before 0.9): the number removed. They hold no answer, so nothing is lost.
    int removeParticipantsWithoutAnswers(QString *error);
    // Opens the runner for a new participant (rater < 0) or to resume one; shown full screen
    // unless `fullScreen` is false (tests).
    StudyRunner *startSession(int rater = -1, bool fullScreen = true);
    void refresh();

    widgets::PlotView *resultsPlot() const { return m_plot; }
    QTableWidget *resultsTable() const { return m_results; }
    QTableWidget *perImageTable() const { return m_perImage; }
    QLabel *summaryLabel() const { return m_summary; }
    bool exportFigure(const QString &path, QString *error);

Q_SIGNALS:
    void studyChanged();
    // A user made or opened another study (the paths; empty: none): one undoable step.
    void studySwitched(const QString &before, const QString &after);
    // A user edited the open study's design (StudyDesignFields::values): one undoable step.
    void designEdited(const QVariantMap &before, const QVariantMap &after);
    void problem(const QString &message);

private:
    void showNewStudyDialog();
    void showEditDesignDialog();

    ColorizeModel *m_model;
    JobSlot m_preparation; // copies the photos beside the study file
    std::unique_ptr<StudyStore> m_store;
    QPointer<StudyRunner> m_runner;
    QLabel *m_summary = nullptr, *m_agreement = nullptr;
    QTableWidget *m_raters = nullptr, *m_results = nullptr, *m_perImage = nullptr;
    QPushButton *m_run = nullptr, *m_resume = nullptr, *m_csv = nullptr, *m_figure = nullptr;
    QPushButton *m_editDesign = nullptr, *m_removeUnanswered = nullptr;
    widgets::PlotView *m_plot = nullptr, *m_times = nullptr;
};

} // namespace periscope::app
