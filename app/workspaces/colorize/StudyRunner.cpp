// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/workspaces/colorize/StudyRunner.h"

#include "app/studies/StudyStore.h"

#include <QImageReader>
#include <QKeyEvent>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace periscope::app {

namespace {
constexpr int kMaxSide = 2048; // photos are shown at most this large; bigger files are read scaled
}

StudyRunner::StudyRunner(StudyStore *store, int raterNumber, QWidget *parent) : QWidget(parent), m_store(store), m_rater(raterNumber)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::BlankCursor);
    setWindowTitle(tr("Study"));
    connect(&m_loader, &QFutureWatcher<Shown>::finished, this, [this] {
        m_next = m_loader.result();
        if (m_screen == Screen::Loading && m_next.trial == m_trial)
            showTrial();
    });
    startRater();
}

StudyRunner::~StudyRunner()
{
    m_loader.waitForFinished(); // a read in flight finishes before the widget goes
    dropUnansweredRater();
}

bool StudyRunner::dropUnansweredRater()
{
    if (!m_raterAddedHere || m_rater < 0)
        return false;
    m_raterAddedHere = false;
    return m_store->nextTrial(m_rater) == 0 && m_store->removeRaterWithoutAnswers(m_rater);
}

void StudyRunner::closeEvent(QCloseEvent *event)
{
    if (dropUnansweredRater())
        Q_EMIT sessionEnded(m_rater, 0);
    QWidget::closeEvent(event);
}

void StudyRunner::startRater()
{
    QString error;
    if (m_rater < 0) {
        StudyStore::Rater rater;
        if (!m_store->startRater(&rater, &error)) {
            setScreen(Screen::Error, error);
            Q_EMIT failed(error);
            return;
        }
        m_rater = rater.number;
        m_raterAddedHere = true;
        m_raterId = rater.anonymousId;
    } else {
        for (const StudyStore::Rater &r : m_store->raters())
            if (r.number == m_rater)
                m_raterId = r.anonymousId;
    }
    m_plan = m_store->plan(m_rater);
    m_trial = m_store->nextTrial(m_rater);
    m_shown = {};
    m_next = {};
    if (m_trial >= int(m_plan.size())) {
        setScreen(Screen::Finished);
        return;
    }
    loadTrial(m_trial);
    setScreen(Screen::Instructions);
}

QString StudyRunner::questionText() const
{
    switch (m_store->design().question) {
    case studies::QuestionType::RealOrColorized:
        return tr("Are the colours of this photo real?   R = real   C = colorized by a computer");
    case studies::QuestionType::Likert:
        return tr("How natural do the colours look?   1 = not at all ... 5 = completely natural");
    case studies::QuestionType::TwoAlternative:
        return tr("Which photo's colours look more natural?   Left arrow = left   Right arrow = right");
    }
    return {};
}

void StudyRunner::setScreen(Screen screen, const QString &text)
{
    m_screen = screen;
    switch (screen) {
    case Screen::Instructions:
        m_message = tr("Welcome, participant %1.\n\nYou will see %2 photos, one screen at a time.\n%3\n\n"
                       "Answer with the keys; there is no right or wrong, go with your first impression.\n"
                       "Some screens ask for a particular answer: please give it.\n"
                       "P pauses, Escape stops (you can continue later).\n\nPress Space to begin.")
                        .arg(m_raterId)
                        .arg(m_plan.size() - std::size_t(m_trial))
                        .arg(questionText());
        break;
    case Screen::Paused:
        m_message = tr("Paused.\n\nPress P or Space to continue.");
        break;
    case Screen::Finished:
        m_message = tr("Thank you, participant %1: all answers are saved.\n\nPress Enter for the next participant, Escape to close.")
                        .arg(m_raterId);
        break;
    case Screen::Loading:
        m_message = tr("Loading...");
        break;
    case Screen::Error:
        m_message = text;
        break;
    case Screen::Trial:
        m_message.clear();
        break;
    }
    update();
}

void StudyRunner::loadTrial(int trial)
{
    if (trial < 0 || trial >= int(m_plan.size()) || m_loader.isRunning())
        return;
    std::vector<QString> paths;
    for (const std::string &condition : m_plan[std::size_t(trial)].conditions) {
        const studies::Stimulus *s = m_store->design().find(m_plan[std::size_t(trial)].image, condition);
        paths.push_back(s ? QString::fromStdString(s->path) : QString());
    }
    m_loader.setFuture(QtConcurrent::run([trial, paths] {
        Shown shown;
        shown.trial = trial;
        for (const QString &path : paths) {
            QImageReader reader(path);
            reader.setAutoTransform(true);
            const QSize size = reader.size();
            if (size.isValid() && (size.width() > kMaxSide || size.height() > kMaxSide))
                reader.setScaledSize(size.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio));
            QImage image = reader.read();
            if (image.isNull())
                shown.error = QStringLiteral("a photo of this study cannot be read (%1): ask the study's organiser").arg(reader.errorString());
            shown.images.push_back(image);
        }
        return shown;
    }));
}

void StudyRunner::showTrial()
{
    if (m_next.trial != m_trial) {
        setScreen(Screen::Loading);
        loadTrial(m_trial);
        return;
    }
    if (!m_next.error.isEmpty()) {
        setScreen(Screen::Error, m_next.error);
        Q_EMIT failed(m_next.error);
        return;
    }
    m_shown = std::move(m_next);
    m_next = {};
    loadTrial(m_trial + 1); // read ahead while this one is answered
    setScreen(Screen::Trial);
    m_elapsedBeforePause = 0;
    m_clock.start();
}

void StudyRunner::answer(int value)
{
    const studies::Trial &trial = m_plan[std::size_t(m_trial)];
    const double ms = double(m_elapsedBeforePause + m_clock.elapsed());
    QString error;
    // Committed (WAL, synchronous) before anything else happens: a crash after this line loses nothing.
    if (!m_store->recordAnswer(m_rater, trial, value, ms, &error)) {
        setScreen(Screen::Error, tr("The answer could not be saved: %1").arg(error));
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT answerSaved(m_rater, m_trial);
    ++m_trial;
    if (m_trial >= int(m_plan.size())) {
        setScreen(Screen::Finished);
        Q_EMIT sessionEnded(m_rater, m_trial);
        return;
    }
    showTrial();
}

void StudyRunner::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    switch (m_screen) {
    case Screen::Instructions:
        if (key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter)
            showTrial();
        else if (key == Qt::Key_Escape)
            close();
        return;
    case Screen::Paused:
        if (key == Qt::Key_P || key == Qt::Key_Space) {
            setScreen(Screen::Trial);
            m_clock.start(); // the time before the pause is kept in m_elapsedBeforePause
        } else if (key == Qt::Key_Escape) {
            Q_EMIT sessionEnded(m_rater, m_trial);
            close();
        }
        return;
    case Screen::Finished:
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_rater = -1;
            startRater();
        } else if (key == Qt::Key_Escape) {
            close();
        }
        return;
    case Screen::Loading:
    case Screen::Error:
        if (key == Qt::Key_Escape)
            close();
        return;
    case Screen::Trial:
        break;
    }
    if (key == Qt::Key_P) {
        m_elapsedBeforePause += m_clock.elapsed();
        setScreen(Screen::Paused);
        return;
    }
    if (key == Qt::Key_Escape) {
        Q_EMIT sessionEnded(m_rater, m_trial);
        close();
        return;
    }
    switch (m_store->design().question) {
    case studies::QuestionType::RealOrColorized:
        if (key == Qt::Key_R)
            answer(1);
        else if (key == Qt::Key_C)
            answer(0);
        break;
    case studies::QuestionType::Likert:
        if (key >= Qt::Key_1 && key <= Qt::Key_5)
            answer(key - Qt::Key_0);
        break;
    case studies::QuestionType::TwoAlternative:
        if (key == Qt::Key_Left)
            answer(0);
        else if (key == Qt::Key_Right)
            answer(1);
        break;
    }
}

QString StudyRunner::visibleText() const
{
    if (m_screen != Screen::Trial)
        return m_message;
    QString text = questionText();
    const studies::Trial &trial = m_plan[std::size_t(m_trial)];
    if (trial.attentionCheck)
        text += QLatin1Char('\n') + tr("Attention check: for this photo please answer %1").arg(
                                        m_store->design().question == studies::QuestionType::RealOrColorized
                                            ? (trial.expectedAnswer == 1 ? tr("R (real)") : tr("C (colorized)"))
                                        : m_store->design().question == studies::QuestionType::Likert
                                            ? QString::number(trial.expectedAnswer)
                                            : (trial.expectedAnswer == 0 ? tr("Left") : tr("Right")));
    return text;
}

void StudyRunner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    painter.setPen(QColor(230, 230, 230));
    QFont font = painter.font();
    font.setPointSizeF(std::max(11.0, height() / 50.0));
    painter.setFont(font);
    if (m_screen != Screen::Trial) {
        painter.drawText(rect().adjusted(width() / 8, height() / 8, -width() / 8, -height() / 8), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message);
        return;
    }
    const int textBand = height() / 7;
    const QRect area = rect().adjusted(20, 20, -20, -textBand);
    const int n = int(m_shown.images.size());
    for (int i = 0; i < n; ++i) {
        const QRect slot(area.left() + i * area.width() / n, area.top(), area.width() / n, area.height());
        const QImage &image = m_shown.images[std::size_t(i)];
        const QSize fitted = image.size().scaled(slot.size() - QSize(20, 0), Qt::KeepAspectRatio);
        const QRect placed(slot.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(placed, image);
    }
    painter.drawText(QRect(0, height() - textBand, width(), textBand), Qt::AlignCenter | Qt::TextWordWrap, visibleText());
}

} // namespace periscope::app
