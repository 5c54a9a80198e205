// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/colorize/StudyPanel.h"
#include "app/shell/WidgetFigures.h"

#include "app/data/ImageInputs.h"
#include "app/shell/JobManager.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/StudyDesignFields.h"
#include "app/workspaces/colorize/StudyRunner.h"
#include "app/studies/StudyPhotos.h"
#include "app/studies/StudyStore.h"
#include "engine/studies/StudyDesign.h"
#include "engine/core/errors/Error.h"
#include "app/figures/Figure.h"
#include "widgets/plotview/PlotView.h"

#include <qcustomplot.h>

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QGuiApplication>
#include <QScreen>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace periscope::app {

namespace {

QString percent(double rate)
{
    return QString::number(100.0 * rate, 'f', 1) + QStringLiteral(" %");
}

} // namespace

StudyPanel::StudyPanel(ColorizeModel *model, JobManager *jobs, QWidget *parent) : QWidget(parent), m_model(model), m_preparation(jobs)
{
    auto *layout = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    auto *newStudy = new QPushButton(tr("New study from these photos..."));
    newStudy->setObjectName(QStringLiteral("newStudy"));
    newStudy->setToolTip(tr("The opened colour photos, in their original colours and as the current model colorized them"));
    connect(newStudy, &QPushButton::clicked, this, &StudyPanel::showNewStudyDialog);
    auto *open = new QPushButton(tr("Open study..."));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a study"), QString(), tr("Studies (*.sqlite);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !openStudy(path, &error))
            Q_EMIT problem(error);
    });
    m_editDesign = new QPushButton(tr("Edit the design..."));
    m_editDesign->setObjectName(QStringLiteral("editDesign"));
    m_editDesign->setToolTip(tr("Title, question, trials and seed, until the first answer freezes the design"));
    connect(m_editDesign, &QPushButton::clicked, this, &StudyPanel::showEditDesignDialog);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newStudy);
    buttons->addWidget(open);
    buttons->addWidget(m_editDesign);
    left->addLayout(buttons);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("studySummary"));
    m_summary->setWordWrap(true);
    left->addWidget(m_summary);
    m_raters = new QTableWidget(0, 3);
    m_raters->setHorizontalHeaderLabels({tr("Participant"), tr("Answered"), tr("Started")});
    m_raters->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_raters->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_raters->setSelectionBehavior(QAbstractItemView::SelectRows);
    left->addWidget(m_raters, 1);
    m_removeUnanswered = new QPushButton(tr("Remove participants who never answered"));
    m_removeUnanswered->setObjectName(QStringLiteral("removeUnanswered"));
    connect(m_removeUnanswered, &QPushButton::clicked, this, [this] {
        QString error;
        if (removeParticipantsWithoutAnswers(&error) < 0)
            Q_EMIT problem(error);
    });
    left->addWidget(m_removeUnanswered);
    m_run = new QPushButton(tr("Start a session (new participant)"));
    m_run->setObjectName(QStringLiteral("startSession"));
    connect(m_run, &QPushButton::clicked, this, [this] { startSession(-1); });
    m_resume = new QPushButton(tr("Resume the selected participant"));
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const int row = m_raters->currentRow();
        if (row >= 0)
            startSession(m_raters->item(row, 0)->data(Qt::UserRole).toInt());
    });
    m_csv = new QPushButton(tr("Export answers (CSV)..."));
    connect(m_csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the answers"), QString(), tr("CSV (*.csv)"));
        QString error;
        if (!path.isEmpty() && !m_store->exportCsv(path, &error))
            Q_EMIT problem(error);
    });
    m_figure = new QPushButton(tr("Export results figure..."));
    connect(m_figure, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the results figure"), QString(), tr("Figures (*.png *.svg *.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportFigure(path, &error))
            Q_EMIT problem(error);
    });
    auto *actions = new QGridLayout;
    actions->addWidget(m_run, 0, 0);
    actions->addWidget(m_resume, 0, 1);
    actions->addWidget(m_csv, 1, 0);
    actions->addWidget(m_figure, 1, 1);
    left->addLayout(actions);
    auto *leftBox = new QWidget;
    leftBox->setLayout(left);
    leftBox->setMaximumWidth(560);
    layout->addWidget(leftBox);

    auto *right = new QVBoxLayout;
    m_results = new QTableWidget(0, 4);
    m_results->setObjectName(QStringLiteral("studyResults"));
    m_results->setHorizontalHeaderLabels({tr("Condition"), tr("Answers"), tr("Result"), tr("95 % interval")});
    m_results->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_perImage = new QTableWidget(0, 4);
    m_perImage->setObjectName(QStringLiteral("studyPerImage"));
    m_perImage->setHorizontalHeaderLabels({tr("Image"), tr("Condition"), tr("Answers"), tr("Result")});
    m_perImage->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_perImage->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_perImage->setSortingEnabled(true);
    auto *tables = new QTabWidget;
    tables->addTab(m_results, tr("By condition"));
    tables->addTab(m_perImage, tr("By image"));
    tables->setMaximumHeight(180);
    right->addWidget(tables);
    m_agreement = new QLabel;
    right->addWidget(m_agreement);
    auto *plots = new QHBoxLayout;
    m_plot = new widgets::PlotView;
    m_plot->setObjectName(QStringLiteral("studyPlot"));
    m_times = new widgets::PlotView;
    // Never squeezed below a readable chart (#23: they were 20 px tall in a short tab): the tab
    // scrolls instead.
    for (widgets::PlotView *plot : {m_plot, m_times})
        plot->setMinimumSize(320, 240);
    plots->addWidget(m_plot, 1);
    plots->addWidget(m_times, 1);
    right->addLayout(plots, 1);
    layout->addLayout(right, 1);
    refresh();
}

StudyPanel::~StudyPanel()
{
    delete m_runner.data(); // a top-level window: it goes with the panel and its study
}

void StudyPanel::createStudy(const NewStudy &settings)
{
    // The photos go beside the study file, so that it keeps working when the session's cache or
    // the original folders are gone, and can be moved or sent with them.
    QList<StudyPhoto> copies;
    const QString modelCondition = studyConditionName(m_model->model());
    // Other models' results by file stem, per extra condition.
    QList<QPair<QString, QHash<QString, QString>>> more;
    for (const auto &[name, dir] : settings.moreConditions) {
        QHash<QString, QString> byStem;
        for (const QString &file : imageFilesIn(dir))
            byStem.insert(QFileInfo(file).completeBaseName(), file);
        more.append({name, byStem});
    }
    QStringList leftOut;
    for (const ColorizePhoto &p : m_model->photos()) {
        if (!p.hasTruth || !p.isColorized())
            continue;
        const QString stem = QFileInfo(p.path).completeBaseName();
        if (!settings.images.isEmpty() && !settings.images.contains(stem))
            continue;
        bool everywhere = true;
        for (const auto &[name, byStem] : more)
            everywhere = everywhere && byStem.contains(stem);
        if (!everywhere) {
            leftOut << stem;
            continue;
        }
        for (const auto &[name, byStem] : more)
            copies.append({byStem.value(stem), stem, name});
        copies.append({p.path, stem, QString::fromLatin1(studies::kOriginalCondition)});
        copies.append({p.resultPath, stem, modelCondition});
    }
    if (copies.isEmpty()) {
        Q_EMIT problem(tr("A study needs colorized colour photos: open some and colorize them first."));
        return;
    }
    if (!leftOut.isEmpty())
        Q_EMIT problem(tr("Left out of the study (not in every condition's folder): %1").arg(leftOut.join(QStringLiteral(", "))));
    if (QFileInfo::exists(settings.path)) {
        Q_EMIT problem(tr("%1 exists already: a study file is never overwritten").arg(settings.path));
        return;
    }
    m_preparation.start(
        tr("Prepare the study's photos"),
        [copies, study = settings.path](const JobControl &control) {
            for (int i = 0; i < copies.size(); ++i) {
                control.throwIfCancelled();
                control.reportProgress(double(i) / copies.size());
                QString error;
                if (!copyStudyPhoto(study, copies[i], &error))
                    throw Error(error.toStdString());
            }
            return QVariant(true);
        },
        [this, settings, copies](const QVariant &) {
            studies::StudyDesign design;
            design.title = settings.title.toStdString();
            design.question = settings.question;
            design.trialsPerRater = settings.trialsPerRater;
            design.attentionChecks = std::min(settings.attentionChecks, settings.trialsPerRater);
            design.seed = settings.seed;
            for (const StudyPhoto &c : copies)
                design.stimuli.push_back({c.image.toStdString(), c.condition.toStdString(), studyPhotoPath(settings.path, c).toStdString()});
            QString error;
            auto store = StudyStore::create(settings.path, design, &error);
            if (!store) {
                Q_EMIT problem(error);
                return;
            }
            const QString before = studyPath();
            delete m_runner.data();
            m_store = std::move(store);
            refresh();
            Q_EMIT studyChanged();
            Q_EMIT studySwitched(before, studyPath());
        },
        [this](const QString &error) { Q_EMIT problem(error); });
}

bool StudyPanel::openStudy(const QString &path, QString *error)
{
    const QString before = studyPath();
    if (!showStudy(path, error))
        return false;
    Q_EMIT studySwitched(before, studyPath());
    return true;
}

bool StudyPanel::showStudy(const QString &path, QString *error)
{
    std::unique_ptr<StudyStore> store;
    if (!path.isEmpty() && !(store = StudyStore::open(path, error)))
        return false;
    delete m_runner.data(); // a session belongs to the study it was started in
    m_store = std::move(store);
    refresh();
    Q_EMIT studyChanged();
    return true;
}

int StudyPanel::removeParticipantsWithoutAnswers(QString *error)
{
    if (!m_store)
        return 0;
    const int running = m_runner ? m_runner->raterNumber() : -1;
    int removed = 0;
    for (const StudyStore::Rater &rater : m_store->raters()) {
        if (rater.answered > 0 || rater.number == running)
            continue;
        QString failure;
        if (m_store->removeRaterWithoutAnswers(rater.number, &failure)) {
            ++removed;
        } else if (!failure.isEmpty()) {
            if (error)
                *error = failure;
            refresh();
            return -1;
        }
    }
    refresh();
    return removed;
}

QString StudyPanel::studyPath() const
{
    return m_store ? m_store->path() : QString();
}

StudyRunner *StudyPanel::startSession(int rater, bool fullScreen)
{
    if (!m_store)
        return nullptr;
    delete m_runner.data();
    m_runner = new StudyRunner(m_store.get(), rater);
    m_runner->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_runner, &StudyRunner::answerSaved, this, &StudyPanel::refresh);
    connect(m_runner, &StudyRunner::sessionEnded, this, &StudyPanel::refresh);
    connect(m_runner, &StudyRunner::failed, this, &StudyPanel::problem);
    if (fullScreen) {
        // The whole screen the workbench is on, set here: without a window manager nothing
        // resizes a full-screen window (#23: the kiosk opened at 640 x 480).
        m_runner->setGeometry((window() && window()->screen() ? window()->screen() : QGuiApplication::primaryScreen())->geometry());
        m_runner->showFullScreen();
    } else {
        m_runner->show();
    }
    m_runner->raise(); // in front of the workbench, also without a window manager
    m_runner->activateWindow();
    m_runner->setFocus();
    refresh();
    return m_runner;
}

void StudyPanel::refresh()
{
    const bool open = m_store != nullptr;
    for (QPushButton *b : {m_run, m_resume, m_csv, m_figure})
        b->setEnabled(open);
    m_editDesign->setEnabled(open && !m_store->isFrozen());
    m_removeUnanswered->setVisible(false);
    if (!open)
        m_summary->setText(tr("No study open. A study shows each participant photos in random order, without names, and asks about "
                              "their colours; every answer is saved the moment it is given."));
    m_raters->setRowCount(0);
    m_results->setRowCount(0);
    m_perImage->setRowCount(0);
    m_plot->clear();
    m_times->clear();
    m_agreement->clear();
    if (!open)
        return;
    const studies::StudyDesign &d = m_store->design();
    m_summary->setText(tr("<b>%1</b> (%2)<br>%3 images x %4 conditions (%5), %6 trials per participant with %7 attention checks.<br>"
                          "Fingerprint %8%9")
                           .arg(QString::fromStdString(d.title).toHtmlEscaped(), QFileInfo(m_store->path()).fileName().toHtmlEscaped())
                           .arg(d.images().size())
                           .arg(d.conditions().size())
                           .arg(QString::fromStdString([&] {
                               std::string s;
                               for (const std::string &c : d.conditions())
                                   s += (s.empty() ? "" : ", ") + c;
                               return s;
                           }()).toHtmlEscaped())
                           .arg(d.trialsPerRater)
                           .arg(d.attentionChecks)
                           .arg(m_store->fingerprint().left(12))
                           .arg(m_store->isFrozen() ? tr(", frozen: answers exist") : QString()));
    const QList<StudyStore::Rater> raters = m_store->raters();
    m_raters->setRowCount(int(raters.size()));
    for (int i = 0; i < raters.size(); ++i) {
        auto *id = new QTableWidgetItem(raters[i].anonymousId);
        id->setData(Qt::UserRole, raters[i].number);
        m_raters->setItem(i, 0, id);
        m_raters->setItem(i, 1, new QTableWidgetItem(QStringLiteral("%1 / %2").arg(raters[i].answered).arg(d.trialsPerRater)));
        m_raters->setItem(i, 2, new QTableWidgetItem(raters[i].started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        m_removeUnanswered->setVisible(m_removeUnanswered->isVisibleTo(this) || raters[i].answered == 0);
    }

    const studies::StudyResults r = m_store->results();
    m_results->setRowCount(int(r.conditions.size()));
    QVector<double> x, value, low, high;
    for (int i = 0; i < int(r.conditions.size()); ++i) {
        const studies::StudyResults::Condition &c = r.conditions[std::size_t(i)];
        int n = 0;
        double v = 0, lo = 0, hi = 0;
        QString shown, interval;
        if (d.question == studies::QuestionType::Likert) {
            n = c.likert.n;
            v = c.likert.mean;
            lo = c.likert.low;
            hi = c.likert.high;
            shown = tr("mean %1").arg(v, 0, 'f', 2);
            interval = QStringLiteral("%1 – %2").arg(lo, 0, 'f', 2).arg(hi, 0, 'f', 2);
        } else {
            const studies::Proportion &p = d.question == studies::QuestionType::RealOrColorized ? c.judgedReal : c.preferred;
            n = p.n;
            v = p.rate;
            lo = p.low;
            hi = p.high;
            shown = d.question == studies::QuestionType::RealOrColorized ? tr("%1 judged real").arg(percent(v)) : tr("%1 preferred").arg(percent(v));
            interval = QStringLiteral("%1 – %2").arg(percent(lo), percent(hi));
        }
        m_results->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(c.name)));
        m_results->setItem(i, 1, new QTableWidgetItem(QString::number(n)));
        m_results->setItem(i, 2, new QTableWidgetItem(n > 0 ? shown : QStringLiteral("–")));
        m_results->setItem(i, 3, new QTableWidgetItem(n > 0 ? interval : QStringLiteral("–")));
        x << i;
        value << v;
        low << lo;
        high << hi;
    }
    m_perImage->setSortingEnabled(false);
    m_perImage->setRowCount(int(r.perImage.size()));
    for (int i = 0; i < int(r.perImage.size()); ++i) {
        const studies::StudyResults::ImageRow &row = r.perImage[std::size_t(i)];
        const QString value = d.question == studies::QuestionType::Likert ? QString::number(row.value, 'f', 2) : percent(row.value);
        m_perImage->setItem(i, 0, new QTableWidgetItem(QString::fromStdString(row.image)));
        m_perImage->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(row.condition)));
        auto *count = new QTableWidgetItem;
        count->setData(Qt::DisplayRole, row.n);
        m_perImage->setItem(i, 2, count);
        m_perImage->setItem(i, 3, new QTableWidgetItem(value));
    }
    m_perImage->setSortingEnabled(true);
    m_agreement->setText(tr("%1 participants (%2 left out for a failed attention check), %3 answers; Fleiss' kappa %4 over %5 items")
                             .arg(r.raters)
                             .arg(r.excludedRaters.size())
                             .arg(r.answers)
                             .arg(std::isfinite(r.kappa) ? QString::number(r.kappa, 'f', 3) : QStringLiteral("–"))
                             .arg(r.kappaItems));
    if (r.answers == 0)
        return;
    const QString yLabel = d.question == studies::QuestionType::Likert ? tr("mean naturalness (1-5)")
                          : d.question == studies::QuestionType::RealOrColorized ? tr("share judged real")
                                                                                  : tr("share preferred");
    m_plot->setLabels(tr("condition"), yLabel, tr("Results with 95 % intervals"));
    m_plot->addBars(tr("result"), x, value, 0.6);
    for (int i = 0; i < x.size(); ++i)
        m_plot->addLine(tr("95 % interval"), {x[i], x[i]}, {low[i], high[i]}, QColor(20, 20, 20));
    // The conditions by name under their bars, the whole scale shown, no legend (the title says it).
    QCustomPlot *plot = m_plot->plot();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < int(r.conditions.size()); ++i)
        ticker->addTick(i, QString::fromStdString(r.conditions[std::size_t(i)].name));
    plot->xAxis->setTicker(ticker);
    // Names that would run into each other on a narrow chart are slanted.
    plot->xAxis->setTickLabelRotation(r.conditions.size() > 3 ? 30.0 : 0.0);
    plot->xAxis->setRange(-0.6, double(x.size()) - 0.4);
    if (d.question == studies::QuestionType::Likert)
        plot->yAxis->setRange(1.0, 5.0);
    else
        plot->yAxis->setRange(0.0, 1.0);
    plot->legend->setVisible(false);
    plot->replot();
    m_times->setLabels(tr("response time (s)"), tr("answers"), tr("Response times"));
    QVector<double> seconds;
    for (double ms : r.responseTimesMs)
        seconds << ms / 1000.0;
    m_times->addHistogram(tr("answers"), seconds, 20);
}

bool StudyPanel::exportFigure(const QString &path, QString *error)
{
    if (!m_store || m_store->results().answers == 0) {
        if (error)
            *error = tr("There are no answers to plot yet");
        return false;
    }
    const auto bars = figurePanel(m_plot), times = figurePanel(m_times);
    FigureOptions options;
    options.caption = tr("%1: %2").arg(QString::fromStdString(m_store->design().title), m_agreement->text());
    return app::exportFigure({bars.get(), times.get()}, 2, options, path, error);
}

} // namespace periscope::app
