// SPDX-License-Identifier: GPL-3.0-or-later
// The DeepFake workspace end to end on the offscreen platform, on 24 frames of opencv-doc's
// Megamind.avi re-encoded here and a one-logit EfficientNet-B0 with random weights (this checks
// the workspace, not a detector: tst_detectortraining checks learning): faces found and frames
// scored and explained by jobs, the frame with its face box and explanation layers, the score and
// face tracks and threshold markers on the timeline, scrubbing over explained frames without new
// work, a reopened video read from the cache, another method computed afresh, bad input, the
// project state, `periscope --workspace deepfake --open VIDEO --screenshot`, and a DFDC folder
// made by `fakes`: the fake beside its original and mask, and its explanations scored per video
// and per folder.
#include <torch/torch.h>

#include "app/shell/JobManager.h"
#include "app/workspaces/deepfake/DeepfakeFolder.h"
#include "app/workspaces/deepfake/DeepfakeMetrics.h"
#include "app/workspaces/deepfake/DeepfakeMetricsPanel.h"
#include "app/workspaces/deepfake/DeepfakeModel.h"
#include "app/workspaces/deepfake/DeepfakeView.h"
#include "app/workspaces/deepfake/DeepfakeWorkspace.h"
#include "engine/core/weights/Safetensors.h"
#include "engine/core/weights/StateDict.h"
#include "engine/deepfake/FakeVideos.h"
#include "engine/media/image/ImageFile.h"
#include "engine/media/video/VideoReader.h"
#include "engine/media/video/VideoWriter.h"
#include "tests/app/cli/CliRun.h"
#include "tests/engine/deepfake/RandomDetector.h"
#include "widgets/imageview/ImageView.h"
#include "widgets/layers/LayerModel.h"
#include "widgets/plotview/PlotView.h"
#include "widgets/timeline/Timeline.h"

#include <QCheckBox>
#include <QComboBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace periscope;
using namespace periscope::app;

namespace {

const QString kMegamind = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/Megamind.avi");
constexpr int kFrames = 24;

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
    void badInputGetsAMessageNotACrash();
    void badFoldersGetAMessage();
    void stateRoundTrips();
    void screenshotShowsTheScoreTrack();
    void aFolderShowsFakesBesideTheirOriginalsAndScoresThem();
    void theWholeFolderIsExplainedWithDifferenceMasks();

private:
    bool waitIdle() { return m_jobs->waitForIdle(180000); }
    std::unique_ptr<DeepfakeWorkspace> makeWorkspace();
    // Opens the clip with the random detector and waits for every frame to be explained.
    void openExplained(DeepfakeWorkspace *workspace);
    // A DFDC folder as `periscope-cli fakes` makes it from the clip: its self-blended fake, masks
    // and metadata.json.
    QString makeFakesFolder(deepfake::FakeVideoResult *made);

    QTemporaryDir m_dir;
    QString m_clip, m_weights, m_cache;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<DeepfakeWorkspace> m_workspace;
};

void TestDeepfakeWorkspace::initTestCase()
{
    if (!QFile::exists(kMegamind))
        QSKIP("opencv-doc's Megamind.avi is not installed");
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("megamind-24.mp4"));
    {
        const auto reader = media::VideoReader::open(kMegamind.toStdString());
        const auto writer = media::VideoWriter::create(m_clip.toStdString(), reader->quickInfo().width, reader->quickInfo().height);
        media::VideoFrame frame;
        for (int i = 0; i < kFrames && reader->readNext(frame); ++i)
            writer->write(frame.rgb);
        writer->finish();
    }
    m_weights = m_dir.filePath(QStringLiteral("detector.safetensors"));
    writeSafetensors(m_weights.toStdString(), stateDictOf(*deepfake::testing::randomDetectorNetwork(5)));
}

std::unique_ptr<DeepfakeWorkspace> TestDeepfakeWorkspace::makeWorkspace()
{
    WorkspaceContext context;
    context.jobs = m_jobs.get();
    auto workspace = std::make_unique<DeepfakeWorkspace>(context);
    workspace->model()->setCacheRoot(m_cache);
    workspace->view()->resize(1280, 800);
    workspace->view()->show();
    return workspace;
}

void TestDeepfakeWorkspace::init()
{
    static int run = 0;
    m_cache = m_dir.filePath(QStringLiteral("cache-%1").arg(++run)); // each case starts with nothing cached
    m_jobs = std::make_unique<JobManager>();
    m_workspace = makeWorkspace();
}

void TestDeepfakeWorkspace::cleanup()
{
    m_jobs->cancelAll();
    m_jobs->waitForIdle(20000);
    m_workspace.reset();
    m_jobs.reset();
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
}

void TestDeepfakeWorkspace::badInputGetsAMessageNotACrash()
{
    DeepfakeModel *model = m_workspace->model();
    QString error;
    QVERIFY(!m_workspace->openFile(m_dir.filePath(QStringLiteral("missing.mp4")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.mp4")), qPrintable(error));

    const QString text = m_dir.filePath(QStringLiteral("broken.mp4"));
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

// Folders that cannot be opened are said why, in the status line and the log, and nothing crashes:
// no videos, a metadata.json that is not JSON, one that points outside the folder.
void TestDeepfakeWorkspace::badFoldersGetAMessage()
{
    QString error;
    QVERIFY(!m_workspace->exportFigure(m_dir.filePath(QStringLiteral("nothing.png")), &error));
    QVERIFY2(error.contains(QStringLiteral("open a video")), qPrintable(error));
    DeepfakeFolder *folder = m_workspace->folder();
    QSignalSpy problems(folder, &DeepfakeFolder::problem);
    const auto write = [](const QString &path, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    const QString empty = m_dir.filePath(QStringLiteral("bad-empty"));
    write(empty + QStringLiteral("/notes.txt"), "no videos here\n");
    const QString broken = m_dir.filePath(QStringLiteral("bad-json"));
    write(broken + QStringLiteral("/metadata.json"), "{\"a.mp4\": {\"label\": ");
    const QString escaping = m_dir.filePath(QStringLiteral("bad-escape"));
    write(escaping + QStringLiteral("/metadata.json"), "{\"../megamind-24.mp4\": {\"label\": \"REAL\"}}");
    for (const QString &bad : {empty, broken, escaping}) {
        problems.clear();
        QVERIFY(m_workspace->openFile(bad, &error)); // listed in a job
        QVERIFY(waitIdle());
        QCOMPARE(problems.count(), 1);
        QVERIFY2(problems.first().first().toString().contains(QFileInfo(bad).fileName()), qPrintable(problems.first().first().toString()));
        QVERIFY(folder->videos().isEmpty());
        QVERIFY(m_workspace->deepfakeView()->statusText().contains(QFileInfo(bad).fileName()));
    }
    QVERIFY2(problems.first().first().toString().contains(QStringLiteral("outside")), qPrintable(problems.first().first().toString()));
}

void TestDeepfakeWorkspace::stateRoundTrips()
{
    openExplained(m_workspace.get());
    DeepfakeModel *model = m_workspace->model();
    model->setThreshold(0.7);
    model->setCurrentFrame(9);
    const ProjectPaths paths(m_dir.filePath(QStringLiteral("study.periscope")), false);
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
    const QString models = m_dir.filePath(QStringLiteral("models"));
    QDir().mkpath(models + QStringLiteral("/deepfake"));
    QVERIFY(QFile::copy(m_weights, models + QStringLiteral("/deepfake/deepfake-selfblend-b0.safetensors")));
    qputenv("PERISCOPE_MODELS_DIR", models.toUtf8());
    qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("xdg-cache")).toUtf8());
    const QString shot = m_dir.filePath(QStringLiteral("deepfake.png"));
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
    QVERIFY(QDir(m_dir.filePath(QStringLiteral("xdg-cache"))).exists());
}

QString TestDeepfakeWorkspace::makeFakesFolder(deepfake::FakeVideoResult *made)
{
    const QString folder = m_dir.filePath(QStringLiteral("dfdc-%1").arg(QFileInfo(m_cache).fileName()));
    deepfake::FakeVideoRequest request;
    request.input = m_clip.toStdString();
    request.outFolder = folder.toStdString();
    *made = deepfake::makeSelfBlendedFake(request);
    deepfake::writeFakesMetadata(folder.toStdString(), {*made});
    return folder;
}

void TestDeepfakeWorkspace::aFolderShowsFakesBesideTheirOriginalsAndScoresThem()
{
    deepfake::FakeVideoResult made;
    const QString folder = makeFakesFolder(&made);

    DeepfakeModel *model = m_workspace->model();
    model->setModel(m_weights);
    QString error;
    QVERIFY2(m_workspace->openFile(folder, &error), qPrintable(error));
    QVERIFY(waitIdle());
    DeepfakeView *view = m_workspace->deepfakeView();
    QCOMPARE(view->videoList()->topLevelItemCount(), 2);
    QCOMPARE(view->videoList()->topLevelItem(0)->text(1), QStringLiteral("fake"));
    QCOMPARE(view->videoList()->topLevelItem(1)->text(1), QStringLiteral("real"));
    // The first video, the fake, opened with its original and masks, and was explained.
    const QString fake = QDir(folder).filePath(QString::fromStdString(made.fake));
    QCOMPARE(QFileInfo(model->video().path).fileName(), QFileInfo(fake).fileName());
    QVERIFY(!model->companions().original.isEmpty());
    QVERIFY(!model->companions().masks.isEmpty());
    QVERIFY(model->video().explained() > 0);

    // A frame with a face: the original frame beside it and the mask of that very frame.
    qint64 k = 0;
    while (!model->video().faces[k])
        ++k;
    model->setCurrentFrame(k);
    QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == k && !model->frame().mask.isNull() && !model->frame().original.isNull(), 10000);
    QCOMPARE(model->frame().original.size(), QSize(model->video().width, model->video().height));
    char name[32];
    std::snprintf(name, sizeof name, "/%06lld.png", static_cast<long long>(k));
    const Image truth = media::readImage(folder.toStdString() + "/" + made.masks + name).pixels;
    int truthOn = 0, shownOn = 0;
    for (int y = 0; y < truth.height(); ++y)
        for (int x = 0; x < truth.width(); ++x) {
            truthOn += truth.sample(x, y, 0) >= 128.0f ? 1 : 0;
            shownOn += model->frame().mask.pixelColor(x, y).red() > 0 ? 1 : 0;
        }
    QVERIFY(truthOn > 0);
    QCOMPARE(shownOn, truthOn);
    widgets::LayerModel *layers = view->layers();
    QVERIFY(layers->layer(DeepfakeView::kOriginalLayer));
    QVERIFY(!layers->layer(DeepfakeView::kOriginalLayer)->visible); // it would hide the fake until compared
    QVERIFY(layers->layer(DeepfakeView::kMaskLayer)->visible);
    // Bottom to top: frame, original, mask, explanation, face.
    QCOMPARE(layers->rowOf(DeepfakeView::kFrameLayer), 0);
    QVERIFY(layers->rowOf(DeepfakeView::kOriginalLayer) < layers->rowOf(DeepfakeView::kMaskLayer));
    QVERIFY(layers->rowOf(DeepfakeView::kMaskLayer) < layers->rowOf(DeepfakeView::kHeatmapLayer));
    QVERIFY(layers->rowOf(DeepfakeView::kHeatmapLayer) < layers->rowOf(DeepfakeView::kFaceLayer));
    QVERIFY(view->compareToggle()->isEnabled());
    view->compareToggle()->setChecked(true);
    QVERIFY(view->imageView()->isWipeActive());
    QVERIFY(layers->layer(DeepfakeView::kOriginalLayer)->visible);

    // The metrics of this video: Grad-CAM's, over every explained frame, with the mask metrics on
    // exactly the explained frames whose mask is not empty.
    DeepfakeMetricsPanel *panel = view->metricsPanel();
    panel->setScope(DeepfakeMetricsPanel::Scope::Video);
    panel->score();
    QVERIFY(waitIdle());
    const DeepfakeMetricsResults &results = m_workspace->metrics()->results();
    const VideoMetrics *scored = results.video(model->video().path);
    QVERIFY(scored);
    QVERIFY2(scored->error.isEmpty(), qPrintable(scored->error));
    QCOMPARE(scored->methods.size(), 1);
    QCOMPARE(scored->methods[0].method, QStringLiteral("gradcam"));
    QCOMPARE(qint64(scored->methods[0].frames), model->video().explained());
    int masked = 0;
    for (qint64 i = 0; i < model->video().frameCount; ++i) {
        if (std::isnan(model->video().scores[i]))
            continue;
        std::snprintf(name, sizeof name, "/%06lld.png", static_cast<long long>(i));
        const Image mask = media::readImage(folder.toStdString() + "/" + made.masks + name).pixels;
        bool any = false;
        for (int y = 0; y < mask.height() && !any; ++y)
            for (int x = 0; x < mask.width() && !any; ++x)
                any = mask.sample(x, y, 0) >= 128.0f;
        masked += any ? 1 : 0;
    }
    const deepfake::ExplanationSummary &summary = scored->methods[0].summary;
    QCOMPARE(summary.maskTopKIoU.n, masked);
    QCOMPARE(summary.locality.n + scored->methods[0].emptyFrames, scored->methods[0].frames);
    QCOMPARE(panel->table()->rowCount(), 1);
    QVERIFY(panel->table()->item(0, 2)->text().contains(QLatin1Char('[')));
    QVERIFY(panel->plot()->seriesCount() >= 1);

    // The real video, explained, and the whole folder: both videos, per-folder means, and the
    // detection quality of the two labelled videos.
    view->videoList()->setCurrentItem(view->videoList()->topLevelItem(1));
    Q_EMIT view->videoList()->itemActivated(view->videoList()->topLevelItem(1), 0);
    QVERIFY(waitIdle());
    QCOMPARE(QFileInfo(model->video().path).fileName(), QFileInfo(m_clip).fileName());
    QVERIFY(model->companions().isEmpty());
    QVERIFY(!view->compareToggle()->isEnabled());
    panel->setScope(DeepfakeMetricsPanel::Scope::Folder);
    panel->score();
    QVERIFY(waitIdle());
    QCOMPARE(results.videos.size(), 2);
    QVERIFY(results.folder.contains(QStringLiteral("gradcam")));
    QCOMPARE(results.folder[QStringLiteral("gradcam")].videos, 2);
    QVERIFY(results.detection.has_value());
    QCOMPARE(results.detection->videos, 2);
    QVERIFY2(panel->summaryText().contains(QStringLiteral("2 of 2 videos")), qPrintable(panel->summaryText()));

    const QString csv = m_dir.filePath(QStringLiteral("metrics.csv"));
    QVERIFY2(results.writeCsv(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.startsWith(QStringLiteral("scope,label,method,metric,n,mean,low,high\n")));
    QVERIFY(text.contains(QStringLiteral("folder,,gradcam,spatial_smoothness,2,")));
    QVERIFY(text.contains(QStringLiteral(",fake,gradcam,mask_top_k_iou,%1,").arg(masked)));
    QVERIFY(text.contains(QStringLiteral("folder,,,detection_roc_auc,2,")));

    // The figure: the frame with its layers and the metrics chart, side by side, captioned.
    const QString svg = m_dir.filePath(QStringLiteral("deepfake-figure.svg"));
    QVERIFY2(m_workspace->exportFigure(svg, &error), qPrintable(error));
    QFile figure(svg);
    QVERIFY(figure.open(QIODevice::ReadOnly));
    const QByteArray drawn = figure.readAll();
    QVERIFY(drawn.contains("gradcam"));        // the chart's category and the caption
    QVERIFY(drawn.contains("megamind-24.mp4")); // the caption names the video

    // The annotated clip of the open video: one frame per explained frame.
    const QString clip = m_dir.filePath(QStringLiteral("annotated.mp4"));
    view->exportClip(clip);
    QVERIFY(waitIdle());
    QVERIFY2(view->statusText().contains(QStringLiteral("annotated.mp4")), qPrintable(view->statusText()));
    QCOMPARE(media::VideoReader::open(clip.toStdString())->info().frameCount, model->video().explained());

    // The project keeps the folder: reopened, the fake comes back with its original and masks.
    model->open(fake, 0, m_workspace->folder()->companionsOf(0));
    QVERIFY(waitIdle());
    const ProjectPaths paths(m_dir.filePath(QStringLiteral("folder.periscope")), false);
    const QJsonObject state = m_workspace->saveState(paths);
    m_workspace.reset();
    m_workspace = makeWorkspace();
    QVERIFY2(m_workspace->restoreState(state, paths, &error), qPrintable(error));
    QVERIFY(waitIdle());
    QCOMPARE(m_workspace->folder()->videos().size(), 2);
    QCOMPARE(QFileInfo(m_workspace->model()->video().path).fileName(), QFileInfo(fake).fileName());
    QVERIFY(!m_workspace->model()->companions().masks.isEmpty());
}

// DFDC proper ships no masks: a fake's masks are its difference to the original. "Explain the
// folder" explains both videos in one job (the open one's explanations read back into the view)
// and scores the folder, with mask metrics from the difference.
void TestDeepfakeWorkspace::theWholeFolderIsExplainedWithDifferenceMasks()
{
    deepfake::FakeVideoResult made;
    const QString folder = makeFakesFolder(&made);
    {
        QFile metadata(folder + QStringLiteral("/metadata.json"));
        QVERIFY(metadata.open(QIODevice::WriteOnly | QIODevice::Truncate));
        metadata.write(QStringLiteral(R"({"%1": {"label": "FAKE", "original": "%2"}, "%2": {"label": "REAL"}})")
                           .arg(QString::fromStdString(made.fake), QString::fromStdString(made.real))
                           .toUtf8());
    }
    DeepfakeModel *model = m_workspace->model();
    model->setModel(m_weights);
    model->setExplaining(false); // only the folder's job explains
    QString error;
    QVERIFY2(m_workspace->openFile(folder, &error), qPrintable(error));
    QVERIFY(waitIdle());
    QVERIFY(model->companions().differenceMasks);
    QVERIFY(model->companions().masks.isEmpty());
    QCOMPARE(model->video().explained(), qint64(0));
    DeepfakeView *view = m_workspace->deepfakeView();
    QCOMPARE(view->videoList()->topLevelItem(0)->text(2), QStringLiteral("difference"));
    // The blend changes the face by more than the coding noise somewhere in most frames.
    qint64 k = 0;
    while (!model->video().faces[k])
        ++k;
    model->setCurrentFrame(k);
    QTRY_VERIFY_WITH_TIMEOUT(model->frame().index == k && !model->frame().mask.isNull(), 10000);

    view->metricsPanel()->explainFolder();
    QVERIFY(waitIdle());
    const qint64 faces = std::count_if(model->video().faces.cbegin(), model->video().faces.cend(), [](const auto &b) { return b.has_value(); });
    QCOMPARE(model->video().explained(), faces); // read back from what the folder's job stored
    const DeepfakeMetricsResults &results = m_workspace->metrics()->results();
    QCOMPARE(results.videos.size(), 2);
    for (const VideoMetrics &v : results.videos) {
        QVERIFY2(v.error.isEmpty(), qPrintable(v.error));
        QCOMPARE(v.methods.size(), 1);
        QVERIFY(v.methods[0].frames > 0);
        // Masks for the fake only; the real video has none.
        QCOMPARE(v.methods[0].summary.maskMass.n > 0, v.fake);
    }
    QVERIFY(results.detection.has_value());
    QCOMPARE(view->metricsPanel()->scope(), DeepfakeMetricsPanel::Scope::Folder);
    QCOMPARE(view->metricsPanel()->table()->rowCount(), 1);
}

QTEST_MAIN(TestDeepfakeWorkspace)
#include "tst_deepfakeworkspace.moc"
