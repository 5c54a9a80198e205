// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake workspace end to end on the offscreen platform, on 24 frames of opencv-doc's
// Megamind.avi re-encoded here and a one-logit EfficientNet-B0 with random weights (this checks
// the workspace, not a detector: tst_detectortraining checks learning): faces found and frames
// scored and explained by jobs, the frame with its face box and explanation layers, the score and
// face tracks and threshold markers on the timeline, scrubbing over explained frames without new
// work, a reopened video read from the cache, another method computed afresh, bad input, the
// project state, and `periscope --workspace deepfake --open VIDEO --screenshot`. Folders, masks
// and metrics: tst_deepfakefolder.
#include <torch/torch.h>

#include "tests/app/deepfake/DeepfakeWorkspaceFixture.h"

#include "app/common/Preferences.h"
#include "app/shell/JobManager.h"
#include "app/workspaces/deepfake/DeepfakeFolder.h"
#include "app/workspaces/deepfake/DeepfakeModel.h"
#include "app/workspaces/deepfake/DeepfakeView.h"
#include "app/workspaces/deepfake/DeepfakeWorkspace.h"
#include "engine/core/models/MViT.h"
#include "engine/deepfake/VideoExplainer.h"
#include "engine/media/video/VideoReader.h"
#include "tests/app/cli/CliRun.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/timeline/Timeline.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QUndoStack>
#include <QDoubleSpinBox>
#include <QCheckBox>
#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::app;
using periscope::app::testing::kFrames;

namespace {

// The job titles started since `since` (an index into jobIds()).
QStringList jobNames(JobManager *jobs, int since = 0)
{
    QStringList names;
    const QList<quint64> ids = jobs->jobIds();
    for (int i = since; i < ids.size(); ++i)
        names << jobs->record(ids[i])->name;
    return names;
}

float maxOf(const Image &map)
{
    float peak = 0.0f;
    for (int y = 0; y < map.height(); ++y)
        for (int x = 0; x < map.width(); ++x)
            peak = std::max(peak, map.rowAs<float>(y)[x]);
    return peak;
}

} // namespace

class TestDeepfakeWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void framesAreScoredAndExplained();
    void scrubbingExplainedFramesStartsNoWork();
    void aReopenedVideoIsReadFromTheCache();
    void anotherMethodIsComputedAfresh();
    void oldExplanationsGoPastThePreferencesLimit();
    void aClipModelIsExplainedByRollout();
    void badInputGetsAMessageNotACrash();
    void stateRoundTrips();
    void screenshotShowsTheScoreTrack();
    void openAndSettingsAreUndone();
    void openingAFolderIsUndone();

private:
    bool waitIdle() { return m_fixture.waitIdle(); }
    std::unique_ptr<DeepfakeWorkspace> makeWorkspace() { return m_fixture.makeWorkspace(); }
    // Opens the clip with the random detector and waits for every frame to be explained.
    void openExplained(DeepfakeWorkspace *workspace);

    testing::DeepfakeWorkspaceFixture m_fixture;
    const QString &m_clip = m_fixture.clip;
    const QString &m_weights = m_fixture.weights;
    std::unique_ptr<JobManager> &m_jobs = m_fixture.jobs;
    std::unique_ptr<DeepfakeWorkspace> &m_workspace = m_fixture.workspace;
};

void TestDeepfakeWorkspace::initTestCase()
{
    if (!m_fixture.setUp())
        QSKIP("opencv-doc's Megamind.avi is not installed");
}

void TestDeepfakeWorkspace::init()
{
    m_fixture.startCase();
}

void TestDeepfakeWorkspace::cleanup()
{
    m_fixture.endCase();
}

void TestDeepfakeWorkspace::openExplained(DeepfakeWorkspace *workspace)
{
    DeepfakeModel *model = workspace->model();
    model->setModel(m_weights);
    QString error;
    QVERIFY2(workspace->openFile(m_clip, &error), qPrintable(error));
    QVERIFY(waitIdle());
    QVERIFY(model->hasVideo());
    QVERIFY(model->hasDetector());
}

void TestDeepfakeWorkspace::framesAreScoredAndExplained()
{
    openExplained(m_workspace.get());
    DeepfakeModel *model = m_workspace->model();
    const DeepfakeVideo &video = model->video();
    QCOMPARE(video.frameCount, qint64(kFrames));
    QCOMPARE(video.facesScanned, qint64(kFrames));
    const qint64 faces = std::count_if(video.faces.cbegin(), video.faces.cend(), [](const auto &b) { return b.has_value(); });
    QVERIFY2(faces >= 20, qPrintable(QString::number(faces))); // the heroine faces the camera through these frames
    // Every frame with a face is scored, and only those.
    QCOMPARE(video.explained(), faces);
    for (qint64 i = 0; i < kFrames; ++i) {
        QCOMPARE(std::isnan(video.scores[i]), !video.faces[i].has_value());
        if (video.faces[i])
            QVERIFY(video.scores[i] >= 0.0 && video.scores[i] <= 1.0);
    }

    // The timeline: the video's length, and a marker wherever the score rises past the threshold.
    DeepfakeView *view = m_workspace->deepfakeView();
    QCOMPARE(view->timeline()->frameCount(), qint64(kFrames));
    model->setThreshold(video.meanScore());
    QCOMPARE(view->timeline()->markerCount(), int(model->thresholdCrossings().size()));
    QVERIFY(model->thresholdCrossings().size() >= 1);

    // A frame with a face: the frame, the explanation in the frame's pixels (zero outside the
    // crop the detector saw, at most 1), and the face box labelled with its score.
    qint64 k = 0;
    while (!video.faces[k])
        ++k;
    view->timeline()->setCurrentFrame(k);
    QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == k && !model->frame().heatmap.isNull(), 10000);
    const DeepfakeFrame &frame = model->frame();
    QCOMPARE(frame.heatmap.width(), video.width);
    QCOMPARE(frame.heatmap.height(), video.height);
    const deepfake::FaceCrop crop = deepfake::faceCropFor(*frame.box, 224);
    for (const QPoint p : {QPoint(crop.left - 2, crop.top + crop.side / 2), QPoint(crop.left + crop.side + 1, crop.top + crop.side / 2),
                           QPoint(crop.left + crop.side / 2, crop.top + crop.side + 1)})
        if (p.x() >= 0 && p.y() >= 0 && p.x() < video.width && p.y() < video.height)
            QCOMPARE(frame.heatmap.sample(p.x(), p.y(), 0), 0.0f);
    QVERIFY(maxOf(frame.heatmap) <= 1.0f);
    widgets::LayerModel *layers = view->layers();
    QCOMPARE(layers->count(), 3);
    QCOMPARE(layers->layer(DeepfakeView::kFrameLayer)->image.size(), QSize(video.width, video.height));
    // The layer is the map, transparent (NaN) where it is zero.
    const Image &shown = layers->layer(DeepfakeView::kHeatmapLayer)->values;
    QCOMPARE(shown.width(), frame.heatmap.width());
    for (int y = 0; y < shown.height(); y += 7)
        for (int x = 0; x < shown.width(); x += 7) {
            const float v = frame.heatmap.sample(x, y, 0);
            QVERIFY(v > 0.0f ? shown.sample(x, y, 0) == v : std::isnan(shown.sample(x, y, 0)));
        }
    const widgets::Layer *face = layers->layer(DeepfakeView::kFaceLayer);
    QCOMPARE(face->items.size(), 1);
    QVERIFY(face->items.first().label.startsWith(QStringLiteral("P(fake)")));
    QCOMPARE(face->items.first().box.left(), frame.box->left);
    QVERIFY2(view->frameText().contains(QStringLiteral("P(fake)")), qPrintable(view->frameText()));
}

void TestDeepfakeWorkspace::scrubbingExplainedFramesStartsNoWork()
{
    openExplained(m_workspace.get());
    DeepfakeModel *model = m_workspace->model();
    const int jobsBefore = int(m_jobs->jobIds().size());
    int withHeat = 0;
    for (qint64 i = kFrames - 1; i >= 0; --i) {
        m_workspace->deepfakeView()->timeline()->setCurrentFrame(i);
        QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == i && !model->frame().rgb.isNull(), 10000);
        const bool face = model->video().faces[i].has_value();
        QCOMPARE(model->frame().heatmap.isNull(), !face);
        withHeat += face && maxOf(model->frame().heatmap) == 1.0f ? 1 : 0;
    }
    // Grad-CAM of a random network may be all negative on a frame, never on every one.
    QVERIFY(withHeat > 0);
    QCOMPARE(jobNames(m_jobs.get(), jobsBefore), QStringList());
}

void TestDeepfakeWorkspace::aReopenedVideoIsReadFromTheCache()
{
    openExplained(m_workspace.get());
    const QVector<double> scores = m_workspace->model()->video().scores;
    m_workspace.reset();
    m_jobs->clearFinished();

    m_workspace = makeWorkspace();
    QSignalSpy messages(m_workspace->model(), &DeepfakeModel::message);
    openExplained(m_workspace.get());
    const QVector<double> again = m_workspace->model()->video().scores;
    QCOMPARE(again.size(), scores.size());
    for (qsizetype i = 0; i < scores.size(); ++i)
        QVERIFY(again[i] == scores[i] || (std::isnan(again[i]) && std::isnan(scores[i])));
    // Nothing was explained or searched again: the faces and the scores came from the cache.
    for (const QString &name : jobNames(m_jobs.get()))
        QVERIFY2(!name.startsWith(QStringLiteral("Explain")), qPrintable(name));
    bool toldSo = false;
    for (const QList<QVariant> &m : messages)
        toldSo = toldSo || m.first().toString().contains(QStringLiteral("from the cache"));
    QVERIFY(toldSo);
    // The maps come back from disk too.
    qint64 k = 0;
    while (!m_workspace->model()->video().faces[k])
        ++k;
    m_workspace->model()->setCurrentFrame(k);
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->model()->frame().index == k && !m_workspace->model()->frame().heatmap.isNull(), 10000);
}

void TestDeepfakeWorkspace::anotherMethodIsComputedAfresh()
{
    openExplained(m_workspace.get());
    DeepfakeModel *model = m_workspace->model();
    const QVector<double> gradcam = model->video().scores;
    // A frame whose Grad-CAM is not all zero (a random network's may be, on some frames).
    qint64 k = 0;
    for (; k < kFrames; ++k) {
        if (!model->video().faces[k])
            continue;
        model->setCurrentFrame(k);
        QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == k && !model->frame().heatmap.isNull(), 10000);
        if (maxOf(model->frame().heatmap) == 1.0f)
            break;
    }
    QVERIFY(k < kFrames);
    const Image before = model->frame().heatmap.copy();

    const int jobsBefore = int(m_jobs->jobIds().size());
    auto *methods = m_workspace->view()->findChild<QComboBox *>(QStringLiteral("methodChoice"));
    QVERIFY(methods);
    methods->setCurrentIndex(methods->findData(QStringLiteral("gradcampp")));
    QCOMPARE(model->method(), QStringLiteral("gradcampp"));
    QVERIFY(waitIdle());
    bool explained = false;
    for (const QString &name : jobNames(m_jobs.get(), jobsBefore))
        explained = explained || name.startsWith(QStringLiteral("Explain"));
    QVERIFY(explained);
    // The same detector on the same crops scores the same; only the explanation differs.
    for (qsizetype i = 0; i < gradcam.size(); ++i)
        QVERIFY(std::isnan(gradcam[i]) ? std::isnan(model->video().scores[i]) : std::abs(model->video().scores[i] - gradcam[i]) < 1e-6);
    model->setCurrentFrame(k);
    QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == k && !model->frame().heatmap.isNull(), 10000);
    const Image after = model->frame().heatmap;
    bool differs = false;
    for (int y = 0; y < after.height() && !differs; ++y)
        for (int x = 0; x < after.width() && !differs; ++x)
            differs = after.sample(x, y, 0) != before.sample(x, y, 0);
    QVERIFY(differs);

    // Both methods are stored now: the frames x methods figure draws them from the caches, in a
    // job, with the metric table (an SVG, so its text can be read).
    const QString figure = m_fixture.filePath(QStringLiteral("methods.svg"));
    m_workspace->deepfakeView()->exportMethodsFigure(figure);
    QVERIFY(waitIdle());
    const QString status = m_workspace->deepfakeView()->statusText();
    QVERIFY2(status.contains(QStringLiteral("Grad-CAM++")), qPrintable(status));
    QFile file(figure);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    for (const char *expected : {"Grad-CAM", "Grad-CAM++", "Frame ", "P(fake)", "Spatial smoothness", "Temporal smoothness"})
        QVERIFY2(svg.contains(expected), expected);
    QVERIFY(svg.count("<image") >= 3 * 2); // faces and two methods' rows, at least two frames
}

void TestDeepfakeWorkspace::oldExplanationsGoPastThePreferencesLimit()
{
    // Another video's explanations from long ago (2 MB) in the cache; the preferences allow 1 MB.
    // Loading the detector for this video removes the old ones and keeps this video's.
    const QString old = QDir(m_fixture.cache).filePath(QStringLiteral("0123456789abcdef"));
    QVERIFY(QDir().mkpath(old));
    {
        QFile key(old + QStringLiteral("/key.json"));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("{}");
        QFile frames(old + QStringLiteral("/frames-0-9.safetensors"));
        QVERIFY(frames.open(QIODevice::WriteOnly));
        frames.write(QByteArray(2 << 20, 'x'));
    }
    QFile(old + QStringLiteral("/key.json")).setFileTime(QDateTime::currentDateTime().addDays(-30), QFileDevice::FileModificationTime);
    Preferences preferences = Preferences::load();
    const int before = preferences.explanationCacheMegabytes;
    preferences.explanationCacheMegabytes = 1;
    preferences.save();
    openExplained(m_workspace.get());
    preferences.explanationCacheMegabytes = before;
    preferences.save();
    QVERIFY(!QFileInfo::exists(old));
    QVERIFY(m_workspace->model()->explanationCache()->size() > 0);
    QVERIFY(QFileInfo::exists(QString::fromStdString(m_workspace->model()->explanationCache()->folder()) + QStringLiteral("/key.json")));
}

void TestDeepfakeWorkspace::aClipModelIsExplainedByRollout()
{
    // With the frame detector, attention rollout is listed but greyed: it has no attention.
    openExplained(m_workspace.get());
    DeepfakeModel *model = m_workspace->model();
    auto *methods = m_workspace->view()->findChild<QComboBox *>(QStringLiteral("methodChoice"));
    QVERIFY(methods);
    const int rollout = methods->findData(QStringLiteral("rollout"));
    QVERIFY(rollout >= 0);
    auto *items = qobject_cast<QStandardItemModel *>(methods->model());
    QVERIFY(items && !items->item(rollout)->isEnabled());
    QVERIFY(!model->explainsClips());

    // A clip model (the mini MViT, random weights, named by its sidecar): rollout is offered, and
    // explaining gives each run of 8 frames with a face one score and every frame its own map.
    const QString clipWeights = m_fixture.filePath(QStringLiteral("clip-detector.safetensors"));
    torch::manual_seed(6);
    writeSafetensors(clipWeights.toStdString(), stateDictOf(*MViT(MViTConfig::v2Mini(1))));
    {
        QFile sidecar(m_fixture.filePath(QStringLiteral("clip-detector.json")));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write(R"({"architecture": "mvit_v2_mini", "input_size": 112})");
    }
    model->setModel(clipWeights);
    QVERIFY(waitIdle());
    QVERIFY(model->hasDetector());
    QVERIFY(model->explainsClips());
    QVERIFY(items->item(rollout)->isEnabled());
    // The playhead mid-block: the job starts there, but the clips are the blocks 0-7, 8-15, ...
    model->setCurrentFrame(13);
    methods->setCurrentIndex(rollout);
    QCOMPARE(model->method(), QStringLiteral("rollout"));
    QVERIFY(waitIdle());
    std::vector<qint64> withFace;
    for (qint64 k = 0; k < kFrames; ++k)
        if (model->video().faces[k])
            withFace.push_back(k);
    QVERIFY(withFace.size() >= 8);
    QCOMPARE(model->video().explained(), qint64(withFace.size()));
    int sharing = 0;
    for (std::size_t i = 1; i < withFace.size(); ++i)
        if (withFace[i] / 8 == withFace[i - 1] / 8) {
            QCOMPARE(model->video().scores[withFace[i]], model->video().scores[withFace[i - 1]]);
            ++sharing;
        }
    QVERIFY(sharing >= 7);
    // And as `periscope-cli deepfake` scores them: the same blocks give the same scores.
    deepfake::VideoExplanationRequest request;
    request.video = m_clip.toStdString();
    request.weights = clipWeights.toStdString();
    request.architecture = "mvit_v2_mini";
    request.method = "rollout";
    request.outFolder = m_fixture.filePath(QStringLiteral("cli-explained")).toStdString();
    request.device = DevicePreference::Cpu;
    const deepfake::VideoExplanationResult cli = deepfake::explainVideo(request);
    for (std::size_t k = 0; k < cli.frameIndices.size(); ++k)
        if (cli.scores[k] && model->video().faces[cli.frameIndices[k]])
            QVERIFY2(std::abs(*cli.scores[k] - model->video().scores[cli.frameIndices[k]]) < 1e-4,
                     qPrintable(QString("frame %1: %2 against %3").arg(cli.frameIndices[k]).arg(*cli.scores[k]).arg(model->video().scores[cli.frameIndices[k]])));
    model->setCurrentFrame(withFace[3]);
    QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == withFace[3] && !model->frame().heatmap.isNull(), 10000);
    QVERIFY(m_workspace->model()->modelDescription().contains(QStringLiteral("mvit_v2_mini")));
}

void TestDeepfakeWorkspace::badInputGetsAMessageNotACrash()
{
    DeepfakeModel *model = m_workspace->model();
    QString error;
    QVERIFY(!m_workspace->openFile(m_fixture.filePath(QStringLiteral("missing.mp4")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.mp4")), qPrintable(error));

    const QString text = m_fixture.filePath(QStringLiteral("broken.mp4"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a video\n");
    }
    QSignalSpy problems(model, &DeepfakeModel::problem);
    QVERIFY(m_workspace->openFile(text, &error)); // decoded in a job
    QVERIFY(waitIdle());
    QCOMPARE(problems.count(), 1);
    QVERIFY2(problems.first().first().toString().contains(QStringLiteral("broken.mp4")), qPrintable(problems.first().first().toString()));
    QVERIFY(!model->hasVideo());
    QVERIFY(m_workspace->deepfakeView()->statusText().contains(QStringLiteral("broken.mp4")));

    // Weights that are not a detector: said, and the video still plays with its faces.
    problems.clear();
    model->setModel(text);
    QVERIFY(m_workspace->openFile(m_clip, &error));
    QVERIFY(waitIdle());
    QVERIFY(model->hasVideo());
    QVERIFY(!model->hasDetector());
    QVERIFY(problems.count() >= 1);
    QVERIFY2(problems.last().first().toString().startsWith(QStringLiteral("The detector cannot be used")),
             qPrintable(problems.last().first().toString()));
    QCOMPARE(model->video().explained(), qint64(0));
    QVERIFY(model->video().facesScanned == kFrames);
}

void TestDeepfakeWorkspace::stateRoundTrips()
{
    openExplained(m_workspace.get());
    DeepfakeModel *model = m_workspace->model();
    model->setThreshold(0.7);
    model->setCurrentFrame(9);
    const ProjectPaths paths(m_fixture.filePath(QStringLiteral("study.periscope")), false);
    const QJsonObject state = m_workspace->saveState(paths);
    m_workspace.reset();

    m_workspace = makeWorkspace();
    QString error;
    QVERIFY2(m_workspace->restoreState(state, paths, &error), qPrintable(error));
    QVERIFY(waitIdle());
    DeepfakeModel *restored = m_workspace->model();
    QCOMPARE(restored->video().path, QFileInfo(m_clip).absoluteFilePath());
    QCOMPARE(restored->modelName(), m_weights);
    QCOMPARE(restored->method(), QStringLiteral("gradcam"));
    QCOMPARE(restored->threshold(), 0.7);
    QTRY_COMPARE_WITH_TIMEOUT(restored->frame().index, qint64(9), 10000);
    QCOMPARE(m_workspace->openFiles(), QStringList{QFileInfo(m_clip).absoluteFilePath()});

    // A project naming an unknown method is refused with the reason, not half-applied silently.
    QJsonObject bad = state;
    bad.insert(QStringLiteral("method"), QStringLiteral("lime"));
    QVERIFY(!m_workspace->restoreState(bad, paths, &error));
    QVERIFY2(error.contains(QStringLiteral("lime")), qPrintable(error));
}

void TestDeepfakeWorkspace::screenshotShowsTheScoreTrack()
{
    // The built-in detector's place, filled by the random one; the cache in a folder of the test's.
    const QString models = m_fixture.filePath(QStringLiteral("models"));
    QDir().mkpath(models + QStringLiteral("/deepfake"));
    QVERIFY(QFile::copy(m_weights, models + QStringLiteral("/deepfake/deepfake-selfblend-b0.safetensors")));
    qputenv("PERISCOPE_MODELS_DIR", models.toUtf8());
    qputenv("XDG_CACHE_HOME", m_fixture.filePath(QStringLiteral("xdg-cache")).toUtf8());
    const QString shot = m_fixture.filePath(QStringLiteral("deepfake.png"));
    const CliRun run = runProgram(QStringLiteral("periscope"),
                                  {QStringLiteral("--workspace"), QStringLiteral("deepfake"), QStringLiteral("--open"), m_clip,
                                   QStringLiteral("--screenshot"), shot},
                                  180000);
    qunsetenv("PERISCOPE_MODELS_DIR");
    qunsetenv("XDG_CACHE_HOME");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QImage image(shot);
    QVERIFY(!image.isNull());
    // The score track is drawn in (220, 60, 40) along the timeline: it is there once frames are scored.
    int track = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            track += (std::abs(c.red() - 220) < 6 && std::abs(c.green() - 60) < 6 && std::abs(c.blue() - 40) < 6) ? 1 : 0;
        }
    QVERIFY2(track >= 20, qPrintable(QString::number(track)));
    QVERIFY(QDir(m_fixture.filePath(QStringLiteral("xdg-cache"))).exists());
}

// #23 item 6: the video opened, the threshold (a run of arrow presses is one step), the method
// and explaining on or off are steps of Edit > Undo. By keyboard and mouse on the real widgets.
void TestDeepfakeWorkspace::openAndSettingsAreUndone()
{
    QUndoStack *undo = m_workspace->undoStack();
    DeepfakeModel *model = m_workspace->model();
    openExplained(m_workspace.get());
    QCOMPARE(undo->count(), 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Open megamind-24.mp4"));
    QWidget *view = m_workspace->view();
    auto *threshold = view->findChild<QDoubleSpinBox *>(QStringLiteral("threshold"));
    const double before = model->threshold();
    threshold->setFocus();
    QTest::keyClick(threshold, Qt::Key_Up);
    QTest::keyClick(threshold, Qt::Key_Up);
    QCOMPARE(model->threshold(), threshold->value());
    QVERIFY(model->threshold() > before);
    QCOMPARE(undo->count(), 2); // two presses, one step
    auto *method = view->findChild<QComboBox *>(QStringLiteral("methodChoice"));
    const QString firstMethod = model->method();
    method->setFocus();
    QTest::keyClick(method, Qt::Key_Down);
    QVERIFY(model->method() != firstMethod);
    QCOMPARE(undo->count(), 3);
    auto *explain = view->findChild<QCheckBox *>(QStringLiteral("explainToggle"));
    QVERIFY(explain->isChecked());
    QTest::mouseClick(explain, Qt::LeftButton, {}, QPoint(6, explain->height() / 2));
    QVERIFY(!model->isExplaining());
    QCOMPARE(undo->count(), 4);
    QVERIFY(waitIdle());
    // Back, each with its widget.
    undo->undo();
    QVERIFY(model->isExplaining() && explain->isChecked());
    undo->undo();
    QCOMPARE(model->method(), firstMethod);
    QCOMPARE(method->currentData().toString(), firstMethod);
    undo->undo();
    QCOMPARE(model->threshold(), before);
    QCOMPARE(threshold->value(), before);
    undo->undo(); // the video closed
    QVERIFY(waitIdle());
    QVERIFY(!model->hasVideo());
    // Forward: the video again, and the threshold.
    undo->redo();
    undo->redo();
    QVERIFY(waitIdle());
    QVERIFY(model->hasVideo());
    QCOMPARE(model->video().path, QFileInfo(m_clip).absoluteFilePath());
    QCOMPARE(threshold->value(), model->threshold());
    QVERIFY(model->threshold() > before);
}

// A video, then a folder of videos: undoing the folder brings the video back and empties the list;
// redo lists the folder again and shows its first video.
void TestDeepfakeWorkspace::openingAFolderIsUndone()
{
    QUndoStack *undo = m_workspace->undoStack();
    DeepfakeModel *model = m_workspace->model();
    openExplained(m_workspace.get());
    const QString clip = QFileInfo(m_clip).absoluteFilePath();
    const QString folder = m_fixture.filePath(QStringLiteral("two-videos"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(m_clip, folder + QStringLiteral("/a.mp4")) && QFile::copy(m_clip, folder + QStringLiteral("/b.mp4")));
    QString error;
    QVERIFY2(m_workspace->openFile(folder, &error), qPrintable(error));
    QVERIFY(waitIdle());
    QTRY_COMPARE(m_workspace->folder()->videos().size(), 2);
    QTRY_COMPARE(model->video().path, folder + QStringLiteral("/a.mp4"));
    QCOMPARE(undo->undoText(), QStringLiteral("Open two-videos"));
    undo->undo();
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->folder()->videos().size(), 0);
    QTRY_COMPARE(model->video().path, clip);
    undo->redo();
    QVERIFY(waitIdle());
    QTRY_COMPARE(m_workspace->folder()->videos().size(), 2);
    QTRY_COMPARE(model->video().path, folder + QStringLiteral("/a.mp4"));
    undo->undo();
    undo->undo(); // before the first video
    QVERIFY(waitIdle());
    QVERIFY(!model->hasVideo());
    QCOMPARE(m_workspace->folder()->videos().size(), 0);
}

QTEST_MAIN(TestDeepfakeWorkspace)
#include "tst_deepfakeworkspace.moc"
