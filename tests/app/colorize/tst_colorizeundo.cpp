// SPDX-License-Identifier: GPL-3.0-or-later
// The Colorize workspace's undo stack (#23): opening photos, Clear, the colorizer choice, the
// annealed-mean temperature, the view mode and ΔE layer, and the study made or opened are steps that Edit > Undo and Redo run, the
// photos coming back with their results.
#include "app/shell/JobManager.h"
#include "app/workspaces/colorize/ColorizeModel.h"
#include "app/workspaces/colorize/ColorizeView.h"
#include "app/workspaces/colorize/ColorizeWorkspace.h"
#include "app/workspaces/colorize/StudyPanel.h"
#include "app/shell/ProjectPaths.h"
#include "app/studies/StudyStore.h"
#include "app/figures/ImageConversion.h"
#include "app/models/BuiltInColorizers.h"
#include "engine/colorize/ColorizationMetrics.h"
#include "engine/colorize/Colorizer.h"
#include "engine/media/image/ImageFile.h"
#include "tests/app/colorize/ColorizePhotos.h"
#include "tests/app/colorize/ColorizeWorkspaceFixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace periscope;
using namespace periscope::app;
using namespace periscope::test;

class TestColorizeUndo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void openAndClearAreUndone();
    void viewModeAndErrorLayerAreSteps();
    void studiesMadeOrOpenedAreSteps();
    void temperatureRecolorizesAsAStep();

private:
    bool waitIdle() { return m_jobs->waitForIdle(120000); }
    ColorizeView *view() { return qobject_cast<ColorizeView *>(m_workspace->view()); }
    QString folderOfPhotos() { return writeFolderOfPhotos(m_dir.path()); }

    QTemporaryDir m_dir;
    ColorizeWorkspaceFixture m_fixture;
    std::unique_ptr<JobManager> &m_jobs = m_fixture.jobs;
    std::unique_ptr<ColorizeWorkspace> &m_workspace = m_fixture.workspace;
};

void TestColorizeUndo::init()
{
    m_fixture.start(QSize(1280, 720));
}

void TestColorizeUndo::cleanup()
{
    m_fixture.end();
}

// #23: Clear took every photo with no way back; opening and clearing are now steps of the
// workspace's undo stack (what Edit > Undo runs), the results coming back with the photos.
void TestColorizeUndo::openAndClearAreUndone()
{
    QString error;
    QUndoStack *undo = m_workspace->undoStack();
    QVERIFY(m_workspace->openFile(folderOfPhotos(), &error));
    QVERIFY(waitIdle());
    ColorizeModel *model = m_workspace->model();
    QCOMPARE(model->photos().size(), 5);
    QCOMPARE(undo->count(), 1);
    auto colorized = [&] {
        int n = 0;
        for (const ColorizePhoto &p : model->photos())
            n += p.isColorized() ? 1 : 0;
        return n;
    };
    QCOMPARE(colorized(), 4);
    model->select(1);
    QVERIFY(waitIdle());

    auto *clear = view()->findChild<QPushButton *>(QStringLiteral("clearButton"));
    QVERIFY(clear);
    clear->click();
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 0);
    // The status says so, not the count of the photos just closed (#23 item 14).
    QCOMPARE(view()->findChild<QLabel *>(QStringLiteral("statusLabel"))->text(), QStringLiteral("No photos open"));
    QCOMPARE(undo->count(), 2);
    QVERIFY2(undo->undoText().startsWith(QLatin1String("Clear 5 photo")), qPrintable(undo->undoText()));
    clear->click(); // nothing left to clear: no step
    QCOMPARE(undo->count(), 2);

    undo->undo(); // the photos, their results and the selection are back, nothing re-colorized
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 5);
    QCOMPARE(colorized(), 4);
    QCOMPARE(model->selected(), 1);
    QCOMPARE(view()->thumbnails()->count(), 5);
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 0);
    undo->undo();
    undo->undo(); // before the folder was opened
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 0);
    undo->redo(); // opened again
    QVERIFY(waitIdle());
    QCOMPARE(model->photos().size(), 5);

    // Another colorizer from the chooser (a copy of the built-in one under another name), and back.
    const QString before = model->model();
    const QString source = QStringLiteral(PERISCOPE_SOURCE_DIR "/resources/models/colorize/eccv16-photos");
    const QString copy = m_dir.filePath(QStringLiteral("copied-colorizer"));
    QVERIFY(QFile::copy(source + QStringLiteral(".safetensors"), copy + QStringLiteral(".safetensors")));
    QVERIFY(QFile::copy(source + QStringLiteral(".json"), copy + QStringLiteral(".json")));
    Q_EMIT view()->modelRequested(copy + QStringLiteral(".safetensors"));
    QVERIFY(waitIdle());
    QCOMPARE(model->model(), copy + QStringLiteral(".safetensors"));
    QVERIFY2(undo->undoText().contains(QLatin1String("copied-colorizer")), qPrintable(undo->undoText()));
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->model(), before);
}

// The view's two settings, changed with the mouse: each change one step, undone in turn.
void TestColorizeUndo::viewModeAndErrorLayerAreSteps()
{
    QString error;
    QUndoStack *undo = m_workspace->undoStack();
    QVERIFY(m_workspace->openFile(folderOfPhotos(), &error));
    QVERIFY(waitIdle());
    const int opened = undo->count();
    auto *mode = view()->findChild<QComboBox *>(QStringLiteral("modeChoice"));
    auto *errorLayer = view()->findChild<QCheckBox *>(QStringLiteral("errorLayer"));
    QVERIFY(mode && errorLayer);
    QCOMPARE(view()->mode(), ColorizeView::Mode::SideBySide);
    QVERIFY(!errorLayer->isChecked());

    // Wipe, chosen from the combo box with the keyboard as a user does; the ΔE layer by a click.
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Down);
    QCOMPARE(view()->mode(), ColorizeView::Mode::Wipe);
    QCOMPARE(undo->count(), opened + 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Show the wipe view"));
    QTest::mouseClick(errorLayer, Qt::LeftButton, {}, QPoint(8, errorLayer->height() / 2));
    QVERIFY(view()->isErrorLayerVisible());
    QCOMPARE(undo->count(), opened + 2);
    QCOMPARE(undo->undoText(), QStringLiteral("Show the ΔE2000 layer"));

    undo->undo();
    QVERIFY(!view()->isErrorLayerVisible());
    QCOMPARE(view()->mode(), ColorizeView::Mode::Wipe);
    undo->undo();
    QCOMPARE(view()->mode(), ColorizeView::Mode::SideBySide);
    QCOMPARE(undo->count(), opened + 2); // undoing pushed nothing
    undo->redo();
    undo->redo();
    QCOMPARE(view()->mode(), ColorizeView::Mode::Wipe);
    QVERIFY(view()->isErrorLayerVisible());

    // A project restores both without a step.
    const QJsonObject state = m_workspace->saveState(ProjectPaths());
    view()->setMode(ColorizeView::Mode::SideBySide);
    QVERIFY(m_workspace->restoreState(state, ProjectPaths(), &error));
    QVERIFY(waitIdle());
    QCOMPARE(view()->mode(), ColorizeView::Mode::Wipe);
    QCOMPARE(undo->count(), 0);
}

// A study made from the photos, then another opened: each one step. Undo shows the study before
// (or none) without touching the files; a project keeps the study it had open.
void TestColorizeUndo::studiesMadeOrOpenedAreSteps()
{
    QString error;
    QUndoStack *undo = m_workspace->undoStack();
    QVERIFY(m_workspace->openFile(folderOfPhotos(), &error));
    QVERIFY(waitIdle());
    StudyPanel *panel = view()->studyPanel();
    const int opened = undo->count();
    auto make = [&](const QString &name) {
        StudyPanel::NewStudy settings;
        settings.path = m_dir.filePath(name);
        settings.trialsPerRater = 4;
        settings.attentionChecks = 0;
        panel->createStudy(settings);
        return waitIdle() && panel->study() && panel->studyPath() == QFileInfo(settings.path).absoluteFilePath();
    };
    QVERIFY(make(QStringLiteral("first.sqlite")));
    QCOMPARE(undo->count(), opened + 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Open the study first.sqlite"));
    QVERIFY(make(QStringLiteral("second.sqlite")));
    const QString first = m_dir.filePath(QStringLiteral("first.sqlite")), second = m_dir.filePath(QStringLiteral("second.sqlite"));
    QCOMPARE(undo->count(), opened + 2);
    // A participant of the second study, to see that undo and redo keep what it holds.
    StudyStore::Rater participant;
    QVERIFY2(panel->study()->startRater(&participant, &error), qPrintable(error));

    undo->undo();
    QCOMPARE(panel->studyPath(), QFileInfo(first).absoluteFilePath());
    QVERIFY(panel->summaryLabel()->text().contains(QLatin1String("Colorization study")));
    undo->undo();
    QVERIFY(!panel->study());
    QVERIFY2(panel->summaryLabel()->text().startsWith(QLatin1String("No study open")), qPrintable(panel->summaryLabel()->text()));
    QVERIFY(QFileInfo::exists(first) && QFileInfo::exists(second)); // closing never deletes
    undo->redo();
    undo->redo();
    QCOMPARE(panel->studyPath(), QFileInfo(second).absoluteFilePath());
    QCOMPARE(panel->study()->raters().size(), 1);

    // Opening a study file is a step too.
    QVERIFY(panel->openStudy(first, &error));
    QCOMPARE(undo->undoText(), QStringLiteral("Open the study first.sqlite"));
    undo->undo();
    QCOMPARE(panel->studyPath(), QFileInfo(second).absoluteFilePath());

    // The project: the study comes back with it, and a project without one closes it.
    const QJsonObject state = m_workspace->saveState(ProjectPaths());
    QVERIFY(state.contains(QStringLiteral("study")));
    QVERIFY(panel->showStudy(QString(), &error));
    QVERIFY(m_workspace->restoreState(state, ProjectPaths(), &error));
    QVERIFY(waitIdle());
    QCOMPARE(panel->studyPath(), QFileInfo(second).absoluteFilePath());
    QJsonObject without = state;
    without.remove(QStringLiteral("study"));
    QVERIFY(m_workspace->restoreState(without, ProjectPaths(), &error));
    QVERIFY(waitIdle());
    QVERIFY(!panel->study());
    // A study that is gone is named, and the rest of the project opens.
    QVERIFY(QFile::remove(second));
    QVERIFY(!m_workspace->restoreState(state, ProjectPaths(), &error));
    QVERIFY2(error.contains(QLatin1String("second.sqlite")), qPrintable(error));
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->model()->photos().size(), 5);
}

// The temperature slider (the built-in eccv16's annealed mean): moving it recolorizes
// every photo with exactly what the engine gives at that temperature, as one undo step; a project
// keeps it.
void TestColorizeUndo::temperatureRecolorizesAsAStep()
{
    QString error;
    QUndoStack *undo = m_workspace->undoStack();
    QVERIFY(m_workspace->openFile(folderOfPhotos(), &error));
    QVERIFY(waitIdle());
    ColorizeModel *model = m_workspace->model();
    QSlider *slider = view()->temperatureSlider();
    QVERIFY(model->hasTemperature());
    QVERIFY(slider->isVisibleTo(view()));
    QCOMPARE(model->temperature(), model->defaultTemperature());
    QCOMPARE(slider->value(), ColorizeView::temperaturePosition(model->temperature()));
    QCOMPARE(ColorizeView::temperatureAt(ColorizeView::temperaturePosition(0.38)), 0.38);

    // The engine's own colorization of a photo's gray version at a temperature: what the
    // workspace must show after the slider moved there.
    QString modelError;
    const QString weights = resolveColorizer(model->model(), &modelError);
    QVERIFY2(!weights.isEmpty(), qPrintable(modelError));
    const int index = 0;
    const QString photo = model->photos()[index].path;
    auto engineResult = [&](double temperature) {
        colorize::Colorizer colorizer = colorize::Colorizer::load(weights.toStdString());
        colorizer.setTemperature(temperature);
        const Image original = media::readImage(photo.toStdString()).pixels;
        return toQImage(colorizer.colorize(colorize::grayVersion(original))).convertToFormat(QImage::Format_RGB888);
    };
    auto shown = [&] { return QImage(model->photos()[index].resultPath).convertToFormat(QImage::Format_RGB888); };
    const double before = model->temperature();
    QCOMPARE(shown(), engineResult(before));

    const int opened = undo->count();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp); // one page (0.10) towards the likeliest colour
    QVERIFY(waitIdle());
    const double lower = ColorizeView::temperatureAt(ColorizeView::temperaturePosition(before) + 10);
    QCOMPARE(model->temperature(), lower);
    QCOMPARE(undo->count(), opened + 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Set the annealed-mean temperature to T = %1").arg(lower, 0, 'f', 2));
    QCOMPARE(view()->findChild<QLabel *>(QStringLiteral("temperatureValue"))->text(), QStringLiteral("T = %1").arg(lower, 0, 'f', 2));
    const QImage atLower = shown();
    QCOMPARE(atLower, engineResult(lower));
    QVERIFY(atLower != engineResult(before)); // the setting reached the network's decoding

    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(model->temperature(), before);
    QCOMPARE(slider->value(), ColorizeView::temperaturePosition(before));
    QCOMPARE(shown(), engineResult(before));
    undo->redo();
    QVERIFY(waitIdle());
    QCOMPARE(shown(), atLower);

    // The project keeps the temperature; restoring applies it once the model has loaded.
    const QJsonObject state = m_workspace->saveState(ProjectPaths());
    QCOMPARE(state.value(QStringLiteral("temperature")).toDouble(), lower);
    undo->undo();
    QVERIFY(waitIdle());
    QVERIFY(m_workspace->restoreState(state, ProjectPaths(), &error));
    QVERIFY(waitIdle());
    QCOMPARE(model->temperature(), lower);
    QCOMPARE(slider->value(), ColorizeView::temperaturePosition(lower));
    QCOMPARE(undo->count(), 0);
}

QTEST_MAIN(TestColorizeUndo)
#include "tst_colorizeundo.moc"
